import Foundation
import Testing

@testable import KienNghiCore

/// A lexicon diagnostic is data; ``LexiconDiagnosticPresenter`` words it. Every
/// problem case must read as a whole sentence in each language, with no word
/// of the other language left in it, and the layout must stay that of a
/// compiler error (what `kiennghi lexicon check` prints).
@Suite("Lexicon diagnostics are worded at the edge")
struct LexiconDiagnosticPresenterTests {
    typealias Problem = LexiconDiagnostic.Problem

    /// One name a case, so a case added to ``LexiconDiagnostic/Problem`` must be added here too.
    enum Kind: CaseIterable {
        case unreadableFile, notARegularFile, specialFileSkipped, unsafeAgencyID, savedAsUTF16, invalidUTF8, nulByte,
            missingColumns
        case abbreviationWithoutExpansion, duplicateTheme, undeclaredThemeFile, invalidPhraseWeight, emptyPhrase
        case conflictingPhraseWeight, repeatedPhrase, phraseInTwoThemes, contextlessSyllable
        case emptyNegationCue, unknownUrgencyFlag, emptyStopPhrase
        case missingLearnedColumns, unknownLearnedTheme, invalidLearnedWeight, unknownLearnedSetting,
            invalidLearnedSetting, unrecordedLearnedSettings
        case invalidDate, endBeforeStart, overlappingAgency, unknownSuccessor
        case unknownRuleTheme, unknownRuleAgency, emptyRulePhrase, overlappingRule, invalidRuleScope, invalidPriority
        case shadowedRule, missingDefaultRule
        case missingScopeColumn, invalidCueScope, invalidCueWeight, invalidCueContext, emptyScopeCue, repeatedScopeCue
    }

    /// Exhaustive: adding a problem case breaks the build until it is named above.
    static func kind(_ problem: Problem) -> Kind {
        switch problem {
        case .unreadableFile: .unreadableFile
        case .notARegularFile: .notARegularFile
        case .specialFileSkipped: .specialFileSkipped
        case .unsafeAgencyID: .unsafeAgencyID
        case .savedAsUTF16: .savedAsUTF16
        case .invalidUTF8: .invalidUTF8
        case .nulByte: .nulByte
        case .missingColumns: .missingColumns
        case .abbreviationWithoutExpansion: .abbreviationWithoutExpansion
        case .duplicateTheme: .duplicateTheme
        case .undeclaredThemeFile: .undeclaredThemeFile
        case .invalidPhraseWeight: .invalidPhraseWeight
        case .emptyPhrase: .emptyPhrase
        case .conflictingPhraseWeight: .conflictingPhraseWeight
        case .repeatedPhrase: .repeatedPhrase
        case .phraseInTwoThemes: .phraseInTwoThemes
        case .contextlessSyllable: .contextlessSyllable
        case .emptyNegationCue: .emptyNegationCue
        case .unknownUrgencyFlag: .unknownUrgencyFlag
        case .emptyStopPhrase: .emptyStopPhrase
        case .missingLearnedColumns: .missingLearnedColumns
        case .unknownLearnedTheme: .unknownLearnedTheme
        case .invalidLearnedWeight: .invalidLearnedWeight
        case .unknownLearnedSetting: .unknownLearnedSetting
        case .invalidLearnedSetting: .invalidLearnedSetting
        case .unrecordedLearnedSettings: .unrecordedLearnedSettings
        case .invalidDate: .invalidDate
        case .endBeforeStart: .endBeforeStart
        case .overlappingAgency: .overlappingAgency
        case .unknownSuccessor: .unknownSuccessor
        case .unknownRuleTheme: .unknownRuleTheme
        case .unknownRuleAgency: .unknownRuleAgency
        case .emptyRulePhrase: .emptyRulePhrase
        case .overlappingRule: .overlappingRule
        case .invalidRuleScope: .invalidRuleScope
        case .invalidPriority: .invalidPriority
        case .shadowedRule: .shadowedRule
        case .missingDefaultRule: .missingDefaultRule
        case .missingScopeColumn: .missingScopeColumn
        case .invalidCueScope: .invalidCueScope
        case .invalidCueWeight: .invalidCueWeight
        case .invalidCueContext: .invalidCueContext
        case .emptyScopeCue: .emptyScopeCue
        case .repeatedScopeCue: .repeatedScopeCue
        }
    }

    /// One example of every case. User data is ASCII on purpose: any Vietnamese letter left in English is wording.
    static var examples: [Problem] {
        let first = LexiconSource(file: "themes/traffic.tsv", line: 4)
        return [
            .unreadableFile, .notARegularFile(kind: "fifo"), .specialFileSkipped(kind: "socket"),
            .unsafeAgencyID(id: "../../keep", fault: .dotDot), .savedAsUTF16, .invalidUTF8(byteOffset: 6),
            .nulByte(byteOffset: 9),
            .missingColumns(missing: ["weight"], required: ["phrase", "weight"]),
            .abbreviationWithoutExpansion, .duplicateTheme(id: "traffic"), .undeclaredThemeFile(theme: "bridges"),
            .invalidPhraseWeight("many"), .emptyPhrase("..."), .conflictingPhraseWeight(phrase: "un tac", first: first),
            .repeatedPhrase(phrase: "un tac", first: first),
            .phraseInTwoThemes(phrase: "un tac", otherTheme: "environment", first: first),
            .contextlessSyllable(phrase: "meo"), .emptyNegationCue("..."), .unknownUrgencyFlag("protest"),
            .emptyStopPhrase("..."), .missingLearnedColumns, .unknownLearnedTheme("bridges"),
            .invalidLearnedWeight, .unknownLearnedSetting("ngram-order"), .invalidLearnedSetting("lexicon-cap"),
            .unrecordedLearnedSettings(assumedCap: 5), .invalidDate("2025-13-01"),
            .endBeforeStart, .overlappingAgency(id: "police", otherLine: 12), .unknownSuccessor("nowhere"),
            .unknownRuleTheme("bridges"), .unknownRuleAgency("bridges-office", known: ["police", "transport"]),
            .emptyRulePhrase("..."), .overlappingRule(otherLine: 43), .invalidRuleScope("nearby"),
            .invalidPriority("high"), .shadowedRule(by: 204), .missingDefaultRule(theme: "traffic"),
            .missingScopeColumn("weight"), .invalidCueScope("nearby"), .invalidCueWeight("11"),
            .invalidCueContext("after"), .emptyScopeCue("..."), .repeatedScopeCue("ngo", firstLine: 2),
        ]
    }

