/// The columns KienNghi adds to every row it writes, in Vietnamese or English.
public enum OutputColumns {
    public static func names(_ l: Language) -> [String] {
        [
            l.pick("chủ đề (mã)", "theme ids"), l.pick("chủ đề", "themes"), l.pick("chủ đề chính", "main theme"),
            l.pick("độ tin cậy", "confidence"), l.pick("bằng chứng", "evidence"), l.pick("khẩn", "urgency"),
            l.pick("cơ quan đề xuất (mã)", "agency id"), l.pick("cơ quan đề xuất", "suggested agency"),
            l.pick("lý do", "reason"), l.pick("quận/huyện, KCN", "district or zone"),
        ]
    }

    /// The added cells for one classified petition.
    public static func values(_ c: Classification, _ l: Language) -> [String] {
        let review = l.pick("chờ xem xét (không đủ bằng chứng)", "review queue (not enough evidence)")
        return [
            c.themes.map(\.id).joined(separator: "; "),
            c.themes.map(\.label).joined(separator: "; "),
            c.mainTheme,
            String(format: "%.2f", c.confidence),
            c.themes.flatMap { theme in theme.evidence.filter { !$0.negated }.map { "\($0.surface) → \(theme.id)" } }.joined(separator: "; "),
            c.urgency.map(\.label).joined(separator: "; "),
            c.agency?.id ?? "",
            c.needsReview ? review + (c.agency.map { l.pick("; gợi ý: ", "; suggestion: ") + $0.name } ?? "") : c.agency?.name ?? "",
            c.agency?.reason ?? "",
            ClassificationRecord.placeName(c.location) ?? "",
        ]
    }
}
