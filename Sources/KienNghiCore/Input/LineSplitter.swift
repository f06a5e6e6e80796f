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

    /// Consumes a block, calling `body` with each line it completes.
    package mutating func feed(_ bytes: [UInt8], _ body: (Line) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                defer { position += 1 }
                if byte == 0x0A || byte == 0x0D {
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
                    continue
                }
                afterCR = false
                length += 1
                if current.count < limit { current.append(byte) }
            }
        }
    }

    /// Ends the input: the last line if it had no line break.
    package mutating func finish(_ body: (Line) throws -> Void) rethrows {
        if length > 0 { try body(Line(bytes: current, number: number, offset: start, length: length)) }
        current = []
        length = 0
    }
}