    static func diagnostic(_ problem: Problem, severity: LexiconDiagnostic.Severity = .error) -> LexiconDiagnostic {
        LexiconDiagnostic(
            path: "L/themes/traffic.tsv", line: 81, column: 10, severity: severity, problem: problem,
            lineText: "kep cung\tmany")
    }

    /// The wording without what the user wrote or named: quoted values, `commands`, file names and the
    /// lexicon's own keywords (column names and the values a cell takes), which stay as written in both languages.
    static func wording(_ message: String) -> String {
        var text = message
        for pattern in [
            #""[^"]*""#, "`[^`]*`", #"[\w.-]*/[\w./-]*"#, #"[\w.-]+\.tsv"#, "Save As → Encoding: UTF-8",
            #"\b(phrase|weight|feature|theme|scope|context|priority|valid_from|valid_until|local|citywide|name|number|exclude)\b"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }

    static let englishWords: Set<String> = [
        "the", "file", "files", "row", "rows", "cannot", "with", "and", "or", "not", "is", "it", "run", "again",
        "read", "column", "columns", "check", "use", "of", "to", "in", "missing", "invalid", "unknown", "delete",
        "write", "add", "line", "date", "dates", "empty", "leave", "fix", "error", "warning", "rule", "agency",
        "already", "appears", "before", "overlap", "overlaps", "words", "one", "a", "an", "id", "save",
    ]

    @Test func everyCaseHasAnExample() {
        #expect(Set(Self.examples.map(Self.kind)) == Set(Kind.allCases))
    }

    @Test(arguments: Self.examples)
    func englishHoldsNoVietnamese(_ problem: Problem) {
        let presenter = LexiconDiagnosticPresenter(language: .en)
        for text in [presenter.message(problem), presenter.fix(problem)] {
            #expect(!text.isEmpty, "\(problem)")
            #expect(!LanguageMixingTests.hasVietnameseLetter(Self.wording(text)), "\(text)")
        }
        for severity in [LexiconDiagnostic.Severity.error, .warning] {
            let rendered = presenter.rendered(Self.diagnostic(problem, severity: severity))
            #expect(!LanguageMixingTests.hasVietnameseLetter(Self.wording(rendered)), "\(rendered)")
        }
    }

    @Test(arguments: Self.examples)
    func vietnameseHoldsNoEnglish(_ problem: Problem) {
        let presenter = LexiconDiagnosticPresenter(language: .vi)
        for severity in [LexiconDiagnostic.Severity.error, .warning] {
            let rendered = presenter.rendered(Self.diagnostic(problem, severity: severity))
            for text in [presenter.message(problem), presenter.fix(problem), rendered] {
                #expect(LanguageMixingTests.hasVietnameseLetter(text), "no Vietnamese at all: \(text)")
                let words = Self.wording(text).lowercased().split { !$0.isLetter }.map(String.init)
                let english = words.filter { Self.englishWords.contains($0) }
                #expect(english.isEmpty, "\(english) in: \(text)")
            }
        }
    }

    /// The layout `kiennghi lexicon check` prints: head, the line with tabs shown as spaces, a caret, the fix.
    @Test func renderedLikeACompilerError() {
        let problem = Problem.invalidPhraseWeight("nhiều")
        var diagnostic = Self.diagnostic(problem)
        diagnostic.lineText = "kẹt cứng\tnhiều"
        #expect(
            diagnostic.rendered(.en) == """
                L/themes/traffic.tsv:81:10: error: invalid weight "nhiều"
                    kẹt cứng nhiều
                             ^
                    fix: write a non-zero number from -10 to 10 (3 strong, 2 clear, 1 supporting, negative lowers) or exclude

                """)
        diagnostic.severity = .warning
        diagnostic.lineText = ""
        #expect(
            diagnostic.rendered(.vi) == """
                L/themes/traffic.tsv:81:10: cảnh báo: trọng số "nhiều" không hợp lệ
                    cách sửa: ghi một số khác 0 từ -10 đến 10 (3 mạnh, 2 rõ, 1 hỗ trợ, số âm để giảm) hoặc exclude

                """)
        #expect(diagnostic.description == diagnostic.rendered(.en))
    }

    /// Every sentence, as `kiennghi lexicon check` prints it, in both languages: a change of wording shows here.
    @Test func everySentenceIsKept() {
        let text = [Language.vi, .en].map { language in
            Self.examples.map { LexiconDiagnosticPresenter(language: language).rendered(Self.diagnostic($0)) }.joined()
        }.joined(separator: "\n")
        Golden.check(text, named: "lexicon-diagnostics.txt")
    }

    /// Two diagnostics are equal when they name the same place and problem.
    @Test func equalityComparesTheProblem() {
        let a = Self.diagnostic(.invalidDate("2025-13-01"))
        var b = a
        #expect(a == b)
        b.problem = .invalidDate("2025-13-02")
        #expect(a != b)
    }
}
