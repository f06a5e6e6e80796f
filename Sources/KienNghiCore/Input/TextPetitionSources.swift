import Foundation

/// Petitions gathered for classification, handed on when the batch reaches
/// `size` petitions or ``InputLimits/batchBytes`` of text, whichever first, so
/// a pile of long petitions holds no more text in memory than a pile of short ones.
package struct PetitionBatch {
    let size: Int
    let body: ([PetitionRecord]) throws -> Void
    private var records: [PetitionRecord] = []
    private var bytes = 0

    package init(size: Int, _ body: @escaping ([PetitionRecord]) throws -> Void) {
        self.size = max(1, size)
        self.body = body
    }

    package mutating func append(_ record: PetitionRecord) throws {
        records.append(record)
        bytes += record.text.utf8.count + record.cells.reduce(0) { $0 + $1.utf8.count }
        if records.count >= size || bytes >= InputLimits.batchBytes { try flush() }
    }

    /// Runs `fill` with a batch that hands full batches to `body`, then hands on the rest.
    package static func gather(
        size: Int, into body: ([PetitionRecord]) throws -> Void, _ fill: (inout PetitionBatch) throws -> Void
    ) throws {
        try withoutActuallyEscaping(body) { body in
            var batch = PetitionBatch(size: size, body)
            try fill(&batch)
            try batch.flush()
        }
    }

    mutating func flush() throws {
        guard !records.isEmpty else { return }
        let full = records
        records.removeAll(keepingCapacity: true)
        bytes = 0
        try body(full)
    }
}

