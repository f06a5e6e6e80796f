import Testing

@testable import KienNghiCore

@Suite("Decoding")
struct TextDecoderTests {
    static let expectedKeys = defaultAnalyzer.analyze(TestData.fixtureText("expected.txt")).termKeys

    @Test(arguments: [
        ("utf8.txt", "utf-8"), ("utf8-bom.txt", "utf-8"), ("utf16le-bom.txt", "utf-16le"),
        ("utf16be-bom.txt", "utf-16be"),
        ("windows-1258.txt", "windows-1258"), ("vni.txt", "vni"), ("viscii.txt", "viscii"), ("vps.txt", "vps"),
        ("tcvn3.txt", "tcvn3"), ("nfd.txt", "utf-8"), ("tcvn3-lookalike.txt", "utf-8"), ("vni-lookalike.txt", "utf-8"),
    ])
    func everyEncodingGivesTheSameKeys(file: String, encoding: String) throws {
        let decoded = try TextDecoder().decode(TestData.fixture(file))
        #expect(decoded.encoding.description == encoding)
        #expect(defaultAnalyzer.analyze(decoded.text).termKeys == Self.expectedKeys)
    }

    @Test func legacyDetectionReportsConfidence() throws {
        let decoded = try TextDecoder().decode(TestData.fixture("tcvn3.txt"))
        #expect(decoded.confidence > 0.5)
        #expect(decoded.confidence <= 1)
    }

    @Test func byteOrderMarkIsDroppedAndReported() throws {
        let decoded = try TextDecoder().decode(TestData.fixture("utf8-bom.txt"))
        #expect(decoded.hadByteOrderMark)
        #expect(!decoded.text.hasPrefix("\u{FEFF}"))
    }

    @Test func mixedEncodingsAreRefusedAtTheRightOffset() {
        let bytes = TestData.fixture("mixed.txt")
        let firstLegacyByte = TestData.fixture("utf8.txt").count + 1 + 1  // "c«": the « after the space and "c"
        #expect(throws: TextDecodingFailure.invalidUTF8(offset: firstLegacyByte, byte: 0xAB, looksMixed: true)) {
            try TextDecoder().decode(bytes)
        }
    }

    @Test func invalidUTF8NamesTheOffsetAndLenientModeCounts() throws {
        let bytes = Array("Người lao động ".utf8) + [0xFF] + Array(" chốt sổ".utf8)
        #expect(throws: TextDecodingFailure.invalidUTF8(offset: 21, byte: 0xFF, looksMixed: false)) {
            try TextDecoder().decode(bytes)
        }
        let decoded = try TextDecoder(lenient: true).decode(bytes)
        #expect(decoded.replacedSequences == 1)
        #expect(decoded.text.contains("\u{FFFD}"))
    }

    @Test(arguments: [TextEncoding.utf16LittleEndian, .utf16BigEndian])
    func aLoneUTF16SurrogateNamesTheOffsetAndLenientModeCounts(encoding: TextEncoding) throws {
        // It used to become U+FFFD silently, while an invalid UTF-8 byte stops the run.
        let little = encoding == .utf16LittleEndian
        func units(_ text: String) -> [UInt8] {
            text.utf16.flatMap { little ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        for surrogate: UInt16 in [0xD800, 0xDC00] {
            let lone: [UInt8] = little ? [UInt8(surrogate & 0xFF), UInt8(surrogate >> 8)] : [UInt8(surrogate >> 8), 0]
            let bytes = units("Người lao động ") + lone + units(" chốt sổ 😀")
            #expect(throws: TextDecodingFailure.invalidBytes(encoding: little ? "UTF-16LE" : "UTF-16BE", offset: 30)) {
                try TextDecoder(encoding: encoding).decode(bytes)
            }
            let decoded = try TextDecoder(encoding: encoding, lenient: true).decode(bytes)
            #expect(decoded.replacedSequences == 1)
            #expect(decoded.text == "Người lao động \u{FFFD} chốt sổ 😀")
        }
    }

    @Test func explicitEncodingOverridesDetection() throws {
        let decoded = try TextDecoder(encoding: TextEncoding(name: "tcvn3")).decode(Array("ch\u{00B8}u".utf8))
        #expect(decoded.encoding == .legacy(.tcvn3))
    }

    @Test func emptyInputDecodesToEmptyText() throws {
        let decoded = try TextDecoder().decode([])
        #expect(decoded.text.isEmpty)
        #expect(defaultAnalyzer.analyze(decoded.text).tokens.isEmpty)
    }

    @Test func unknownEncodingNameIsRejected() {
        #expect(TextEncoding(name: "klingon-8") == nil)
        #expect(TextEncoding(name: "windows-1252") == .icu("windows-1252"))
    }

    @Test func latinGarbageIsNotGuessedAsVietnamese() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0xFD, 0x20, 0xDE, 0xAD, 0xBE, 0xEF, 0x20, 0x81, 0x8D, 0x8F]
        #expect(throws: (any Error).self) { try TextDecoder().decode(Array(bytes.dropFirst(2))) }
    }

    /// The core's words name the file, the offset and a fix, but no command-line flag (the CLI adds those).
    @Test func messagesNameTheFileOffsetAndFix() {
        let message = FailurePresenter(language: .vi).message(
            TextDecodingFailure.invalidUTF8(offset: 42, byte: 0xAB, looksMixed: true), file: "don.txt")
        #expect(message.contains("don.txt"))
        #expect(message.contains("42"))
        #expect(message.contains("dễ dãi") && !message.contains("--"))
        let english = FailurePresenter(language: .en).message(
            TextDecodingFailure.undetectable(bestGuess: "vni", confidence: 0.3), file: "a.txt")
        #expect(english.contains("Name the encoding") && !english.contains("--"))
    }

    @Test func officeFontNamesSelectTheCodec() {
        #expect(LegacyCodec.fromFontName(".VnTime")! == (.tcvn3, false))
        #expect(LegacyCodec.fromFontName(".VnTimeH")! == (.tcvn3, true))
        #expect(LegacyCodec.fromFontName("VNI-Times")! == (.vni, false))
        #expect(LegacyCodec.fromFontName("Times New Roman") == nil)
    }
}

