import Testing

@testable import KienNghiCore

@Suite("lexicon suggest: word boundaries")
struct PhraseSuggesterBoundaryTests {
    let suggester = PhraseSuggester(classifier: defaultClassifier, stopwords: [])

    @Test func nGramsNeverCrossPunctuation() {
        let grams = suggester.grams(
            "Công ty ra thông báo, lý do cắt giảm nhân sự", analyzer: defaultClassifier.analyzer, known: [])
        #expect(grams["báo lý"] == nil, "\(grams.keys.sorted())")
        #expect(grams["thông báo"] != nil && grams["lý do"] != nil)
        // Without the comma the two syllables are neighbours: the check above can fail.
        let joined = suggester.grams(
            "Công ty ra thông báo lý do cắt giảm nhân sự", analyzer: defaultClassifier.analyzer, known: [])
        #expect(joined["báo lý"] != nil)
    }
}
