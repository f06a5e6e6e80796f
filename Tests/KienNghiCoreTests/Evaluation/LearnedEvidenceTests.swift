import Foundation
import Testing

@testable import KienNghiCore

/// Learned n-grams shown as evidence: a capitalised word inside a sentence is a
/// name, so it may score but is never shown as a reason.
@Suite("Learned evidence")
struct LearnedEvidenceTests {
    static let weights = LearnedWeights(entries: [
        .init(
            feature: "minh", theme: "traffic", weight: 3, source: LexiconSource(file: "learned/weights.tsv", line: 3)),
        .init(
            feature: "truoc", theme: "traffic", weight: 3, source: LexiconSource(file: "learned/weights.tsv", line: 4)),
    ])

    static func phrases(_ text: String) -> [String] {
        let result = defaultClassifier.withLearned(weights).classify(text)
        return (result.themes + result.candidates).flatMap(\.evidence).map(\.phrase)
    }

    @Test func namesInsideASentenceAreNoEvidence() {
        let inside = Self.phrases("Con đường trước nhà Minh bị hỏng nặng")
        #expect(inside.contains("truoc"))
        #expect(!inside.contains("minh"))
        // At the start of a sentence a capital says nothing about a name.
        #expect(Self.phrases("Minh bạch chi phí sửa con đường trước chợ").contains("minh"))
    }

    @Test func stopwordsAreNoFeatures() {
        let stopwords = ThemeModelTrainer.stopwordFeatures(
            TestData.repositoryRoot.appendingPathComponent("Lexicons/stopwords.txt"))
        #expect(stopwords.contains("vao"))
        #expect(!stopwords.contains("bao hiem"))
        let hand = defaultClassifier.withLearned(nil)
        let texts = [("Xe tải đi vào đường cấm", "traffic"), ("Khói bụi bay vào nhà dân", "environment")]
        let examples = (0..<4).flatMap { _ in texts }.map {
            ThemeModelTrainer.Example(input: hand.learningInput($0.0), themes: [$0.1])
        }
        var trainer = ThemeModelTrainer()
        trainer.pruneBelow = 0
        #expect(trainer.fit(examples, themes: defaultLexicon.themes.map(\.id)).entries.contains { $0.feature == "vao" })
        trainer.excludedFeatures = stopwords
        #expect(
            !trainer.fit(examples, themes: defaultLexicon.themes.map(\.id)).entries.contains { $0.feature == "vao" })
    }

    /// The word-only fit adds weight to n-grams alone: hand scores and hand phrases keep
    /// exactly the hybrid fit's weights, while words gain (the view that helps unaccented text).
    @Test func wordViewWeighsWordsOnly() {
        let hand = defaultClassifier.withLearned(nil)
        let texts = [
            ("Xe tải chạy quá tốc độ trên đường vào khu công nghiệp", "traffic"),
            ("Nhà máy xả nước thải gây ô nhiễm con kênh", "environment"),
        ]
        let examples = (0..<4).flatMap { _ in texts }.map {
            ThemeModelTrainer.Example(input: hand.learningInput($0.0), themes: [$0.1])
        }
        var trainer = ThemeModelTrainer()
        trainer.pruneBelow = 0
        trainer.wordViewShare = 0
        let hybrid = trainer.fit(examples, themes: defaultLexicon.themes.map(\.id))
        trainer.wordViewShare = 0.3
        let both = trainer.fit(examples, themes: defaultLexicon.themes.map(\.id))
        func weight(_ fit: LearnedWeights, _ feature: String, _ theme: String) -> Double? {
            fit.entries.first { $0.feature == feature && $0.theme == theme }?.weight
        }
        let handFeatures = hybrid.entries.filter {
            $0.feature.hasPrefix(LearnedWeights.lexiconPrefix) || $0.feature.hasPrefix(LearnedWeights.phrasePrefix)
        }
        #expect(!handFeatures.isEmpty)
        for entry in handFeatures {
            #expect(weight(both, entry.feature, entry.theme) == entry.weight, "\(entry.feature)")
        }
        let word = try? #require(weight(hybrid, "nuoc thai", "environment"))
        #expect(word != nil && weight(both, "nuoc thai", "environment")! > word!)
    }
}