/// CSV or TSV petitions: delimiter and header sniffed from a bounded prefix,
/// quoted multi-line cells, the text column chosen by name/number or guessed
/// when obvious. The file is read once, streaming.
package struct DelimitedPetitionSource: PetitionSource {
    package let stream: TextStream
    package var replacedSequences: Int { stream.replacedSequences }
    package let textColumnName: String?
    package private(set) var columns: [String] = []
    private var schema: InputSchema?
    private let delimiter: UInt8
    private let hasHeader: Bool
    /// The header, to know it repeated further down (nil without one).
    private let headerKey: HeaderKey?
    /// Non-blank rows above the header (a sheet title), skipped and reported.
    private let titleRows: Int
    package private(set) var doubtfulHeader: DoubtfulHeader?

    /// Reads the head of the file (at most ``InputLimits/sniffBytes``, or up to
    /// ``InputLimits/maxRecordBytes`` when the first row is longer) to settle
    /// delimiter, header and columns.
    /// `header`: where the column names are (see ``HeaderRowChoice``).
    package init(stream: TextStream, textColumn: String?, header: HeaderRowChoice = .detect) throws {
        self.stream = stream
        self.textColumnName = textColumn
        var sample = try stream.prefix(atLeast: InputLimits.sniffBytes)
        var delimiter: UInt8
        var parsed: [DelimitedTextParser.Record]
        // A header row named further down than the usual 50 rows is looked for, with 50 rows under it.
        let namedLine = header.namedRow
        func reachedNamedLine(_ records: [DelimitedTextParser.Record]) -> Bool {
            namedLine.map { line in records.last.map { $0.line >= line } ?? false } ?? true
        }
        while true {
            delimiter = DelimitedTextParser.sniffDelimiter(sample)
            var parser = DelimitedTextParser(delimiter: delimiter)
            var records: [DelimitedTextParser.Record] = []
            var wanted = 51
            parser.feed(sample) { record in
                guard records.count < wanted else { return }
                records.append(record)
                if let namedLine, record.line <= namedLine, records.count < InputLimits.namedHeaderReach {
                    wanted = records.count + 51
                }
            }
            if stream.isComplete, records.count < wanted, let last = parser.finish().record { records.append(last) }
            // Blank rows, or rows of blank cells (` , , `), are never a title or the header.
            records.removeAll { $0.isBlank(orSpaces: true) }
            parsed = records
            // The first row (or the named header) is past the usual prefix: look further, but not without bound.
            if (!parsed.isEmpty && (reachedNamedLine(parsed) || records.count >= InputLimits.namedHeaderReach))
                || stream.isComplete || sample.count >= InputLimits.maxRecordBytes
            {
                break
            }
            sample = try stream.prefix(atLeast: InputLimits.maxRecordBytes)
        }
        self.delimiter = delimiter
        guard let head = parsed.first else {
            if sample.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw InputFailure.empty(path: stream.path)
            }
            throw InputFailure.tooLarge(path: stream.path, detail: Self.firstRowTooLong(sample.count))
        }
        if head.cellCount > InputLimits.maxColumns {
            throw InputFailure.tooManyColumns(path: stream.path, found: head.cellCount, limit: InputLimits.maxColumns)
        }
        if head.tooLong { throw InputFailure.tooLarge(path: stream.path, detail: Self.firstRowTooLong(head.length)) }
        // Office exports often put a title ("DANH SÁCH KIẾN NGHỊ…") and blank rows
        // above the header: the row that looks most like a header wins.
        let reach = namedLine.flatMap { line in parsed.firstIndex { $0.line >= line }.map { $0 + 50 } } ?? 50
        let leading = parsed.prefix(max(50, reach)).map(\.cells)
        func namesColumns(_ index: Int) -> Bool {
            InputSchema.namesColumns(leading[index], above: Array(leading[(index + 1)...]), textColumn: textColumn)
        }
        let (headerIndex, hasHeader) =
            try InputSchema.header(
                header, in: leading, numbers: parsed.prefix(leading.count).map(\.line), path: stream.path,
                namesColumns: namesColumns)
            ?? (0, header != .absent && namesColumns(0))
        self.hasHeader = hasHeader
        headerKey = hasHeader ? HeaderKey(leading[headerIndex], named: namedLine != nil) : nil
        titleRows = headerIndex
        let first = leading[headerIndex]
        let records = Array(leading[headerIndex...])
        let body = Array(records.dropFirst())
        // Without a header, as many columns as the widest row sampled (a title line of one cell may come first).
        columns =
            hasHeader
            ? first.map(RejectedRow.showingControlCharacters)
            : (0..<(records.map(\.count).max() ?? first.count)).map { "cột \($0 + 1)" }
        // The whole file was in the sample and holds a header but no row below it: nothing to do, say so.
        if hasHeader && body.isEmpty && stream.isComplete && parsed.count <= leading.count {
            throw InputFailure.headerOnly(path: stream.path, columns: first, titleRows: headerIndex)
        }
        let guess = InputSchema.guess(
            header: hasHeader ? first : columns, sample: hasHeader ? body : records, named: textColumn)
        if let textColumn, guess.text == nil {
            throw InputFailure.unknownColumn(path: stream.path, name: textColumn, columns: columns)
        }
        if header == .detect, hasHeader, let text = guess.text {
            doubtfulHeader = DoubtfulHeader(location: parsed[headerIndex].line, cell: first[text])
        }
        if let text = guess.text {
            schema = InputSchema(
                columns: columns, textColumn: text, idColumn: guess.id,
                numberedList: InputSchema.numbersItems(hasHeader ? body : records), readsEveryRow: header == .absent)
        } else if columns.count == 1 {
            schema = InputSchema(columns: columns, textColumn: 0, idColumn: nil, readsEveryRow: header == .absent)
        } else {
            throw InputFailure.noTextColumn(path: stream.path, columns: columns)
        }
    }

    private static func firstRowTooLong(_ bytes: Int) -> String {
        "dòng đầu dài hơn \(bytes) byte, giới hạn \(InputLimits.maxRecordBytes) / the first row is longer than \(bytes) bytes, limit \(InputLimits.maxRecordBytes)"
    }

    package func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    {
        guard let schema else { return }
        try PetitionBatch.gather(size: batchSize, into: body) { batch in
            var parser = DelimitedTextParser(delimiter: delimiter)
            parser.maxCells = columns.count + 1
            var skippedHeader = !hasHeader
            var titlesLeft = titleRows
            var columnOrder: [Int]? = nil
            // A list of one column without header may open with a document's heading: its
            // first rows are held back until the heading's end is known (nil once it is).
            let framed = !hasHeader && columns.count == 1 && !schema.readsEveryRow
            var held: [DelimitedTextParser.Record]? = framed ? [] : nil
            var heldBytes = 0
            // The last rows, held back until the document's closing below them is known.
            var tail: DocumentClosingTail<HeldTableRow>? =
                schema.readsEveryRow ? nil : DocumentClosingTail(texts: \.cells)
            var rowNumber = 0
            let path = stream.path
            func report(_ row: HeldTableRow) throws { try row.report(to: &batch, rejected: rejected) }
            func hold(_ row: HeldTableRow) throws {
                guard tail != nil else { return try report(row) }
                for oldest in tail!.hold(row) { try report(oldest) }
            }
            func rejection(
                _ record: DelimitedTextParser.Record, _ reason: RejectedRow.Reason, _ detail: RejectedRow.Detail
            ) -> RejectedRow {
                let excerpt = RejectedRow.excerpt(
                    of: Array(
                        record.cells.joined(separator: String(UnicodeScalar(delimiter))).utf8.prefix(
                            RejectedRow.excerptLength * 4)))
                return RejectedRow(
                    file: path, location: record.line, reason: reason, detail: detail,
                    byteOffset: stream.inputOffset(record.offset), excerpt: excerpt)
            }
            func reject(
                _ record: DelimitedTextParser.Record, _ reason: RejectedRow.Reason, _ detail: RejectedRow.Detail
            ) throws {
                // Anything reported between the held rows and the end: they close nothing.
                for row in tail?.release() ?? [] { try report(row) }
                rejected(rejection(record, reason, detail))
            }
            func take(_ record: DelimitedTextParser.Record) throws {
                // A blank line, or a row of empty cells (",,,"): no petition, nothing to report;
                // above the header (where the sample skipped them), cells of white space too.
                if record.isBlank(orSpaces: titlesLeft > 0 || !skippedHeader) { return }
                if titlesLeft > 0 {
                    titlesLeft -= 1
                    return try reject(record, .title, RejectedRow.titleExcerpt(record.cells))
                }
                if !skippedHeader {
                    skippedHeader = true
                    return
                }
                // Column numbers, section rows, the header repeated (a pasted list): titles. Rows
                // under a copy of the header in another order are read in its order.
                if !record.malformed && !record.tooLong {
                    if InputSchema.isListDecoration(record.cells, schema: schema) {
                        let title = rejection(record, .title, RejectedRow.titleExcerpt(record.cells))
                        // Above the first petition (rows held for the heading), a title; further
                        // down, a signature line in the first column reads as a section row: judged at the end.
                        if held != nil { return rejected(title) }
                        return try hold(.rejected(title, cells: record.cells))
                    }
                    if let headerKey, headerKey.isRepeated(record.cells) {
                        columnOrder = headerKey.columnOrder(of: record.cells, after: columnOrder)
                        return try reject(record, .title, RejectedRow.titleExcerpt(record.cells))
                    }
                }
                if rowNumber == 0, headerKey?.isSecondHeaderRow(record.cells, textColumn: schema.textColumn) == true {
                    return try reject(record, .title, RejectedRow.titleExcerpt(record.cells))
                }
                if held != nil {
                    if !record.malformed && !record.tooLong && record.cellCount == 1 {
                        held!.append(record)
                        heldBytes += DocumentHeading.textBytes(record.cells.first ?? "")
                        if held!.count >= DocumentHeading.lookahead || heldBytes >= DocumentHeading.lookaheadBytes {
                            try settleHeading()
                        }
                        return
                    }
                    try settleHeading()
                }
                rowNumber += 1
                if record.malformed { return try reject(record, .malformedRow, .misplacedQuote) }
                if record.cellCount > columns.count {
                    return try reject(
                        record, .malformedRow, .cellCount(found: record.cellCount, expected: columns.count))
                }
                if record.tooLong {
                    return try reject(
                        record, .tooLong, .length(bytes: record.length, limit: InputLimits.maxPetitionBytes))
                }
                var cells = record.cells
                if let columnOrder { cells = HeaderKey.reordered(cells, by: columnOrder) }
                while cells.count < columns.count { cells.append("") }
                if let (code, cell) = RejectedRow.controlCharacter(in: cells) {
                    // A repeated header in another order may move a cell past the header's columns.
                    let column = cell < columns.count ? columns[cell] : String(cell + 1)
                    return try reject(record, .controlCharacter, .controlCharacter(code: code, column: column))
                }
                let text = cells[schema.textColumn]
                // A row with no text may be a signature beside it: judged with the list's end.
                guard !BlankText.isBlank(text[...]) else {
                    return try hold(.rejected(rejection(record, .emptyText, .none), cells: cells))
                }
                let id = schema.idColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? String(rowNumber)
                try hold(
                    .petition(
                        PetitionRecord(id: id, text: text, cells: cells, location: record.line),
                        byteOffset: stream.inputOffset(record.offset)))
            }
            func settleHeading() throws {
                guard let records = held else { return }
                held = nil
                let count = DocumentHeading.headingCount(records.map { $0.cells[0].trimmingWhitespace() })
                for (index, record) in records.enumerated() {
                    if index < count {
                        try reject(record, .heading, RejectedRow.titleExcerpt(record.cells))
                    } else {
                        try take(record)
                    }
                }
            }
            var lastByte: UInt8? = nil
            try stream.forEachBlock { block in
                if let byte = block.last { lastByte = byte }
                try parser.feed(block, take)
            }
            // The parser stands on the line after a final line break: that line holds nothing.
            let lastLine = parser.currentLine - (lastByte == 0x0A || lastByte == 0x0D ? 1 : 0)
            let (last, openQuote) = parser.finish()
            if let openQuote, let last {
                if skippedHeader { rowNumber += 1 }
                try reject(last, .malformedRow, .unclosedQuote(lastLine: max(openQuote, lastLine)))
            } else if let last {
                try take(last)
            }
            try settleHeading()
            if let (kept, closing) = tail?.settle() {
                for row in kept { try report(row) }
                for row in closing { rejected(row.asClosing(file: path)) }
            }
        }
    }

    /// The chosen text column's name.
    package var textColumnTitle: String? { schema.map { columns[$0.textColumn] } }
}

