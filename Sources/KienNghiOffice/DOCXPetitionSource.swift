import Foundation
import KienNghiCore

/// Petitions from a Word document (.docx), streamed. When a table's header
/// row names (or its cells show) a text column, each later row of that table
/// is one petition with its other cells kept, like a sheet. Otherwise one
/// petition per paragraph, or, when the document numbers its items (Word
/// numbering or "1." / "2)" at the start), one per numbered item with its
/// continuation paragraphs. Headings and titles are reported, never counted.
/// A later table that repeats the petition table's header row (a list broken
/// by a page or a heading) is read on as the same list.
/// Text boxes are read once, after the paragraph that holds them. Runs in a
/// .VnTime/VNI font are decoded from their legacy look-alikes.
package struct DOCXPetitionSource: PetitionSource {
    package let path: String
    package private(set) var columns = ["text"]
    private let package: ZipPackage
    private let styles: ParagraphStyles
    private let mode: Mode
    package private(set) var doubtfulHeader: DoubtfulHeader?
    /// The blocks the first pass saw, replayed by ``read`` so a document is
    /// parsed once; nil for a document with more than ``replayBytes`` of text
    /// (it is parsed again instead, to keep memory bounded).
    private let recorded: [Block]?
    /// `--header none`: every paragraph is read, a document's closing too.
    private let readsEveryParagraph: Bool
    static let replayBytes = 32 << 20

    static let documentPart = "word/document.xml"
    /// Characters a cell of a table of column names alone may hold.
    static let longestHeaderCell = 40
    /// The longest paragraph or table cell accepted.
    static let maximumTextBytes = 1 << 20

    enum Mode {
        case paragraphs(numbered: Bool)
        /// Petitions are the rows of the list tables, in document order (at least one).
        case tables([ListTable])
    }

    /// A table read as a list of petitions: the rows of table `table` (0-based among
    /// top-level tables) after its header, row `headerRow` of the table (nil when it has
    /// none), whose cells compare as `header` (see ``HeaderKey``); the rows above `firstRow`
    /// (the header's, or the first petition's) are titles. `columnMap` places each of its
    /// cells among the document's columns (nil: its columns are the document's).
    struct ListTable {
        var table: Int
        var headerRow: Int?
        var firstRow: Int
        var schema: InputSchema
        var header: HeaderKey
        var columnMap: [Int]?
    }

    package init(path: String) throws {
        try self.init(package: try ZipPackage(path: path), textColumn: nil, choice: .detect)
    }

    /// `header`: where a table's column names are (see ``HeaderRowChoice``; a row is
    /// named by the number messages give it).
    package init(path: String, textColumn: String?, header: HeaderRowChoice = .detect) throws {
        try self.init(package: try ZipPackage(path: path), textColumn: textColumn, choice: header)
    }

    /// A document held in memory (fuzzing, tests); `name` stands for the path in messages.
    package init(
        data: Data, name: String = "memory.docx", textColumn: String? = nil, header: HeaderRowChoice = .detect
    ) throws {
        try self.init(package: try ZipPackage(data: data, name: name), textColumn: textColumn, choice: header)
    }

    private init(package: ZipPackage, textColumn: String?, choice: HeaderRowChoice) throws {
        self.package = package
        path = package.path
        readsEveryParagraph = choice == .absent
        styles = try Self.paragraphStyles(package)

        // First pass: count what the document holds and find a petition table.
        var numbered = 0
        var plain = 0
        var headings = 0
        var filled = 0
        /// The first filled rows of each open table: (row index in the table, cells).
        var tables: [Int: [(row: Int, cells: [String], number: Int)]] = [:]
        let enough = XLSXPetitionSource.headerWindow + XLSXPetitionSource.sampleRows
        /// Filled rows per open table.
        var rowCounts: [Int: Int] = [:]
        /// The tables that may be the petition table, with their rank: one whose header names
        /// its text column first (a petition's own name, "Nội dung kiến nghị", before a bare
        /// "Nội dung"), then the one with more rows (a small "Đơn vị | Thời gian" table above
        /// the list is not the list), then the earlier. The best is the list; the tables under
        /// a header of their own are lists too (see ``Candidate/readsAlso``), up to
        /// ``maximumListTables``; the last one is kept for the tables going on with it.
        var best: Candidate?
        var last: Candidate?
        /// A table holding only a document's closing: no list, unless the document holds nothing else.
        var signature: Candidate?
        var further: [Candidate] = []
        /// The last list number of each open table's rows.
        var lastNumbers: [Int: Int] = [:]
        /// Why a table had not the header row named (the first table's reason is told when none has it).
        var headerFailure: (any Error)?
        var recording: [Block]? = []
        var recordedBytes = 0
        try Self.blocks(package, styles) { block in
            if recording != nil {
                // The block itself counts twice (the array grows by doubling), so a
                // document of a million empty paragraphs stays within the budget too;
                // a text past 15 bytes is stored apart with a header of its own.
                func stored(_ text: String) -> Int { text.utf8.count > 15 ? text.utf8.count + 32 : 0 }
                recordedBytes += 2 * MemoryLayout<Block>.stride
                switch block {
                case .paragraph(let paragraph): recordedBytes += stored(paragraph.text)
                case .tableRow(_, _, let cells, _, _):
                    recordedBytes += cells.reduce(32) { $0 + MemoryLayout<String>.stride + stored($1) }
                case .tableEnd: break
                }
                if recordedBytes > Self.replayBytes { recording = nil } else { recording?.append(block) }
            }
            switch block {
            case .paragraph(let paragraph):
                guard !paragraph.text.isEmpty || paragraph.overLimit != nil else { return }
                filled += 1
                if paragraph.overLimit == nil
                    && (paragraph.heading || (plain == 0 && InputSchema.looksLikeTitle(paragraph.text)))
                {
                    headings += 1
                } else {
                    plain += 1
                }
                if paragraph.numbered || Self.startsWithNumber(paragraph.text) { numbered += 1 }
            case .tableRow(let table, let row, let cells, let number, let overLimit):
                guard cells.contains(where: { !$0.isEmpty }) || overLimit != nil else { return }
                filled += 1
                rowCounts[table, default: 0] += 1
                lastNumbers[table] = InputSchema.itemNumber(cells.first)
                if overLimit == nil, tables[table, default: []].count < enough {
                    tables[table, default: []].append((row, cells, number))
                }
            case .tableEnd(let table):
                // The header is chosen as a sheet's is: title rows above it are reported, not read.
                let rowCount = rowCounts.removeValue(forKey: table) ?? 0
                let rows = tables.removeValue(forKey: table) ?? []
                let lastNumber = lastNumbers.removeValue(forKey: table) ?? nil
                // A table going on with the list (its header again, or its numbers) adds to it,
                // or with the last table that may be a list, when that one is another.
                if let first = rows.first?.cells,
                    let going = [best, last].compactMap({ $0 }).first(where: { $0.isContinued(by: first) })
                {
                    var grown = going
                    grown.rank.rows += rowCount
                    grown.lastNumber = lastNumber
                    if going.list.table == best?.list.table { best = grown }
                    if going.list.table == last?.list.table { last = grown }
                    if let current = best, grown.rank > current.rank { best = grown }
                    return
                }
                // Word tables nearly always carry a header ("TT", "#", "Vấn đề cử tri quan
                // tâm"), but a first row is one only when it names a column: a short petition
                // ("Sửa cầu Bến Tre | Sở GTVT") must not vanish as one. It is a petition too when
                // the list's numbers start on it (1, then 2 below) or it is item 1 above "2 | …"
                // without its number; a section row ("I. …") is
                // never a header. Then that row and the rest are read, under columns named
                // `cột 1`, `cột 2`…
                func namesColumns(_ index: Int) -> Bool {
                    let first = rows[index].cells
                    let below = rows[(index + 1)...].map(\.cells)
                    return InputSchema.numberedListStart(in: [first] + below.prefix(1)) != 0
                        && !InputSchema.isSectionRow(first)
                        && !InputSchema.isUnnumberedFirstItem(first, above: below) && !InputSchema.holdsJudgement(first)
                        && ((textColumn != nil
                            && InputSchema.guess(header: first, sample: [], named: textColumn).text != nil)
                            || InputSchema.namesAnyColumn(first))
                }
                let window = rows.prefix(XLSXPetitionSource.headerWindow)
                // A row named as the header is looked for in every table; one without it is not the list.
                let settled: (index: Int, hasHeader: Bool)?
                do {
                    settled = try InputSchema.header(
                        choice, in: window.map(\.cells), numbers: window.map(\.number), path: package.path,
                        namesColumns: namesColumns)
                } catch {
                    headerFailure = headerFailure ?? error
                    settled = nil
                }
                guard let (index, hasHeader) = settled,
                    index + (choice == .absent ? 0 : 1) < rows.count
                else {
                    // A table of column names alone (its list follows in paragraphs): a title.
                    if rowCount == 1, rows.count == 1, Self.isColumnNamesOnly(rows[0].cells) { headings += 1 }
                    return
                }
                let below = rows[(index + 1)...].map(\.cells)
                let first = rows[index].cells
                let header = hasHeader ? first : []
                let sample = hasHeader ? below : [first] + below
                let width = max(header.count, sample.map(\.count).max() ?? 0)
                let columns = (0..<width).map {
                    $0 < header.count && !header[$0].isEmpty
                        ? RejectedRow.showingControlCharacters(header[$0]) : "cột \($0 + 1)"
                }
                let guess = InputSchema.guess(header: columns, sample: sample, named: textColumn)
                // Without a header, a list's text is its longest column that is not its numbers.
                let length = (0..<width).map { column in
                    sample.reduce(0) { $0 + (column < $1.count ? $1[column].count : 0) }
                }
                let longest = (0..<width).filter { column in
                    !sample.allSatisfy { column < $0.count && InputSchema.itemNumber($0[column]) != nil }
                }.max { length[$0] < length[$1] }
                // A named column of a few characters a row ("Ý kiến": "Đồng ý") holds no petitions.
                let text = guess.text ?? (hasHeader ? nil : longest)
                let shortTexts = text.map { text in length[text] < 12 * max(1, sample.count) } ?? true
                let named =
                    !hasHeader || shortTexts ? 0 : textColumn != nil ? 2 : InputSchema.textColumnNameStrength(header)
                let rank = (named: named, rows: rowCount - index - (hasHeader ? 1 : 0))
                if let text, text < width {
                    let schema = InputSchema(
                        columns: columns, textColumn: text, idColumn: guess.id,
                        numberedList: InputSchema.numbersItems(sample), readsEveryRow: choice == .absent)
                    let candidate = Candidate(
                        list: ListTable(
                            table: table, headerRow: hasHeader ? rows[index].row : nil, firstRow: rows[index].row,
                            schema: schema, header: HeaderKey(header, named: choice != .detect)),
                        rank: rank,
                        doubtful: choice == .detect && hasHeader && text < header.count
                            ? DoubtfulHeader(location: rows[index].number, cell: header[text]) : nil,
                        readsAlso: choice == .detect && hasHeader && named == 2 && text < header.count
                            && !Self.namesOtherThanPetitions(header, text: text),
                        lastNumber: lastNumber)
                    // A signature laid out in a borderless table is no list.
                    if !hasHeader && choice != .absent && rowCount == rows.count
                        && DocumentClosing.closes(rows.map(\.cells))
                    {
                        if signature == nil { signature = candidate }
                        return
                    }
                    last = candidate
                    if best == nil || rank > best!.rank { best = candidate }
                    if candidate.readsAlso && further.count < Self.maximumListTables { further.append(candidate) }
                }
            }
        }
        recorded = recording
        if filled == 0 { throw InputFailure.empty(path: path) }
        // The best ranked (the earlier on a tie) is the list; its columns are the document's.
        if best == nil && plain == 0 { best = signature }
        if let found = best {
            var lists = [found.list]
            let list = found.list.schema
            var union = ColumnUnion(list.columns)
            for other in further where other.list.table != found.list.table {
                // A further list's text column is the list's, and its id column the list's id column.
                let schema = other.list.schema
                var pinned = [schema.textColumn: list.textColumn]
                if let id = schema.idColumn, let listID = list.idColumn { pinned[id] = listID }
                // Refused rather than read without some tables' cells, as a CSV too wide is.
                guard let map = union.place(schema.columns, pinned: pinned) else {
                    throw InputFailure.tooManyTableColumns(path: path, limit: InputLimits.maxColumns)
                }
                var list = other.list
                list.columnMap = map
                lists.append(list)
            }
            mode = .tables(lists.sorted { $0.table < $1.table })
            columns = union.names
            doubtfulHeader = found.doubtful
        } else {
            if let number = choice.namedRow {
                throw headerFailure ?? InputFailure.noHeaderRow(path: path, row: number, searched: nil)
            }
            if let textColumn, textColumn != "text", textColumn != "1" {
                throw InputFailure.unknownColumn(path: path, name: textColumn, columns: ["text"])
            }
            if plain == 0 { throw package.failure(Self.documentPart, .noPetitions(skipped: headings)) }
            mode = .paragraphs(numbered: numbered >= 2)
        }
    }

    package func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    {
        try PetitionBatch.gather(size: batchSize, into: body) { batch in
            var pending: PetitionRecord?
            // A list of paragraphs may end with the document's closing (recipients, date, signature):
            // its last petitions, and the paragraphs going on with its last numbered item, are held back.
            var tail = DocumentClosingTail<(record: PetitionRecord, texts: [String])>(texts: \.texts)
            var pendingParts = DocumentClosingTail<(text: String, location: Int)>(texts: { [$0.text] })
            var count = 0
            func add(_ record: PetitionRecord) throws {
                if let code = RejectedRow.controlCharacter(in: record.text)
                    ?? RejectedRow.controlCharacter(in: record.cells)?.code
                {
                    rejected(
                        RejectedRow(
                            file: path, location: record.location, reason: .controlCharacter,
                            detail: .controlCharacter(code: code, column: nil),
                            excerpt: RejectedRow.excerpt(of: [record.text])))
                    return
                }
                try batch.append(record)
            }
            func hold(_ record: PetitionRecord, texts: [String]) throws {
                // A paragraph with a control character is reported now, in its place, never as a closing.
                if RejectedRow.controlCharacter(in: record.text) != nil
                    || RejectedRow.controlCharacter(in: record.cells) != nil
                {
                    try releaseTail()
                    return try add(record)
                }
                for oldest in tail.hold((record, texts)) { try add(oldest.record) }
            }
            /// The paragraphs held are read before a row is reported between them and the end: they close nothing.
            func releaseTail() throws {
                for unit in tail.release() { try add(unit.record) }
            }
            /// An item of a numbered or bulleted list, whose number Word keeps apart from its text:
            /// never a document's closing ("Trưởng thôn" as the list's last item).
            func listed(_ text: String) -> String { "1. " + text }
            func closing(_ location: Int, _ texts: [String]) -> RejectedRow {
                RejectedRow(
                    file: path, location: location, reason: .closing, detail: RejectedRow.titleExcerpt(texts),
                    excerpt: RejectedRow.excerpt(of: texts))
            }
            func petition(_ text: String, cells: [String], location: Int, id: String? = nil) -> PetitionRecord {
                count += 1
                return PetitionRecord(id: id ?? String(count), text: text, cells: cells, location: location)
            }
            func tooLong(_ location: Int, bytes: Int, reason: RejectedRow.Reason = .tooLong) -> RejectedRow {
                RejectedRow(
                    file: path, location: location, reason: reason,
                    detail: .length(bytes: bytes, limit: Self.maximumTextBytes))
            }
            /// The document's list (the others' columns are placed among its columns).
            var mainList: ListTable?
            if case .tables(let lists) = mode { mainList = lists.first { $0.columnMap == nil } }
            /// A row of a table that is not a list of petitions.
            func rejectOutside(_ cells: [String], number: Int, overLimit: Int?) {
                if let overLimit { return rejected(tooLong(number, bytes: overLimit, reason: .otherTable)) }
                let text = cells.filter { !$0.isEmpty }.joined(separator: " | ")
                rejected(
                    RejectedRow(
                        file: path, location: number, reason: .otherTable, detail: .excerpt(String(text.prefix(40))),
                        excerpt: RejectedRow.excerpt(of: cells)))
            }
            var sawPetition = false
            /// Later tables whose first filled row was compared with the header, and those that repeat it.
            var compared: Set<Int> = []
            var continued: [Int: ListTable] = [:]
            // Tables going on under a copy of the header in another order: their cells in the list's order.
            var reordered: [Int: [Int]] = [:]
            /// The list number of the last petition row read, when it had one, and whether
            /// text stands between that row and here.
            var lastNumber: Int?
            var textSinceList = false
            func handle(_ block: Block) throws {
                switch (mode, block) {
                case (.paragraphs(let numberedMode), .paragraph(let paragraph)):
                    if let bytes = paragraph.overLimit {
                        // Its text was not kept. A numbered one starts a new item: the one before is complete.
                        sawPetition = true
                        if numberedMode && paragraph.numbered, let last = pending {
                            try hold(last, texts: [listed(last.text)])
                            pending = nil
                        }
                        try releaseTail()
                        return rejected(tooLong(paragraph.number, bytes: bytes))
                    }
                    guard !paragraph.text.isEmpty else { return }
                    /// A paragraph that is no petition: what the held ones close is settled first.
                    func rejectParagraph(_ reason: RejectedRow.Reason) throws {
                        try releaseTail()
                        rejected(
                            RejectedRow(
                                file: path, location: paragraph.number, reason: reason,
                                detail: .excerpt(String(paragraph.text.prefix(40))),
                                excerpt: RejectedRow.excerpt(of: [paragraph.text])))
                    }
                    if paragraph.heading || (!sawPetition && InputSchema.looksLikeTitle(paragraph.text)) {
                        return try rejectParagraph(.title)
                    }
                    let numbered = paragraph.numbered || Self.startsWithNumber(paragraph.text)
                    if !numberedMode {
                        sawPetition = true
                        try hold(
                            petition(paragraph.text, cells: [paragraph.text], location: paragraph.number),
                            texts: [numbered ? listed(paragraph.text) : paragraph.text])
                    } else if numbered {
                        sawPetition = true
                        if let last = pending { try hold(last, texts: [listed(last.text)]) }
                        pending = petition(paragraph.text, cells: [paragraph.text], location: paragraph.number)
                        _ = pendingParts.release()
                        // The item's own line: a colon at its end keeps the lines it lists.
                        _ = pendingParts.hold((listed(paragraph.text), paragraph.number))
                    } else if var last = pending {
                        pending = nil
                        if last.text.utf8.count + paragraph.text.utf8.count >= Self.maximumTextBytes {
                            // An item that would grow beyond the limit: its continuation stands alone (nothing lost).
                            try hold(last, texts: [listed(last.text)])
                            last = petition(paragraph.text, cells: [], location: paragraph.number)
                            _ = pendingParts.release()
                        } else {
                            last.text += "\n" + paragraph.text
                        }
                        _ = pendingParts.hold((paragraph.text, paragraph.number))
                        last.cells = [last.text]
                        pending = last
                    } else {
                        try rejectParagraph(.outsideList)
                    }
                case (.paragraphs, .tableRow(_, _, let cells, let number, let overLimit)):
                    // A table that holds no petition column: each row is read as one paragraph,
                    // but a row naming columns ("STT | Nội dung kiến nghị") is a title.
                    let text = cells.filter { !$0.isEmpty }.joined(separator: " | ")
                    guard !text.isEmpty || overLimit != nil else { return }
                    if overLimit == nil && Self.isColumnNamesOnly(cells) {
                        try releaseTail()
                        return rejected(.title(file: path, location: number, cells: cells))
                    }
                    sawPetition = true
                    if let last = pending {
                        try hold(last, texts: [listed(last.text)])
                        pending = nil
                    }
                    // Each cell holds at most the limit, the row joined may not either.
                    if let bytes = overLimit ?? (text.utf8.count > Self.maximumTextBytes ? text.utf8.count : nil) {
                        try releaseTail()
                        return rejected(tooLong(number, bytes: bytes))
                    }
                    try hold(petition(text, cells: [text], location: number), texts: cells)
                case (.tables(let lists), .tableRow(let index, let row, var cells, let number, let overLimit)):
                    let filled = overLimit != nil || cells.contains(where: { !$0.isEmpty })
                    // The list this table belongs to: its own, or the last one above it when it goes on with it.
                    guard let above = Self.list(holding: index, in: lists), filled else {
                        if filled { rejectOutside(cells, number: number, overLimit: overLimit) }
                        return
                    }
                    if above.table < index && continued[index] == nil {
                        guard !compared.contains(index) else {
                            return rejectOutside(cells, number: number, overLimit: overLimit)
                        }
                        // A section row or the column numbers open a continuation too: the next row decides.
                        if overLimit == nil && InputSchema.isListDecoration(cells, schema: above.schema) {
                            return rejected(.title(file: path, location: number, cells: cells))
                        }
                        compared.insert(index)
                        // A list goes on under its header repeated (the list above, or the document's
                        // list when another stands between): that row is a title, the rest read.
                        if overLimit == nil,
                            let going = [above, mainList].compactMap({ $0 }).first(where: { $0.header.matches(cells) })
                                ?? [above, mainList].compactMap({ $0 }).first(where: { $0.header.isRepeated(cells) })
                        {
                            continued[index] = going
                            reordered[index] = going.header.columnOrder(of: cells, after: nil)
                            return rejected(.title(file: path, location: number, cells: cells))
                        }
                        // Or without it, its numbers following on (…, 7 | 8, …) with the text column there.
                        guard let last = lastNumber, InputSchema.itemNumber(cells.first) == last + 1,
                            cells.count > above.schema.textColumn,
                            !textSinceList || cells[above.schema.textColumn].count >= 20
                        else {
                            return rejectOutside(cells, number: number, overLimit: overLimit)
                        }
                        continued[index] = above
                    }
                    let owner = continued[index] ?? above
                    let written = cells
                    if let order = reordered[index] { cells = HeaderKey.reordered(cells, by: order) }
                    let schema = owner.schema
                    if let overLimit { return rejected(tooLong(number, bytes: overLimit)) }
                    let first = index == owner.table
                    guard !first || row != owner.headerRow else { return }
                    // The header repeated further down (tables pasted together) is not a petition: a
                    // title; the rows under a copy in another order are read in its order.
                    if (!first || row > owner.headerRow ?? -1) && owner.header.isRepeated(written) {
                        reordered[index] = owner.header.columnOrder(of: written, after: reordered[index])
                        return rejected(.title(file: path, location: number, cells: written))
                    }
                    // The second row of a header in two rows ("Cơ quan trả lời" over "Sở | Quận").
                    if first, let headerRow = owner.headerRow, row == headerRow + 1,
                        owner.header.isSecondHeaderRow(cells, textColumn: schema.textColumn)
                    {
                        return rejected(.title(file: path, location: number, cells: cells))
                    }
                    // Title rows above the list; column numbers under the header, a section row
                    // ("II. Lĩnh vực giao thông", alone or merged across the row) are titles too.
                    if (first && row < owner.firstRow) || InputSchema.isListDecoration(cells, schema: schema) {
                        return rejected(.title(file: path, location: number, cells: cells))
                    }
                    while cells.count < schema.columns.count { cells.append("") }
                    let text = cells[schema.textColumn]
                    guard !BlankText.isBlank(text) else {
                        rejected(
                            RejectedRow(
                                file: path, location: number, reason: .emptyText,
                                excerpt: RejectedRow.excerpt(of: cells)))
                        return
                    }
                    lastNumber = InputSchema.itemNumber(cells.first)
                    textSinceList = false
                    let id = schema.idColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 }
                    // In the document's columns: a further list's placed by name, the list's padded
                    // to them (its cells past its own columns stay after them).
                    let placed =
                        owner.columnMap.map { ColumnUnion.place(cells, by: $0, width: columns.count) }
                        ?? (columns.count > schema.columns.count
                            ? ColumnUnion.place(cells, by: Array(schema.columns.indices), width: columns.count) : cells)
                    try add(petition(text, cells: placed, location: number, id: id))
                case (.tables, .paragraph(let paragraph)):
                    if let bytes = paragraph.overLimit {
                        return rejected(tooLong(paragraph.number, bytes: bytes, reason: .outsideTable))
                    }
                    guard !paragraph.text.isEmpty else { return }
                    let title = paragraph.heading || InputSchema.looksLikeTitle(paragraph.text)
                    // Text between tables ("Danh sách đại biểu dự:") may start another list numbered on
                    // ("4 | Nguyễn Văn An | Trưởng thôn"): after it, numbers go on only with petition-long texts.
                    if !title && !InputSchema.fold(paragraph.text).contains("tiep theo") { textSinceList = true }
                    let reason: RejectedRow.Reason = title ? .title : .outsideTable
                    rejected(
                        RejectedRow(
                            file: path, location: paragraph.number, reason: reason,
                            detail: .excerpt(String(paragraph.text.prefix(40))),
                            excerpt: RejectedRow.excerpt(of: [paragraph.text])))
                case (_, .tableEnd): break
                }
            }
            if let recorded {
                for block in recorded { try handle(block) }
            } else {
                try Self.blocks(package, styles, handle)
            }
            if readsEveryParagraph {
                try releaseTail()
                _ = pendingParts.release()
            }
            if var last = pending {
                // The paragraphs going on with the last item may be the document's closing.
                let closingParts = pendingParts.settle().closing
                let suffix = closingParts.map(\.text).joined(separator: "\n")
                if !closingParts.isEmpty, last.text == suffix || last.text.hasSuffix("\n" + suffix) {
                    last.text = String(
                        decoding: last.text.utf8.dropLast(min(last.text.utf8.count, suffix.utf8.count + 1)),
                        as: UTF8.self)
                    last.cells = [last.text]
                    for part in closingParts { rejected(closing(part.location, [part.text])) }
                }
                // A numbered item closes nothing: the petitions above it are read.
                if !last.text.isEmpty {
                    try releaseTail()
                    try add(last)
                }
            }
            let (kept, closingUnits) = tail.settle()
            for unit in kept { try add(unit.record) }
            for unit in closingUnits { rejected(closing(unit.record.location, unit.texts)) }
        }
    }

    /// The last list (by table, in order) starting at or above table `index`: a binary search,
    /// as a row is looked up on every table row.
    static func list(holding index: Int, in lists: [ListTable]) -> ListTable? {
        var low = 0
        var high = lists.count
        while low < high {
            let middle = (low + high) / 2
            if lists[middle].table <= index { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : lists[low - 1]
    }

    /// A table that may hold the petitions, as the first pass found it.
    private struct Candidate {
        var list: ListTable
        var rank: (named: Int, rows: Int)
        var doubtful: DoubtfulHeader?
        /// Read as a list too when another table is the list: its own header names its text
        /// column as a petition's ("Nội dung kiến nghị", "Ý kiến cử tri") over texts that are no
        /// mere names, and nothing in its header shows another kind of table
        /// (``namesOtherThanPetitions(_:text:)``); a bare "Nội dung" is a programme's, a plan's or
        /// a report's as often. A petition summary grouped by topic
        /// often puts each topic in a table of its own, with other columns.
        var readsAlso: Bool
        /// The list number of its last row (or of the last table going on with it).
        var lastNumber: Int?

        /// Whether a table whose first filled row is `first` goes on with this one: the header
        /// again (a copy, in any order: its rows are then read in the copy's), or the numbers
        /// following on.
        func isContinued(by first: [String]) -> Bool {
            list.header.isRepeated(first) || (lastNumber.map { InputSchema.itemNumber(first.first) == $0 + 1 } ?? false)
        }
    }

    /// Whether a header shows a table of something else than petitions, though its text column
    /// names them: a column of a meeting's programme, a report's figures or a plan ("Thời gian",
    /// "Người thực hiện", "Kết quả", "Số lượng", "Tỷ lệ", "Kinh phí", "Tiến độ", "Trang", "Chữ
    /// ký"), or a text column of directives, delegates' views, comments on a draft, petitions
    /// already handled or fields ("Ý kiến chỉ đạo", "Ý kiến đại biểu", "Ý kiến góp ý", "… đã xử
    /// lý", "Lĩnh vực phản ánh").
    static func namesOtherThanPetitions(_ header: [String], text: Int) -> Bool {
        header.indices.contains { column in
            let folded = " " + InputSchema.fold(header[column]) + " "
            return header[column].contains("%") || otherColumnWords.contains { folded.contains($0) }
                || (column == text && otherTextWords.contains { folded.contains($0) })
        }
    }
    private static let otherColumnWords = [
        " thoi gian ", " thoi luong ", " thoi diem ", " gio ", " ngay ", " buoi ", " tiet ", " thuc hien ", " chu tri ",
        " chu toa ", " phu trach ", " trinh bay ", " bao cao vien ", " ket qua ", " so luong ", " so lieu ", " so vu ",
        " so voi ", " ty le ", " ti le ", " dia diem ", " thanh phan ", " du kien ", " kinh phi ", " nguon von ",
        " tien do ", " trang ", " chu ky ",
    ]
    private static let otherTextWords = [
        " chi dao ", " dai bieu ", " gop y ", " du thao ", " da xu ly ", " linh vuc ", " tra loi ",
    ]

    /// Most tables read as further lists (a document past it is no office's; their rows are reported).
    static let maximumListTables = 10_000

    /// A row that names columns, as a header-only table's does ("STT | Nội dung kiến nghị").
    static func isColumnNamesOnly(_ cells: [String]) -> Bool {
        InputSchema.headerScore(cells) > 1 && InputSchema.namesTextColumn(cells)
            && cells.allSatisfy { $0.count <= longestHeaderCell }
    }

    static func startsWithNumber(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                digits += 1
                continue
            }
            return digits > 0 && digits <= 6 && (scalar == "." || scalar == ")")
        }
        return false
    }

    // MARK: parts

    /// Paragraph style ids of headings or titles, and of list items numbered by the style itself.
    struct ParagraphStyles: Sendable {
        /// Headings or titles, by name or with an outline level.
        var headings: Set<String> = []
        /// Styles whose own properties number or bullet their paragraphs ("List Number",
        /// "List Bullet"): such a paragraph is a list's item though it holds no `w:numPr`.
        var numbered: Set<String> = []
    }

    private static func paragraphStyles(_ package: ZipPackage) throws -> ParagraphStyles {
        var styles = ParagraphStyles()
        var id: String?
        var listed: Set<String> = []
        _ = try package.parseWhole("word/styles.xml") { event in
            switch event {
            case .start("w:style", let attributes): id = attributes[attribute: "w:styleId"]
            case .start("w:name", let attributes):
                if let id, let name = attributes[attribute: "w:val"]?.lowercased(),
                    name.hasPrefix("heading") || name == "title" || name == "subtitle"
                {
                    styles.headings.insert(id)
                }
            case .start("w:outlineLvl", let attributes):
                if let id, let level = Int(attributes[attribute: "w:val"] ?? ""), level < 9 {
                    styles.headings.insert(id)
                }
            case .start("w:numId", let attributes):
                // numId 0 takes a numbering away.
                if let id, let number = Int(attributes[attribute: "w:val"] ?? ""), number > 0 { listed.insert(id) }
            case .end("w:style"): id = nil
            default: break
            }
        }
        // A numbered heading ("1. Tình hình chung") stays a heading.
        styles.numbered = listed.subtracting(styles.headings)
        return styles
    }

    static func isHeading(style: String, known: Set<String>) -> Bool {
        if known.contains(style) { return true }
        let lower = style.lowercased()
        return lower.hasPrefix("heading") || lower == "title" || lower == "subtitle"
    }

    struct Paragraph {
        var text = ""
        var numbered = false
        var heading = false
        /// 1-based among the document's paragraphs, text-box paragraphs included.
        var number = 0
        /// The bytes of text seen when more than ``DOCXPetitionSource/maximumTextBytes``: the
        /// text is then not kept (``text`` is empty) and the paragraph is rejected as too long.
        var overLimit: Int?
    }

    enum Block {
        case paragraph(Paragraph)
        /// A row of a top-level table: table index, 0-based row, cells, 1-based row number for
        /// messages, and the bytes of its longest cell when over the limit (that cell is then empty).
        case tableRow(table: Int, row: Int, cells: [String], number: Int, overLimit: Int?)
        case tableEnd(table: Int)
    }

    /// Streams the body as blocks in document order.
    static func blocks(_ package: ZipPackage, _ styles: ParagraphStyles, _ emit: (Block) throws -> Void) throws {
        var walker = DocumentWalker(styles: styles)
        let part = documentPart
        guard try package.parse(part, { event in try walker.handle(event, emit) }) else {
            throw package.failure(part, .missingPart)
        }
    }
}

