import Foundation
import Testing

@testable import KienNghiCore

/// One row of Lexicons/examples.tsv.
struct LexiconExample: CustomTestStringConvertible, Sendable {
    var line: Int
    var text: String
    var themes: [String]
    var notThemes: [String]
    var agency: String?

    var testDescription: String { "examples.tsv:\(line)" }

    static let all: [LexiconExample] = {
        let file = try! TabularFile.load(TestData.repositoryRoot.appendingPathComponent("Lexicons/examples.tsv"))
        func list(_ s: String) -> [String] {
            s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return file.rows.map {
            let agency = file.cell($0, "agency")
            return LexiconExample(
                line: $0.line, text: file.cell($0, "text"), themes: list(file.cell($0, "themes")),
                notThemes: list(file.cell($0, "not_themes")), agency: agency.isEmpty ? nil : agency)
        }
    }()
}

@Suite("Lexicon examples")
struct LexiconExamplesTests {
    @Test(arguments: LexiconExample.all)
    func exampleClassifiesAsStated(example: LexiconExample) {
        let result = defaultClassifier.classify(example.text)
        let accepted = result.themes.map(\.id)
        #expect(result.mainTheme == example.themes.first, "\(example.text) → \(accepted)")
        for theme in example.themes { #expect(accepted.contains(theme), "\(theme) missing for: \(example.text)") }
        for theme in example.notThemes {
            #expect(!accepted.contains(theme), "\(theme) must not be accepted for: \(example.text)")
        }
        if example.themes.first == "other" {
            // A review item may carry a suggestion, but it must say it needs review.
            #expect(result.agency.map(\.needsReview) ?? true, "a review item's agency must be marked as a suggestion")
        }
        if let agency = example.agency {
            #expect(result.agency?.id == agency, "\(example.text) → \(result.agency?.id ?? "nil")")
        }
    }

    @Test func everyThemeHasExamples() {
        let covered = Set(LexiconExample.all.compactMap(\.themes.first))
        for theme in defaultLexicon.themes { #expect(covered.contains(theme.id), "no example for \(theme.id)") }
    }

    @Test(arguments: LexiconExample.all.filter { $0.themes.first != "other" })
    func textWithoutDiacriticsKeepsTheMainTheme(example: LexiconExample) {
        let plain = stripDiacritics(example.text)
        #expect(defaultClassifier.classify(plain).mainTheme == example.themes.first, "\(plain)")
    }
}
