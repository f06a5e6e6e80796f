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
        case tooLong = "too-long"
        /// A paragraph before the first numbered item of a Word list (a heading or preamble).
        case outsideList = "outside-numbered-list"
    }

    public var file: String
    /// 1-based line or row.
    public var location: Int
    public var reason: Reason
    public var detail: String

    public init(file: String, location: Int, reason: Reason, detail: String) {
        self.file = file
        self.location = location
        self.reason = reason
        self.detail = detail
    }

    public func message(_ language: Language) -> String {
        let what: String
        switch reason {
        case .emptyText: what = language.pick("nội dung trống", "empty text")
        case .malformedRow: what = language.pick("dòng CSV sai định dạng", "malformed CSV row")
        case .malformedJSON: what = language.pick("dòng JSON không đọc được", "unreadable JSON line")
        case .tooLong: what = language.pick("nội dung quá dài", "text too long")
        case .outsideList: what = language.pick("đoạn đứng trước mục đánh số đầu tiên (tiêu đề, lời mở đầu)", "paragraph before the first numbered item (heading or preamble)")
        }
        return "\(file):\(location): \(what)\(detail.isEmpty ? "" : " (\(detail))")"
    }
}

/// The table shape of an input: column names and which one holds the text.
public struct InputSchema: Sendable, Equatable {
    public var columns: [String]
    public var textColumn: Int
    public var idColumn: Int?

    public init(columns: [String], textColumn: Int, idColumn: Int?) {
        self.columns = columns
        self.textColumn = textColumn
        self.idColumn = idColumn
    }

    static let textColumnNames = ["text", "noi dung", "nội dung", "kien nghi", "kiến nghị", "noi dung kien nghi", "nội dung kiến nghị", "y kien", "ý kiến", "phan anh", "phản ánh", "content", "petition", "description", "mo ta", "mô tả"]
    static let idColumnNames = ["id", "stt", "ma", "mã", "so", "số", "ma so", "mã số", "no", "number"]

    /// Picks the text column: the one named, else a known name, else the column
    /// whose cells are longest on average (if clearly so). Nil when unsure.
    private static let foldedTextColumnNames = Set(textColumnNames.map(fold))
    private static let foldedIdColumnNames = Set(idColumnNames.map(fold))

    public static func guess(header: [String], sample: [[String]], named: String?) -> (text: Int?, id: Int?) {
        let folded = header.map(fold)
        let id = folded.firstIndex { foldedIdColumnNames.contains($0) }
        if let named {
            if let index = folded.firstIndex(of: fold(named)) { return (index, id) }
            if let number = Int(named), number >= 1, number <= header.count { return (number - 1, id) }
            return (nil, id)
        }
        if let index = folded.firstIndex(where: { foldedTextColumnNames.contains($0) }) { return (index, id) }
        let averages = header.indices.map { column -> Double in
            let lengths = sample.map { column < $0.count ? $0[column].count : 0 }
            return lengths.isEmpty ? 0 : Double(lengths.reduce(0, +)) / Double(lengths.count)
        }
        let ranked = averages.enumerated().sorted { $0.element > $1.element }
        guard let best = ranked.first, best.element >= 20 else { return (nil, id) }
        if ranked.count > 1, ranked[1].element * 2 > best.element { return (nil, id) }
        return (best.offset, id)
    }

    private static let nameAnalyzer = Analyzer()

    /// Lower case, diacritics off, spaces folded: for comparing column names.
    static func fold(_ name: String) -> String {
        let analyzed = nameAnalyzer.analyze(name)
        return analyzed.tokens.indices.filter { analyzed.tokens[$0].kind == .word || analyzed.tokens[$0].kind == .number }
            .map { analyzed.plainKey($0) }.joined(separator: " ")
    }
}