/// The state machine over document.xml events. Paragraphs nest (a text box
/// inside a run of a paragraph holds paragraphs of its own): a nested
/// paragraph is emitted after the one holding it. `mc:Fallback` repeats the
/// `mc:Choice` content for old Word versions and is skipped. A paragraph, cell
/// or nested table longer than ``DOCXPetitionSource/maximumTextBytes`` keeps
/// only its length (memory stays bounded) and is rejected on its own.
/// Walks a document's XML and emits its top-level paragraphs and table rows.
/// Paragraphs are numbered through the document, those of table cells included, and
/// a table row takes its first paragraph's number: every paragraph and row a message
/// or an output names has a number of its own (a register keys petitions by it).
struct DocumentWalker {
    let styles: DOCXPetitionSource.ParagraphStyles
    private var skipDepth = 0
    private var propertiesDepth = 0
    private var paragraphs: [(paragraph: DOCXPetitionSource.Paragraph, later: [DOCXPetitionSource.Block])] = []
    private var runs: [(text: String, font: String?, depth: Int)] = []
    private var inText = false
    private var paragraphCount = 0
    private var topTables = 0

    private struct Table {
        var index: Int
        var nested: Bool
        var rows = 0
        /// The current row's number: its first paragraph's (see ``DocumentWalker``).
        var rowNumber = 0
        var row: [String] = []
        var cell: String?
        var cellDepth = 0
        var span = 1
        var text = ""
        /// Bytes of the current cell, of the longest cell of the current row, and of a nested
        /// table's text, when over the limit (their text is then not kept).
        var cellOverLimit: Int?
        var rowOverLimit: Int?
        var textOverLimit: Int?

