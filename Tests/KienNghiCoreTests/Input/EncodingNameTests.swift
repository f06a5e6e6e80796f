import Foundation
import Testing

@testable import KienNghiCore

/// Encoding names are made canonical in one place, so every check on UTF-16
/// input applies whatever name (or case) the user typed.
@Suite("Encoding names")
struct EncodingNameTests {
    /// Every name of UTF-16 means UTF-16 to every check: single-byte lines inside are
    /// refused instead of the whole file being read as one petition.
    @Test(arguments: [
        "utf-16", "UTF-16", "utf16", "Utf_16", "unicode", "Unicode", "ucs-2", "UCS-2", "ucs2", "csUnicode",
        "ISO-10646-UCS-2", "utf-16le", "UTF-16LE", "UnicodeLittle", "x-utf-16le", "utf-16be", "UnicodeBig",
    ])
    func everyNameOfUTF16IsCheckedAsUTF16(name: String) throws {
        let encoding = try #require(TextEncoding(name: name))
        #expect(encoding.isUTF16, "\(name) → \(encoding)")
        // An even number of bytes, so the refusal is the one of single-byte lines.
        var utf8 = Array((InputReading.lines.joined(separator: "\n") + "\n").utf8)
        if utf8.count % 2 == 1 { utf8.append(0x0A) }
        let expected = TextDecodingFailure.singleByteLinesInUTF16(
            encoding: encoding == .utf16BigEndian ? "UTF-16BE" : "UTF-16LE", offset: utf8.firstIndex(of: 0x0A)!)
        #expect(InputReading.decodingFailure { _ = try TextDecoder(encoding: encoding).decode(utf8) } == expected)
        #expect(
            InputReading.decodingFailure {
                _ = try InputReading.texts(utf8, name: "don.txt", options: .init(encoding: encoding))
            } == expected)
    }

    /// UTF-16 named without a byte order takes it from the mark, else from the bytes.
    @Test func utf16WithoutAnOrderTakesItFromTheFile() throws {
        let lines = Array(InputReading.lines.prefix(3))
        let text = lines.joined(separator: "\n") + "\n"
        let little = Array(text.data(using: .utf16LittleEndian)!)
        let big = Array(text.data(using: .utf16BigEndian)!)
        for (bytes, expected) in [
            ([0xFF, 0xFE] + little, TextEncoding.utf16LittleEndian), ([0xFE, 0xFF] + big, .utf16BigEndian),
            (little, .utf16LittleEndian), (big, .utf16BigEndian),
        ] {
            for name in ["utf-16", "unicode", "UCS-2"] {
                let encoding = try #require(TextEncoding(name: name))
                let decoded = try TextDecoder(encoding: encoding).decode(bytes)
                #expect(decoded.text == text && decoded.encoding == expected, "\(name) \(expected)")
                #expect(try InputReading.texts(bytes, name: "don.txt", options: .init(encoding: encoding)) == lines)
            }
        }
    }

    @Test func otherNamesAreCanonicalToo() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "CP1258") == .windows1258)
        #expect(TextEncoding(name: "ibm-5354") == .windows1258)
        #expect(TextEncoding(name: "utf-16") == .utf16)
        #expect(TextEncoding(name: "windows-1252") == .icu("windows-1252"))
        #expect(TextEncoding(name: "klingon-8") == nil)
    }
}
