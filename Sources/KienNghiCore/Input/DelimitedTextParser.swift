/// An incremental RFC 4180 parser (comma, semicolon or tab): quoted cells may
/// hold delimiters, doubled quotes and line breaks. Fed chunk by chunk, so a
/// file of any size streams. Reports the line where each record starts.
public struct DelimitedTextParser: Sendable {
    public let delimiter: UInt8
    private var cell: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    private var quoteSeenInQuoted = false
    private var cellWasQuoted = false
    private var strayQuote = false
    private var line = 1
    private var recordLine = 1

    public init(delimiter: UInt8) { self.delimiter = delimiter }

    /// One parsed record.
    public struct Record: Sendable {
        public var cells: [String]
        /// 1-based line where the record starts.
        public var line: Int
        /// A quote appeared inside an unquoted cell, or text followed a closing quote.
        public var malformed: Bool
    }

    /// Consumes bytes, returning the records they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Record] {
        var records: [Record] = []
        for byte in bytes {
            if inQuotes {
                if quoteSeenInQuoted {
                    quoteSeenInQuoted = false
                    if byte == 0x22 { cell.append(0x22); continue }
                    inQuotes = false
                    // fall through: the byte after a closing quote is handled unquoted
                } else if byte == 0x22 {
                    quoteSeenInQuoted = true
                    continue
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                    continue
                }
            }
            switch byte {
            case delimiter:
                endCell()
            case 0x0A:
                endCell()
                records.append(Record(cells: record, line: recordLine, malformed: strayQuote))
                record.removeAll(keepingCapacity: true)
                strayQuote = false
                line += 1
                recordLine = line
            case 0x0D:
                continue
            case 0x22:
                if cell.isEmpty && !cellWasQuoted {
                    inQuotes = true
                    cellWasQuoted = true
                } else {
                    strayQuote = true
                    cell.append(byte)
                }
            default:
                if cellWasQuoted && !inQuotes { strayQuote = true }
                cell.append(byte)
            }
        }
        return records
    }

    /// Ends the input; returns the last record if the file did not end with a
    /// line break. `unterminatedQuote` tells a quote left open to the end.
    public mutating func finish() -> (record: Record?, unterminatedQuote: Int?) {
        let openQuote = inQuotes && !quoteSeenInQuoted ? recordLine : nil
        if quoteSeenInQuoted { inQuotes = false }
        guard !cell.isEmpty || !record.isEmpty || cellWasQuoted else { return (nil, openQuote) }
        endCell()
        let last = Record(cells: record, line: recordLine, malformed: strayQuote || openQuote != nil)
        record.removeAll()
        return (last, openQuote)
    }

    private mutating func endCell() {
        record.append(String(decoding: cell, as: UTF8.self))
        cell.removeAll(keepingCapacity: true)
        cellWasQuoted = false
    }

    /// Guesses the delimiter from a sample: the candidate that splits the first
    /// lines into the same number (> 1) of cells most consistently.
    public static func sniffDelimiter(_ sample: [UInt8]) -> UInt8 {
        var best: (delimiter: UInt8, score: Int) = (0x2C, -1)
        for candidate: UInt8 in [0x09, 0x3B, 0x2C, 0x7C] {
            var parser = DelimitedTextParser(delimiter: candidate)
            let records = parser.feed(sample).prefix(20)
            guard let first = records.first, first.cells.count > 1 else { continue }
            let consistent = records.filter { $0.cells.count == first.cells.count }.count
            let score = consistent * 100 + first.cells.count
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }
}
