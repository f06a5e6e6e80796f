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
    /// A Word document whose petition tables together name more than `limit` different columns.
    case tooManyTableColumns(path: String, limit: Int)
    /// A further input of a pile whose columns cannot join the pile's: more than `limit`
    /// together, or the file changed since its columns were read.
    case columnsBeyondPile(path: String, limit: Int)
    /// The header row the user named is blank, or past the rows looked at (`searched`, by number).
    case noHeaderRow(path: String, row: Int, searched: ClosedRange<Int>?)
    /// The header row the user named holds one cell above rows of several: a title.
    case titleAsHeaderRow(path: String, row: Int)
    /// The header row the user named lies below `rowsAbove` rows that read as the list's.
    case headerRowInsideList(path: String, row: Int, rowsAbove: Int)

}

/// Something that yields petitions in batches: a CSV, a spreadsheet, a Word file...
public protocol PetitionSource {
    /// Column names of the input (empty for plain text).
    var columns: [String] { get }
    /// Calls `body` with consecutive batches of petitions; rows that cannot be
    /// petitions go to `rejected`. Throws only when the whole input is unusable.
    func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws
    /// The header row found by looking, when it reads like a sentence more than a
    /// column name (a first petition may have been taken for it); nil otherwise.
    var doubtfulHeader: DoubtfulHeader? { get }
    /// Invalid byte sequences replaced with U+FFFD so far (`--lenient`); 0 for formats that never replace.
    var replacedSequences: Int { get }
}

extension PetitionSource {
    public var doubtfulHeader: DoubtfulHeader? { nil }
    public var replacedSequences: Int { 0 }
}

/// A detected header row long enough to be a petition: where it is and its text cell.
public struct DoubtfulHeader: Sendable, Equatable {
    /// The row's number as messages give it (line, sheet row, document row).
    public let location: Int
    /// The cell naming the text column.
    public let text: String

    /// Nil unless `cell`, detected as the name of the text column, has more than six words.
    package init?(location: Int, cell: String) {
        guard cell.split(whereSeparator: { $0 == " " || $0 == "\n" }).count > 6 else { return nil }
        self.location = location
        text = cell
    }
}
