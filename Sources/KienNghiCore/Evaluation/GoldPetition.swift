import Foundation

/// A labelled petition: text, themes (main first), agency (2019 id), urgency flags.
package struct GoldPetition: Sendable, Equatable, Codable {
    package var id: String
    package var text: String
    package var themes: [String]
    package var agency: String?
    package var urgency: [String]?
    /// Where the text was found (a URL); cross-validation groups by its host.
    package var source: String?

    package init(
        id: String, text: String, themes: [String], agency: String?, urgency: [String]? = nil, source: String? = nil
    ) {
        self.id = id
        self.text = text
        self.themes = themes
        self.agency = agency
        self.urgency = urgency
        self.source = source
    }

    /// Reads JSON Lines with `text`, `themes`, optional `id`, `agency`, `urgency`
    /// (the layout of shared/eval-dev.jsonl). Bad lines are returned with their line number.
    package static func readJSONLines(_ data: Data) -> (petitions: [GoldPetition], badLines: [Int]) {
        var petitions: [GoldPetition] = []
        var bad: [Int] = []
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if trimmed.isEmpty { continue }
            struct Raw: Decodable {
                var id: String?
                var text: String
                var themes: [String]
                var agency: String?
                var urgency: [String]?
                var source: String?
            }
            guard let raw = try? decoder.decode(Raw.self, from: Data(trimmed)), !raw.themes.isEmpty else {
                bad.append(index + 1)
                continue
            }
            petitions.append(
                GoldPetition(
                    id: raw.id ?? String(index + 1), text: raw.text, themes: raw.themes, agency: raw.agency,
                    urgency: raw.urgency, source: raw.source))
        }
        return (petitions, bad)
    }
}

extension GoldPetition {
    /// Label columns a table may use (any case, with or without diacritics).
    static let themeColumns = ["themes", "chu de", "labels"]
    static let agencyColumns = ["agency", "co quan"]
    static let urgencyColumns = ["urgency", "khan"]

    /// Turns table rows (CSV, XLSX...) with label columns into gold petitions;
    /// nil when the table has no themes column.
    package static func fromTable(_ records: [PetitionRecord], columns: [String]) -> [GoldPetition]? {
        let folded = columns.map(InputSchema.fold)
        guard let themesIndex = folded.firstIndex(where: themeColumns.contains) else { return nil }
        let agencyIndex = folded.firstIndex(where: agencyColumns.contains)
        let urgencyIndex = folded.firstIndex(where: urgencyColumns.contains)
        func list(_ cell: String) -> [String] {
            cell.split(whereSeparator: { ",;| ".contains($0) }).map(String.init).filter { !$0.isEmpty }
        }
        return records.compactMap { record in
            let themes = list(record.cells[themesIndex])
            guard !themes.isEmpty else { return nil }
            let agency = agencyIndex.map { record.cells[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            return GoldPetition(
                id: record.id, text: record.text, themes: themes, agency: agency,
                urgency: urgencyIndex.map { list(record.cells[$0]) })
        }
    }
}
