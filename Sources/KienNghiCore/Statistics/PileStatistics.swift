/// Counts over a pile of classified petitions: by theme (main and any), agency,
/// place, urgency, a theme × place cross-table, and the examples a report shows.
/// Memory stays bounded: examples and queues keep only the first few.
package struct PileStatistics: Sendable, Codable {
    /// A petition kept as an example, with its evidence.
    package struct Example: Sendable, Codable {
        package var id: String
        package var file: String
        package var text: String
        package var themes: [String]
        package var evidence: [Evidence]
        package var agency: String?
        package var place: String?
        package var urgency: [String]
    }

    package var label: String
    package var total = 0
    package var byMainTheme: [String: Int] = [:]
    package var byTheme: [String: Int] = [:]
    package var byAgency: [String: Int] = [:]
    package var agencyNames: [String: String] = [:]
    package var byPlace: [String: Int] = [:]
    package var byUrgency: [String: Int] = [:]
    /// theme → place → count (main theme; "(không rõ)" when no place is named).
    package var themeByPlace: [String: [String: Int]] = [:]
    package var examples: [String: [Example]] = [:]
    package var urgent: [Example] = []
    package var review: [Example] = []
    package var reviewCount = 0
    /// Rows read that did not become petitions (each listed with `--rejected`), and inputs
    /// that could not be read at all: figures over petitions alone would hide them.
    package var rejected = 0
    package var unreadFiles = 0

    package static let examplesPerTheme = 3
    package static let queueLimit = 200
    /// An example's text is cut after this many bytes, on a character's boundary, with "…": a
    /// report shows petitions, and 400 kept whole near the 1 MiB limit would take 400 MB.
    package static let exampleBytes = 4096

    package init(label: String) { self.label = label }

    /// Counts `petitions`; agency names and urgency labels of examples are worded by `presenter`.
    /// Takes the run's rejected rows and unread inputs from its accounting.
    package mutating func account(_ summary: PileProcessor.Summary) {
        rejected = summary.rejectedCount
        unreadFiles = summary.failedFiles.count
    }

    package mutating func add(_ petitions: [ClassifiedPetition], presenter: ClassificationPresenter) {
        let language = presenter.language
        let unknownPlace = language.pick("(không rõ)", "(not named)")
        for petition in petitions {
            let c = petition.classification
            total += 1
            byMainTheme[c.mainTheme, default: 0] += 1
            for theme in c.themes { byTheme[theme.id, default: 0] += 1 }
            let agency = c.needsReview ? "review" : c.agency?.id ?? "review"
            byAgency[agency, default: 0] += 1
            agencyNames[agency] =
                c.needsReview
                ? language.pick("Hàng chờ xem xét", "Review queue")
                : c.agency.map { presenter.agencyName($0, asOf: c.asOf) }
                    ?? language.pick("Hàng chờ xem xét", "Review queue")
            let place = ClassificationRecord.placeName(c.location) ?? unknownPlace
            if c.location != nil { byPlace[place, default: 0] += 1 }
            themeByPlace[c.mainTheme, default: [:]][place, default: 0] += 1
            for flag in c.urgency { byUrgency[flag.flag.rawValue, default: 0] += 1 }
            let (text, kept) = Self.shown(petition.record.text)
            let example = Example(
                id: petition.record.id, file: petition.file, text: text, themes: c.themes.map(\.id),
                evidence: c.themes.flatMap { $0.evidence.filter { $0.end <= kept } },
                agency: c.agency.map { presenter.bodyName($0, asOf: c.asOf) },
                place: ClassificationRecord.placeName(c.location),
                urgency: c.urgency.map { presenter.urgencyLabel($0.flag) })
            if c.needsReview {
                reviewCount += 1
                if review.count < Self.queueLimit { review.append(example) }
            } else if examples[c.mainTheme, default: []].count < Self.examplesPerTheme {
                examples[c.mainTheme, default: []].append(example)
            }
            if !c.urgency.isEmpty && urgent.count < Self.queueLimit { urgent.append(example) }
        }
    }

    /// The text an example shows, and how many of its bytes that keeps (evidence past them goes).
    static func shown(_ text: String) -> (text: String, keptBytes: Int) {
        guard text.utf8.count > exampleBytes else { return (text, text.utf8.count) }
        var end = text.startIndex
        var bytes = 0
        while end < text.endIndex {
            let next = text.index(after: end)
            let length = text.utf8.distance(from: end, to: next)
            guard bytes + length <= exampleBytes else { break }
            bytes += length
            end = next
        }
        return (text[..<end] + "…", bytes)
    }

    /// Share of the pile, 0…1.
    package func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }

    /// Keys sorted by count, largest first (ties by name).
    package static func ranked(_ counts: [String: Int]) -> [(key: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
