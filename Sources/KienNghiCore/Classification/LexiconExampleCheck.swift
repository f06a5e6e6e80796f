import Foundation

/// Runs the examples staff write beside the lexicons (`examples.tsv`: text,
/// expected themes, themes that must not be accepted, expected 2019 agency) as
/// checks, so a lexicon edit that breaks one is reported by `lexicon check`.
package struct LexiconExampleCheck {
    /// One example that did not classify as stated (data; worded by the CLI).
    package struct Failure: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            /// The main theme differs: expected, got.
            case mainTheme(expected: String, got: String)
            /// An expected theme was not accepted.
            case missingTheme(String)
            /// A theme that must not be accepted was.
            case unwantedTheme(String)
            /// The agency differs: expected, got (nil: none).
            case agency(expected: String, got: String?)
        }
        /// `examples.tsv:LINE`.
        package var source: LexiconSource
        package var kind: Kind
    }

    /// The examples file in a lexicon folder.
    package static func file(in directory: URL) -> URL { directory.appendingPathComponent("examples.tsv") }

    /// Classifies every example (routing for the 2019 structure, as the file states agencies).
    /// Returns how many examples ran and the failures; nil when the folder has no examples file.
    package static func run(_ classifier: Classifier, directory: URL) throws -> (examples: Int, failures: [Failure])? {
        let url = file(in: directory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let table = try TabularFile.load(url)
        func list(_ s: String) -> [String] {
            s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var failures: [Failure] = []
        for row in table.rows {
            let source = LexiconSource(file: "examples.tsv", line: row.line)
            let themes = list(table.cell(row, "themes"))
            let unwanted = list(table.cell(row, "not_themes"))
            let agency = table.cell(row, "agency")
            let result = classifier.classify(table.cell(row, "text"))
            let accepted = result.themes.map(\.id)
            if let main = themes.first, main != result.mainTheme {
                failures.append(Failure(source: source, kind: .mainTheme(expected: main, got: result.mainTheme)))
            }
            for theme in themes.dropFirst() where !accepted.contains(theme) {
                failures.append(Failure(source: source, kind: .missingTheme(theme)))
            }
            for theme in unwanted where accepted.contains(theme) {
                failures.append(Failure(source: source, kind: .unwantedTheme(theme)))
            }
            if !agency.isEmpty, result.agency?.id != agency {
                failures.append(Failure(source: source, kind: .agency(expected: agency, got: result.agency?.id)))
            }
        }
        return (table.rows.count, failures)
    }
}
