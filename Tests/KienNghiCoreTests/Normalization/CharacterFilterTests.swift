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
