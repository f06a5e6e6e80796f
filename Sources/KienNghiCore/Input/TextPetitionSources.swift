import Foundation

/// CSV or TSV petitions: delimiter and header sniffed, quoted multi-line cells,
/// the text column chosen by name/number or guessed when obvious.
public struct DelimitedPetitionSource: PetitionSource {
    public let stream: TextStream
    public let textColumnName: String?
    public private(set) var columns: [String] = []
    private var schema: InputSchema?
    private let delimiter: UInt8
    private let hasHeader: Bool

    /// Reads the head of the file to settle delimiter, header and columns.
    public init(stream: TextStream, textColumn: String?) throws {
        self.stream = stream
        self.textColumnName = textColumn
        var sample: [UInt8] = []
        try stream.forEachChunk { text, _ in
            if sample.isEmpty { sample = Array(text.utf8.prefix(256 * 1024)) }
        }
        delimiter = DelimitedTextParser.sniffDelimiter(sample)
        var parser = DelimitedTextParser(delimiter: delimiter)
        let records = parser.feed(sample).prefix(50).map(\.cells)
        guard let first = records.first else { throw InputFailure.empty(path: stream.path) }
        let body = Array(records.dropFirst())
        // A header row has short cells and no cell as long as the body's text.
        let firstLooksLikeHeader = first.allSatisfy { $0.count <= 40 } && !first.contains { InputSchema.fold($0).isEmpty && !$0.isEmpty }
        hasHeader = firstLooksLikeHeader && (body.isEmpty || InputSchema.guess(header: first, sample: [], named: nil).text != nil || textColumn != nil
            || first.map(\.count).reduce(0, +) * 2 < (body.first?.map(\.count).reduce(0, +) ?? 0))
        columns = hasHeader ? first : first.indices.map { "cột \($0 + 1)" }
        let guess = InputSchema.guess(header: hasHeader ? first : columns, sample: hasHeader ? body : records, named: textColumn)
        if let textColumn, guess.text == nil {
            throw InputFailure.unknownColumn(path: stream.path, name: textColumn, columns: columns)
        }
        if let text = guess.text {
            schema = InputSchema(columns: columns, textColumn: text, idColumn: guess.id)
        } else if columns.count == 1 {
            schema = InputSchema(columns: columns, textColumn: 0, idColumn: nil)
        } else {
            throw InputFailure.noTextColumn(path: stream.path, columns: columns)
        }
    }

