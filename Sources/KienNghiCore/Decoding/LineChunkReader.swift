import Foundation

/// Reads a large file in blocks cut at line ends, so a pile of any size can be
/// analysed with memory bounded by the block size. A line longer than a block
/// (or a file whose lines end in CR alone) is cut at the best ``TextCut`` point.
package struct LineChunkReader: Sendable {
    package let path: String
    package let blockSize: Int

    package init(path: String, blockSize: Int = 4 << 20) {
        self.path = path
        self.blockSize = blockSize
    }

    /// Calls `body` with each chunk (whole lines, or pieces of a line longer
    /// than a block) and its byte offset in the file.
    package func forEachChunk(_ body: (_ chunk: [UInt8], _ offset: Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var offset = 0
        while true {
            let block = try handle.read(upToCount: blockSize) ?? Data()
            if block.isEmpty { break }
            pending.append(contentsOf: block)
            let end: Int
            if let lastNewline = pending.lastIndex(of: 0x0A) {
                end = lastNewline + 1
            } else if pending.count >= blockSize, let cut = TextCut.utf8(pending) {
                end = cut
            } else {
                continue
            }
            let chunk = Array(pending[..<end])
            pending.removeSubrange(..<end)
            try body(chunk, offset)
            offset += chunk.count
        }
        if !pending.isEmpty { try body(pending, offset) }
    }
}

/// Where a long run of text with no line feed may be cut so that each piece
/// normalises and tokenises on its own as it would have in the whole: after the
/// last CR (a line end of its own when no LF follows), else after the last space
/// or tab before an ASCII character, else between two ASCII characters, else
/// before a character that cannot join the one before it (not a combining mark,
/// not a UTF-8 continuation byte or low surrogate). Only the last rules can split
/// a word, and only in a line longer than a block with no space in it.
package enum TextCut {
    /// End (exclusive) of the piece to cut off `bytes` (UTF-8 or an ASCII-based
    /// legacy encoding), or nil when there is no cut point at all.
    package static func utf8(_ bytes: [UInt8]) -> Int? {
        // Not a continuation byte, nor the lead byte (CC, CD) of a combining diacritic U+0300–U+036F.
        cut(
            count: bytes.count, unit: { UInt32(bytes[$0]) },
            startsAfresh: { $0 < 0x80 || ($0 >= 0xC0 && $0 != 0xCC && $0 != 0xCD) })
    }

    /// End (exclusive) of the piece of UTF-16 text to hand on: after its last
    /// line feed, else at the ``utf16(_:bigEndian:)`` cut; nil when there is neither.
    package static func utf16Piece(_ bytes: [UInt8], bigEndian: Bool) -> Int? {
        let (first, second): (UInt8, UInt8) = bigEndian ? (0x00, 0x0A) : (0x0A, 0x00)
        if let unit = stride(from: bytes.count / 2 - 1, through: 0, by: -1).first(where: {
            bytes[2 * $0] == first && bytes[2 * $0 + 1] == second
        }) {
            return 2 * unit + 2
        }
        return utf16(bytes, bigEndian: bigEndian)
    }

    /// The same for UTF-16 text (`bytes` starts on a code unit; an odd last byte is kept back).
    package static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> Int? {
        let units = bytes.count / 2
        let cut = cut(
            count: units,
            unit: { k in
                bigEndian
                    ? UInt32(bytes[2 * k]) << 8 | UInt32(bytes[2 * k + 1])
                    : UInt32(bytes[2 * k + 1]) << 8 | UInt32(bytes[2 * k])
            },
            startsAfresh: { !(0xDC00...0xDFFF).contains($0) && !(0x0300...0x036F).contains($0) })
        return cut.map { $0 * 2 }
    }

    /// The rules above over `count` units (bytes, or UTF-16 code units) read by `unit`;
    /// `startsAfresh` says whether a unit can begin a piece when nothing better is found.
    private static func cut(count: Int, unit: (Int) -> UInt32, startsAfresh: (UInt32) -> Bool) -> Int? {
        guard count >= 2 else { return nil }
        // A CR not at the very end (a CR at the end may be the first half of a CRLF).
        if let cr = (0..<(count - 1)).last(where: { unit($0) == 0x0D }) { return cr + 1 }
        func isASCII(_ i: Int) -> Bool { unit(i) < 0x80 }
        if let space = (0..<(count - 1)).last(where: { (unit($0) == 0x20 || unit($0) == 0x09) && isASCII($0 + 1) }) {
            return space + 1
        }
        if let pair = (1..<count).last(where: { isASCII($0) && isASCII($0 - 1) }) { return pair }
        return (1..<count).last { startsAfresh(unit($0)) }
    }
}
