/// Why a whole input file could not be read. Row-level problems are
/// ``RejectedRow``s instead, and the good rows still go through.
public enum InputFailure: Error, Sendable {
    case missing(path: String)
    case unreadable(path: String)
    case empty(path: String)
    case decoding(path: String, TextDecodingFailure)
    case noTextColumn(path: String, columns: [String])
    case unknownColumn(path: String, name: String, columns: [String])
    case unsupportedFormat(path: String)
    case corrupt(path: String, detail: String)
    case tooLarge(path: String, detail: String)
    /// An XLSX/DOCX problem located by part, sheet, byte offset or cell.
    case office(path: String, OfficeFailure)
    /// A table wider than ``InputLimits/maxColumns``.
    case tooManyColumns(path: String, found: Int, limit: Int)

    /// What happened and what to do, for a person.
    public func message(_ language: Language) -> String {
        let l = language
        switch self {
        case .missing(let path):
            return l.pick("Không tìm thấy tệp \(path). Kiểm tra lại đường dẫn.", "File not found: \(path). Check the path.")
        case .unreadable(let path):
            return l.pick("Không đọc được \(path) (kiểm tra quyền đọc, hoặc đó là thư mục).", "Cannot read \(path) (check permissions, or it is a folder).")
        case .empty(let path):
            return l.pick("\(path) trống: không có kiến nghị nào để xử lý.", "\(path) is empty: there are no petitions to process.")
        case .decoding(let path, let failure):
            return failure.message(file: path, language: l)
        case .noTextColumn(let path, let columns):
            return l.pick("\(path): không biết cột nào chứa nội dung kiến nghị (các cột: \(columns.joined(separator: ", "))). Chỉ rõ bằng --text-column TÊN_CỘT hoặc số thứ tự cột.",
                          "\(path): cannot tell which column holds the petition text (columns: \(columns.joined(separator: ", "))). Name it with --text-column NAME or its number.")
        case .unknownColumn(let path, let name, let columns):
            return l.pick("\(path): không có cột \"\(name)\" (các cột: \(columns.joined(separator: ", "))).",
                          "\(path): there is no column \"\(name)\" (columns: \(columns.joined(separator: ", "))).")
        case .unsupportedFormat(let path):
            return l.pick("\(path): không nhận ra định dạng. Dùng .csv, .tsv, .txt, .jsonl, .xlsx hoặc .docx.",
                          "\(path): unknown format. Use .csv, .tsv, .txt, .jsonl, .xlsx or .docx.")
        case .corrupt(let path, let detail):
            return l.pick("\(path): tệp hỏng hoặc không đúng định dạng (\(detail)). Mở lại bằng Excel/Word và lưu lại, hoặc xuất ra CSV.",
                          "\(path): the file is damaged or not in the expected format (\(detail)). Open and save it again in Excel/Word, or export it to CSV.")
        case .office(let path, let failure):
            return failure.message(file: path, language: l)
        case .tooLarge(let path, let detail):
            return l.pick("\(path): tệp vượt giới hạn an toàn (\(detail)). Tách tệp thành nhiều phần hoặc xuất ra CSV.",
                          "\(path): the file exceeds the safety limits (\(detail)). Split it, or export it to CSV.")
        case .tooManyColumns(let path, let found, let limit):
            return l.pick("\(path): dòng đầu có \(found) cột, nhiều hơn giới hạn \(limit). Kiểm tra dấu phân cách (tệp có đúng là CSV/TSV?) hoặc chỉ giữ lại các cột cần thiết rồi chạy lại.",
                          "\(path): the first row has \(found) columns, more than the limit of \(limit). Check the delimiter (is it really CSV/TSV?) or keep only the columns you need, and run again.")
        }
    }
}

/// Something that yields petitions in batches: a CSV, a spreadsheet, a Word file...
public protocol PetitionSource {
    /// Column names of the input (empty for plain text).
    var columns: [String] { get }
    /// Calls `body` with consecutive batches of petitions; rows that cannot be
    /// petitions go to `rejected`. Throws only when the whole input is unusable.
    func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
}
