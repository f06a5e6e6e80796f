/// Why a whole input file could not be read. Row-level problems are
/// ``RejectedRow``s instead, and the good rows still go through.
public enum InputFailure: Error, Sendable {
    case missing(path: String)
    case unreadable(path: String)
    /// The path names a folder, not a file.
    case isDirectory(path: String)
    case empty(path: String)
    case decoding(path: String, TextDecodingFailure)
    case noTextColumn(path: String, columns: [String])
    case unknownColumn(path: String, name: String, columns: [String])
    case unsupportedFormat(path: String)
    case corrupt(path: String, detail: String)
    case tooLarge(path: String, detail: String)
    /// An XLSX/DOCX problem located by part, sheet, byte offset or cell.
    case office(path: String, OfficeFailure)
    /// A table with a header row (and perhaps title rows above it) but no row below it.
    case headerOnly(path: String, columns: [String], titleRows: Int)
    /// An XLSX/DOCX given through a pipe or standard input is larger than `limit` bytes.
    case pipedPackageTooLarge(path: String, limit: Int)
    /// A table wider than ``InputLimits/maxColumns``.
    case tooManyColumns(path: String, found: Int, limit: Int)

    /// What happened and what to do, for a person.
    public func message(_ language: Language) -> String {
        let l = language
        switch self {
        case .missing(let path):
            return l.pick(
                "Không tìm thấy tệp \(path). Kiểm tra lại đường dẫn.", "File not found: \(path). Check the path.")
        case .unreadable(let path):
            return l.pick(
                "Không đọc được \(path) (kiểm tra quyền đọc, hoặc đó là thư mục).",
                "Cannot read \(path) (check permissions, or it is a folder).")
        case .isDirectory(let path):
            return l.pick(
                "\(path) là một thư mục, không phải tệp. Hãy nêu từng tệp trong đó (ví dụ \(path)/*.xlsx).",
                "\(path) is a folder, not a file. Name the files in it (e.g. \(path)/*.xlsx).")
        case .empty(let path):
            return l.pick(
                "\(path) trống: không có kiến nghị nào để xử lý.",
                "\(path) is empty: there are no petitions to process.")
        case .decoding(let path, let failure):
            return failure.message(file: path, language: l)
        case .noTextColumn(let path, let columns):
            return l.pick(
                "\(path): không biết cột nào chứa nội dung kiến nghị (các cột: \(columns.joined(separator: ", "))). Chỉ rõ bằng --text-column TÊN_CỘT hoặc số thứ tự cột.",
                "\(path): cannot tell which column holds the petition text (columns: \(columns.joined(separator: ", "))). Name it with --text-column NAME or its number."
            )
        case .unknownColumn(let path, let name, let columns):
            return l.pick(
                "\(path): không có cột \"\(name)\" (các cột: \(columns.joined(separator: ", "))).",
                "\(path): there is no column \"\(name)\" (columns: \(columns.joined(separator: ", "))).")
        case .unsupportedFormat(let path):
            return l.pick(
                "\(path): không nhận ra định dạng. Dùng .csv, .tsv, .txt, .jsonl, .xlsx hoặc .docx, hoặc nêu rõ bằng --input-format (ví dụ --input-format csv).",
                "\(path): unknown format. Use .csv, .tsv, .txt, .jsonl, .xlsx or .docx, or name it with --input-format (e.g. --input-format csv)."
            )
        case .corrupt(let path, let detail):
            return l.pick(
                "\(path): tệp hỏng hoặc không đúng định dạng (\(detail)). Mở lại bằng Excel/Word và lưu lại, hoặc xuất ra CSV.",
                "\(path): the file is damaged or not in the expected format (\(detail)). Open and save it again in Excel/Word, or export it to CSV."
            )
        case .office(let path, let failure):
            return failure.message(file: path, language: l)
        case .tooLarge(let path, let detail):
            return l.pick(
                "\(path): tệp vượt giới hạn an toàn (\(detail)). Tách tệp thành nhiều phần hoặc xuất ra CSV.",
                "\(path): the file exceeds the safety limits (\(detail)). Split it, or export it to CSV.")
        case .headerOnly(let path, let columns, let titles):
            let shown = columns.prefix(8).joined(separator: ", ") + (columns.count > 8 ? ", …" : "")
            let above =
                titles > 0
                ? l.pick(" và \(titles) dòng tiêu đề", titles == 1 ? " and 1 title row" : " and \(titles) title rows")
                : ""
            return l.pick(
                "\(path): chỉ có dòng tên cột (\(shown))\(above), không có kiến nghị nào bên dưới. Kiểm tra xem có đúng tệp không, hoặc thêm các dòng kiến nghị dưới dòng tên cột.",
                "\(path): only a header row (\(shown))\(above), no petition below it. Check that this is the right file, or add the petitions below the header row."
            )
        case .pipedPackageTooLarge(let path, let limit):
            return l.pick(
                "\(path): tệp Excel/Word đưa qua đường ống (pipe) hoặc đầu vào chuẩn phải được giữ cả trong bộ nhớ, tối đa \(limit >> 20) MiB. Lưu thành tệp thường rồi chạy lại với tên tệp đó.",
                "\(path): an Excel/Word file given through a pipe or standard input must be held whole in memory, at most \(limit >> 20) MiB. Save it as a regular file and run again with that file's name."
            )
        case .tooManyColumns(let path, let found, let limit):
            return l.pick(
                "\(path): dòng đầu có \(found) cột, nhiều hơn giới hạn \(limit). Kiểm tra dấu phân cách (tệp có đúng là CSV/TSV?) hoặc chỉ giữ lại các cột cần thiết rồi chạy lại.",
                "\(path): the first row has \(found) columns, more than the limit of \(limit). Check the delimiter (is it really CSV/TSV?) or keep only the columns you need, and run again."
            )
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
