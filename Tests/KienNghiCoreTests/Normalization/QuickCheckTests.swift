import Testing

@testable import KienNghiCore

/// The fast paths must agree with the slow ones: a quick check may say "may
/// change" too often, never "unchanged" wrongly; streaming normalisation must
/// give the same text as normalising the whole at once.
@Suite("Quick checks and streaming normalisation")
struct QuickCheckTests {
    @Test func unstableTableMatchesICUPerScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0x80)..<0x10000 where !(0xD800...0xDFFF).contains(value) {
            if CanonicalCompositionFilter.isUnstable(value) != ICU.isNFCUnstable(value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    static let samples = [
        "Bảo hiểm xã hội", "Người lao động".nfd, "bả\u{200B}o hiểm", "nhà\u{00A0}trọ", "dòng 1\r\ndòng 2",
        "B¶o hiÓm x· héi", "baûo hieåm xaõ hoäi", "plain ascii text", "Ç\u{0327}a va", "hoà hoạ thuý", "x\u{0007}y",
        "C\u{0327}a", "tab\tform\u{000C}feed",
    ]

    @Test(arguments: samples)
    func quickChecksNeverMissAChange(text: String) {
        let filters: [any CharacterFilter] = [
            CanonicalCompositionFilter(), LegacyLookalikeFilter(), InvisibleCharacterFilter(),
        ]
        for filter in filters {
            let bytes = Array(text.utf8)
            let unchanged = bytes.withUnsafeBufferPointer { filter.leavesUnchanged($0) }
            if unchanged { #expect(filter.apply(FilteredText(bytes)).bytes == bytes, "\(type(of: filter)) on \(text)") }
        }
    }

    /// The one-pass check of the standard chain must say "unchanged" exactly
    /// when each filter's own check does, on text mixing every kind of
    /// character the filters care about (random, seeded: a failure reproduces).
    @Test func standardChainCheckAgreesWithEachFilter() {
        let pieces: [String] = [
            "a", "Z", " ", "\t", "\n", "\u{000C}", "\r", "\u{0007}", "\u{007F}", "ệ", "ữ", "Đ", "đ", "à", "é", "ò", "ý",
            "Ç", "ñ", "×", "Ö", "µ", "¸", "\u{00A0}", "\u{00AD}", "\u{0080}", "¡", "¿", "\u{0301}", "\u{0323}",
            "\u{0302}",
            "\u{034F}", "\u{180E}", "\u{200B}", "\u{2028}", "\u{3000}", "\u{FEFF}", "Ω", "中", "😀", "\u{1E9E}", "ặ",
            "Người", "lao động", "B¶o hiÓm", "1234567",
        ]
        let clean = ["a", "Z", " ", "\n", "\t", "ệ", "ữ", "Đ", "đ", "à", "é", "ò", "ý", "Người", "lao động", "1234567"]
        let filters: [any CharacterFilter] = [
            CanonicalCompositionFilter(), LegacyLookalikeFilter(), InvisibleCharacterFilter(),
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var passed = 0
        for _ in 0..<3000 {
            // Mostly clean words so that many samples pass, with a rare odd character.
            let text = (0..<next(30)).map { _ in next(8) == 0 ? pieces[next(pieces.count)] : clean[next(clean.count)] }
                .joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let each = filters.allSatisfy { $0.leavesUnchanged(buffer) }
                #expect(StandardChainCheck.leavesUnchanged(buffer) == each, "\(Array(text.unicodeScalars))")
                if each { passed += 1 }
            }
        }
        #expect(passed > 300, "too few clean samples to test the pass path: \(passed)")
    }

    @Test func quickChecksPassCleanText() {
        let bytes = Array("Công nhân KCN Thăng Long đề nghị tăng lương, giảm giờ làm thêm.\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(CanonicalCompositionFilter().leavesUnchanged(buffer))
            #expect(InvisibleCharacterFilter().leavesUnchanged(buffer))
            #expect(LegacyLookalikeFilter().leavesUnchanged(buffer))
        }
    }

    /// Mixed lines (NFC, NFD, invisibles, old tone placement): line by line
    /// and chunk by chunk give exactly the whole-text result of the filters.
    @Test func streamingNormalisationMatchesWholeText() {
        let lines = [
            "Công nhân KCN Thăng Long đề nghị hoà giải, thuý",
            "Người lao động được hưởng chế độ thai sản".nfd,
            "bả\u{200B}o hiểm\u{00A0}xã hội\r",
            "plain ascii line, email a@b.vn http://x.vn/hoà",
            "Ç\u{0327}a HOÀ HOẠ",
        ]
        let text = (0..<40).map { lines[$0 % lines.count] }.joined(separator: "\n") + "\n"
        let analyzer = Analyzer()
        var expected = analyzer.filter(text).bytes
        var reference: [UInt8] = []
        var none: [UInt8]? = nil
        var canonicalizer = SyllableCanonicalizer()
        expected.withUnsafeMutableBufferPointer { buffer in
            var copied = 0
            for token in analyzer.tokenizer.tokenize(Array(buffer)) where token.kind == .word {
                reference.append(contentsOf: buffer[copied..<token.normalized.lowerBound])
                _ = canonicalizer.canonicalize(
                    UnsafeBufferPointer(rebasing: buffer[token.normalized]), keepCase: true, key: &reference,
                    plain: &none)
                copied = token.normalized.upperBound
            }
            reference.append(contentsOf: buffer[copied...])
        }
        #expect(analyzer.normalize(text) == String(decoding: reference, as: UTF8.self))
        // In chunks of whole lines, as the CLI streams.
        var streamed: [UInt8] = []
        var cache = NormalizationCache()
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < textLines.count - 1 {
            let chunk = textLines[index..<min(index + 7, textLines.count - 1)].map { $0 + "\n" }.joined()
            Array(chunk.utf8).withUnsafeBufferPointer { analyzer.normalize($0, appendingTo: &streamed, cache: &cache) }
            index += 7
        }
        #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
    }
}
