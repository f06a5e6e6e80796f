/// One petition as read from a file: its id, text, and every original column,
/// so outputs can keep what the office had.
public struct PetitionRecord: Sendable, Equatable {
    /// The input's id, or the row/line number when it had none.
    public var id: String
    public var text: String
    /// Original cells, in the input's column order (empty for plain text).
    public var cells: [String]
    /// Where it came from: 1-based line (text formats) or row (spreadsheets).
    public var location: Int

    public init(id: String, text: String, cells: [String] = [], location: Int) {
        self.id = id
        self.text = text
        self.cells = cells
        self.location = location
    }
}

/// A row that could not become a petition, and why (never dropped silently).
public struct RejectedRow: Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Codable {
        case emptyText = "empty-text"
        case malformedRow = "malformed-row"
        case malformedJSON = "malformed-json"
        /// A paragraph before the first numbered item of a Word list (a heading or preamble).
        case outsideList = "outside-numbered-list"
        /// A spreadsheet cell that cannot be read (a dangling shared string, a reference beyond Excel's grid).
        case badCell = "bad-cell"
        /// A title row above a sheet's header row, a Word heading, column numbers or a section
        /// row, the header repeated (or copied with changes) or its second row: not a petition.
        case title = "title"
        /// A line an office document opens with, above the first petition of a plain-text
        /// list or a list of one column: the body's name, the motto, the number, the date,
        /// the title (see ``DocumentHeading``).
        case heading = "document-heading"
        /// A line an office document ends with, below the last petition of a plain-text list
        /// or a list of one column: the place and date, who signs, the recipients (see
        /// ``DocumentClosing``).
        case closing = "document-closing"
        /// A Word paragraph outside the table that holds the petitions.
        case outsideTable = "outside-table"
        /// A row of a Word table that is no list of petitions (an agenda, a table of who
        /// attended): no header naming its text column, and not going on with a list.
        case otherTable = "other-table"
        /// Longer than ``InputLimits/maxPetitionBytes`` (or a record above ``InputLimits/maxRecordBytes``).
        case tooLong = "too-long"
        /// A NUL or another control character (C0, except tab and line breaks): damaged
        /// or binary data that must never reach an output.
        case controlCharacter = "control-character"
        /// A JSON Lines `id` that is neither a string nor a number (`true`, `null`, an object, an array).
        case badID = "bad-id"

