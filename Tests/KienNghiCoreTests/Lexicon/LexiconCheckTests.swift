import Foundation
import Testing

@testable import KienNghiCore

/// Copies the default lexicons to a temporary folder, applies `edit`, checks it.
func checkBroken(_ edit: (URL) throws -> Void) throws -> [LexiconDiagnostic] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-lexicon-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: TestData.repositoryRoot.appendingPathComponent("Lexicons"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    try edit(folder)
    return LexiconLoader(directory: folder, displayRoot: "L").check().1
}

func append(_ line: String, to file: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try (text + line + "\n").write(to: url, atomically: true, encoding: .utf8)
}

@Suite("lexicon check")
struct LexiconCheckTests {
    @Test func defaultsAreClean() throws {
        let diagnostics = try checkBroken { _ in }
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(.en) })")
    }

    /// A required file that is missing is an error in words a library user can act
    /// on: no command-line flag (the CLI adds its own advice).
    @Test func aMissingRequiredFileNamesNoCommandLineFlag() throws {
        let diagnostics = try checkBroken { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("routing/agencies.tsv"))
        }
        let missing = try #require(diagnostics.first { $0.path == "L/routing/agencies.tsv" && $0.severity == .error })
        for language in [Language.vi, .en] {
            #expect(!missing.rendered(language).contains("--"), "\(missing.rendered(language))")
        }
    }

    @Test func unknownThemeFile() throws {
        let diagnostics = try checkBroken { folder in
            try "phrase\tweight\nlương\t2\n".write(
                to: folder.appendingPathComponent("themes/wages.tsv"), atomically: true, encoding: .utf8)
        }
        #expect(
            diagnostics.contains {
                $0.path == "L/themes/wages.tsv" && $0.severity == .error
                    && $0.problem == .undeclaredThemeFile(theme: "wages")
            })
    }

    @Test func phraseThatNormalisesToNothing() throws {
        let diagnostics = try checkBroken { try append("...\t2", to: "themes/traffic.tsv", in: $0) }
        let problem = try #require(diagnostics.first { $0.problem == .emptyPhrase("...") })
        #expect(problem.path == "L/themes/traffic.tsv")
        #expect(problem.lineText == "...\t2")
        #expect(problem.rendered(.en).contains("^"))
    }

    @Test func samePhraseWithConflictingWeights() throws {
        let diagnostics = try checkBroken { try append("Ùn Tắc\t1", to: "themes/traffic.tsv", in: $0) }
        #expect(
            diagnostics.contains {
                guard case .conflictingPhraseWeight(phrase: "Ùn Tắc", let first) = $0.problem else { return false }
                return $0.severity == .error && first.file == "themes/traffic.tsv" && $0.line > first.line
            })
    }

    @Test func samePhraseInTwoThemesIsAWarning() throws {
        let diagnostics = try checkBroken { try append("ùn tắc\t2", to: "themes/environment.tsv", in: $0) }
        #expect(
            diagnostics.contains {
                guard case .phraseInTwoThemes(phrase: "ùn tắc", let theme, let first) = $0.problem else { return false }
                return $0.severity == .warning && theme == "environment" && first.file == "themes/environment.tsv"
            })
    }

    @Test func invalidWeightPointsAtTheColumn() throws {
        let diagnostics = try checkBroken { try append("kẹt cứng\tnhiều", to: "themes/traffic.tsv", in: $0) }
        let problem = try #require(diagnostics.first { $0.problem == .invalidPhraseWeight("nhiều") })
        #expect(problem.column == "kẹt cứng\t".count + 1)
    }

    @Test func routingRuleToAnUnknownAgency() throws {
        let diagnostics = try checkBroken {
            try append("traffic\tcầu vượt\tbridges-office\t\t\tx\tx", to: "routing/rules.tsv", in: $0)
        }
        #expect(
            diagnostics.contains {
                guard case .unknownRuleAgency("bridges-office", let known) = $0.problem else { return false }
                return $0.path == "L/routing/rules.tsv" && known.contains("transport") && known == known.sorted()
            })
    }

    @Test func routingRuleWithUnknownTheme() throws {
        let diagnostics = try checkBroken {
            try append("bridges\t\ttransport\t\t\tx\tx", to: "routing/rules.tsv", in: $0)
        }
        #expect(diagnostics.contains { $0.severity == .error && $0.problem == .unknownRuleTheme("bridges") })
    }

    @Test func overlappingEffectiveDates() throws {
        let diagnostics = try checkBroken { folder in
            try append(
                "administrative-procedures\tlý lịch tư pháp\tpolice\t2025-01-01\t\tx\tx", to: "routing/rules.tsv",
                in: folder)
            try append("labour\tSở Lao động mới\tNew labour\t2025-01-01\t\t", to: "routing/agencies.tsv", in: folder)
        }
        #expect(
            diagnostics.contains {
                guard case .overlappingRule = $0.problem else { return false }
                return $0.path == "L/routing/rules.tsv"
            })
        #expect(
            diagnostics.contains {
                guard case .overlappingAgency(id: "labour", _) = $0.problem else { return false }
                return $0.path == "L/routing/agencies.tsv"
            })
    }

    @Test func badDatesAndReversedPeriods() throws {
        let diagnostics = try checkBroken { folder in
            try append("traffic\tcầu vượt\ttransport\t2025-13-01\t\tx\tx", to: "routing/rules.tsv", in: folder)
            try append(
                "traffic\tđường sắt\ttransport\t2025-05-01\t2025-01-01\tx\tx", to: "routing/rules.tsv", in: folder)
        }
        #expect(diagnostics.contains { $0.problem == .invalidDate("2025-13-01") })
        #expect(diagnostics.contains { $0.problem == .endBeforeStart })
    }

    @Test func unknownUrgencyFlag() throws {
        let diagnostics = try checkBroken { try append("biểu tình\tprotest", to: "urgency.tsv", in: $0) }
        #expect(diagnostics.contains { $0.problem == .unknownUrgencyFlag("protest") })
    }

    /// Weights say which hand-score cap they were fitted with, and are scored with it: weights an
    /// office fitted before the row existed keep the cap of then (5), with a warning to re-fit.
    @Test func learnedWeightsAreScoredWithTheCapTheyWereFittedWith() throws {
        let weights = "Lexicons/learned/weights.tsv"
        let text = try String(contentsOf: TestData.repositoryRoot.appendingPathComponent(weights), encoding: .utf8)
        #expect(text.contains("\n@setting:lexicon-cap\t*\t2.0000\n"), "the bundled weights record their cap")
        #expect(try LexiconLoader().load().lexicon.learned?.lexiconCap == 2)

        func loaded(_ edit: @escaping (String) -> String) throws -> (LearnedWeights?, [LexiconDiagnostic]) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kiennghi-cap-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: TestData.repositoryRoot.appendingPathComponent("Lexicons"), to: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            try edit(text).write(
                to: folder.appendingPathComponent("learned/weights.tsv"), atomically: true, encoding: .utf8)
            let (lexicon, diagnostics) = LexiconLoader(directory: folder, displayRoot: "L").check()
            return (lexicon?.learned, diagnostics)
        }
        let (unrecorded, warnings) = try loaded {
            $0.replacingOccurrences(of: "@setting:lexicon-cap\t*\t2.0000\n", with: "")
        }
        #expect(unrecorded?.lexiconCap == LearnedWeights.unrecordedLexiconCap)
        #expect(
            warnings.map(\.problem) == [.unrecordedLearnedSettings(assumedCap: 5)]
                && warnings.allSatisfy { $0.severity == .warning && $0.path == "L/learned/weights.tsv" },
            "\(warnings.map { $0.rendered(.en) })")
        let (_, unknown) = try loaded { $0 + "@setting:ngram-order\t*\t3\n" }
        #expect(unknown.contains { $0.problem == .unknownLearnedSetting("ngram-order") && $0.severity == .error })
        let (_, invalid) = try loaded {
            $0.replacingOccurrences(of: "lexicon-cap\t*\t2.0000", with: "lexicon-cap\t*\t0")
        }
        #expect(invalid.contains { $0.problem == .invalidLearnedSetting("lexicon-cap") && $0.severity == .error })
        // The model computes the hand-score feature with the recorded cap.
        let themes = ["traffic", "other"]
        let capped = { (cap: Double) in LearnedThemeModel(LearnedWeights(entries: [], lexiconCap: cap), themes: themes)
        }
        #expect(capped(2).lexiconValue(20) == 2)
        #expect(capped(5).lexiconValue(20) == 5)
        #expect(capped(5).lexiconValue(3) == 1.5)
    }

    @Test func loadFailsOnErrorsButNotOnWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kiennghi-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: LexiconLoader.Failure.self) { try LexiconLoader(directory: folder).load() }
    }
}
