import Foundation
import PropertyBased
import Testing

@testable import KienNghiCore

/// Words with every spelling a petition may use for them: first the canonical
/// one, then old tone placement where it differs.
private let vocabulary: [[String]] = [
    ["hoà", "hòa"], ["khoẻ", "khỏe"], ["thuỷ", "thủy"], ["uỷ", "ủy"], ["hoá", "hóa"], ["thoả", "thỏa"],
    ["toà", "tòa"], ["xoá", "xóa"], ["tuỳ", "tùy"], ["luỹ", "lũy"], ["hoạ", "họa"], ["loã", "lõa"],
    ["người"], ["lao"], ["động"], ["bảo"], ["hiểm"], ["xã"], ["hội"], ["chốt"], ["sổ"], ["đường"],
    ["nhà"], ["trọ"], ["quý"], ["già"], ["khuỷu"], ["ngoài"], ["thuở"], ["Đống"], ["Đa"], ["hoàn"],
    ["quyết"], ["nghiêng"], ["ướt"], ["ỷ"], ["ậm"], ["ừ"], ["gì"], ["giữ"],
]

private let separators = [" ", "  ", ", ", ". ", "\n", " - ", "\u{00A0}"]

/// A generated petition fragment: word choices and how each is written.
private struct Fragment: CustomStringConvertible {
    var words: [Int]
    var spellings: [Int]
    var cases: [Int]
    var gaps: [Int]

    func text(nfd: Bool, spellingOverride: Bool) -> String {
        var out = ""
        for (i, word) in words.enumerated() {
            let forms = vocabulary[word]
            var form = forms[spellingOverride ? spellings[i] % forms.count : 0]
            switch cases[i] % 3 {
            case 1: form = form.uppercased()
            case 2: form = form.prefix(1).uppercased() + form.dropFirst()
            default: break
            }
            if i > 0 { out += separators[gaps[i] % separators.count] }
            out += form
        }
        return nfd ? out.decomposedStringWithCanonicalMapping : out
    }

    var description: String { text(nfd: false, spellingOverride: true).debugDescription }
}

private let fragments = zip(
    Gen.int(in: 0...(vocabulary.count - 1)).array(of: 1...12),
    Gen.int(in: 0...5).array(of: 12),
    Gen.int(in: 0...5).array(of: 12),
    Gen.int(in: 0...20).array(of: 12)
).map { Fragment(words: $0, spellings: $1, cases: $2, gaps: $3) }

@Suite("Analysis properties")
struct AnalysisPropertyTests {
    @Test func variantsGiveIdenticalKeys() async {
        await propertyCheck(count: 300, input: fragments) { fragment in
            let canonical = defaultAnalyzer.analyze(fragment.text(nfd: false, spellingOverride: false)).termKeys
            for nfd in [false, true] {
                let variant = fragment.text(nfd: nfd, spellingOverride: true)
                #expect(defaultAnalyzer.analyze(variant).termKeys == canonical, "\(variant.debugDescription)")
            }
        }
    }

    @Test func normalizeIsIdempotentAndAgreesAcrossVariants() async {
        await propertyCheck(count: 200, input: fragments) { fragment in
            let nfc = defaultAnalyzer.normalize(fragment.text(nfd: false, spellingOverride: true))
            #expect(defaultAnalyzer.normalize(nfc) == nfc)
            #expect(defaultAnalyzer.normalize(fragment.text(nfd: true, spellingOverride: true)) == nfc)
        }
    }

