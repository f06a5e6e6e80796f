import Foundation
import Testing

@testable import KienNghiCore

@Suite("Character filters")
struct CharacterFilterTests {
    func filtered(_ filter: some CharacterFilter, _ text: String) -> (String, FilteredText) {
        let result = filter.apply(FilteredText(Array(text.utf8)))
        return (String(decoding: result.bytes, as: UTF8.self), result)
    }

    @Test func nfdIsComposed() {
        let text = "Người lao động được hưởng chế độ thai sản"
        let (output, result) = filtered(CanonicalCompositionFilter(), text.nfd)
        #expect(output == text)
        #expect(!result.maps.isEmpty)
    }

    /// Decomposed vowels take a table instead of ICU: every vowel with a vowel
    /// mark and a tone, marks in either order or one already composed, must
    /// compose as Foundation's own NFC does, and map back to its whole source.
    @Test func decomposedVowelsComposeAsNFCDoes() {
        let vowelMarks: [Unicode.Scalar] = ["\u{302}", "\u{306}", "\u{31B}"]
        let tones: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
        var forms: [String] = []
        for base in "aeiouyAEIOUY".unicodeScalars {
            for tone in tones { forms.append(String(String.UnicodeScalarView([base, tone]))) }
            for mark in vowelMarks {
                forms.append(String(String.UnicodeScalarView([base, mark])))
                for tone in tones {
                    forms.append(String(String.UnicodeScalarView([base, mark, tone])))
                    forms.append(String(String.UnicodeScalarView([base, tone, mark])))
                    let composedBase = String(String.UnicodeScalarView([base, mark]))
                        .precomposedStringWithCanonicalMapping
                    forms.append(composedBase + String(tone))
                }
            }
        }
        for form in forms {
            let text = "x" + form + "m " + form
            let (output, result) = filtered(CanonicalCompositionFilter(), text)
            #expect(output == text.precomposedStringWithCanonicalMapping, "\(Array(form.unicodeScalars))")
            let letter = form.precomposedStringWithCanonicalMapping.utf8.count
            #expect(
                result.sourceSpan(1, 1 + letter) == SourceSpan(start: 1, end: 1 + form.utf8.count),
                "\(Array(form.unicodeScalars))")
        }
    }

    @Test func nfcTextIsNotCopied() {
        let (_, result) = filtered(CanonicalCompositionFilter(), "Bảo hiểm xã hội")
        #expect(result.maps.isEmpty)
    }

    @Test(arguments: [
        ("bả\u{200B}o hiểm", "bảo hiểm"), ("ng\u{00AD}ười", "người"), ("nhà\u{00A0}trọ", "nhà trọ"),
        ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"), ("\u{FEFF}Đề nghị", "Đề nghị"),
        ("\u{00D0}ề nghị", "Đề nghị"), ("a\u{2028}b", "a\nb"), ("x\u{0007}y", "xy"),
    ])
    func invisibleAndOddCharacters(input: String, expected: String) {
        #expect(filtered(InvisibleCharacterFilter(), input).0 == expected)
    }

    @Test func spansSurviveRemovedCharacters() {
        let source = "Công\u{200B}ty nợ BHXH\r\nđã lâu"
        let analyzed = defaultAnalyzer.analyze(source)
        for index in analyzed.tokens.indices {
            #expect(
                analyzed.surface(index).replacingOccurrences(of: "\u{200B}", with: "")
                    == String(decoding: analyzed.normalized[analyzed.tokens[index].normalized], as: UTF8.self))
        }
    }

    @Test func tcvn3SoftHyphenIsRepairedBeforeItCouldBeRemoved() {
        // "người lao động" in TCVN3 read as Windows-1252: ư is U+00AD.
        let lookalike = "ng\u{00AD}êi lao \u{00AE}éng"
        #expect(defaultAnalyzer.normalize(lookalike) == "người lao động")
    }

    @Test func lookalikeRepairKeepsSpansInTheLookalikeText() {
        let source = "B¶o hiÓm x· héi"
        let analyzed = defaultAnalyzer.analyze(source)
        #expect(analyzed.termKeys == ["bảo", "hiểm", "xã", "hội"])
        #expect(analyzed.tokens.map { analyzed.surface(of: $0.span) } == ["B¶o", "hiÓm", "x·", "héi"])
    }

    @Test func vniLookalikeIsRepaired() {
        #expect(defaultAnalyzer.normalize("baûo hieåm xaõ hoäi") == "bảo hiểm xã hội")
    }

    @Test func ordinaryUnicodeIsNeverRepaired() {
        let text = "Cử tri phản ánh tình trạng «ùn tắc» kéo dài; giá 5.000đ/kWh, nhiệt độ 35°C."
        #expect(defaultAnalyzer.normalize(text) == text)
    }
}
