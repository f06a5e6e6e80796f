/// A readable explanation of one classification: themes with the words that
/// triggered them, the suggested agency and why, the place, urgency.
package struct ClassificationExplainer: Sendable {
    package var presenter: ClassificationPresenter
    package var language: Language { presenter.language }

    /// Every word comes from `presenter` (its language, the lexicon's labels).
    package init(presenter: ClassificationPresenter) { self.presenter = presenter }

    package func explain(_ c: Classification) -> String {
        let l = language
        var out = ""
        if c.needsReview {
            out += l.pick(
                "Chủ đề: Khác — không đủ bằng chứng, chuyển hàng chờ xem xét (cơ quan bên dưới chỉ là gợi ý).\n",
                "Theme: Other — not enough evidence; sent to the review queue (the agency below is only a suggestion).\n"
            )
        } else {
            out += l.pick(
                "Chủ đề (độ tin cậy \(percent(c.confidence))):\n", "Themes (confidence \(percent(c.confidence))):\n")
            for (rank, theme) in c.themes.enumerated() {
                let marker = rank == 0 ? l.pick("chính", "main") : l.pick("phụ", "also")
                out +=
                    "  [\(marker)] \(presenter.themeLabel(theme.id)) (\(theme.id)) — \(l.pick("điểm", "score")) \(number(theme.score))\n"
                out += evidenceLines(theme.evidence)
            }
        }
        if !c.candidates.isEmpty {
            out += l.pick("Chưa đủ ngưỡng:\n", "Below threshold:\n")
            for theme in c.candidates {
                out +=
                    "  \(presenter.themeLabel(theme.id)) (\(theme.id)) — \(l.pick("điểm", "score")) \(number(theme.score))\n"
                out += evidenceLines(theme.evidence)
            }
        }
        if let agency = c.agency {
            out +=
                l.pick("Cơ quan đề xuất: ", "Suggested agency: ")
                + "\(presenter.bodyName(agency, asOf: c.asOf)) [\(agency.id)] (\(l.pick("độ tin cậy", "confidence")) \(percent(agency.confidence)))\n"
            out += l.pick("  Lý do: ", "  Reason: ") + presenter.reason(agency, asOf: c.asOf) + " (\(agency.rule))\n"
        } else if !c.needsReview {
            out += l.pick(
                "Cơ quan đề xuất: không tìm được quy tắc định tuyến.\n", "Suggested agency: no routing rule applies.\n")
        }
        if let place = ClassificationRecord.placeName(c.location), let location = c.location {
            out +=
                l.pick("Địa bàn: ", "Place: ")
                + "\(place) — \"\(location.surface)\" @\(location.start)..<\(location.end)\n"
        }
        if !c.urgency.isEmpty {
            out +=
                l.pick("KHẨN: ", "URGENT: ")
                + c.urgency.map { mention in
                    "\(presenter.urgencyLabel(mention.flag)) (\(mention.evidence.filter { !$0.negated }.map { "\"\($0.surface)\"" }.joined(separator: ", ")))"
                }.joined(separator: "; ") + "\n"
        }
        out += l.pick("Ngày định tuyến: ", "Routing date: ") + "\(c.asOf)\n"
        return out
    }

    private func evidenceLines(_ evidence: [Evidence]) -> String {
        evidence.map { e in
            var line = "      \"\(e.surface)\" @\(e.start)..<\(e.end) ← \(e.phrase) (\(number(e.weight))"
            if e.match == .plain { line += language.pick(", khớp không dấu", ", matched without diacritics") }
            if e.negated { line += language.pick(", bị phủ định", ", negated") }
            return line + ", \(e.source))\n"
        }.joined()
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }
}
