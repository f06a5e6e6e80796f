import Foundation
import Testing
@testable import KienNghiCore

/// The learned agency model: fitted deterministically, overrules a theme-default
/// rule when the petition's words point elsewhere (with n-gram evidence and the
/// `learned` reason code), never a staff-written phrase rule.
@Suite("Learned agency model")
struct AgencyModelTests {
    static let texts = [
        ("Thủ tục đăng ký khai sinh cho con mất nhiều ngày", "justice"),
        ("Xin hỏi thủ tục trích lục khai sinh bản sao", "justice"),
        ("Cấp lại giấy khai sinh bị mất thì làm thế nào", "justice"),
        ("Thủ tục xin giấy phép xây dựng nhà ở kéo dài", "district"),
        ("Hồ sơ chuyển mục đích sử dụng đất bị trả lại", "district"),
        ("Đăng ký thường trú cho con ở đâu", "police"),
    ]

    static func fitted() -> LearnedWeights {
        let hand = defaultClassifier.withLearned(nil).withLearnedAgency(nil)
        let theme = "administrative-procedures"
        let examples = (0..<4).flatMap { _ in texts }.map {
            AgencyModelTrainer.Example(input: hand.learningInput($0.0), context: hand.agencyContext($0.0, mainTheme: theme), agency: $0.1)
        }
        return AgencyModelTrainer().fit(examples)
    }

    @Test func fitIsDeterministicAndWritesContextRows() {
        let a = Self.fitted()
        #expect(a == Self.fitted())
        #expect(Set(a.themes) == ["district", "justice", "police"])
        #expect(a.entries.contains { $0.feature == "@route:district" })
        #expect(a.entries.contains { $0.feature == "khai sinh" && $0.theme == "justice" && $0.weight > 0 })
        let file = LearnedWeightsWriter.agencyWeightsFile(a, trainedOn: 24, seed: 1)
        #expect(file.split(separator: "\n")[1] == "feature\tagency\tweight")
    }

    @Test func overrulesThemeDefaultsButNotPhraseRules() throws {
        let classifier = defaultClassifier.withLearnedAgency(Self.fitted())
        let rulesOnly = defaultClassifier.withLearnedAgency(nil)
        let text = "Làm lại giấy khai sinh cho con ở phường rất chậm, đề nghị giải quyết thủ tục nhanh hơn"
        let before = try #require(rulesOnly.classify(text).agency)
        let after = try #require(classifier.classify(text).agency)
        #expect(before.id != "justice")
        #expect(after.id == "justice")
        #expect(after.basis == .learned)
        // Its evidence is a learned n-gram of the petition that votes for justice, with its file and line.
        #expect(after.phrase.map { $0.weight > 0 && $0.source.hasPrefix("learned/agency-weights.tsv:") } == true)
        #expect(after.phrase.map { String(text.utf8.dropFirst($0.start).prefix($0.end - $0.start))! } == after.phrase?.surface)
        let phraseRule = try #require(classifier.classify("Đăng ký thường trú cho con ở đâu, thủ tục khai sinh").agency)
        #expect(phraseRule.id == "police")
        #expect(phraseRule.basis != .learned)
    }
}