/// JSON Lines petitions: a `text` field and an optional `id` on each line. Every other field
/// is kept as a column (a string as its text, anything else as written): those named in the
/// first ``InputLimits/sniffBytes``, in order, and, when the file goes on past them, a last
/// column ``otherFields`` holding any field named only later (`name: value; …`).
package struct JSONLinesPetitionSource: PetitionSource {
    package let stream: TextStream
    package var replacedSequences: Int { stream.replacedSequences }
    package let columns: [String]
    /// The name of the column of fields first seen past the sampled head (Vietnamese, as the
    /// names of columns without one, "cột N", are: the reader knows no language).
    package static let otherFields = "trường khác"
    /// Whether the last column holds the fields named only past the head.
    private var hasOtherFields: Bool { columns.count > fieldNames.count + 2 }
    /// The fields' names as written on the lines (``columns`` shows control characters as markers).
    private let fieldNames: [String]

    package init(stream: TextStream) throws {
        self.stream = stream
        let sample = try stream.prefix(atLeast: InputLimits.sniffBytes)
        var names: [String] = []
        var seen: Set<String> = ["id", "text"]
        var splitter = LineSplitter(limit: InputLimits.maxRecordBytes)
        func collect(_ line: LineSplitter.Line) {
            guard !line.tooLong else { return }
            JSONPetitionLine.forEachTopLevelKey(line.bytes) { key, _ in
                if names.count < InputLimits.maxColumns - 3, seen.insert(key).inserted { names.append(key) }
                return true
            }
        }
        splitter.feed(sample, collect)
        if stream.isComplete { splitter.finish(collect) }
        // Fields named past the head, or past the most columns, go to one last column.
        let hasOtherFields = !stream.isComplete || names.count >= InputLimits.maxColumns - 3
        fieldNames = names
        // A name is shown, never its control characters (a header must not carry an ESC to a terminal).
        columns =
            ["id", "text"] + names.map(RejectedRow.showingControlCharacters)
            + (hasOtherFields ? [Self.otherFields] : [])
    }

    package func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    {
        try PetitionBatch.gather(size: batchSize, into: body) { batch in
            var splitter = LineSplitter(limit: InputLimits.maxRecordBytes)
            let decoder = JSONDecoder()
            let path = stream.path
            func take(_ line: LineSplitter.Line) throws {
                func reject(_ reason: RejectedRow.Reason, _ detail: RejectedRow.Detail = .none) {
                    rejected(
                        RejectedRow(
                            file: path, location: line.number, reason: reason, detail: detail,
                            byteOffset: stream.inputOffset(line.offset), excerpt: RejectedRow.excerpt(of: line.bytes)))
                }
                if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !line.tooLong { return }
                if line.tooLong {
                    return reject(.tooLong, .length(bytes: line.length, limit: InputLimits.maxRecordBytes))
                }
                guard let object = JSONPetitionLine.parse(line.bytes, decoder: decoder) else {
                    return reject(.malformedJSON)
                }
                guard let petition = object.text else {
                    var keys: [String] = []
                    JSONPetitionLine.forEachTopLevelKey(line.bytes) { key, _ in
                        keys.append(RejectedRow.showingControlCharacters(key))
                        return true
                    }
                    return reject(.malformedJSON, .missingText(keys: keys))
                }
                if let key = JSONPetitionLine.duplicatedKey(line.bytes) {
                    return reject(.malformedJSON, .duplicateKey(key))
                }
                if let id = object.badID { return reject(.badID, .excerpt(id)) }
                // Raw control bytes cannot be in valid JSON, but escapes (\u0000) can.
                if let code = RejectedRow.controlCharacter(in: petition) {
                    return reject(.controlCharacter, .controlCharacter(code: code, column: "text"))
                }
                if let id = object.id, let code = RejectedRow.controlCharacter(in: id) {
                    return reject(.controlCharacter, .controlCharacter(code: code, column: "id"))
                }
                if petition.utf8.count > InputLimits.maxPetitionBytes {
                    return reject(.tooLong, .length(bytes: petition.utf8.count, limit: InputLimits.maxPetitionBytes))
                }
                guard !BlankText.isBlank(petition[...]) else { return reject(.emptyText) }
                let id = object.id ?? String(line.number)
                let cells = cells(line.bytes, id, petition)
                for column in cells.indices.dropFirst(2) {
                    if let code = RejectedRow.controlCharacter(in: cells[column]) {
                        return reject(.controlCharacter, .controlCharacter(code: code, column: columns[column]))
                    }
                }
                try batch.append(PetitionRecord(id: id, text: petition, cells: cells, location: line.number))
            }
            try stream.forEachBlock { block in try splitter.feed(block, take) }
            try splitter.finish(take)
        }
    }

    /// A line's cells in ``columns``: id, text, then each further field's value (a field
    /// repeated on the line: its values joined by "; ").
    private func cells(_ line: [UInt8], _ id: String, _ text: String) -> [String] {
        var cells = [id, text]
        guard columns.count > 2 else { return cells }
        cells += repeatElement("", count: columns.count - 2)
        var other: [String] = []
        JSONPetitionLine.forEachTopLevelKey(line) { key, start in
            guard key != "id", key != "text" else { return true }
            let value = JSONPetitionLine.valueText(JSONPetitionLine.rawValue(line, at: start))
            // Columns are few: a search in place.
            if let field = fieldNames.firstIndex(of: key) {
                let column = field + 2
                cells[column] = cells[column].isEmpty ? value : cells[column] + "; " + value
            } else {
                other.append(RejectedRow.showingControlCharacters(key) + ": " + value)
            }
            return true
        }
        if hasOtherFields { cells[columns.count - 1] = other.joined(separator: "; ") }
        return cells
    }
}

