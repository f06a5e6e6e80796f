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

}

/// Something that yields petitions in batches: a CSV, a spreadsheet, a Word file...
public protocol PetitionSource {
    /// Column names of the input (empty for plain text).
    var columns: [String] { get }
    /// Calls `body` with consecutive batches of petitions; rows that cannot be
    /// petitions go to `rejected`. Throws only when the whole input is unusable.
    func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
}
