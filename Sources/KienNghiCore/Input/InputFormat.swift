/// The kind of an input file. Chosen from the file name's extension, named by
/// the user (`--input-format`), or — for standard input, a pipe or a file
/// without a known extension — sniffed from the first bytes.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, tsv, jsonl, txt, xlsx, docx

    /// Formats read as a whole ZIP package (not streamed text).
    public var isPackage: Bool { self == .xlsx || self == .docx }

    /// The format a file name's extension stands for, nil when unknown (or none).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "jsonl", "ndjson", "json": self = .jsonl
        case "txt", "text": self = .txt
        case "xlsx", "xlsm": self = .xlsx
        case "docx": self = .docx
        default: return nil
        }
    }

    /// The extension of `path` (after the last dot of the last component), lower case; "" when none.
    public static func pathExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Guesses the format from the first bytes of an input (`complete`: they are
    /// all of it). A ZIP package is XLSX or DOCX by its part names; text whose
    /// lines are JSON objects is JSON Lines; a header row of known column names,
    /// or rows with the same number of tab-separated cells, is CSV/TSV; anything
    /// else is plain text (binary files are then named by the text decoder).
    public static func sniff(_ prefix: some Collection<UInt8>, complete: Bool) -> InputFormat {
        let head = Array(prefix)
        switch BinarySniffer.format(of: head) {
        case .xlsx: return .xlsx
        case .docx: return .docx
        case .zip: return zipKind(head)
        // NULs that UTF-16 explains are text; other binary files are named by the text decoder.
        case .unknown where utf16(head) != nil, nil: break
        case .some: return .txt
        }
        var text = head
        if let utf16 = utf16(head) {
            let body =
                head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) ? Array(head.dropFirst(2)) : head
            text =
                (try? TextDecoder.decodeStrictly(Array(body.prefix(body.count & ~1)), as: utf16, lenient: true)).map {
                    Array($0.text.utf8)
                } ?? head
        } else if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            text.removeFirst(3)
        }
        // Only whole lines count (the last one may be cut by the prefix).
        if !complete {
            guard let lastBreak = text.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                // One line longer than the prefix: an object opening is enough.
                return text.first(where: { $0 > 0x20 }) == 0x7B ? .jsonl : .txt
            }
            text.removeSubrange((lastBreak + 1)...)
        }
        if looksLikeJSONLines(text) { return .jsonl }
        if let delimited = delimitedKind(text) { return delimited }
        return .txt
    }

    private static func utf16(_ head: [UInt8]) -> TextEncoding? {
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return BinarySniffer.utf16WithoutMark(head)
    }

    /// A ZIP whose names were not in the first bytes: look for them anywhere in what we have.
    private static func zipKind(_ head: [UInt8]) -> InputFormat {
        let word = Array("word/".utf8)
        return head.indices.contains { head[$0...].starts(with: word) } ? .docx : .xlsx
    }

    /// Every non-blank line among the first 20 starts with `{` and ends with `}`.
    static func looksLikeJSONLines(_ text: [UInt8]) -> Bool {
        var lines = 0
        var splitter = LineSplitter(limit: 1 << 20)
        var ok = true
        func look(_ line: LineSplitter.Line) {
            guard ok, lines < 20 else { return }
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            guard let first = line.bytes.first(where: { !isSpace($0) }),
                let last = line.bytes.last(where: { !isSpace($0) })
            else { return }
            lines += 1
            if first != 0x7B || last != 0x7D || line.tooLong { ok = false }
        }
        splitter.feed(text, look)
        splitter.finish(look)
        return ok && lines > 0
    }

    /// CSV or TSV when the first record looks like a header (known column names)
    /// with at least two cells, or when tab-separated records agree on their cell count.
    static func delimitedKind(_ text: [UInt8]) -> InputFormat? {
        let delimiter = DelimitedTextParser.sniffDelimiter(text)
        var parser = DelimitedTextParser(delimiter: delimiter)
        var records: [DelimitedTextParser.Record] = []
        parser.feed(text) { if records.count < 20, !$0.cells.allSatisfy(\.isEmpty) { records.append($0) } }
        if records.count < 20, let last = parser.finish().record, !last.cells.allSatisfy(\.isEmpty) {
            records.append(last)
        }
        let kind: InputFormat = delimiter == 0x09 ? .tsv : .csv
        guard let first = records.first, first.cellCount >= 2, !first.malformed else { return nil }
        let rows = records.prefix(10).map(\.cells)
        if let header = InputSchema.headerRow(in: rows), InputSchema.headerScore(rows[header]) > 1,
            InputSchema.guess(header: rows[header], sample: [], named: nil).text != nil
        {
            return kind
        }
        let agreeing = records.filter { $0.cellCount == first.cellCount && !$0.malformed }.count
        if delimiter == 0x09 && records.count >= 2 && agreeing == records.count { return kind }
        return nil
    }
}