/// Plain text: one petition per line, or per blank-line-separated block when
/// blank lines clearly structure the file (decided from the first
/// ``InputLimits/sniffBytes``; see ``usesParagraphs(_:)``).
package struct PlainTextPetitionSource: PetitionSource {
    package let stream: TextStream
    package var replacedSequences: Int { stream.replacedSequences }
    package let columns = ["text"]
    /// `--header none`: the lines above the first petition are read too, even when they look
    /// like a document's heading (``DocumentHeading``).
    private let readsEveryLine: Bool

    package init(stream: TextStream, readsEveryLine: Bool = false) {
        self.stream = stream
        self.readsEveryLine = readsEveryLine
    }

    /// Blocks only when blank lines clearly make them: they separate at least
    /// three groups of lines (a single stray blank line never merges a file of
    /// one petition per line), the groups are short (5 lines or fewer on average:
    /// in such a file blank lines are rare), and either at least half of them
    /// have several lines, or nearly every line stands alone between blank lines
    /// (a double-spaced file, where reading by blocks only keeps its wrapped
    /// petitions whole). Otherwise one petition per line.
    static func usesParagraphs(_ sample: [UInt8], whole: Bool = true) -> Bool {
        var splitter = LineSplitter(limit: 256)
        var lines = 0
        var blocks = 0
        var multiLineBlocks = 0
        var block: [String] = []
        // The last blocks wait: a document's closing below the petitions (a date, who signs,
        // a name, each alone between blank lines) does not vote.
        var tail = DocumentClosingTail<[String]>(texts: { $0 })
        func count(_ block: [String]) {
            blocks += 1
            lines += block.count
            if block.count > 1 { multiLineBlocks += 1 }
        }
        func endBlock() {
            if !block.isEmpty { tail.hold(block).forEach(count) }
            block = []
        }
        func look(_ line: LineSplitter.Line) {
            if BlankText.isBlank(line.bytes) && !line.tooLong {
                endBlock()
            } else {
                block.append(String(decoding: line.bytes, as: UTF8.self))
            }
        }
        splitter.feed(sample, look)
        splitter.finish(look)
        endBlock()
        // Only a whole file's end is a document's end.
        (whole ? tail.settle().read : tail.release()).forEach(count)
        guard blocks >= 3, multiLineBlocks > 0, lines <= 5 * blocks else { return false }
        return multiLineBlocks * 2 >= blocks || lines * 2 <= blocks * 3
    }

    package func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    {
        let sample = try stream.prefix(atLeast: InputLimits.sniffBytes)
        let paragraphMode = Self.usesParagraphs(sample, whole: stream.isComplete)
        try PetitionBatch.gather(size: batchSize, into: body) { batch in
            var splitter = LineSplitter(limit: InputLimits.maxPetitionBytes)
            var block: [UInt8] = []
            var blockLength = 0
            var blockLine = 0
            var blockOffset = 0
            var number = 0
            // The first petitions, held back until the document's heading above them is known (nil once it is).
            typealias Unit = (text: String, line: Int, offset: Int)
            var held: [Unit]? = readsEveryLine ? nil : []
            var heldBytes = 0
            // The last petitions, held back until the document's closing below them is known.
            var tail: DocumentClosingTail<Unit>? = readsEveryLine ? nil : DocumentClosingTail(texts: { [$0.text] })
            let path = stream.path
            func emit() throws {
                defer {
                    block.removeAll()
                    blockLength = 0
                }
                guard blockLength > 0 else { return }
                if blockLength > InputLimits.maxPetitionBytes {
                    try settleHeading()
                    try releaseTail()
                    rejected(
                        RejectedRow(
                            file: path, location: blockLine, reason: .tooLong,
                            detail: .length(bytes: blockLength, limit: InputLimits.maxPetitionBytes),
                            byteOffset: stream.inputOffset(blockOffset), excerpt: RejectedRow.excerpt(of: block)))
                    return
                }
                let text = String(decoding: block, as: UTF8.self).trimmingWhitespace()
                guard !text.isEmpty else { return }
                if let code = RejectedRow.controlCharacter(in: text) {
                    try settleHeading()
                    try releaseTail()
                    rejected(
                        RejectedRow(
                            file: path, location: blockLine, reason: .controlCharacter,
                            detail: .controlCharacter(code: code, column: nil),
                            byteOffset: stream.inputOffset(blockOffset), excerpt: RejectedRow.excerpt(of: block)))
                    return
                }
                let unit = (text, blockLine, blockOffset)
                if held != nil {
                    held!.append(unit)
                    heldBytes += DocumentHeading.textBytes(text)
                    if held!.count >= DocumentHeading.lookahead || heldBytes >= DocumentHeading.lookaheadBytes {
                        try settleHeading()
                    }
                    return
                }
                try emit(unit)
            }
            func emit(_ unit: Unit) throws {
                if tail != nil {
                    for oldest in tail!.hold(unit) { try read(oldest) }
                    return
                }
                try read(unit)
            }
            func read(_ unit: Unit) throws {
                number += 1
                try batch.append(
                    PetitionRecord(id: String(number), text: unit.text, cells: [unit.text], location: unit.line))
            }
            func reject(_ unit: Unit, _ reason: RejectedRow.Reason) {
                rejected(
                    RejectedRow(
                        file: path, location: unit.line, reason: reason, detail: RejectedRow.titleExcerpt([unit.text]),
                        byteOffset: stream.inputOffset(unit.offset), excerpt: RejectedRow.excerpt(of: unit.text.utf8)))
            }
            func releaseTail() throws {
                for unit in tail?.release() ?? [] { try read(unit) }
            }
            func settleClosing() throws {
                guard let (kept, closing) = tail?.settle() else { return }
                for unit in kept { try read(unit) }
                for unit in closing { reject(unit, .closing) }
            }
            // A block is the heading's when each of its lines is.
            func settleHeading() throws {
                guard let units = held else { return }
                held = nil
                var lines: [String] = []
                var ends: [Int] = []
                for unit in units {
                    lines += unit.text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
                    ends.append(lines.count)
                }
                let count = DocumentHeading.headingCount(lines)
                for (index, unit) in units.enumerated() {
                    if ends[index] <= count {
                        reject(unit, .heading)
                    } else {
                        try emit(unit)
                    }
                }
            }
            func take(_ line: LineSplitter.Line) throws {
                let isBlank = !line.tooLong && BlankText.isBlank(line.bytes)
                if paragraphMode {
                    if isBlank { return try emit() }
                    if blockLength == 0 {
                        blockLine = line.number
                        blockOffset = line.offset
                    } else {
                        blockLength += 1
                        if block.count < InputLimits.maxPetitionBytes { block.append(0x0A) }
                    }
                    blockLength += line.length
                    if block.count < InputLimits.maxPetitionBytes {
                        block += line.bytes.prefix(InputLimits.maxPetitionBytes - block.count)
                    }
                } else if !isBlank {
                    blockLine = line.number
                    blockOffset = line.offset
                    block = line.bytes
                    blockLength = line.length
                    try emit()
                }
            }
            try stream.forEachBlock { bytes in try splitter.feed(bytes, take) }
            try splitter.finish(take)
            try emit()
            try settleHeading()
            try settleClosing()
        }
    }
}

