/// A self-contained HTML report (no scripts, no CDN, works offline): headline
/// numbers, bar charts drawn as inline SVG, urgent petitions first, examples
/// per theme with their evidence highlighted, and the review queue.
///
/// Every text that comes from a user (petitions, ids, file names, the title,
/// edited lexicon labels) is escaped, isolated (`<bdi>` or `dir="auto"`) and
/// has its bidi controls shown as `[U+202E]` markers, so it cannot reorder
/// the page.
package struct HTMLReport: Sendable {
    package var language: Language
    package var title: String
    package var themeLabels: [String: String]

    package init(language: Language, title: String? = nil, themeLabels: [String: String]) {
        self.language = language
        self.title = title ?? language.pick("Báo cáo tổng hợp kiến nghị", "Petition summary report")
        self.themeLabels = themeLabels
    }

    package func render(_ pile: PileStatistics) -> String {
        let l = language
        let agencies = pile.agencyNames
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escapeUserText(title))</title><style>\(Self.style)</style></head><body>
            <header><h1 dir="auto">\(Markup.escapeUserText(title))</h1><p class="sub" dir="auto">\(Markup.isolatedUserText(pile.label))</p></header>
            <section class="cards">
            \(card(pile.total, l.pick("kiến nghị", "petitions")))
            \(card(pile.total - pile.reviewCount, l.pick("đã phân loại", "classified")))
            \(card(pile.urgent.count, l.pick("cần xử lý gấp", "urgent"), urgent: pile.urgent.count > 0))
            \(card(pile.reviewCount, l.pick("chờ xem xét", "to review")))
            \(card(pile.byAgency.keys.filter { $0 != "review" }.count, l.pick("cơ quan phải trả lời", "agencies to answer")))
            </section>
            """
        if pile.rejected > 0 || pile.unreadFiles > 0 {
            // Figures over petitions alone would hide rows or files that never became petitions.
            var parts: [String] = []
            if pile.rejected > 0 {
                parts.append(
                    l.pick(
                        "\(pile.rejected) dòng không thành kiến nghị", "\(pile.rejected) rows did not become petitions")
                )
            }
            if pile.unreadFiles > 0 {
                parts.append(
                    l.pick("\(pile.unreadFiles) tệp không đọc được", "\(pile.unreadFiles) files could not be read"))
            }
            html +=
                "<p class=\"note\">"
                + escape(
                    parts.joined(separator: "; ")
                        + l.pick(
                            " (không tính trong các số liệu dưới đây; xem lý do với --rejected).",
                            " (not counted in the figures below; see why with --rejected)."))
                + "</p>"
        }
        if !pile.urgent.isEmpty {
            html += "<section><h2>\(l.pick("Cần xử lý gấp", "Urgent petitions"))</h2>"
            html += pile.urgent.map { exampleBlock($0, urgent: true) }.joined()
            html += "</section>"
        }
        html += "<section class=\"charts\">"
        html += chart(
            l.pick("Chủ đề chính", "Main theme"),
            PileStatistics.ranked(pile.byMainTheme).map { (themeLabels[$0.key] ?? $0.key, $0.count) }, total: pile.total
        )
        html += chart(
            l.pick("Cơ quan đề xuất", "Suggested agency"),
            PileStatistics.ranked(pile.byAgency).map { (agencies[$0.key] ?? $0.key, $0.count) }, total: pile.total)
        html += chart(
            l.pick("Quận/huyện, KCN được nêu", "District or zone named"),
            Array(PileStatistics.ranked(pile.byPlace).prefix(15)).map { ($0.key, $0.count) }, total: pile.total)
        html += "</section>"
        html += "<section><h2>\(l.pick("Ví dụ theo chủ đề", "Examples by theme"))</h2>"
        for (theme, count) in PileStatistics.ranked(pile.byMainTheme) where theme != ThemeID.other {
            html +=
                "<h3>\(Markup.isolatedUserText(themeLabels[theme] ?? theme)) <span class=\"count\">\(count)</span></h3>"
            html += (pile.examples[theme] ?? []).map { exampleBlock($0, urgent: false) }.joined()
        }
        html += "</section>"
        html +=
            "<section><h2>\(l.pick("Hàng chờ xem xét", "Review queue")) <span class=\"count\">\(pile.reviewCount)</span></h2>"
        html +=
            "<p class=\"note\">\(l.pick("Không đủ bằng chứng để phân loại: cán bộ đọc và chuyển tay; cơ quan ghi kèm chỉ là gợi ý.", "Not enough evidence to classify: a person reads and forwards these; the agency shown is only a suggestion."))</p>"
        html += pile.review.map { exampleBlock($0, urgent: false) }.joined()
        if pile.reviewCount > pile.review.count {
            html +=
                "<p class=\"note\">\(l.pick("… và \(pile.reviewCount - pile.review.count) kiến nghị khác.", "… and \(pile.reviewCount - pile.review.count) more."))</p>"
        }
        html += "</section><footer>KienNghi</footer></body></html>\n"
        return html
    }

    private func card(_ value: Int, _ label: String, urgent: Bool = false) -> String {
        "<div class=\"card\(urgent ? " urgent" : "")\"><div class=\"value\">\(value)</div><div class=\"label\">\(escape(label))</div></div>"
    }

    /// A horizontal bar chart in inline SVG.
    func chart(_ title: String, _ rows: [(String, Int)], total: Int) -> String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 26
        let labelWidth = 330
        let barWidth = 360
        let width = labelWidth + barWidth + 90
        let maximum = max(1, rows.map(\.1).max() ?? 1)
        var svg =
            "<figure><figcaption>\(escape(title))</figcaption><svg role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(rows.count * rowHeight + 6)\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let length = max(2, row.1 * barWidth / maximum)
            let share = total == 0 ? 0 : Double(row.1) * 100 / Double(total)
            let name = row.0.count > 44 ? String(row.0.prefix(43)) + "…" : row.0
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"lbl\">\(Markup.escapeUserText(name))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"3\" class=\"bar\"><title>\(Markup.escapeUserText(row.0)): \(row.1)</title></rect>"
            svg +=
                "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\" class=\"val\">\(row.1) (\(String(format: "%.0f", share))%)</text>"
        }
        return svg + "</svg></figure>"
    }

    private func exampleBlock(_ example: PileStatistics.Example, urgent: Bool) -> String {
        let l = language
        var meta: [String] = []
        meta.append(example.themes.map { themeLabels[$0] ?? $0 }.joined(separator: ", "))
        if let agency = example.agency { meta.append("→ " + agency) }
        if let place = example.place { meta.append(place) }
        var block =
            "<article class=\"petition\(urgent ? " urgent" : "")\"><div class=\"meta\">#\(Markup.isolatedUserText(example.id)) · \(meta.map(Markup.isolatedUserText).joined(separator: " · "))</div>"
        if !example.urgency.isEmpty {
            block +=
                "<div class=\"flags\">\(escape(l.pick("Khẩn: ", "Urgent: ")))\(example.urgency.map(Markup.isolatedUserText).joined(separator: ", "))</div>"
        }
        block += "<p dir=\"auto\">\(highlighted(example.text, example.evidence))</p></article>"
        return block
    }

    /// The text with each piece of evidence wrapped in <mark> (offsets are UTF-8
    /// bytes); bidi controls shown as visible markers.
    func highlighted(_ text: String, _ evidence: [Evidence]) -> String {
        let bytes = Array(text.utf8)
        let spans = evidence.filter { !$0.negated && $0.start < $0.end && $0.end <= bytes.count }.sorted {
            $0.start < $1.start
        }
        var out = ""
        var position = 0
        for span in spans where span.start >= position {
            out += Markup.escapeUserText(String(decoding: bytes[position..<span.start], as: UTF8.self))
            out +=
                "<mark title=\"\(Markup.escapeUserText(span.phrase))\">\(Markup.escapeUserText(String(decoding: bytes[span.start..<span.end], as: UTF8.self)))</mark>"
            position = span.end
        }
        return out + Markup.escapeUserText(String(decoding: bytes[position...], as: UTF8.self))
    }

    func escape(_ text: String) -> String { Markup.escape(text) }

    static let style = """
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#f5f6f8;color:#1d2733}
        header{background:#0b4f6c;color:#fff;padding:24px 32px}h1{margin:0;font-size:26px}.sub{margin:6px 0 0;opacity:.85}
        section{margin:20px 32px}h2{font-size:20px;border-bottom:2px solid #0b4f6c;padding-bottom:4px}h3{font-size:16px;margin:18px 0 8px}
        .cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:#fff;border-radius:8px;padding:14px 20px;min-width:130px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .card .value{font-size:30px;font-weight:700;color:#0b4f6c}.card.urgent .value{color:#b3261e}.card .label{font-size:13px;color:#5b6673}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
        figure{background:#fff;margin:0;padding:12px 16px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}figcaption{font-weight:700;margin-bottom:6px}
        .bar{fill:#1f7a8c}.lbl{font-size:13px;fill:#1d2733}.val{font-size:12px;fill:#5b6673}
        .petition{background:#fff;border-left:4px solid #1f7a8c;border-radius:6px;padding:10px 14px;margin:8px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        .petition.urgent{border-left-color:#b3261e}.petition p{margin:6px 0 0;line-height:1.5}.meta{font-size:12px;color:#5b6673}
        .flags{font-size:12px;color:#b3261e;font-weight:700;margin-top:4px}mark{background:#ffe08a;padding:0 2px;border-radius:2px}
        .count{font-size:13px;background:#e3eef2;color:#0b4f6c;border-radius:10px;padding:1px 8px;vertical-align:middle}.note{color:#5b6673;font-size:13px}
        footer{margin:30px 32px;color:#8a94a0;font-size:12px}
        """
}
