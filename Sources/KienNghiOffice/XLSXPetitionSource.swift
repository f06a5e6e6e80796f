import Foundation
import KienNghiCore

/// Petitions from an Excel workbook (.xlsx): first or named sheet, streamed row
/// by row. The header is the row among the first ten that looks most like one
/// (title rows above it are skipped and reported); the text column is named or
/// guessed. Cells or rich-text runs in a .VnTime/VNI font are decoded from
/// their legacy look-alikes. A damaged cell rejects its row, naming the cell.
package struct XLSXPetitionSource: PetitionSource {
    package let path: String
    package private(set) var columns: [String] = []
    private let package: ZipPackage
    private let sheet: SheetLocation
    private let cells: CellDecoder
    private let schema: InputSchema
    /// The header's row number; nil when the sheet has none (petitions from the first row).
    private let headerRow: Int?
    /// Rows above this one are titles: the header's, or without one the first petition's.
    private let firstRow: Int
    package private(set) var doubtfulHeader: DoubtfulHeader?
    /// The header, to know it repeated further down (nil without one).
    private let headerKey: HeaderKey?

    /// Rows scanned for the header (lines of one cell above a table, an official
    /// report's letterhead, count apart: see ``InputSchema/headerRow(in:window:)``),
    /// and rows after it sampled to guess the text column.
    static let headerWindow = 40
    static let sampleRows = 50

    /// `header`: where the column names are (see ``HeaderRowChoice``).
    package init(path: String, sheet: String? = nil, textColumn: String? = nil, header: HeaderRowChoice = .detect)
        throws
    {
        try self.init(path: path, sheet: sheet, textColumn: textColumn, header: header, limits: ZipPackage.Limits())
    }

    init(
        path: String, sheet: String?, textColumn: String?, header: HeaderRowChoice = .detect, limits: ZipPackage.Limits
    ) throws {
        try self.init(
            package: try ZipPackage(path: path, limits: limits), sheet: sheet, textColumn: textColumn, choice: header)
    }

    /// A workbook held in memory (fuzzing, tests); `name` stands for the path in messages.
    package init(
        data: Data, name: String = "memory.xlsx", sheet: String? = nil, textColumn: String? = nil,
        header: HeaderRowChoice = .detect
    ) throws {
        try self.init(
            package: try ZipPackage(data: data, name: name), sheet: sheet, textColumn: textColumn, choice: header)
    }

    private init(package: ZipPackage, sheet named: String?, textColumn: String?, choice: HeaderRowChoice) throws {
        self.package = package
        path = package.path
        sheet = try Self.locateSheet(package, named: named)
        cells = CellDecoder(
            styles: try Self.cellStyles(package, part: sheet.styles), date1904: sheet.date1904,
            shared: try SharedStrings(package: package, part: sheet.sharedStrings))

        // First pass: only the top of the sheet, to find the header and sample rows.
        var top: [SheetRow] = []
        var enough = Self.headerWindow + Self.sampleRows
        // A header row named further down is looked for too (within a bound), with rows to sample under it.
        let namedRow = choice.namedRow
        try Self.rows(package, sheet, cells) { row in
            if !row.isBlank || row.problem != nil { top.append(row) }
            if let namedRow, row.number <= namedRow, top.count < InputLimits.namedHeaderReach {
                enough = max(enough, top.count + Self.sampleRows)
            }
            if top.count >= enough { throw StopReading() }
        }
        let reach = namedRow.flatMap { number in top.firstIndex { $0.number >= number }.map { $0 + 1 } } ?? 0
        let window = top.prefix(max(Self.headerWindow, reach))
        func below(_ index: Int) -> [[String]] { top[(index + 1)...].filter { $0.problem == nil }.map(\.cells) }
        guard
            let (headerIndex, hasHeader) = try InputSchema.header(
                choice, in: window.map(\.cells), numbers: window.map(\.number), path: path,
                namesColumns: { InputSchema.namesColumns(top[$0].cells, above: below($0), textColumn: textColumn) })
        else {
            if named == nil, top.isEmpty { throw try Self.emptySheetFailure(package, sheet, cells) }
            throw InputFailure.empty(path: path)
        }
        let header = top[headerIndex]
        // Without a header, a damaged first row is rejected like any other.
        if hasHeader, let (reference, problem) = header.problem {
            throw package.failure(sheet.part, .badCell(reference: reference, problem), sheet: sheet.name)
        }
        let below = below(headerIndex)
        headerRow = hasHeader ? header.number : nil
        headerKey = hasHeader ? HeaderKey(header.cells, named: namedRow != nil) : nil
        firstRow = header.number
        if hasHeader && headerIndex + 1 == top.count {
            // A header (and titles) but not one row below it.
            throw package.failure(sheet.part, .noPetitions(skipped: headerIndex + 1), sheet: sheet.name)
        }
        // Without a header, the first row is a petition and a sample row too.
        let sample = hasHeader ? below : top[headerIndex...].filter { $0.problem == nil }.map(\.cells)
        let names = hasHeader ? header.cells : []
        let width = max(names.count, sample.map(\.count).max() ?? 0)
        columns = (0..<width).map {
            $0 < names.count && !names[$0].isEmpty
                ? RejectedRow.showingControlCharacters(names[$0]) : "cột \($0 + 1)"
        }
        let guess = InputSchema.guess(header: columns, sample: sample, named: textColumn)
        if let textColumn, guess.text == nil {
            throw InputFailure.unknownColumn(path: path, name: textColumn, columns: columns)
        }
        guard let text = guess.text ?? (columns.count == 1 ? 0 : nil) else {
            throw InputFailure.noTextColumn(path: path, columns: columns)
        }
        schema = InputSchema(
            columns: columns, textColumn: text, idColumn: guess.id,
            numberedList: InputSchema.numbersItems(sample), readsEveryRow: choice == .absent)
        doubtfulHeader =
            choice == .detect && hasHeader && text < names.count
            ? DoubtfulHeader(location: header.number, cell: names[text]) : nil
    }

    package func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    {
        try PetitionBatch.gather(size: batchSize, into: body) { batch in
            var underHeader = headerKey != nil
            var columnOrder: [Int]? = nil
            // The last rows, held back until the document's closing below them is known.
            var tail: DocumentClosingTail<HeldTableRow>? =
                schema.readsEveryRow ? nil : DocumentClosingTail(texts: \.cells)
            func report(_ row: HeldTableRow) throws { try row.report(to: &batch, rejected: rejected) }
            func hold(_ row: HeldTableRow) throws {
                guard tail != nil else { return try report(row) }
                for oldest in tail!.hold(row) { try report(oldest) }
            }
            try Self.rows(package, sheet, cells) { row in
                if row.isBlank && row.problem == nil { return }
                // Rows that are no list's end: the rows held close nothing.
                func reject(_ rejectedRow: RejectedRow) throws {
                    for held in tail?.release() ?? [] { try report(held) }
                    rejected(rejectedRow)
                }
                // A damaged row is rejected first: one out of order may carry the header's number.
                if let (reference, problem) = row.problem {
                    try reject(
                        RejectedRow(
                            file: path, location: row.number, reason: .badCell,
                            detail: .cell(sheet: sheet.name, reference: reference, problem: problem)))
                    return
                }
                if row.number < firstRow {
                    return try reject(.title(file: path, location: row.number, cells: row.cells))
                }
                if row.number == headerRow { return }  // never true without a header
                // Column numbers under the header, section rows ("II. Lĩnh vực giao thông"), the header repeated.
                if InputSchema.isListDecoration(row.cells, schema: schema) {
                    // A signature line in the first column reads as a section row: judged at the end.
                    return try hold(
                        .rejected(.title(file: path, location: row.number, cells: row.cells), cells: row.cells))
                }
                // The header repeated (sheets pasted together): a title; the rows under a copy in
                // another order are read in its order.
                if let headerKey, headerKey.isRepeated(row.cells) {
                    columnOrder = headerKey.columnOrder(of: row.cells, after: columnOrder)
                    return try reject(.title(file: path, location: row.number, cells: row.cells))
                }
                if underHeader {
                    underHeader = false
                    if headerKey?.isSecondHeaderRow(row.cells, textColumn: schema.textColumn) == true {
                        return try reject(.title(file: path, location: row.number, cells: row.cells))
                    }
                }
                var cells = row.cells
                if let columnOrder { cells = HeaderKey.reordered(cells, by: columnOrder) }
                while cells.count < columns.count { cells.append("") }
                if let (code, cell) = RejectedRow.controlCharacter(in: cells) {
                    let column = cell < columns.count ? columns[cell] : XLSXPetitionSource.name(ofColumn: cell)
                    try reject(
                        RejectedRow(
                            file: path, location: row.number, reason: .controlCharacter,
                            detail: .controlCharacter(code: code, column: column),
                            excerpt: RejectedRow.excerpt(of: cells)))
                    return
                }
                let text = cells[schema.textColumn]
                // A row with no text may be a signature beside it: judged with the list's end.
                guard !BlankText.isBlank(text) else {
                    let empty = RejectedRow(
                        file: path, location: row.number, reason: .emptyText, excerpt: RejectedRow.excerpt(of: cells))
                    return try hold(.rejected(empty, cells: cells))
                }
                let id = schema.idColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? String(row.number)
                try hold(
                    .petition(PetitionRecord(id: id, text: text, cells: cells, location: row.number), byteOffset: nil))
            }
            if let (kept, closing) = tail?.settle() {
                for row in kept { try report(row) }
                for row in closing { rejected(row.asClosing(file: path)) }
            }
        }
    }

    // MARK: package parts

    struct SheetLocation {
        var name: String
        var part: String
        var sharedStrings: String
        var styles: String
        var isHidden = false
        /// Dates count from 1904 (old Mac workbooks) instead of 1900.
        var date1904 = false
    }

    /// The sheet to read: the one named (exactly, else by folded name), else
    /// the first visible one (a hidden first sheet is usually a lookup table).
    private static func locateSheet(_ package: ZipPackage, named: String?) throws -> SheetLocation {
        let sheets = try sheetList(package)
        if let named {
            guard
                let match = sheets.first(where: { $0.name == named })
                    ?? sheets.first(where: { InputSchema.fold($0.name) == InputSchema.fold(named) })
            else {
                throw package.failure(workbookPart, .unknownSheet(name: named, sheets: sheets.map(\.name)))
            }
            return match
        }
        return sheets.first(where: { !$0.isHidden }) ?? sheets[0]
    }

    static let workbookPart = "xl/workbook.xml"

    /// Every sheet of the workbook in order, with its parts resolved.
    private static func sheetList(_ package: ZipPackage) throws -> [SheetLocation] {
        var sheets: [(name: String, relation: String, hidden: Bool)] = []
        var date1904 = false
        guard
            try package.parseWhole(
                workbookPart,
                { event in
                    if case .start("workbookPr", let attributes) = event {
                        date1904 = ["1", "true"].contains(attributes[attribute: "date1904"] ?? "")
                    }
                    if case .start("sheet", let attributes) = event {
                        let state = attributes[attribute: "state"] ?? "visible"
                        sheets.append(
                            (
                                attributes[attribute: "name"] ?? "", attributes[attribute: "r:id"] ?? "",
                                state != "visible"
                            ))
                    }
                })
        else { throw package.failure(workbookPart, .missingPart) }
        guard !sheets.isEmpty else { throw package.failure(workbookPart, .missingPart) }
        var targets: [String: String] = [:]
        var typed: [String: String] = [:]
        _ = try package.parseWhole("xl/_rels/workbook.xml.rels") { event in
            guard case .start("Relationship", let attributes) = event, let target = attributes[attribute: "Target"]
            else { return }
            if let id = attributes[attribute: "Id"] { targets[id] = target }
            if let type = attributes[attribute: "Type"]?.split(separator: "/").last { typed[String(type)] = target }
        }
        func resolve(_ target: String?, default fallback: String) -> String {
            guard let target, !target.isEmpty else { return fallback }
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            var parts = ["xl"]
            for piece in target.split(separator: "/") {
                if piece == ".." {
                    if !parts.isEmpty { parts.removeLast() }
                } else if piece != "." {
                    parts.append(String(piece))
                }
            }
            return parts.joined(separator: "/")
        }
        let sharedStrings = resolve(typed["sharedStrings"], default: "xl/sharedStrings.xml")
        let styles = resolve(typed["styles"], default: "xl/styles.xml")
        return sheets.enumerated().map { index, sheet in
            SheetLocation(
                name: sheet.name,
                part: resolve(targets[sheet.relation], default: "xl/worksheets/sheet\(index + 1).xml"),
                sharedStrings: sharedStrings, styles: styles, isHidden: sheet.hidden, date1904: date1904)
        }
    }

    /// Why a sheet read by default gives nothing: it is empty, and here are
    /// the other sheets that hold cells (the user meant one of them); a plain
    /// "empty" when no sheet holds any.
    private static func emptySheetFailure(_ package: ZipPackage, _ sheet: SheetLocation, _ cells: CellDecoder)
        throws -> InputFailure
    {
        var others: [String] = []
        for other in try sheetList(package) where other.part != sheet.part {
            var filled = false
            try? rows(package, other, cells) { row in
                if !row.isBlank {
                    filled = true
                    throw StopReading()
                }
            }
            if filled { others.append(other.name) }
        }
        if others.isEmpty { return InputFailure.empty(path: package.path) }
        return package.failure(sheet.part, .emptySheet(name: sheet.name, others: others), sheet: sheet.name)
    }

    /// Each cell style (cellXfs index): its font, and whether its number format shows a date or time.
    private static func cellStyles(_ package: ZipPackage, part: String) throws -> [CellStyle] {
        var fonts: [String?] = []
        var formats: [Int: SpreadsheetDate.Kind] = [:]
        var styles: [CellStyle] = []
        var inFonts = false
        var inCellXfs = false
        _ = try package.parseWhole(part) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes[attribute: "numFmtId"].flatMap({ Int($0) }) {
                    formats[id] = SpreadsheetDate.kind(formatCode: attributes[attribute: "formatCode"] ?? "")
                }
            case .start("fonts", _): inFonts = true
            case .start("font", _) where inFonts: fonts.append(nil)
            case .start("name", let attributes) where inFonts:
                if !fonts.isEmpty { fonts[fonts.count - 1] = attributes[attribute: "val"] }
            case .start("cellXfs", _): inCellXfs = true
            case .start("xf", let attributes) where inCellXfs:
                let index = Int(attributes[attribute: "fontId"] ?? "0") ?? 0
                let format = Int(attributes[attribute: "numFmtId"] ?? "0") ?? 0
                styles.append(
                    CellStyle(
                        font: fonts.indices.contains(index) ? fonts[index] : nil,
                        shows: formats[format] ?? SpreadsheetDate.kind(builtinFormat: format)))
            case .end("fonts"): inFonts = false
            case .end("cellXfs"): inCellXfs = false
            default: break
            }
        }
        return styles
    }

    // MARK: rows

    /// One sheet row: its number, its cells, and the first damaged cell if any.
    struct SheetRow {
        var number: Int
        var cells: [String]
        var problem: (reference: String, CellProblem)?
        var isBlank: Bool { cells.allSatisfy { $0.isEmpty } }
    }

    /// Excel's grid.
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    /// The longest cell accepted (Excel itself stops at 32,767 characters).
    static let maximumCellBytes = 1 << 20

    /// Streams the sheet's rows in order.
    private static func rows(
        _ package: ZipPackage, _ sheet: SheetLocation, _ decoder: CellDecoder, _ body: (SheetRow) throws -> Void
    ) throws {
        var row = SheetRow(number: 0, cells: [])
        var column = 0
        var type = ""
        var style = 0
        var reference = ""
        var value = ""
        var inValue = false
        var inCell = false
        var valueBytes = 0
        var cellProblem: CellProblem?
        // The row's last cell so far: cells go left to right, one per column.
        var lastColumn = -1
        var inPhonetic = false
        func flag(_ problem: CellProblem, _ at: String) {
            if row.problem == nil { row.problem = (at, problem) }
        }
        do {
            guard
                try package.parse(
                    sheet.part, sheet: sheet.name,
                    { event in
                        switch event {
                        case .start("row", let attributes):
                            let previous = row.number
                            row = SheetRow(number: previous + 1, cells: [])
                            lastColumn = -1
                            if let r = attributes[attribute: "r"] {
                                if let number = Int(r), number >= 1, number <= maximumRows {
                                    row.number = number
                                    // Read in place, it would be taken for another row (the header, a title).
                                    if number <= previous { flag(.outOfOrder, r) }
                                } else {
                                    row.number = previous + 1
                                    flag(Int(r) == nil ? .badReference : .beyondGrid, "\(r)")
                                }
                            }
                        case .start("c", let attributes):
                            inCell = true
                            reference = attributes[attribute: "r"] ?? ""
                            cellProblem = nil
                            if reference.isEmpty {
                                column = lastColumn + 1
                            } else {
                                switch Self.column(of: reference) {
                                case .success(let index):
                                    column = index
                                    // A second cell for a column would replace the first one's text.
                                    if index <= lastColumn { cellProblem = .outOfOrder }
                                case .failure(let problem):
                                    cellProblem = problem
                                    column = lastColumn + 1
                                }
                            }
                            lastColumn = max(lastColumn, column)
                            if column >= maximumColumns { cellProblem = cellProblem ?? .beyondGrid }
                            type = attributes[attribute: "t"] ?? "n"
                            style = Int(attributes[attribute: "s"] ?? "0") ?? 0
                            value = ""
                            valueBytes = 0
                        // A phonetic reading (<rPh>) is not the cell's text.
                        case .start("rPh", _): inPhonetic = true
                        case .end("rPh"): inPhonetic = false
                        case .start("v", _), .start("t", _): inValue = inCell && !inPhonetic
                        case .text(let text) where inValue:
                            valueBytes += text.utf8.count
                            if valueBytes <= maximumCellBytes {
                                value += text
                            } else {
                                cellProblem = cellProblem ?? .tooLong(limit: maximumCellBytes)
                            }
                        case .end("v"), .end("t"): inValue = false
                        case .end("c"):
                            inCell = false
                            let shown = reference.isEmpty ? Self.name(ofColumn: column) + String(row.number) : reference
                            if let problem = cellProblem {
                                flag(problem, shown)
                                return
                            }
                            switch decoder.text(value: value, type: type, style: style) {
                            case .success(let text):
                                if text.isEmpty && column >= row.cells.count { return }
                                if column >= InputLimits.maxColumns {
                                    return flag(.beyondColumnLimit(limit: InputLimits.maxColumns), shown)
                                }
                                while row.cells.count < column { row.cells.append("") }
                                if column < row.cells.count { row.cells[column] = text } else { row.cells.append(text) }
                            case .failure(let problem): flag(problem, shown)
                            }
                        case .end("row"): try body(row)
                        default: break
                        }
                    })
            else { throw package.failure(sheet.part, .missingPart, sheet: sheet.name) }
        } catch is StopReading {}
    }

    /// Zero-based column of a reference such as `AB12`, checked against Excel's grid.
    static func column(of reference: String) -> Result<Int, CellProblem> {
        var index = 0
        var letters = 0
        var digits = 0
        var rowNumber = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                letters += 1
                if letters > 3 { return .failure(.beyondGrid) }
                index = index * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                letters += 1
                if letters > 3 { return .failure(.beyondGrid) }
                index = index * 26 + Int(byte - 96)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1
                if digits > 7 { return .failure(.beyondGrid) }
                rowNumber = rowNumber * 10 + Int(byte - 48)
            case UInt8(ascii: "$"): continue
            default: return .failure(.badReference)
            }
        }
        guard letters > 0, digits > 0, rowNumber >= 1 else { return .failure(.badReference) }
        guard index <= maximumColumns, rowNumber <= maximumRows else { return .failure(.beyondGrid) }
        return .success(index - 1)
    }

    /// `A` for 0, `Z` for 25, `AA` for 26…
    static func name(ofColumn index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

/// A cell style as far as reading text goes.
struct CellStyle {
    /// The font name, to decode a legacy (.VnTime, VNI) font's look-alikes.
    var font: String?
    /// Whether the number format shows a date or time.
    var shows: SpreadsheetDate.Kind
}

/// Turns a cell's stored value into its text: shared strings looked up (a
/// missing one is a problem, never the index's digits), legacy fonts decoded,
/// numbers styled as dates or times read as ISO dates and times.
struct CellDecoder {
    /// Per style index; a style index outside it (negative, too large) means
    /// the default style, as Excel and LibreOffice read it.
    let styles: [CellStyle]
    let date1904: Bool
    let shared: SharedStrings

    func text(value: String, type: String, style: Int) -> Result<String, CellProblem> {
        let cellStyle = styles.indices.contains(style) ? styles[style] : nil
        let font = cellStyle?.font
        let text: String
        switch type {
        case "s":
            let digits = value.trimmingCharacters(in: .whitespaces)
            guard let index = Int(digits), index >= 0, index < shared.count else {
                return .failure(.missingSharedString(index: String(digits.prefix(20)), count: shared.count))
            }
            if shared.isTooLong(index) { return .failure(.tooLong(limit: XLSXPetitionSource.maximumCellBytes)) }
            text = shared.hasRunFonts(index) ? shared[index] : LegacyRuns.repair(shared[index], font: font)
        case "n":
            let shown = cellStyle.map(\.shows) ?? .number
            text = SpreadsheetDate.text(serial: value, kind: shown, date1904: date1904) ?? value
        case "b", "e", "d": text = value
        default: text = LegacyRuns.repair(value, font: font)
        }
        return .success(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The workbook's shared-string table, stored compactly (one UTF-8 buffer and
/// offsets) because it must stay in memory while the sheet streams. Each
/// rich-text run is decoded by its own font if that font is legacy.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var runFonts: [Bool] = []
    /// Strings longer than a cell may be, kept empty: a cell using one rejects only its row.
    private var overLong: Set<Int> = []
    /// Largest table accepted (text bytes, strings): keeps peak memory well under 1 GiB.
    static let maximumBytes = 512 << 20
    static let maximumCount = 10_000_000

    var count: Int { ends.count }

    init() {}

    init(package: ZipPackage, part: String) throws {
        var current = ""
        var run = ""
        var runFont: String?
        var inText = false
        var inRun = false
        var hasRunFonts = false
        var inPhonetic = false
        var tooLong = false
        var table = SharedStrings()
        _ = try package.parse(part) { event in
            switch event {
            case .start("si", _):
                current = ""
                hasRunFonts = false
                tooLong = false
            case .start("r", _):
                inRun = true
                run = ""
                runFont = nil
            case .start("rFont", let attributes):
                runFont = attributes[attribute: "val"]
                hasRunFonts = true
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = !inPhonetic
            case .text(let text) where inText && !tooLong:
                if inRun { run += text } else { current += text }
                if current.utf8.count + run.utf8.count > XLSXPetitionSource.maximumCellBytes {
                    tooLong = true
                    current = ""
                    run = ""
                }
            case .end("t"): inText = false
            case .end("r"):
                inRun = false
                if !tooLong { current += LegacyRuns.repair(run, font: runFont) }
            case .end("si"):
                if table.bytes.count + current.utf8.count > Self.maximumBytes || table.ends.count >= Self.maximumCount {
                    throw package.failure(part, .partTooLarge(limit: UInt64(Self.maximumBytes)))
                }
                if tooLong { table.overLong.insert(table.ends.count) }
                table.bytes.append(contentsOf: current.utf8)
                table.ends.append(UInt32(table.bytes.count))
                table.runFonts.append(hasRunFonts)
            default: break
            }
        }
        self = table
    }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    func hasRunFonts(_ index: Int) -> Bool { runFonts[index] }

    /// The string at `index` was longer than a cell may be (its text was not kept).
    func isTooLong(_ index: Int) -> Bool { overLong.contains(index) }
}
