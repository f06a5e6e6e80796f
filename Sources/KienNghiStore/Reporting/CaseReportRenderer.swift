import Foundation
import KienNghiCore

/// The register's HTML sections (self-contained, no scripts): headline
/// numbers, response rate per agency, open groups by theme and district as
/// inline SVG bar charts, the overdue list and the recurring issues. Personal
/// data is masked unless `unmask` is set.
package struct CaseReportRenderer {
    package var language: Language
    package var themeLabels: [String: String]
    package var unmask: Bool

    package init(language: Language, themeLabels: [String: String] = [:], unmask: Bool = false) {
        self.language = language
        self.themeLabels = themeLabels
        self.unmask = unmask
    }

    package func render(status: RegisterStatus, recurring: (dialogue: String, items: [Recurrence])?, today: CaseDate)
        -> String
    {
        let l = language
        let title = l.pick("Sổ theo dõi kiến nghị", "Petition register")
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title><style>\(Self.style)</style></head><body>
            <header><h1>\(e(title))</h1><p class="sub">\(e(l.pick("Tính đến ngày \(today)", "As of \(today)")))</p></header>
            <section class="cards">
            \(card(status.petitions, l.pick("kiến nghị", "petitions")))
            \(card(status.groups, l.pick("vấn đề (nhóm)", "issues (groups)")))
            \(card(status.byStatus[.overdue] ?? 0, l.pick("quá hạn", "overdue"), alert: (status.byStatus[.overdue] ?? 0) > 0))
            \(card(status.agenciesReporting, l.pick("trên \(status.agencies.count) cơ quan đã trả lời", "of \(status.agencies.count) bodies reported back")))
            </section>
            """
        html += "<section><h2>\(e(l.pick("Tỉ lệ trả lời theo cơ quan", "Response rate by agency")))</h2>"
        html += chart(
            l.pick("Số vấn đề đã trả lời / được giao", "Issues answered / assigned"),
            status.agencies.map { ($0.name, $0.answered, $0.assigned) })
        html +=
            "<table><tr><th>\(e(l.pick("Cơ quan", "Agency")))</th><th>\(e(l.pick("Được giao", "Assigned")))</th><th>\(e(l.pick("Đã trả lời", "Answered")))</th><th>\(e(l.pick("Quá hạn", "Overdue")))</th></tr>"
        for a in status.agencies {
            html +=
                "<tr><td>\(e(a.name))</td><td>\(a.assigned)</td><td>\(a.answered)</td><td class=\"\(a.overdue > 0 ? "alert" : "")\">\(a.overdue)</td></tr>"
        }
        html += "</table></section><section class=\"charts\">"
        let open = status.openByTheme.values.reduce(0, +)
        html += chart(
            l.pick("Vấn đề chưa giải quyết theo chủ đề", "Open issues by theme"),
            status.openByTheme.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                (themeLabels[$0.key] ?? $0.key, $0.value, open)
            })
        html += chart(
            l.pick("Vấn đề chưa giải quyết theo quận/huyện", "Open issues by district"),
            status.openByDistrict.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(15).map {
                ($0.key == "-" ? l.pick("(không rõ)", "(unknown)") : $0.key, $0.value, open)
            })
        html += "</section>"
        if !status.overdue.isEmpty {
            html +=
                "<section><h2>\(e(l.pick("Quá hạn", "Overdue"))) <span class=\"count\">\(status.overdue.count)</span></h2>"
            for g in status.overdue {
                html +=
                    "<div class=\"item alert\"><div class=\"meta\">#\(g.id) · \(e(g.assignedAgencyName ?? g.assignedAgency ?? "")) · \(e(l.pick("hạn", "due"))) \(e(g.dueOn ?? "")) · \(e(l.pick("\(g.count) kiến nghị, \(g.units) đơn vị", "\(g.count) petitions, \(g.units) units")))</div><p>\(e(text(g.representative)))</p></div>"
            }
            html += "</section>"
        }
        if let recurring {
            html +=
                "<section><h2>\(e(l.pick("Vấn đề lặp lại ở \(recurring.dialogue)", "Recurring issues in \(recurring.dialogue)"))) <span class=\"count\">\(recurring.items.count)</span></h2>"
            for r in recurring.items {
                let answered =
                    r.answeredBefore
                    ? l.pick("đã được trả lời trước đây", "answered before")
                    : l.pick("chưa từng được trả lời", "never answered")
                html +=
                    "<div class=\"item\(r.answeredBefore ? "" : " alert")\"><div class=\"meta\">#\(r.group.id) · \(e(l.pick("nêu \(r.times) lần, từ \(r.since)", "raised \(r.times) times since \(r.since)"))) · \(e(answered))</div><p>\(e(text(r.group.representative)))</p></div>"
            }
            html += "</section>"
        }
        return html + "<footer>KienNghi</footer></body></html>\n"
    }

    func text(_ value: String) -> String { unmask ? value : PersonalDataMasker().mask(value) }
    func e(_ value: String) -> String { Markup.escape(value) }

    private func card(_ value: Int, _ label: String, alert: Bool = false) -> String {
        "<div class=\"card\(alert ? " alert" : "")\"><div class=\"value\">\(value)</div><div class=\"label\">\(e(label))</div></div>"
    }

    /// Horizontal bars in inline SVG: each row's value against its own total (drawn as a pale track).
    func chart(_ title: String, _ rows: [(String, Int, Int)]) -> String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 26
        let labelWidth = 330
        let barWidth = 340
        let width = labelWidth + barWidth + 90
        let maximum = max(1, rows.map { max($0.1, $0.2) }.max() ?? 1)
        var svg =
            "<figure><figcaption>\(e(title))</figcaption><svg role=\"img\" aria-label=\"\(e(title))\" viewBox=\"0 0 \(width) \(rows.count * rowHeight + 6)\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let track = max(2, row.2 * barWidth / maximum)
            let length = row.1 == 0 ? 0 : max(2, row.1 * barWidth / maximum)
            let name = row.0.count > 44 ? String(row.0.prefix(43)) + "…" : row.0
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"lbl\">\(e(name))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(track)\" height=\"\(rowHeight - 8)\" rx=\"3\" class=\"track\"/>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"3\" class=\"bar\"><title>\(e(row.0)): \(row.1)/\(row.2)</title></rect>"
            svg += "<text x=\"\(labelWidth + track + 6)\" y=\"\(y + 16)\" class=\"val\">\(row.1)/\(row.2)</text>"
        }
        return svg + "</svg></figure>"
    }

    static let style = """
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#f5f6f8;color:#1d2733}
        header{background:#0b4f6c;color:#fff;padding:24px 32px}h1{margin:0;font-size:26px}.sub{margin:6px 0 0;opacity:.85}
        section{margin:20px 32px}h2{font-size:20px;border-bottom:2px solid #0b4f6c;padding-bottom:4px}
        .cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:#fff;border-radius:8px;padding:14px 20px;min-width:130px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .card .value{font-size:30px;font-weight:700;color:#0b4f6c}.card.alert .value{color:#b3261e}.card .label{font-size:13px;color:#5b6673}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
        figure{background:#fff;margin:0 0 12px;padding:12px 16px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}figcaption{font-weight:700;margin-bottom:6px}
        .bar{fill:#1f7a8c}.track{fill:#dde7ea}.lbl{font-size:13px;fill:#1d2733}.val{font-size:12px;fill:#5b6673}
        table{border-collapse:collapse;background:#fff}td,th{padding:4px 10px;border-bottom:1px solid #e3e6ea;text-align:left}td.alert{color:#b3261e;font-weight:700}
        .item{background:#fff;border-left:4px solid #1f7a8c;border-radius:6px;padding:10px 14px;margin:8px 0}.item.alert{border-left-color:#b3261e}
        .item p{margin:6px 0 0;line-height:1.5}.meta{font-size:12px;color:#5b6673}
        .count{font-size:13px;background:#e3eef2;color:#0b4f6c;border-radius:10px;padding:1px 8px;vertical-align:middle}
        footer{margin:30px 32px;color:#8a94a0;font-size:12px}
        """
}
