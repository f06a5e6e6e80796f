/// Splits UTF-8 blocks into lines ended by LF, CRLF or a lone CR, keeping at
/// most `limit` bytes of each line (a longer one is flagged, its start kept as
/// an excerpt), so a line of any length costs bounded memory.
package struct LineSplitter: Sendable {
    /// One line, without its line break.
    package struct Line: Sendable {
        /// The line, or its first `limit` bytes when ``tooLong``.
        package var bytes: [UInt8]
        /// 1-based line number.
        package var number: Int
        /// Byte offset of the line's start in the bytes fed.
        package var offset: Int
        /// The line's real length in bytes.
        package var length: Int
        package var tooLong: Bool { length > bytes.count }
    }

    package let limit: Int
    private var current: [UInt8] = []
    private var length = 0
    private var number = 1
    private var start = 0
    private var position = 0
    private var afterCR = false

    package init(limit: Int = InputLimits.maxPetitionBytes) { self.limit = limit }

    /// Consumes a block, calling `body` with each line it completes. Runs
    /// without a line break are found eight bytes at a time and copied whole.
    package mutating func feed(_ bytes: [UInt8], _ body: (Line) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i < count {
                let end = Self.nextBreak(buffer, from: i)
                if end > i {
                    afterCR = false
                    length += end - i
                    if current.count < limit {
                        current.append(contentsOf: buffer[i..<min(end, i + limit - current.count)])
                    }
                    position += end - i
                    i = end
                    guard i < count else { break }
                }
                let byte = buffer[i]
                i += 1
                defer { position += 1 }
                if byte == 0x0A && afterCR {
                    afterCR = false
                    start = position + 1
                    continue
                }
                try body(Line(bytes: current, number: number, offset: start, length: length))
                current.removeAll(keepingCapacity: current.capacity <= 1 << 16)
                length = 0
                number += 1
                start = position + 1
                afterCR = byte == 0x0D
            }
        }
    }

    /// Index of the first LF or CR at or after `from` (`buffer.count` when none).
    @inline(__always)
    static func nextBreak(_ buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = from
        while i + 8 <= buffer.count {
            let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
            let lf = word ^ (ones &* 0x0A)
            let cr = word ^ (ones &* 0x0D)
            // Exact "some byte is zero" tests: no false alarm, so a clean word is skipped whole.
            if (lf &- ones) & ~lf & high != 0 || (cr &- ones) & ~cr & high != 0 { break }
            i += 8
        }
        while i < buffer.count, buffer[i] != 0x0A, buffer[i] != 0x0D { i += 1 }
        return i
    }

    /// Ends the input: the last line if it had no line break.
    package mutating func finish(_ body: (Line) throws -> Void) rethrows {
        if length > 0 { try body(Line(bytes: current, number: number, offset: start, length: length)) }
        current = []
        length = 0
    }
}
