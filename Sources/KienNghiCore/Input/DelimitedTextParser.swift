/// An incremental RFC 4180 parser (comma, semicolon, tab or bar): quoted cells
/// may hold delimiters, doubled quotes and line breaks. Records end at LF,
/// CRLF or a lone CR (old Mac and Excel exports). Fed block by block, so a file
/// of any size streams; memory is bounded by the limits whatever the input
/// (a longer cell is cut and its record flagged ``Record/tooLong``).
/// Reports the line and byte offset where each record starts.
package struct DelimitedTextParser: Sendable {
    package let delimiter: UInt8
    /// Longest cell kept, in bytes; the rest is counted, not stored.
    package var maxCellBytes = InputLimits.maxPetitionBytes
    /// Longest record kept, in bytes (all cells).
    package var maxRecordBytes = InputLimits.maxRecordBytes
    /// Cells stored per record; more are counted only.
    package var maxCells = InputLimits.maxColumns + 1
    private var cell: [UInt8] = []
    private var record: [String] = []
    private var recordCells = 0
    private var droppedText = false
    private var droppedWords = false
    private var recordBytes = 0
    private var tooLong = false
    private var inQuotes = false
    private var quoteSeenInQuoted = false
    private var cellWasQuoted = false
    private var strayQuote = false
    private var afterCR = false
    private var line = 1
    private var recordLine = 1
    private var position = 0
    private var recordOffset = 0
    private var recordStarted = false

    package init(delimiter: UInt8) { self.delimiter = delimiter }

    /// One parsed record.
    package struct Record: Sendable {
        package var cells: [String]
        /// 1-based line where the record starts.
        package var line: Int
        /// A quote appeared inside an unquoted cell, or text followed a closing quote.
        package var malformed: Bool
        /// Byte offset (in the bytes fed) where the record starts.
        package var offset: Int = 0
        /// A cell or the record went past the limits: `cells` holds only their start.
        package var tooLong = false
        /// How many cells the record really had (`cells` stops at `maxCells`).
        package var cellCount = 0
        /// Bytes the record spans in the input.
        package var length = 0
        /// A cell past `maxCells` held something.
        package var droppedText = false
        /// A cell past `maxCells` held more than white space and separators.
        package var droppedWords = false

        /// A blank line or a row of separators only (`,,,`, however many past the
        /// columns); with `orSpaces`, also a row whose cells hold only white space
        /// or separators of another kind (`,,,` in a file of semicolons).
        package func isBlank(orSpaces: Bool = false) -> Bool {
            !tooLong && !(orSpaces ? droppedWords : droppedText)
                && cells.allSatisfy { orSpaces ? Self.holdsSeparatorsOnly($0) : $0.isEmpty }
        }

        /// Only separators of any kind, quotes and white space: a blank row whatever the
        /// delimiter turns out to be (`,,,,,` is one cell to a semicolon parser).
        var holdsSeparatorsOnly: Bool { !tooLong && cells.allSatisfy(Self.holdsSeparatorsOnly) }

        static func holdsSeparatorsOnly(_ cell: String) -> Bool {
            cell.utf8.allSatisfy { separatorBytes.contains($0) } || BlankText.isBlank(cell[...])
        }

        private static let separatorBytes: Set<UInt8> = [0x09, 0x20, 0x22, 0x2C, 0x3B, 0x7C, 0x0D]
    }

    /// Consumes bytes, returning the records they complete.
    package mutating func feed(_ bytes: some Collection<UInt8>) -> [Record] {
        var records: [Record] = []
        feed(bytes) { records.append($0) }
        return records
    }

    /// Consumes bytes, calling `body` with each record they complete.
    package mutating func feed(_ bytes: some Collection<UInt8>, _ body: (Record) throws -> Void) rethrows {
        let done: Void? = try bytes.withContiguousStorageIfAvailable { try feedBuffer($0, body) }
        if done == nil { try Array(bytes).withUnsafeBufferPointer { try feedBuffer($0, body) } }
    }

    private mutating func feedBuffer(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) rethrows {
        for byte in bytes {
            defer { position += 1 }
            if !recordStarted {
                // A line feed completing a CRLF belongs to the record before.
                if byte == 0x0A && afterCR {
                    afterCR = false
                    continue
                }
                recordStarted = true
                recordOffset = position
                recordLine = line
            }
            if inQuotes {
                if quoteSeenInQuoted {
                    quoteSeenInQuoted = false
                    if byte == 0x22 {
                        append(0x22)
                        continue
                    }
                    inQuotes = false
                    // fall through: the byte after a closing quote is handled unquoted
                } else if byte == 0x22 {
                    quoteSeenInQuoted = true
                    afterCR = false
                    continue
                } else {
                    if byte == 0x0D || (byte == 0x0A && !afterCR) { line += 1 }
                    afterCR = byte == 0x0D
                    append(byte)
                    continue
                }
            }
            afterCR = false
            switch byte {
            case delimiter:
                endCell()
            case 0x0A, 0x0D:
                endCell()
                try body(finishRecord(endingAt: position))
                afterCR = byte == 0x0D
                line += 1
            case 0x22:
                if cell.isEmpty && !cellWasQuoted {
                    inQuotes = true
                    cellWasQuoted = true
                } else {
                    strayQuote = true
                    append(byte)
                }
            default:
                if cellWasQuoted { strayQuote = true }
                append(byte)
            }
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        recordBytes += 1
        if cell.count < maxCellBytes && recordBytes <= maxRecordBytes { cell.append(byte) } else { tooLong = true }
    }

    private mutating func finishRecord(endingAt end: Int) -> Record {
        let result = Record(
            cells: record, line: recordLine, malformed: strayQuote, offset: recordOffset,
            tooLong: tooLong, cellCount: recordCells, length: end - recordOffset, droppedText: droppedText,
            droppedWords: droppedWords)
        record.removeAll(keepingCapacity: true)
        recordCells = 0
        droppedText = false
        droppedWords = false
        recordBytes = 0
        tooLong = false
        strayQuote = false
        recordStarted = false
        return result
    }

    /// Ends the input; returns the last record if the file did not end with a
    /// line break. `unterminatedQuote` tells a quote left open to the end.
    package mutating func finish() -> (record: Record?, unterminatedQuote: Int?) {
        let openQuote = inQuotes && !quoteSeenInQuoted ? recordLine : nil
        if quoteSeenInQuoted { inQuotes = false }
        inQuotes = false
        guard recordStarted && (!cell.isEmpty || !record.isEmpty || cellWasQuoted || tooLong) else {
            return (nil, openQuote)
        }
        endCell()
        var last = finishRecord(endingAt: position)
        last.malformed = last.malformed || openQuote != nil
        return (last, openQuote)
    }

    /// The line the parser has reached (1-based).
    package var currentLine: Int { line }

    private mutating func endCell() {
        recordCells += 1
        if record.count < maxCells {
            record.append(String(decoding: cell, as: UTF8.self))
        } else if !cell.isEmpty {
            droppedText = true
            // Kept apart so a row of spaces reads as blank however many cells are stored.
            if !Record.holdsSeparatorsOnly(String(decoding: cell, as: UTF8.self)) { droppedWords = true }
        }
        cell.removeAll(keepingCapacity: cell.capacity <= 1 << 16)
        cellWasQuoted = false
    }

    /// Guesses the delimiter from a sample: the candidate that splits most of the
    /// first lines into the same number (> 1) of cells.
    package static func sniffDelimiter(_ sample: some Collection<UInt8>) -> UInt8 {
        var best: (delimiter: UInt8, score: Int) = (0x2C, -1)
        for candidate: UInt8 in [0x09, 0x3B, 0x2C, 0x7C] {
            var parser = DelimitedTextParser(delimiter: candidate)
            var records: [Record] = []
            // Blank rows (`,,,,,` above the header) say nothing about the delimiter.
            for record in parser.feed(sample) where records.count < 20 && !record.holdsSeparatorsOnly {
                records.append(record)
            }
            if records.isEmpty, let last = parser.finish().record, !last.holdsSeparatorsOnly { records.append(last) }
            // The usual count of several cells: a title line above the header ("Tổng hợp ý
            // kiến, kiến nghị…", one field or two) or a petition holding the candidate says little.
            var counts: [Int: Int] = [:]
            for record in records where record.cellCount > 1 { counts[record.cellCount, default: 0] += 1 }
            guard let usual = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            let score = usual.value * 100 + min(usual.key, 99)
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }
}
