import Foundation
import Testing

@testable import KienNghiCore

/// TXT: one petition per line unless blank lines clearly make blocks; a stray
/// blank line never merges a file of one petition per line.
@Suite("Plain text blocks")
struct PlainTextBlockTests {
    static func read(_ text: String) throws -> [String] { try InputReading.texts(Array(text.utf8), name: "don.txt") }

    @Test func aStrayBlankLineDoesNotMergeOnePetitionPerLine() throws {
        var lines = InputReading.lines
        lines.insert("", at: 12)
        #expect(try Self.read(lines.joined(separator: "\n") + "\n") == InputReading.lines)
        // A few more, one near the top, in a CRLF file: neither.
        lines.insert("  ", at: 2)
        lines.insert("", at: 25)
        #expect(try Self.read(lines.joined(separator: "\r\n")) == InputReading.lines)
        // A short file with one blank line in the middle.
        #expect(
            try Self.read("Nợ lương\nĐường ngập\n\nĐiện yếu\nNước bẩn\n") == [
                "Nợ lương", "Đường ngập", "Điện yếu", "Nước bẩn",
            ])
    }

    @Test func blocksSeparatedByBlankLinesArePetitions() throws {
        let blocks = (1...6).map { index in
            (0..<(index % 3 + 2)).map { "Đoạn \(index), dòng \($0 + 1) của kiến nghị về lương." }.joined(
                separator: "\n")
        }
        #expect(try Self.read(blocks.joined(separator: "\n\n") + "\n") == blocks)
        // A double-spaced file: petitions of one line, a few wrapped over several.
        let spaced = Array(InputReading.lines.prefix(8)) + [blocks[0], blocks[3]]
        #expect(try Self.read(spaced.joined(separator: "\n\n")) == spaced)
    }

    /// Mixed: lines grouped under a few blank lines are still one petition per line.
    @Test func linesGroupedByAFewBlankLinesAreNotMerged() throws {
        let grouped = [0..<10, 10..<20, 20..<30].map { InputReading.lines[$0].joined(separator: "\n") }
        #expect(try Self.read(grouped.joined(separator: "\n\n\n")) == InputReading.lines)
    }
}