extension String {
    /// The string's lines as a heading or a closing reads them: trimmed, blank ones left out.
    package var trimmedLines: LazyFilterSequence<LazyMapSequence<[Substring], String>> {
        split(whereSeparator: \.isNewline).lazy.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The string without leading and trailing whitespace, as
    /// `trimmingCharacters(in: .whitespaces)` defines it (tab and the Unicode
    /// space separators, and U+200B), found on the UTF-8 bytes: Foundation's
    /// version goes through NSString and cost more than classifying the line.
    package func trimmingWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, let length = Self.whitespaceLength(bytes, at: start, limit: end) { start += length }
            while end > start, let length = Self.whitespaceLength(bytes, endingAt: end, from: start) { end -= length }
            if start == 0 && end == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Length of the whitespace scalar starting at `i`, if there is one before `limit`.
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        switch b[i] {
        case 0x09, 0x20: return 1
        case 0xC2: return i + 1 < limit && b[i + 1] == 0xA0 ? 2 : nil
        case 0xE1, 0xE2, 0xE3:
            guard i + 2 < limit else { return nil }
            return isThreeByteWhitespace(b[i], b[i + 1], b[i + 2]) ? 3 : nil
        default: return nil
        }
    }

    /// Length of the whitespace scalar ending at `end`, if there is one after `start`.
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int) -> Int? {
        let last = b[end - 1]
        if last == 0x09 || last == 0x20 { return 1 }
        if last == 0xA0, end - 2 >= start, b[end - 2] == 0xC2 { return 2 }
        if end - 3 >= start, isThreeByteWhitespace(b[end - 3], b[end - 2], b[end - 1]) { return 3 }
        return nil
    }

    /// U+1680, U+2000–U+200B, U+202F, U+205F, U+3000.
    private static func isThreeByteWhitespace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return (0x80...0x8B).contains(c) || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }
}