    public func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws {
        guard let schema else { return }
        var parser = DelimitedTextParser(delimiter: delimiter)
        var batch: [PetitionRecord] = []
        var skippedHeader = !hasHeader
        var rowNumber = 0
        func take(_ record: DelimitedTextParser.Record) {
            if !skippedHeader { skippedHeader = true; return }
            if record.cells.count == 1 && record.cells[0].isEmpty { return }  // blank line
            rowNumber += 1
            if record.malformed {
                rejected(RejectedRow(file: stream.path, location: record.line, reason: .malformedRow, detail: .misplacedQuote))
                return
            }
            if record.cells.count > columns.count {
                rejected(RejectedRow(file: stream.path, location: record.line, reason: .malformedRow,
                                     detail: .cellCount(found: record.cells.count, expected: columns.count)))
                return
            }
            var cells = record.cells
            while cells.count < columns.count { cells.append("") }
            let text = cells[schema.textColumn]
            guard !JSONLinesPetitionSource.isBlank(text[...]) else {
                rejected(RejectedRow(file: stream.path, location: record.line, reason: .emptyText))
                return
            }
            let id = schema.idColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? String(rowNumber)
            batch.append(PetitionRecord(id: id, text: text, cells: cells, location: record.line))
        }
        try stream.forEachChunk { text, _ in
            for record in parser.feed(text.utf8) {
                take(record)
                if batch.count >= batchSize { try body(batch); batch.removeAll(keepingCapacity: true) }
            }
        }
        let (last, openQuote) = parser.finish()
        if let openQuote {
            rejected(RejectedRow(file: stream.path, location: openQuote, reason: .malformedRow, detail: .unterminatedQuote))
        } else if let last {
            take(last)
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// The chosen text column's name.
    public var textColumnTitle: String? { schema.map { columns[$0.textColumn] } }
}

/// JSON Lines petitions: a `text` field and an optional `id` on each line.
public struct JSONLinesPetitionSource: PetitionSource {
    public let stream: TextStream
    public let columns = ["id", "text"]

    public init(stream: TextStream) { self.stream = stream }

    public func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws {
        var batch: [PetitionRecord] = []
        let decoder = JSONDecoder()
        try stream.forEachChunk { text, firstLine in
            var line = firstLine - 1
            for raw in Self.lines(text) {
                line += 1
                if raw.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard let object = JSONPetitionLine.parse(raw, decoder: decoder), let petition = object.text else {
                    rejected(RejectedRow(file: stream.path, location: line, reason: .malformedJSON))
                    continue
                }
                guard !Self.isBlank(petition[...]) else {
                    rejected(RejectedRow(file: stream.path, location: line, reason: .emptyText))
                    continue
                }
                let id = object.id ?? String(line)
                batch.append(PetitionRecord(id: id, text: petition, cells: [id, petition], location: line))
                if batch.count >= batchSize { try body(batch); batch.removeAll(keepingCapacity: true) }
            }
        }
        if !batch.isEmpty { try body(batch) }
    }
}

extension JSONLinesPetitionSource {
    /// Lines of a chunk, split on UTF-8 line-feed bytes (not Character by Character).
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(Substring(utf8[start..<utf8.endIndex]))
        return result
    }

    /// Whether a line holds only white space; any visible ASCII byte answers at once.
    static func isBlank(_ line: Substring) -> Bool {
        for byte in line.utf8 where byte > 0x20 && byte < 0x80 { return false }
        return line.allSatisfy(\.isWhitespace)
    }
}

/// Plain text: one petition per line, or per blank-line-separated block when
/// the file uses blank lines between multi-line petitions.
public struct PlainTextPetitionSource: PetitionSource {
    public let stream: TextStream
    public let columns = ["text"]

    public init(stream: TextStream) { self.stream = stream }

    public func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws {
        var batch: [PetitionRecord] = []
        var paragraphMode: Bool? = nil
        var block: [Substring] = []
        var blockLine = 0
        var number = 0
        func emit() throws {
            defer { block.removeAll() }
            let text = block.joined(separator: "\n").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return }
            number += 1
            batch.append(PetitionRecord(id: String(number), text: text, cells: [text], location: blockLine))
            if batch.count >= batchSize { try body(batch); batch.removeAll(keepingCapacity: true) }
        }
        try stream.forEachChunk { text, firstLine in
            let lines = JSONLinesPetitionSource.lines(text)
            if paragraphMode == nil {
                // Blocks only when blank lines separate groups of lines and some group has several.
                var run = 0, longestRun = 0, separatingBlanks = 0, sawText = false, pendingBlank = false
                for line in lines {
                    if JSONLinesPetitionSource.isBlank(line) {
                        if sawText { pendingBlank = true }
                        run = 0
                    } else {
                        if pendingBlank { separatingBlanks += 1; pendingBlank = false }
                        sawText = true
                        run += 1
                        longestRun = max(longestRun, run)
                    }
                }
                paragraphMode = separatingBlanks > 0 && longestRun > 1
            }
            for (offset, line) in lines.enumerated() {
                let isBlank = JSONLinesPetitionSource.isBlank(line)
                if paragraphMode! {
                    if isBlank { try emit() } else {
                        if block.isEmpty { blockLine = firstLine + offset }
                        block.append(line)
                    }
                } else if !isBlank {
                    blockLine = firstLine + offset
                    block = [line]
                    try emit()
                }
            }
        }
        try emit()
        if !batch.isEmpty { try body(batch) }
    }
}
