import Foundation
import Testing

@testable import KienNghiCore

/// The fast paths of the classify and tokenize commands must not change a
/// single decision: each test compares a fast path with the plain one on
/// generated input, so a shortcut that drifts turns it red.
@Suite("Throughput equivalence")
struct ThroughputEquivalenceTests {
    /// Words that exercise the word-key cache: accents, capitals, Telex,
    /// abbreviations (BHXH, CA, TU), acronyms with & and -, names after honorifics.
    static let words = [
        "Công", "nhân", "KCN", "Thăng", "Long", "nợ", "lương", "BHXH", "bhxh", "CA", "ca", "TU", "tu", "UBND&HĐND",
        "BHXH-BHYT", "ông", "Nguyễn", "Văn", "Minh", "hoà", "hòa", "HOÀ", "dduowngf", "ngap", "nuoc", "đường",
        "ùn", "tắc", "không", "còn", "giao", "thông", "quận", "Hoàng", "Mai", "xã", "hội", "bảo", "hiểm", "y", "tế",
        "đề", "nghị", "giải", "quyết", "tiền", "điện", "nhà", "trọ", "ô", "nhiễm", "môi", "trường", "thuế", "TP.HCM",
        "số", "12/2023/NĐ-CP", "ngày", "3/5/2024", "0912345678", "a@b.vn", "https://x.vn/a", ",", ".", ";", "!",
    ]

    static func petitions(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(4 + next() % 40)).map { _ in words[next() % words.count] }.joined(separator: " ")
        }
    }

    @Test func sharedWordCacheClassifiesLikeAFreshAnalysis() {
        let texts = Self.petitions(count: 300, seed: 13) + LexiconExample.all.map(\.text)
        var cache: WordKeyCache? = WordKeyCache(limit: 64)  // small: also covers a full cache
        for text in texts {
            let plain = defaultClassifier.classify(text)
            let cached = defaultClassifier.classify(text, cache: &cache)
            #expect(plain == cached, "\(text)")
        }
        #expect(cache != nil)
    }

    @Test func sharedWordCacheAnalysesLikeAFreshAnalysis() {
        let analyzer = defaultClassifier.analyzer
        var cache: WordKeyCache? = WordKeyCache()
        for text in Self.petitions(count: 200, seed: 7) {
            let plain = analyzer.analyze(text)
            let cached = analyzer.analyze(text, cache: &cache)
            #expect(plain.terms == cached.terms && plain.keyArena == cached.keyArena && plain.tokens == cached.tokens)
        }
    }

    /// A pile of distinct, very long "words" (a hostile file) must not grow the
    /// shared cache with them: memory stays bounded whatever the input.
    @Test func longWordsAreNotKeptInTheSharedCache() {
        let analyzer = defaultClassifier.analyzer
        var cache: WordKeyCache? = WordKeyCache()
        for index in 0..<50 {
            let word = String(repeating: "ab", count: 5_000) + String(index)
            let text = "công nhân \(word) nợ lương"
            let plain = analyzer.analyze(text)
            let cached = analyzer.analyze(text, cache: &cache)
            #expect(plain.terms == cached.terms && plain.keyArena == cached.keyArena)
        }
        let kept = cache?.keptBytes ?? 0
        #expect(kept > 0 && kept < 1_000, "\(kept) bytes kept")
    }

    @Test func caseChecksMatchUnicodeProperties() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ThemeScorer.isUppercase(value) == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(ThemeScorer.isLowercase(value) == scalar.properties.isLowercase, "U+\(String(value, radix: 16))")
        }
    }

    @Test func byteTrimmingMatchesFoundation() {
        let pieces = [
            " ", "\t", "\u{00A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{200B}", "\u{202F}", "\u{205F}",
            "\u{3000}", "\u{200C}", "\u{FEFF}", "\n", "\r", "a", "ệ", "\u{2028}", "\u{E1}", "\u{FFFD}", "e\u{0301}",
        ]
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1
            var length = Int(state >> 60)
            while length > 0 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                text += pieces[Int(state >> 33) % pieces.count]
                length -= 1
            }
            #expect(Array(text.trimmingWhitespace().utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8))
        }
    }
}
