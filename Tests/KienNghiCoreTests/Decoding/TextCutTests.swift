import Foundation
import Testing

@testable import KienNghiCore

/// Where a line longer than a block is cut: never inside a character, never
/// between a letter and its combining mark, and each piece normalises as it
/// did inside the whole.
@Suite("Text cut points")
struct TextCutTests {
    @Test func rulesInOrder() {
        // A CR not at the end wins; a CR at the very end may be half of CRLF.
        #expect(TextCut.utf8(Array("ab\rcd ef".utf8)) == 3)
        #expect(TextCut.utf8(Array("ab cd\r".utf8)) == 3)
        // Else after the last space or tab before an ASCII character.
        #expect(TextCut.utf8(Array("một hai\tba".utf8)) == Array("một hai\t".utf8).count)
        #expect(TextCut.utf8(Array("ab đ".utf8)) == 2)
        // Else between two ASCII characters, else before a letter that starts afresh.
        #expect(TextCut.utf8(Array("đườngab".utf8)) == Array("đườnga".utf8).count)
        #expect(TextCut.utf8(Array("đường".utf8)) == Array("đườn".utf8).count)
        // A combining mark stays with its letter: "á" in NFD is a + U+0301.
        let nfd = Array("ạ\u{0301}ạ\u{0301}".utf8)
        let cut = TextCut.utf8(nfd)!
        #expect(nfd[cut] != 0xCC && nfd[cut] != 0xCD && nfd[cut] & 0xC0 != 0x80)
        #expect(TextCut.utf8([0x61]) == nil)
        // UTF-16: a surrogate pair is never split.
        let emoji = Array("👍👍".data(using: .utf16LittleEndian)!)
        #expect(TextCut.utf16(emoji, bigEndian: false) == 4)
        // A piece of UTF-16 ends after its last line feed (either byte order), else at the cut.
        #expect(TextCut.utf16Piece(Array("ab\ncd ef".data(using: .utf16LittleEndian)!), bigEndian: false) == 6)
        #expect(TextCut.utf16Piece(Array("ab\ncd ef".data(using: .utf16BigEndian)!), bigEndian: true) == 6)
        #expect(TextCut.utf16Piece(emoji, bigEndian: false) == 4)
    }

    /// Seeded random texts of Vietnamese syllables (NFC, NFD, no diacritics),
    /// with and without spaces: each cut leaves two valid pieces whose NFC forms
    /// joined are the NFC form of the whole; a cut after a space also leaves the
    /// analyzer's normalised text (tone placement by word) as it was.
    @Test func piecesNormaliseAsTheWhole() {
        var generator = SeededGenerator(seed: 20_261_204)
        let syllables = [
            "nghiệp", "hoà", "thuỷ", "đường", "BHXH", "KCN", "a", "ư", "e\u{0301}", "o\u{0302}\u{0300}", "👍",
            "\u{0301}",
        ]
        let analyzer = Analyzer()
        for _ in 0..<400 {
            let count = Int.random(in: 1...12, using: &generator)
            let separator = Bool.random(using: &generator) ? " " : ""
            let text = (0..<count).map { _ in syllables.randomElement(using: &generator)! }.joined(separator: separator)
            for (bytes, bigEndian) in [(Array(text.utf8), nil), (Array(text.data(using: .utf16BigEndian)!), true)] {
                let cut = bigEndian.map { TextCut.utf16(bytes, bigEndian: $0) } ?? TextCut.utf8(bytes)
                guard let cut else { continue }
                let encoding: String.Encoding = bigEndian == nil ? .utf8 : .utf16BigEndian
                let head = String(data: Data(bytes[..<cut]), encoding: encoding)
                let tail = String(data: Data(bytes[cut...]), encoding: encoding)
                #expect(head != nil && tail != nil, "\(text.debugDescription) cut at \(cut)")
                guard let head, let tail else { continue }
                let nfc = { (s: String) in s.precomposedStringWithCanonicalMapping }
                #expect(nfc(head) + nfc(tail) == nfc(text), "\(text.debugDescription) cut at \(cut)")
                if head.hasSuffix(" ") {
                    #expect(
                        analyzer.normalize(head) + analyzer.normalize(tail) == analyzer.normalize(text),
                        "\(text.debugDescription) cut at \(cut)")
                }
            }
        }
    }
}