    @Test func spansCutTheSourceExactly() async {
        let noise = ["\u{200B}", "\u{00AD}", "\r\n", "\u{FEFF}", ""]
        await propertyCheck(count: 300, input: fragments, Gen.int(in: 0...4)) { fragment, noiseIndex in
            let source = fragment.text(nfd: fragment.words.count % 2 == 0, spellingOverride: true)
                .replacingOccurrences(of: " ", with: " " + noise[noiseIndex])
            let analyzed = defaultAnalyzer.analyze(source)
            let byteCount = source.utf8.count
            var previousEnd = 0
            for index in analyzed.tokens.indices {
                let span = analyzed.tokens[index].span
                #expect(
                    span.start >= previousEnd && span.start < span.end && span.end <= byteCount,
                    "\(source.debugDescription)")
                previousEnd = span.end
                // The surface is valid text cut at scalar boundaries and normalises to the token.
                let surface = analyzed.surface(index)
                let normalizedToken = String(
                    decoding: analyzed.normalized[analyzed.tokens[index].normalized], as: UTF8.self)
                #expect(
                    defaultAnalyzer.filter(surface).bytes == Array(normalizedToken.utf8), "\(source.debugDescription)")
            }
        }
    }

    /// The span mapper walks the filters' edits with cursors (one changing
    /// filter on its own fields, several in a loop): every token span must map
    /// exactly as the binary search of ``FilteredText/sourceSpan(_:_:)`` maps it.
    @Test func sequentialSpanMapperAgreesWithBinarySearch() async {
        let noise = ["\u{200B}", "\u{00AD}", "", "\u{FEFF}"]
        await propertyCheck(count: 300, input: fragments, Gen.int(in: 0...3)) { fragment, noiseIndex in
            let source = fragment.text(nfd: fragment.words.count % 3 != 0, spellingOverride: true)
                .replacingOccurrences(of: " ", with: " " + noise[noiseIndex])
            let filtered = defaultAnalyzer.filter(source)
            var mapper = SequentialSpanMapper(filtered)
            for token in defaultAnalyzer.tokenizer.tokenize(filtered.bytes) {
                let range = token.normalized
                #expect(
                    mapper.sourceSpan(range.lowerBound, range.upperBound)
                        == filtered.sourceSpan(range.lowerBound, range.upperBound), "\(source.debugDescription)")
            }
        }
    }

    /// Look-alike repair rewrites a whole word ("nghiÖp" → "nghiệp") and NFC a
    /// whole segment ("g\u{302}\u{387}" → "ĝ·"); when the tokenizer cuts that
    /// word or segment apart (an address-like "n@..hiÖ", "nĝ" | "·"), the
    /// tokens must still get disjoint source spans.
    @Test func repairedLookalikeWordsCutByTheTokenizerKeepDisjointSpans() async {
        let pieces = [
            "nghiÖp", "c«ng", "b¶o", "hiÓm", "x·", "héi", "kiÕn", "nghÞ", "hiÖ", "n@", "..", "@", ".", "a",
            "ng­êi", "®­êng", "6Q", "%",
            // NFC composes a whole segment; the tokenizer may cut it between clusters.
            "ng\u{302}\u{387}", "a\u{301}\u{387}x", "\u{387}", "e\u{323}\u{302}\u{387}\u{301}",
        ]
        let glue = ["", "", " ", "@", ".", "..", "-", "/"]
        let texts = zip(Gen.int(in: 0...(pieces.count - 1)).array(of: 2...14), Gen.int(in: 0...7).array(of: 14))
            .map { words, gaps in
                words.enumerated().map { glue[gaps[$0.offset]] + pieces[$0.element] }.joined()
            }
        await propertyCheck(count: 400, input: texts) { source in
            for analyzer in [defaultAnalyzer, Analyzer()] {
                let analyzed = analyzer.analyze(source)
                var previousEnd = 0
                for token in analyzed.tokens {
                    #expect(
                        token.span.start >= previousEnd && token.span.start < token.span.end
                            && token.span.end <= source.utf8.count,
                        "\(source.debugDescription): span \(token.span) after \(previousEnd)")
                    previousEnd = token.span.end
                }
            }
        }
    }

    @Test func arbitraryUnicodeNeverCrashesAndStaysInBounds() async {
        let scalars = Gen.unicodeScalar(in: "\u{0}"..."\u{2FFF}").array(of: 0...60).map {
            String(String.UnicodeScalarView($0))
        }
        await propertyCheck(count: 300, input: scalars) { source in
            let analyzed = defaultAnalyzer.analyze(source)
            for token in analyzed.tokens {
                #expect(token.span.start <= token.span.end && token.span.end <= source.utf8.count)
            }
        }
    }
}
