/// Counts over a pile of classified petitions: by theme (main and any), agency,
/// place, urgency, a theme × place cross-table, and the examples a report shows.
/// Memory stays bounded: examples and queues keep only the first few.
public struct PileStatistics: Sendable, Codable {
    /// A petition kept as an example, with its evidence.
    public struct Example: Sendable, Codable {
        public var id: String
        public var file: String
        public var text: String
        public var themes: [String]
        public var evidence: [Evidence]
        public var agency: String?
        public var place: String?
        public var urgency: [String]
    }

    public var label: String
    public var total = 0
    public var byMainTheme: [String: Int] = [:]
    public var byTheme: [String: Int] = [:]
    public var byAgency: [String: Int] = [:]
    public var agencyNames: [String: String] = [:]
    public var byPlace: [String: Int] = [:]
    public var byUrgency: [String: Int] = [:]
    /// theme → place → count (main theme; "(không rõ)" when no place is named).
    public var themeByPlace: [String: [String: Int]] = [:]
    public var examples: [String: [Example]] = [:]
    public var urgent: [Example] = []
    public var review: [Example] = []
    public var reviewCount = 0

    public static let examplesPerTheme = 3
    public static let queueLimit = 200

    public init(label: String) { self.label = label }

    public mutating func add(_ petitions: [ClassifiedPetition], language: Language) {
        let unknownPlace = language.pick("(không rõ)", "(not named)")
        for petition in petitions {
            let c = petition.classification
            total += 1
            byMainTheme[c.mainTheme, default: 0] += 1
            for theme in c.themes { byTheme[theme.id, default: 0] += 1 }
            let agency = c.needsReview ? "review" : c.agency?.id ?? "review"
            byAgency[agency, default: 0] += 1
            agencyNames[agency] = c.needsReview ? language.pick("Hàng chờ xem xét", "Review queue") : c.agency?.agencyName ?? language.pick("Hàng chờ xem xét", "Review queue")
            let place = ClassificationRecord.placeName(c.location) ?? unknownPlace
            if c.location != nil { byPlace[place, default: 0] += 1 }
            themeByPlace[c.mainTheme, default: [:]][place, default: 0] += 1
            for flag in c.urgency { byUrgency[flag.flag.rawValue, default: 0] += 1 }
            let example = Example(
                id: petition.record.id, file: petition.file, text: petition.record.text, themes: c.themes.map(\.id),
                evidence: c.themes.flatMap(\.evidence), agency: c.agency?.name, place: ClassificationRecord.placeName(c.location),
                urgency: c.urgency.map(\.label))
            if c.needsReview {
                reviewCount += 1
                if review.count < Self.queueLimit { review.append(example) }
            } else if examples[c.mainTheme, default: []].count < Self.examplesPerTheme {
                examples[c.mainTheme, default: []].append(example)
            }
            if !c.urgency.isEmpty && urgent.count < Self.queueLimit { urgent.append(example) }
        }
    }

    /// Share of the pile, 0…1.
    public func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }

    /// Keys sorted by count, largest first (ties by name).
    public static func ranked(_ counts: [String: Int]) -> [(key: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