/// Errors in the core are data; the core's presenter names no command-line flag.
@Suite("Failure wording names no flag")
struct FailureWordingTests {
    static let failures: [InputFailure] = [
        .noTextColumn(path: "a.csv", columns: ["x", "y"]), .unsupportedFormat(path: "a.pdf"),
        .decoding(path: "a.txt", .invalidUTF8(offset: 3, byte: 0xFF, looksMixed: false)),
        .decoding(path: "a.txt", .invalidBytes(encoding: "tcvn3", offset: 9)),
        .decoding(path: "a.txt", .undetectable(bestGuess: "vni", confidence: 0.2)),
        .decoding(path: "a.txt", .truncatedUTF16(length: 7)),
        .office(
            path: "a.xlsx", OfficeFailure(part: "xl/workbook.xml", problem: .unknownSheet(name: "S", sheets: ["T"]))),
        .office(
            path: "a.xlsx",
            OfficeFailure(part: "xl/worksheets/sheet1.xml", sheet: "T", problem: .noPetitions(skipped: 1))),
    ]

    @Test(arguments: [Language.vi, .en])
    func noCoreMessageNamesAFlag(language: Language) {
        let presenter = FailurePresenter(language: language)
        for failure in Self.failures {
            let message = presenter.message(failure)
            #expect(!message.contains("--"), "\(message)")
            #expect(message.hasPrefix("a."), "the file comes first: \(message)")
        }
        #expect(presenter.message(Self.failures[2]).contains("3"), "the byte offset is kept")
    }
    /// Single-byte text read as UTF-16 (UTF-8 lines followed by UTF-16 lines, or
    /// a UTF-8 file named UTF-16) would run its petitions together: refused at
    /// the first line break that is not a UTF-16 one. Real UTF-16 with the rare
    /// characters that hold an LF byte (Ḋ U+1E0A, Ċ U+010A) still decodes.
    @Test func singleByteLinesInsideUTF16AreRefusedWhereTheyStart() throws {
        let lines = (1...8).map { "Công nhân số \($0) đề nghị giải quyết bảo hiểm xã hội." }
        let utf8 = Array((lines.joined(separator: "\n") + "\n").utf8)
        let utf16 = Array((lines.joined(separator: "\n") + "\n").data(using: .utf16LittleEndian)!)
        let firstLineFeed = utf8.firstIndex(of: 0x0A)!
        #expect(throws: TextDecodingFailure.singleByteLinesInUTF16(encoding: "UTF-16LE", offset: firstLineFeed)) {
            try TextDecoder().decode(utf8 + utf16)
        }
        #expect(throws: TextDecodingFailure.singleByteLinesInUTF16(encoding: "UTF-16LE", offset: firstLineFeed)) {
            try TextDecoder(encoding: .utf16LittleEndian).decode(utf8)
        }
        #expect(throws: TextDecodingFailure.singleByteLinesInUTF16(encoding: "UTF-16BE", offset: firstLineFeed)) {
            try TextDecoder(encoding: .utf16BigEndian, lenient: true).decode(utf8)
        }
        let rare = "Ḋ Ċ ḋ ċ Ḋ\n" + lines.joined(separator: "\n") + "\nĊ\n"
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let decoded = try TextDecoder(
                encoding: encoding == .utf16LittleEndian ? .utf16LittleEndian : .utf16BigEndian
            )
            .decode(Array(rare.data(using: encoding)!))
            #expect(decoded.text == rare)
        }
        let message = FailurePresenter(language: .vi).message(
            .singleByteLinesInUTF16(encoding: "UTF-16LE", offset: 82), file: "don.txt")
        #expect(message.hasPrefix("don.txt: từ byte 82"))
    }
}