        /// Whether a petition may have been lost (a heading before a Word list is not one).
        public var losesPetition: Bool {
            self != .outsideList && self != .title && self != .heading && self != .closing
                && self != .outsideTable
                && self != .otherTable
        }
    }

    /// What exactly was wrong, as data; rendered in the user's language.
    public enum Detail: Sendable, Equatable, Codable {
        case none
        case misplacedQuote
        case unterminatedQuote
        case cellCount(found: Int, expected: Int)
        /// The start of the text concerned.
        case excerpt(String)
        /// A spreadsheet cell: sheet name, reference as written (`B7`), what is wrong.
        case cell(sheet: String, reference: String, problem: CellProblem)
        /// The row spans `bytes` bytes; the limit is `limit`.
        case length(bytes: Int, limit: Int)
        /// A quote opened on the row's line was never closed: lines up to `lastLine` could not be read.
        case unclosedQuote(lastLine: Int)
        /// A JSON object naming key `key` twice (which value counts is ambiguous).
        case duplicateKey(String)
        /// A JSON object without a `text` string; `keys` are the ones it has (a `Text`, a number…).
        case missingText(keys: [String])
        /// Control character `code` (e.g. 0 for NUL) in column `column` (nil: the row has no columns).
        case controlCharacter(code: UInt8, column: String?)
    }

    public var file: String
    /// 1-based line or row.
    public var location: Int
    public var reason: Reason
    public var detail: Detail
    /// Byte offset of the row in the file, when known (UTF-8 text inputs).
    public var byteOffset: Int?
    /// The start of the row as read (at most ``excerptLength`` characters), for the rejected-rows file.
    public var excerpt: String

    public static let excerptLength = 80

    public init(
        file: String, location: Int, reason: Reason, detail: Detail = .none, byteOffset: Int? = nil,
        excerpt: String = ""
    ) {
        self.file = file
        self.location = location
        self.reason = reason
        self.detail = detail
        self.byteOffset = byteOffset
        self.excerpt = excerpt
    }

    /// The first characters of raw row bytes, on one line, cut at a character boundary.
    public static func excerpt(of bytes: some Collection<UInt8>) -> String {
        let head = Array(bytes.prefix(excerptLength * 4))
        let text = String(decoding: head.prefix(UTF8Validation.completeLength(head)), as: UTF8.self)
        var result = ""
        for character in text.prefix(excerptLength) {
            if character.isNewline || character == "\t" {
                result.append(" ")
            } else if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                scalar.value < 0x20 || scalar.value == 0x7F
            {
                // Shown, never copied: ␀ for NUL and the other control pictures.
                result.unicodeScalars.append(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The first C0 control character (other than tab, LF and CR) in `text`, if any.
    public static func controlCharacter(in text: String) -> UInt8? {
        // On the contiguous bytes: this runs on every line read.
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return byte }
            return nil
        }
    }

    /// The first control character among `cells`: its code and the cell's index.
    public static func controlCharacter(in cells: [String]) -> (code: UInt8, cell: Int)? {
        for (index, cell) in cells.enumerated() {
            if let code = controlCharacter(in: cell) { return (code, index) }
        }
        return nil
    }

    /// `text` with every control character that ``controlCharacter(in:)`` finds shown
    /// as its control picture (␀ for NUL): for column names, which are not rows to reject.
    public static func showingControlCharacters(_ text: String) -> String {
        guard controlCharacter(in: text) != nil else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            result.append(
                value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D
                    ? Unicode.Scalar(0x2400 + value)! : scalar)
        }
        return String(result)
    }

    /// `U+0000 (NUL)`.
    static func controlName(_ code: UInt8) -> String {
        let names = [
            "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
            "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
        ]
        let hex = String(code, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
            + (Int(code) < names.count ? " (\(names[Int(code)]))" : "")
    }

}

extension RejectedRow {
    /// A title, heading or section row of a table, reported with the start of its filled cells.
    package static func title(file: String, location: Int, cells: [String]) -> RejectedRow {
        RejectedRow(
            file: file, location: location, reason: .title, detail: titleExcerpt(cells), excerpt: excerpt(of: cells))
    }

    /// The start of a row's filled cells, joined by " | ", for the rejected-rows file
    /// (a sheet's or Word table's row has no raw bytes to show).
    package static func excerpt(of cells: [String]) -> String {
        excerpt(of: cells.filter { !BlankText.isBlank($0) }.joined(separator: " | ").utf8.prefix(excerptLength * 4))
    }

    /// The start of a title row's filled cells.
    package static func titleExcerpt(_ cells: [String]) -> Detail {
        .excerpt(String(cells.filter { !BlankText.isBlank($0) }.joined(separator: " ").prefix(40)))
    }
}

/// What is wrong with one spreadsheet cell.
public enum CellProblem: Error, Sendable, Equatable, Codable {
    /// A shared-string cell whose index is not in the workbook's string table (`count` strings).
    case missingSharedString(index: String, count: Int)
    /// A column beyond XFD (16,384 columns) or a row beyond 1,048,576.
    case beyondGrid
    /// A reference that is not letters then digits (`B7`).
    case badReference
    /// Text longer than the limit (bytes).
    case tooLong(limit: Int)
    /// A row or cell numbered at or before one already read (a damaged file: it would
    /// overwrite or hide what came first).
    case outOfOrder
    /// A filled cell beyond the most columns a table may have (a stray cell far to the right).
    case beyondColumnLimit(limit: Int)

}

/// The table shape of an input: column names and which one holds the text.
package struct InputSchema: Sendable, Equatable {
    package var columns: [String]
    package var textColumn: Int
    package var idColumn: Int?
    /// Whether the list numbers its items 1, 2, 3… in its first column: then a roman
    /// numeral before a short name ("II | Y tế") is a section, not an item.
    package var numberedList: Bool
    /// Set when the person said the table has no header (``HeaderRowChoice/absent``):
    /// no row is a title then, not even column numbers or a section row.
    package var readsEveryRow = false

    package init(
        columns: [String], textColumn: Int, idColumn: Int?, numberedList: Bool = false, readsEveryRow: Bool = false
    ) {
        self.readsEveryRow = readsEveryRow
        self.columns = columns
        self.textColumn = textColumn
        self.idColumn = idColumn
        self.numberedList = numberedList
    }

    static let textColumnNames = [
        "text", "noi dung", "nội dung", "kien nghi", "kiến nghị", "noi dung kien nghi", "nội dung kiến nghị", "y kien",
        "ý kiến", "phan anh", "phản ánh", "content", "petition", "description", "mo ta", "mô tả",
    ]
    static let idColumnNames = [
        "id", "stt", "tt", "so tt", "so thu tu", "so hieu", "ma", "mã", "so", "số", "ma so", "mã số", "no", "number",
    ]

    private static let foldedTextColumnNames = Set(textColumnNames.map(fold))
    private static let foldedIdColumnNames = Set(idColumnNames.map(fold))

    /// Picks the text column: the one named, else a known name, else the column
    /// whose cells are longest on average (if clearly so). Nil when unsure.
    package static func guess(header: [String], sample: [[String]], named: String?) -> (text: Int?, id: Int?) {
        let folded = header.map(fold)
        let id = folded.firstIndex { foldedIdColumnNames.contains($0) }
        if let named {
            if let index = folded.firstIndex(of: fold(named)) { return (index, id) }
            if let number = Int(named), number >= 1, number <= header.count { return (number - 1, id) }
            return (nil, id)
        }
        if let index = folded.firstIndex(where: { foldedTextColumnNames.contains($0) }) { return (index, id) }
        // A long header ("Nội dung kiến nghị của công nhân gửi tới Hội nghị…") starts with a known name.
        if let index = longTextColumn(folded) { return (index, id) }
        let averages = header.indices.map { column -> Double in
            let lengths = sample.map { column < $0.count ? $0[column].count : 0 }
            return lengths.isEmpty ? 0 : Double(lengths.reduce(0, +)) / Double(lengths.count)
        }
        let ranked = averages.enumerated().sorted { $0.element > $1.element }
        guard let best = ranked.first, best.element >= 20 else { return (nil, id) }
        if ranked.count > 1, ranked[1].element * 2 > best.element { return (nil, id) }
        return (best.offset, id)
    }

    /// Names of answer columns, never the petition text even when they start like it ("Nội dung trả lời").
    private static let answerWordList = ["tra loi", "phan hoi", "ket qua", "giai quyet", "answer", "reply", "response"]
    /// Text names ordered longest first, so "noi dung kien nghi" wins over "noi dung".
    private static let textNamesLongestFirst = foldedTextColumnNames.sorted { $0.count > $1.count }

    /// The first column whose folded name starts with (or, failing that, contains) a known text name.
    private static func longTextColumn(_ folded: [String]) -> Int? {
        // Whole words compared on UTF-8 bytes (Foundation's `contains` costs far more, for every header cell).
        let columns = folded.map { Array((" " + $0 + " ").utf8) }
        let candidates = columns.indices.filter { mayHoldText(columns[$0]) }
        for prefixOnly in [true, false] {
            for name in textNameWordsLongestFirst {
                if let index = candidates.first(where: { column in
                    prefixOnly ? columns[column].starts(with: name) : ByteSearch.contains(columns[column], name)
                }) {
                    return index
                }
            }
        }
        return nil
    }

    /// Whether a column of this padded, folded name may hold the text: not an answer
    /// ("Nội dung trả lời") nor a count ("Số kiến nghị", "Tổng số").
    private static func mayHoldText(_ padded: [UInt8]) -> Bool {
        !answerWords.contains { ByteSearch.contains(padded, $0) } && !countWords.contains { padded.starts(with: $0) }
    }

    /// Whether one cell names a text column as a header cell does: a known name; in a
    /// short cell, one it opens with (or a content name, "Vấn đề cử tri quan tâm"), or
    /// holds among six words at most ("Sơ lược nội dung kiến nghị") or in capitals, unless it
    /// reads as a petition (``readsAsPetition(_:)``); in a
    /// longer one, a content-name opening (``startsLikeTextName(_:)``).
    private static func namesText(cell: String, folded: String) -> Bool {
        if foldedTextColumnNames.contains(folded) { return true }
        guard cell.unicodeScalars.count <= 40 else { return startsLikeTextName(folded) }
        let padded = Array((" " + folded + " ").utf8)
        guard mayHoldText(padded), !readsAsPetition(folded) else { return false }
        if textNameWordsLongestFirst.contains(where: { padded.starts(with: $0) }) || startsLikeTextName(folded) {
            return true
        }
        return (wordCount(folded) <= 6 || looksLikeTitle(cell))
            && textNameWordsLongestFirst.contains { ByteSearch.contains(padded, $0) }
    }

    /// Whether a folded cell reads as a petition rather than a column's name: a request
    /// of seven words or more, or request words (after the petitioners, if named) followed
    /// by what is asked ("Kiến nghị làm đường", "Cử tri phản ánh ô nhiễm", "Ý kiến về giá
    /// điện"). Request words alone, or followed by who asks ("Kiến nghị cử tri", "Phản ánh
    /// của cử tri", "Yêu cầu, kiến nghị"), name a column.
    static func readsAsPetition(_ folded: String) -> Bool {
        if looksLikeRequest(folded) { return true }
        let bytes = Array((folded + " ").utf8)
        if opinionAbout.contains(where: { bytes.starts(with: $0) }) { return true }
        var rest = bytes[...]
        if let who = petitioners.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(who.count) }
        let asked = afterRequestOpenings(rest)
        guard asked.count < rest.count else { return rest.count < bytes.count && !asked.isEmpty }
        return !asked.isEmpty && !asked.starts(with: "cua ".utf8) && !petitioners.contains { asked.starts(with: $0) }
    }

    private static let petitioners = ["cu tri", "nhan dan", "nguoi dan", "cong dan", "cong nhan"].map {
        Array(($0 + " ").utf8)
    }
    private static let opinionAbout = ["y kien ve", "van de ve"].map { Array(($0 + " ").utf8) }

    /// Names a long header opens with; "kiến nghị" and "phản ánh" open petitions as often
    /// (but "Kiến nghị của cử tri…" names them).
    private static let contentNames = [
        "noi dung", "y kien", "mo ta", "tom tat", "tong hop", "van de", "content", "description",
    ].map {
        Array((" " + $0 + " ").utf8)
    }

    /// Whether a folded cell of up to 120 characters opens with a content name, or
    /// names petitions by their request words ("Yêu cầu, kiến nghị của công dân…").
    private static func startsLikeTextName(_ folded: String) -> Bool {
        guard folded.unicodeScalars.count <= 120 else { return false }
        let padded = Array((" " + folded + " ").utf8)
        if contentNames.contains(where: { padded.starts(with: $0) }) { return true }
        let bytes = Array((folded + " ").utf8)
        let rest = afterRequestOpenings(bytes[...])
        return rest.count < bytes.count && rest.starts(with: "cua ".utf8)
    }

    private static let requestOpenings = [
        "de nghi", "kien nghi", "yeu cau", "de xuat", "mong muon", "phan anh", "xin",
    ].map {
        Array(($0 + " ").utf8)
    }
    /// Words petitions open with, requests and the petitioners named first.
    private static let petitionOpenings =
        ([
            "de nghi", "kien nghi", "yeu cau", "de xuat", "mong muon", "cu tri", "nhan dan", "nguoi dan", "phan anh",
            "xin",
        ])
        .map { Array(($0 + " ").utf8) }

    /// Whether a folded cell is a request of seven words or more ("Đề nghị mở thêm tuyến
    /// xe buýt vào KCN"): a petition, never a column name. "Kiến nghị của cử tri…" names one.
    static func looksLikeRequest(_ folded: String) -> Bool {
        let bytes = Array(folded.utf8)
        let rest = afterRequestOpenings(bytes[...])
        // "Yêu cầu, kiến nghị của công dân…", "Đề xuất, kiến nghị của cử tri…" name petitions.
        return rest.count < bytes.count && !rest.starts(with: "cua ".utf8) && wordCount(folded) >= 7
    }

    /// What follows the request words a text opens with ("yeu cau kien nghi cua…" → "cua…").
    private static func afterRequestOpenings(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = bytes
        while let opening = requestOpenings.first(where: { rest.starts(with: $0) }) {
            rest = rest.dropFirst(opening.count)
        }
        return rest
    }

    private static let titleOpenings = [
        "danh sach", "tong hop", "bang", "bao cao", "bien ban", "ket qua", "y kien", "kien nghi cua",
    ].map { Array(($0 + " ").utf8) }

    /// Whether a folded text opens like a list's title ("Tổng hợp kiến nghị…", "Danh sách…").
    static func opensLikeTitle(_ folded: String) -> Bool {
        let bytes = Array((folded + " ").utf8)
        return titleOpenings.contains { bytes.starts(with: $0) }
    }

    /// Whether a folded text opens like a petition ("Đề nghị…", "Cử tri phản ánh…").
    static func opensLikePetition(_ folded: String) -> Bool {
        let bytes = Array((folded + " ").utf8)
        // "Kiến nghị của cử tri…" names petitions; it does not make one.
        return petitionOpenings.contains { bytes.starts(with: $0) }
            && !afterRequestOpenings(bytes[...]).starts(with: "cua ".utf8)
    }

    /// Known text names as " name " bytes, longest first.
    private static let textNameWordsLongestFirst = textNamesLongestFirst.map { Array((" " + $0 + " ").utf8) }
    private static let answerWords = answerWordList.map { Array((" " + $0 + " ").utf8) }
    /// Openings of count columns ("Số kiến nghị", "Tổng số", "Số lượng"); "Sơ lược…" folds alike but is not one.
    private static let countWords = ["so kien nghi", "so y kien", "so luong", "so lan", "so ho", "so don", "tong so"]
        .map {
            Array((" " + $0 + " ").utf8)
        }

    /// Other column names common in office petition lists, folded; used to tell a header row from a title or data row.
    private static let foldedOtherColumnNames: Set<String> = Set([
        "ho ten", "ho va ten", "nguoi gui", "nguoi kien nghi", "nguoi phan anh", "don vi", "co quan", "bo phan",
        "phong",
        "phan xuong", "to", "dia chi", "ngay", "ngay nhan", "ngay gui", "ngay thang", "thoi gian", "so dien thoai",
        "dien thoai",
        "email", "ghi chu", "linh vuc", "chu de", "phan loai", "tra loi", "noi dung tra loi", "ket qua",
        "co quan tra loi",
        "noi nhan", "tinh trang", "trang thai", "co quan giai quyet", "don vi giai quyet", "don vi tra loi",
        "co quan chu tri", "dia diem", "name", "date", "unit", "category", "note", "notes", "address", "phone",
        "status",
    ])

    /// Whether a folded cell is a column name offices use (text, id or another).
    static func knownColumnName(_ folded: String) -> Bool {
        foldedTextColumnNames.contains(folded) || foldedIdColumnNames.contains(folded)
            || foldedOtherColumnNames.contains(folded)
    }

    /// How much a row looks like a header: known column names and several short
    /// non-numeric cells count for it; numbers, dates and long texts against it.
    /// A row with a single filled cell (a title) scores at most 1.
    package static func headerScore(_ row: [String]) -> Int {
        var score = 0
        var filled = 0
        for cell in row {
            let trimmed = cell
            guard !trimmed.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { continue }
            filled += 1
            let folded = fold(trimmed)
            if folded.isEmpty {
                score -= 1
                continue
            }
            if knownColumnName(folded) {
                score += 4
            } else if looksLikeRequest(folded) {
                score -= 3
            } else if namesText(cell: trimmed, folded: folded) {
                // A petition ("Cử tri xã X phản ánh…") holds these words too: a longer cell counts
                // only when it opens with a content name ("Nội dung ý kiến, kiến nghị của công nhân…").
                score += 3
            } else if trimmed.unicodeScalars.allSatisfy({
                $0.properties.numericType != nil || "./-: ,".unicodeScalars.contains($0)
            }) {
                score -= 2
            } else if trimmed.unicodeScalars.count > 80 {
                score -= 3
            } else if trimmed.unicodeScalars.count <= 40 {
                score += 1
            } else {
                // As long as a petition ("Cử tri kiến nghị sửa chữa đường liên xã…").
                score -= 2
            }
        }
        return filled <= 1 ? min(score, 1) : score
    }

    /// Index of the header among the first `window` rows of a table: the row
    /// that looks most like one (see ``headerScore(_:)``), the earliest on a tie;
    /// when none looks like a header, the first row past the titles above the list
    /// (see ``firstRowPastTitles(in:scanned:listStart:firstItem:)``). Nil when all are empty.
    /// A header names a column and lies above the list: never below a petition row,
    /// nor on or below the row where the list's numbers start (unless right above a
    /// run numbered from 1, under numbered preamble lines), never a section row.
    package static func headerRow(in rows: [[String]], window: Int = 10) -> Int? {
        let filled = rows.indices.filter { rows[$0].contains { !$0.allSatisfy(\.isWhitespace) } }
        guard let first = filled.first else { return nil }
        let runStarts = numberedRunStarts(in: rows)
        let listStart = runStarts.first ?? rows.count
        let firstItem = unnumberedFirstItem(in: rows, filled: filled, listStart: listStart)
        let scanned = scannedRows(rows, filled: filled, window: window)
        var best = first
        var bestScore = Int.min
        var bestNames: Set<String> = []
        for (position, index) in scanned.enumerated() {
            // A row right above a list numbered from 1 may head it even below other numbered
            // lines ("1 | Thời gian…", "2 | Địa điểm…" above the header).
            let next = position + 1 < filled.count ? filled[position + 1] : nil
            let headsList = next.map { itemNumber(rows[$0].first) == 1 && runStarts.contains($0) } ?? false
            // A header names a column: short cells alone ("Đường ngõ 5 ngập | Sở GTVT") do not make one.
            if (index < listStart || headsList) && index != firstItem && !isSectionRow(rows[index])
                && namesAnyColumn(rows[index])
            {
                let score = headerScore(rows[index])
                // The header copied below with a column more ("… | Ghi chú") is no better header:
                // taken, the petitions between them were titles.
                let names = score > bestScore ? Set(rows[index].map(fold)) : []
                if score > bestScore && !(bestScore > 1 && bestNames.isSubset(of: names)) {
                    best = index
                    bestScore = score
                    bestNames = names.subtracting([""])
                }
            }
            // Nothing below a petition row ("… | Đề nghị…") heads the table: the list has begun.
            // A request alone in its row is a title line ("Đề nghị các sở trả lời các kiến nghị sau").
            let cells = rows[index].filter { !BlankText.isBlank($0) }
            if cells.count >= 2 && cells.contains(where: { looksLikeRequest(fold($0)) && !looksLikeTitle($0) }) {
                break
            }
        }
        return bestScore > 1
            ? best
            : firstRowPastTitles(in: rows, scanned: scanned, listStart: listStart, firstItem: firstItem)
    }

    /// The header among a table's first `rows` as `choice` says: its index and whether
    /// it names columns (`namesColumns` decides for a detected row; a named row does,
    /// and with ``HeaderRowChoice/absent`` no row does and none is a title). `numbers[i]`
    /// is row i's number in messages. Nil when every row is blank.
    /// - Throws: ``InputFailure/noHeaderRow(path:row:searched:)`` when the named row is blank or not among them.
    package static func header(
        _ choice: HeaderRowChoice, in rows: [[String]], numbers: [Int], path: String,
        namesColumns: (Int) -> Bool
    ) throws -> (index: Int, hasHeader: Bool)? {
        switch choice {
        case .detect:
            return headerRow(in: rows).map { ($0, namesColumns($0)) }
        case .absent:
            return rows.firstIndex { $0.contains { !BlankText.isBlank($0) } }.map { ($0, false) }
        case .row(let number):
            guard let index = numbers.firstIndex(of: number), rows[index].contains(where: { !BlankText.isBlank($0) })
            else {
                let searched = numbers.first.flatMap { first in numbers.last.map { first...max(first, $0) } }
                throw InputFailure.noHeaderRow(path: path, row: number, searched: searched)
            }
            // One filled cell above rows of several names the column it stands over, which must
            // be the one holding the rows' text ("NỘI DUNG KIẾN NGHỊ" over it); standing elsewhere,
            // it is a title ("DANH SÁCH KIẾN NGHỊ…" over the numbers), and would name a wrong column.
            let filled = { (row: [String]) in row.filter { !BlankText.isBlank($0) } }
            let sample = rows[(index + 1)...].prefix(10).filter { filled($0).count >= 2 }
            if filled(rows[index]).count == 1, sample.count * 2 > rows[(index + 1)...].prefix(10).count,
                let column = rows[index].firstIndex(where: { !BlankText.isBlank($0) })
            {
                let width = sample.map(\.count).max() ?? 0
                let longest = (0..<width).max { a, b in
                    sample.reduce(0) { $0 + (a < $1.count ? $1[a].count : 0) }
                        < sample.reduce(0) { $0 + (b < $1.count ? $1[b].count : 0) }
                }
                if column != longest { throw InputFailure.titleAsHeaderRow(path: path, row: number) }
            }
            // The row named is inside the list when the list's numbers run on across it (…, 7 above,
            // 8 on it or below), or when three rows above or more are shaped as the rows below (as
            // many cells, a sentence in the same column): those petitions would be skipped as titles.
            // A numbered preamble ("1 | Thời gian…", "2 | Địa điểm…") above a list from 1 is no list.
            let above = rows[..<index].filter { !filled($0).isEmpty }
            let below = rows[(index + 1)...].prefix(10).filter { !filled($0).isEmpty }
            let lastAbove = above.last.flatMap { itemNumber($0.first) }
            // (…, 7 above, 8 on it or below; or 1 on it, 2 below: the list's first item.)
            let firstBelow = below.first.flatMap { itemNumber($0.first) }
            let numberOnIt = itemNumber(rows[index].first)
            let numbersRunOn =
                (lastAbove.map { last in numberOnIt == last + 1 || firstBelow == last + 1 } ?? false)
                || (numberOnIt.map { firstBelow == $0 + 1 } ?? false)
            func sentenceColumn(_ row: [String]) -> Int? {
                row.indices.first { row[$0].count >= 40 && !looksLikeTitle(row[$0]) }
            }
            let shape = below.first.map { (filled($0).count, sentenceColumn($0)) }
            let listRows = above.filter { row in
                guard let shape, let column = shape.1, shape.0 >= 2 else { return false }
                return filled(row).count == shape.0 && sentenceColumn(row) == column
            }.count
            if numbersRunOn || listRows >= 3 {
                throw InputFailure.headerRowInsideList(path: path, row: number, rowsAbove: max(listRows, above.count))
            }
            return (index, true)
        }
    }

    /// The filled rows looked at for the header: up to the `window`-th row of several
    /// cells not all in capitals. Lines of one cell and rows in capitals (an official
    /// report's letterhead "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", its
    /// number, place and date, "Kính gửi…") do not use the window up. A list of one
    /// column keeps the first `window` rows.
    private static func scannedRows(_ rows: [[String]], filled: [Int], window: Int) -> ArraySlice<Int> {
        var counted = 0
        for (position, index) in filled.enumerated() {
            let cells = rows[index].filter { !BlankText.isBlank($0) }
            if cells.count >= 2 && !cells.allSatisfy(looksLikeTitle) { counted += 1 }
            if counted == window { return filled.prefix(position + 1) }
        }
        return counted == 0 ? filled.prefix(window) : filled[...]
    }

    /// Whether `row`, above `body` numbered from 2, is the list's item 1 without its
    /// number ("| Bảng giá đất mới … quá cao |" above "2 | …"): its number cell blank, a
    /// sentence of six words or more not in capitals, no lead-in ("…kiến nghị:"), no
    /// column name of a few words beside it, and a title's opening only with a judgement.
    package static func isUnnumberedFirstItem(_ row: [String], above body: [[String]]) -> Bool {
        guard BlankText.isBlank(row.first ?? ""), itemNumber(body.first?.first) == 2,
            let text = row.max(by: { $0.count < $1.count })
        else { return false }
        let folded = fold(text)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return wordCount(folded) >= 6 && !looksLikeTitle(text) && !trimmed.hasSuffix(":")
            && !row.contains { (1...4).contains(wordCount(fold($0))) && namesAnyColumn([$0]) }
            && (!opensLikeTitle(folded) || judgesOrAsks(text))
    }

    /// The row right above a list numbered from 2 that is its item 1 without its number
    /// (see ``isUnnumberedFirstItem(_:above:)``): never a header or title.
    private static func unnumberedFirstItem(in rows: [[String]], filled: [Int], listStart: Int) -> Int? {
        guard listStart < rows.count, let above = filled.last(where: { $0 < listStart }),
            isUnnumberedFirstItem(rows[above], above: [rows[listStart]])
        else { return nil }
        return above
    }

    /// The first row of a table without a header, past the titles above it: rows of
    /// one cell ("DANH SÁCH KIẾN NGHỊ CỬ TRI") above a list of several columns, when
    /// written in capitals, or not opening as a petition does and either above where the
    /// list's numbers start or opening as a title ("Tổng hợp…", "Danh sách…"). A list of
    /// one column has no such titles: its first row is a petition.
    private static func firstRowPastTitles(
        in rows: [[String]], scanned: ArraySlice<Int>, listStart: Int, firstItem: Int?
    ) -> Int {
        func cells(_ index: Int) -> [String] { rows[index].filter { !BlankText.isBlank($0) } }
        guard let first = scanned.first else { return 0 }
        guard scanned.contains(where: { cells($0).count >= 2 }) else { return first }
        for index in scanned {
            let row = cells(index)
            guard row.count == 1 else { return index }
            if looksLikeTitle(row[0]) { continue }
            let folded = fold(row[0])
            guard
                index != firstItem && !opensLikePetition(folded) && !judgesOrAsks(row[0])
                    && ((listStart < rows.count && index < listStart) || opensLikeTitle(folded))
            else { return index }
        }
        return first
    }

    /// Words that say what is wrong or wanted ("chưa thỏa đáng", "quá cao", "đề nghị
    /// kiểm tra"), accented: a title names a list ("Tổng hợp kiến nghị cử tri…"), a
    /// petition opening with a title's word ("Bảng giá đất … quá cao") judges or asks.
    private static let judgingWords = ["chưa", "không", "quá", "cần", "đề nghị"].map { $0.split(separator: " ") }
    /// What makes a judging word part of a list's name: a request word as a noun ("đề nghị
    /// của cử tri"), a status ("chưa được giải quyết", "không thuộc thẩm quyền", "cần trả
    /// lời"), "quá" of "quá trình", "quá hạn".
    private static let namingFollowers = [
        "của", "cử tri", "nhân dân", "được giải quyết", "giải quyết", "được trả lời", "trả lời", "xử lý", "thuộc",
        "tính", "trình", "hạn", "khứ",
    ].map { $0.split(separator: " ") }

    /// Whether a row holds a cell of one line that judges or asks, alone in its row, as
    /// long as a petition ("Tổng hợp các khoản thu … quá nhiều, đề nghị kiểm tra"): a
    /// petition's sentence, never the name of a column.
    package static func holdsJudgement(_ row: [String]) -> Bool {
        let filled = row.filter { !BlankText.isBlank($0) }
        guard filled.count == 1, let cell = filled.first else { return false }
        return cell.count > 60 && !looksLikeTitle(cell) && !cell.contains("\n") && judgesOrAsks(cell)
    }

    /// Whether a text holds one of ``judgingWords`` past its first word, not naming a list
    /// and not in brackets (a title's note: "(đề nghị các cơ quan trả lời trước ngày 15/7)").
    static func judgesOrAsks(_ text: String) -> Bool {
        let analyzed = nameAnalyzer.analyze(text)
        var words: [Substring] = []
        var depth = 0
        for index in analyzed.tokens.indices {
            switch analyzed.tokens[index].kind {
            case .word where depth == 0: words.append(analyzed.key(index)[...])
            case .punctuation:
                let mark = analyzed.surface(index)
                if mark == "(" || mark == "[" {
                    depth += 1
                } else if mark == ")" || mark == "]" {
                    depth = max(0, depth - 1)
                }
            default: break
            }
        }
        func holds(_ phrase: [Substring], at start: Int) -> Bool {
            start + phrase.count <= words.count && words[start..<start + phrase.count].elementsEqual(phrase)
        }
        guard words.count > 1 else { return false }
        return (1..<words.count).contains { start in
            judgingWords.contains { phrase in
                holds(phrase, at: start) && !namingFollowers.contains { holds($0, at: start + phrase.count) }
            }
        }
    }

    /// Whether `first` (the row ``headerRow(in:window:)`` found) names columns
    /// or is already a petition: a header has short cells or known column
    /// names, no cell of symbols alone, is neither where a numbered list starts
    /// nor a section row, and names a text column, or two known columns, or is
    /// "STT" above a list numbered from 1, or is much shorter than the row below
    /// it. CSV and XLSX decide alike, so a sheet without a header row keeps its
    /// first petition.
    package static func namesColumns(_ first: [String], above body: [[String]], textColumn: String?) -> Bool {
        let looksLikeHeader =
            (first.allSatisfy { $0.count <= 40 } || headerScore(first) > 1 || namesTextColumn(first))
            && !first.contains { fold($0).isEmpty && !$0.isEmpty }
            && numberedListStart(in: [first] + body.prefix(1)) != 0 && !isSectionRow(first)
            && !isUnnumberedFirstItem(first, above: body) && !holdsJudgement(first)
        // Two known column names ("TT | Vấn đề cử tri quan tâm | Cơ quan giải quyết") name columns
        // too, as does "STT" above a list numbered from 1.
        return looksLikeHeader
            && (body.isEmpty || namesTextColumn(first) || textColumn != nil
                || first.filter { knownColumnName(fold($0)) }.count >= 2
                || (first.first.map { foldedIdColumnNames.contains(fold($0)) } == true
                    && itemNumber(body.first?.first) == 1)
                || (namesAnyColumn(first)
                    && first.map(\.count).reduce(0, +) * 2 < (body.first?.map(\.count).reduce(0, +) ?? 0)))
    }

    /// How plainly a header names its petition column: 2 for a petition's own name
    /// ("Nội dung kiến nghị", "Ý kiến cử tri", "Phản ánh"), 1 for a bare "Nội dung" or
    /// "Mô tả" (a summary's or a speech's column too), 0 for none.
    package static func textColumnNameStrength(_ row: [String]) -> Int {
        guard namesTextColumn(row) else { return 0 }
        return row.contains { cell in
            let padded = Array((" " + fold(cell) + " ").utf8)
            return mayHoldText(padded) && petitionWords.contains { ByteSearch.contains(padded, $0) }
        } ? 2 : 1
    }
    private static let petitionWords = ["kien nghi", "y kien", "phan anh", "petition"].map {
        Array((" " + $0 + " ").utf8)
    }

    /// Whether a row names a column: a known name, or a text column as a header does.
    package static func namesAnyColumn(_ row: [String]) -> Bool {
        row.contains { cell in
            let folded = fold(cell)
            return knownColumnName(folded) || namesText(cell: cell, folded: folded)
        }
    }

    /// Whether a row names a text column as a header does: in a short cell, or a longer
    /// one opening with a content name ("Nội dung ý kiến, kiến nghị của công nhân…").
    package static func namesTextColumn(_ row: [String]) -> Bool {
        row.contains { namesText(cell: $0, folded: fold($0)) }
    }

    /// The number of a list item written alone in a cell ("7", "7.", "7)"); nil otherwise.
    package static func itemNumber(_ cell: String?) -> Int? {
        guard var text = cell?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasSuffix(".") || text.hasSuffix(")") { text.removeLast() }
        return text.utf8.count <= 6 && text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? Int(text) : nil
    }

    /// The first row whose first cell numbers a list item that the next filled
    /// row continues (7, then 8): where a list starts, so no header lies there or below.
    package static func numberedListStart(in rows: [[String]]) -> Int? { numberedRunStarts(in: rows).first }

    /// Whether rows number their items 1, 2, 3… (a run, or numbers restarting under
    /// each section: "I | Giao thông", "1 | …", "II | Y tế", "1 | …").
    package static func numbersItems(_ rows: [[String]]) -> Bool {
        numberedListStart(in: rows) != nil || rows.count { itemNumber($0.first) != nil } >= 2
    }

    /// Every row whose list number the next filled row continues, in order.
    static func numberedRunStarts(in rows: [[String]]) -> [Int] {
        var starts: [Int] = []
        var previous: (index: Int, number: Int)?
        for (index, row) in rows.enumerated() where row.contains(where: { !BlankText.isBlank($0) }) {
            let number = itemNumber(row.first)
            if let previous, let number, number == previous.number + 1, starts.last != previous.index {
                starts.append(previous.index)
            }
            previous = number.map { (index, $0) }
        }
        return starts
    }

    /// A row numbering the columns under a header ("1 | 2 | 3", "(1) | (2) | (3)",
    /// "A | B | C"), as official forms print it: not a petition.
    package static func isColumnNumberRow(_ row: [String]) -> Bool {
        let filled = row.filter { !BlankText.isBlank($0) }
        guard filled.count >= 2 else { return false }
        for (offset, cell) in filled.enumerated() {
            var text = Substring(cell.trimmingCharacters(in: .whitespaces))
            if text.hasPrefix("(") && text.hasSuffix(")") { text = text.dropFirst().dropLast() }
            let number = text.utf8.count <= 3 && text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? Int(text) : nil
            let letter = text.utf8.count == 1 ? text.utf8.first.map { Int($0) - 0x40 } : nil
            guard number == offset + 1 || letter == offset + 1 else { return false }
        }
        return true
    }

    /// A section row of a list: a roman numeral first ("II", "II.", "II. Lĩnh vực giao
    /// thông", "II | GIAO THÔNG") or a letter ("B) LĨNH VỰC Y TẾ") before a section's
    /// name; with `textColumn`, also a section's name alone in the first cell beside
    /// an empty text column, as a row merged across the table shows. A section's name
    /// is in capitals or opens with "Lĩnh vực"; never a petition ("II | Đề nghị sửa
    /// cầu", "A) ĐỀ NGHỊ…", "I | Sửa cầu Bến Tre"), and never the text column's own
    /// cell when a letter stands in it.
    package static func isSectionRow(_ row: [String], textColumn: Int? = nil, numberedList: Bool = false) -> Bool {
        let filledIndices = row.indices.filter { !BlankText.isBlank(row[$0]) }
        guard let firstIndex = filledIndices.first, filledIndices.count <= 2,
            filledIndices.allSatisfy({ row[$0].unicodeScalars.count <= 80 })
        else { return false }
        let cell = row[firstIndex].trimmingCharacters(in: .whitespaces)
        let numeral = cell.prefix { !" .)".contains($0) }
        let rest = cell.dropFirst(numeral.count)
        let name = String(rest.drop { " .)".contains($0) })
        let beside = filledIndices.count == 2 ? row[filledIndices[1]] : nil
        let roman = !numeral.isEmpty && numeral.count <= 6 && numeral.allSatisfy({ "IVXL".contains($0) })
        let letter = numeral.count == 1 && numeral.first?.isUppercase == true
        let marked = rest.first == "." || rest.first == ")"
        // A letter alone before a name in capitals, in a list numbered 1, 2…: "A | CÁC KIẾN NGHỊ…".
        let letterBeside = letter && rest.isEmpty && numberedList && beside.map(looksLikeTitle) == true
        if roman && (rest.isEmpty || marked) || letter && marked || letterBeside {
            // The name follows in the same cell, or stands in the next one.
            if name.isEmpty {
                guard let beside else { return roman }
                return (roman || letterBeside) && firstIndex != textColumn
                    && isSectionName(beside, numberedList: numberedList)
            }
            guard beside == nil else { return false }
            // In the text column itself only a roman numeral before a name in capitals or "Lĩnh vực…".
            return (roman || firstIndex != textColumn) && isSectionName(name, numberedList: roman && numberedList)
        }
        guard let textColumn, filledIndices == [0], textColumn > 0,
            textColumn >= row.count || BlankText.isBlank(row[textColumn])
        else { return false }
        return isSectionName(cell, numberedList: false)
    }

    /// A section's name: in capitals or opening with "Lĩnh vực", and not opening as a
    /// petition does. A short name in lower case ("Giao thông") is told from a short
    /// petition ("Sửa cầu Bến Tre") only by the list around it: when the list numbers
    /// its items 1, 2, 3…, a roman numeral's name of up to six words is a section's;
    /// otherwise it is read as a petition, never lost.
    private static func isSectionName(_ text: String, numberedList: Bool) -> Bool {
        let folded = fold(text)
        guard !opensLikePetition(folded) else { return false }
        return looksLikeTitle(text) || (folded + " ").hasPrefix("linh vuc ") || (folded + " ").hasPrefix("ve linh vuc ")
            || (numberedList && wordCount(folded) <= 6)
    }

    /// Words of a folded text (single spaces between them, as ``fold(_:)`` leaves them).
    private static func wordCount(_ folded: String) -> Int {
        folded.isEmpty ? 0 : folded.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// A short line in capitals ("DANH SÁCH KIẾN NGHỊ"): a title, not a petition.
    package static func looksLikeTitle(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isAlphabetic { letters += 1 }
        }
        return letters >= 4 && text.unicodeScalars.count <= 120
    }

    /// A row of a petition table that is neither a petition nor empty: the
    /// column numbers under the header, or a section row. Reported as a title.
    package static func isListDecoration(_ row: [String], schema: InputSchema) -> Bool {
        // The usual petition row holds a cell longer than any of these (80 characters at most): no more work.
        if schema.readsEveryRow || row.contains(where: { $0.utf8.count > 320 }) { return false }
        return isColumnNumberRow(row)
            || isSectionRow(row, textColumn: schema.textColumn, numberedList: schema.numberedList)
    }

    private static let nameAnalyzer = Analyzer()

    /// Lower case, diacritics off, spaces folded: for comparing column names.
    package static func fold(_ name: String) -> String {
        let analyzed = nameAnalyzer.analyze(name)
        // Everything but punctuation and symbols: "Sở GD&ĐT" is not the column name "Số".
        return analyzed.tokens.indices.filter {
            analyzed.tokens[$0].kind != .punctuation && analyzed.tokens[$0].kind != .symbol
        }
        .map { analyzed.plainKey($0) }.joined(separator: " ")
    }
}
