/// The columns KienNghi adds to every row it writes, in Vietnamese or English.
package enum OutputColumns {
    package static func names(_ l: Language) -> [String] {
        [
            l.pick("chủ đề (mã)", "theme ids"), l.pick("chủ đề", "themes"), l.pick("chủ đề chính", "main theme"),
            l.pick("độ tin cậy", "confidence"), l.pick("bằng chứng", "evidence"), l.pick("khẩn", "urgency"),
            l.pick("cơ quan đề xuất (mã)", "agency id"), l.pick("cơ quan đề xuất", "suggested agency"),
            l.pick("lý do", "reason"), l.pick("quận/huyện, KCN", "district or zone"),
        ]
    }

    /// The added cells for one classified petition, worded by `presenter`.
    package static func values(_ c: Classification, _ presenter: ClassificationPresenter) -> [String] {
        let l = presenter.language
        let review = l.pick("chờ xem xét (không đủ bằng chứng)", "review queue (not enough evidence)")
        return [
            c.themes.map(\.id).joined(separator: "; "),
            c.themes.map { presenter.themeLabel($0.id) }.joined(separator: "; "),
            c.mainTheme,
            twoDecimals(c.confidence),
            c.themes.flatMap { theme in theme.evidence.filter { !$0.negated }.map { "\($0.surface) → \(theme.id)" } }
                .joined(separator: "; "),
            c.urgency.map { presenter.urgencyLabel($0.flag) }.joined(separator: "; "),
            c.agency?.id ?? "",
            c.needsReview
                ? review
                    + (c.agency.map { l.pick("; gợi ý: ", "; suggestion: ") + presenter.bodyName($0, asOf: c.asOf) }
                        ?? "")
                : c.agency.map { presenter.bodyName($0, asOf: c.asOf) } ?? "",
            c.agency.map { presenter.reason($0, asOf: c.asOf) } ?? "",
            ClassificationRecord.placeName(c.location) ?? "",
        ]
    }

    /// `0.83`, as `%.2f` writes it, without Foundation (this runs for every row).
    static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let hundredths = Int((value * 100).rounded(.toNearestOrEven))
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
