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
    /// With a tiny cap on distinct n-grams, those seen once are dropped as the pile is
    /// read (bounded memory), yet a phrase in every petition is still suggested with
    /// the same count and example as without the cap, and others lose a count or two at most.
    @Test func aCapOnDistinctNGramsKeepsRepeatedPhrases() {
        let noise = ["chợ cóc", "bến xe", "cầu tre", "gió mùa", "lúa chiêm", "mái tôn", "ngõ hẹp", "sân đình"]
        let petitions: [(text: String, goldMain: String?)] = (0..<40).map { i in
            let filler = (0..<6).map { noise[($0 * 7 + i * 3) % noise.count] + " \(i)\($0)" }.joined(separator: ", ")
            return ("Hộ dân phản ánh tình trạng sạt lở bờ sông, \(filler)", "environment")
        }
        var capped = PhraseSuggester(classifier: defaultClassifier, stopwords: [])
        capped.maximumDistinct = 10
        let free = PhraseSuggester(classifier: defaultClassifier, stopwords: []).suggest(petitions)
        let bounded = capped.suggest(petitions)
        let repeated = free.filter { $0.count >= 20 }
        #expect(repeated.contains { $0.count == petitions.count })
        for suggestion in repeated {
            let same = bounded.first { $0.phrase == suggestion.phrase }
            if suggestion.count == petitions.count {
                // In every petition: never dropped, so counted exactly, with the same example.
                #expect(same?.count == suggestion.count && same?.example == suggestion.example, "\(suggestion.phrase)")
            } else {
                // A gap before its second use can cost it the count of its first (lossy counting).
                #expect((same?.count ?? 0) >= suggestion.count - 2, "\(suggestion.phrase)")
            }
        }
    }
}
