import Foundation
import KienNghiCore
import Testing

/// Uses KienNghiCore the way a program outside the package does (this target is
/// compiled under another package name, so `package` declarations are out of
/// reach): if a declaration it needs stops being public, this fails to build.
@Suite struct FrontDoorTests {
    static let pipeline = try! PetitionPipeline()

    /// A small CSV written at run time: two petitions, one blank text.
    func pile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-\(UUID().uuidString).csv")
            .path
        let csv = """
            id,noi_dung
            1,Công ty nợ lương công nhân ba tháng nay chưa trả
            2,Đường ngõ 47 ngập nước mỗi khi mưa
            3,
            """
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func classifiesACSVWithTypedDecisionsAndAccounting() throws {
        let path = try pile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var decisions: [ClassifiedPetition] = []
        var rejected: [RejectedRow] = []
        let summary = try Self.pipeline.classify(files: [path], rejected: { rejected.append($0) }, { decisions += $0 })
        #expect(decisions.map(\.record.id) == ["1", "2"])
        #expect(decisions[0].classification.mainTheme == "employment")
        #expect(decisions[0].classification.urgency.map(\.flag) == [.unpaidWages])
        #expect(summary.rows == summary.classified + summary.rejectedCount)
        #expect(summary.rejectedCount == rejected.count)
    }

    @Test func presentersWordTheSameDecisionInEitherLanguage() throws {
        let decision = Self.pipeline.classify("Công ty nợ lương công nhân ba tháng nay chưa trả")
        let vi = ClassificationPresenter(language: .vi, pipeline: Self.pipeline)
        let en = ClassificationPresenter(language: .en, pipeline: Self.pipeline)
        #expect(vi.themeLabel(decision.mainTheme) != en.themeLabel(decision.mainTheme))
        #expect(en.urgencyLabel(.unpaidWages) == "Unpaid wages")
        let agency = try #require(decision.agency)
        #expect(!agency.reasons.isEmpty)
        let english = en.reason(agency, asOf: decision.asOf)
        #expect(!english.isEmpty && english != vi.reason(agency, asOf: decision.asOf))
        #expect(!en.bodyName(agency, asOf: decision.asOf).isEmpty)
    }

    /// The decision is data: none of the words either presenter gives it
    /// (theme and urgency labels, agency names, the reason) is inside the
    /// decision itself, so all wording a program prints comes from the presenter.
    @Test func noWordingComesFromTheDecision() throws {
        let decision = Self.pipeline.classify("Công ty nợ lương công nhân ba tháng nay chưa trả, đề nghị xử lý gấp")
        let agency = try #require(decision.agency)
        let encoded = String(decoding: try JSONEncoder().encode(decision), as: UTF8.self)
        let decoded = String(
            decoding: try JSONSerialization.data(
                withJSONObject: try JSONSerialization.jsonObject(with: Data(encoded.utf8))),
            as: UTF8.self)
        var words: [String] = []
        for language in [Language.vi, .en] {
            let presenter = ClassificationPresenter(language: language, pipeline: Self.pipeline)
            words += decision.themes.map { presenter.themeLabel($0.id) }
            words += decision.urgency.map { presenter.urgencyLabel($0.flag) }
            words += [
                presenter.agencyName(agency, asOf: decision.asOf), presenter.bodyName(agency, asOf: decision.asOf),
                presenter.reason(agency, asOf: decision.asOf),
            ]
        }
        #expect(words.count == 2 * (decision.themes.count + decision.urgency.count + 3))
        for word in words {
            #expect(!word.isEmpty)
            #expect(!encoded.contains(word) && !decoded.contains(word), "the decision itself says \"\(word)\"")
        }
    }

    @Test func unknownExtensionIsATypedFailure() throws {
        var failed: [String] = []
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kiennghi-front-door-\(UUID().uuidString).pdf"
        ).path
        try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: pdf))
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let summary = try Self.pipeline.classify(files: [pdf]) { _ in }
        for (path, failure) in summary.failedFiles {
            failed.append(path)
            guard case .unsupportedFormat = failure else {
                Issue.record("unexpected \(failure)")
                continue
            }
        }
        #expect(failed == [pdf])
    }

    /// A broken lexicon folder is refused with diagnostics that are data (file,
    /// line, column, a problem case); the presenter words them in either language.
    @Test func brokenLexiconsAreTypedDiagnostics() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "frontdoor-lexicons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Lexicons"), to: folder)
        let traffic = folder.appendingPathComponent("themes/traffic.tsv")
        let handle = try FileHandle(forWritingTo: traffic)
        handle.seekToEndOfFile()
        handle.write(Data("ổ gà\tnhiều\n".utf8))
        try handle.close()
        let outcome = Result { try PetitionPipeline(lexicons: folder) }
        guard case .failure(let error) = outcome, let refusal = error as? LexiconLoader.Failure else {
            Issue.record("a weight of \"nhiều\" was accepted, or refused without diagnostics")
            return
        }
        let errors = refusal.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let diagnostic = try #require(errors.first)
        #expect(diagnostic.path.hasSuffix("themes/traffic.tsv"))
        let expected = LexiconDiagnostic.Problem.invalidPhraseWeight("nhiều")
        let isExpected = diagnostic.problem == expected
        #expect(isExpected, "\(diagnostic.problem)")
        let english = LexiconDiagnosticPresenter(language: .en).message(diagnostic.problem)
        let vietnamese = LexiconDiagnosticPresenter(language: .vi).message(diagnostic.problem)
        #expect(english.contains("invalid weight") && vietnamese.contains("trọng số"))
        #expect(!LexiconDiagnosticPresenter(language: .en).fix(diagnostic.problem).isEmpty)
    }
}