        /// Adds `piece` (a paragraph of the current cell, `dropped` its bytes when over the limit).
        mutating func addToCell(_ piece: String, dropped: Int?) {
            let bytes = piece.utf8.count + (dropped ?? 0)
            if let over = cellOverLimit {
                cellOverLimit = over + bytes
            } else if dropped != nil || (cell ?? "").utf8.count + bytes > DOCXPetitionSource.maximumTextBytes {
                cellOverLimit = (cell ?? "").utf8.count + bytes
                cell = ""
            } else if !piece.isEmpty {
                cell = (cell ?? "").isEmpty ? piece : cell! + "\n" + piece
            }
        }
    }
    private var tables: [Table] = []

    init(styles: DOCXPetitionSource.ParagraphStyles) { self.styles = styles }

    mutating func handle(_ event: XMLEvent, _ emit: (DOCXPetitionSource.Block) throws -> Void) throws {
        if skipDepth > 0 {
            switch event {
            case .start: skipDepth += 1
            case .end: skipDepth -= 1
            case .text: break
            }
            return
        }
        switch event {
        case .start("mc:Fallback", _): skipDepth = 1
        case .start("w:p", _):
            paragraphCount += 1
            var paragraph = DOCXPetitionSource.Paragraph()
            paragraph.number = paragraphCount
            paragraphs.append((paragraph, []))
        case .start("w:pPr", _): propertiesDepth += 1
        case .end("w:pPr"): propertiesDepth = max(0, propertiesDepth - 1)
        case .start("w:pStyle", let attributes) where propertiesDepth > 0 && !paragraphs.isEmpty:
            if let style = attributes[attribute: "w:val"] {
                if DOCXPetitionSource.isHeading(style: style, known: styles.headings) {
                    paragraphs[paragraphs.count - 1].paragraph.heading = true
                } else if styles.numbered.contains(style) {
                    paragraphs[paragraphs.count - 1].paragraph.numbered = true
                }
            }
        case .start("w:outlineLvl", let attributes) where propertiesDepth > 0 && !paragraphs.isEmpty:
            if let level = Int(attributes[attribute: "w:val"] ?? ""), level < 9 {
                paragraphs[paragraphs.count - 1].paragraph.heading = true
            }
        case .start("w:numPr", _) where propertiesDepth > 0 && !paragraphs.isEmpty:
            paragraphs[paragraphs.count - 1].paragraph.numbered = true
        case .start("w:r", _): runs.append(("", nil, paragraphs.count))
        case .start("w:rFonts", let attributes) where !runs.isEmpty && propertiesDepth == 0:
            runs[runs.count - 1].font = attributes[attribute: "w:ascii"] ?? attributes[attribute: "w:hAnsi"]
        case .start("w:t", _): inText = true
        case .end("w:t"): inText = false
        case .text(let text) where inText:
            append(text)
        case .start("w:tab", _) where propertiesDepth == 0: append(" ")
        // A hyphen Word keeps on the line ("Hà Nội-Hải Phòng"); a soft hyphen only shows at a line's end.
        case .start("w:noBreakHyphen", _) where propertiesDepth == 0: append("-")
        case .start("w:br", _) where propertiesDepth == 0, .start("w:cr", _) where propertiesDepth == 0:
            append("\n")
        case .end("w:r"):
            guard let run = runs.popLast() else { break }
            if !paragraphs.isEmpty { appendToParagraph(LegacyRuns.repair(run.text, font: run.font)) }
        case .end("w:p"):
            guard let (open, later) = paragraphs.popLast() else { break }
            var paragraph = open
            paragraph.text = paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines)
            // Invisible marks alone (a soft hyphen, a byte order mark) are an empty paragraph or cell.
            if BlankText.isBlank(paragraph.text) { paragraph.text = "" }
            if var table = tables.last, table.cell != nil, table.cellDepth == paragraphs.count {
                for case .paragraph(let piece) in [.paragraph(paragraph)] + later {
                    table.addToCell(piece.text, dropped: piece.overLimit)
                }
                tables[tables.count - 1] = table
            } else if !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].later += [.paragraph(paragraph)] + later
            } else {
                try emit(.paragraph(paragraph))
                for block in later { try emit(block) }
            }
        case .start("w:tbl", _):
            let nested = !tables.isEmpty || !paragraphs.isEmpty
            tables.append(Table(index: nested ? -1 : topTables, nested: nested))
            if !nested { topTables += 1 }
        case .start("w:tr", _) where !tables.isEmpty:
            tables[tables.count - 1].rowNumber = paragraphCount + 1
            tables[tables.count - 1].row = []
            tables[tables.count - 1].rowOverLimit = nil
        case .start("w:tc", _) where !tables.isEmpty:
            tables[tables.count - 1].cell = ""
            tables[tables.count - 1].cellOverLimit = nil
            tables[tables.count - 1].cellDepth = paragraphs.count
            tables[tables.count - 1].span = 1
        case .start("w:gridSpan", let attributes) where !tables.isEmpty:
            tables[tables.count - 1].span = min(64, max(1, Int(attributes[attribute: "w:val"] ?? "1") ?? 1))
        case .end("w:tc") where !tables.isEmpty:
            var table = tables[tables.count - 1]
            table.row.append(table.cell ?? "")
            for _ in 1..<table.span { table.row.append("") }
            if let over = table.cellOverLimit { table.rowOverLimit = max(table.rowOverLimit ?? 0, over) }
            table.cell = nil
            table.cellOverLimit = nil
            tables[tables.count - 1] = table
        case .end("w:tr") where !tables.isEmpty:
            var table = tables[tables.count - 1]
            defer {
                table.rows += 1
                table.row = []
                tables[tables.count - 1] = table
            }
            // A row without a paragraph of its own (not valid Word, but possible) still gets a number of its own.
            if paragraphCount < table.rowNumber { paragraphCount = table.rowNumber }
            if table.nested {
                let line = table.row.filter { !$0.isEmpty }.joined(separator: " | ")
                let bytes = line.utf8.count + (table.rowOverLimit ?? 0)
                if let over = table.textOverLimit {
                    table.textOverLimit = over + bytes
                } else if table.rowOverLimit != nil
                    || table.text.utf8.count + bytes > DOCXPetitionSource.maximumTextBytes
                {
                    table.textOverLimit = table.text.utf8.count + bytes
                    table.text = ""
                } else if !line.isEmpty {
                    table.text += table.text.isEmpty ? line : "\n" + line
                }
            } else {
                try emit(
                    .tableRow(
                        table: table.index, row: table.rows, cells: table.row, number: table.rowNumber,
                        overLimit: table.rowOverLimit))
            }
        case .end("w:tbl"):
            guard let table = tables.popLast() else { break }
            if !table.nested {
                try emit(.tableEnd(table: table.index))
                break
            }
            guard !table.text.isEmpty || table.textOverLimit != nil else { break }
            if var outer = tables.last, outer.cell != nil {
                outer.addToCell(table.text, dropped: table.textOverLimit)
                tables[tables.count - 1] = outer
            } else if !paragraphs.isEmpty {
                paragraphCount += 1
                var paragraph = DOCXPetitionSource.Paragraph()
                paragraph.text = table.text
                paragraph.overLimit = table.textOverLimit
                paragraph.number = paragraphCount
                paragraphs[paragraphs.count - 1].later.append(.paragraph(paragraph))
            }
        default: break
        }
    }

    /// Text of the current paragraph: into its open run (decoded when the run ends), else straight in.
    private mutating func append(_ text: String) {
        // Text outside any paragraph is never read.
        guard let last = paragraphs.indices.last else { return }
        if let over = paragraphs[last].paragraph.overLimit {
            paragraphs[last].paragraph.overLimit = over + text.utf8.count
        } else if let run = runs.indices.last, runs[run].depth == paragraphs.count {
            runs[run].text += text
            if paragraphs[last].paragraph.text.utf8.count + runs[run].text.utf8.count
                > DOCXPetitionSource.maximumTextBytes
            {
                paragraphs[last].paragraph.overLimit =
                    paragraphs[last].paragraph.text.utf8.count + runs[run].text.utf8.count
                paragraphs[last].paragraph.text = ""
                runs[run].text = ""
            }
        } else {
            appendToParagraph(text)
        }
    }

    private mutating func appendToParagraph(_ text: String) {
        let last = paragraphs.count - 1
        if let over = paragraphs[last].paragraph.overLimit {
            paragraphs[last].paragraph.overLimit = over + text.utf8.count
            return
        }
        paragraphs[last].paragraph.text += text
        if paragraphs[last].paragraph.text.utf8.count > DOCXPetitionSource.maximumTextBytes {
            paragraphs[last].paragraph.overLimit = paragraphs[last].paragraph.text.utf8.count
            paragraphs[last].paragraph.text = ""
        }
    }
}
