import Foundation

/// A tab-separated data file as staff edit it: `#` lines are comments, the
/// first other line names the columns, every row keeps its line number so
/// problems can be reported as `file:line:column`.
public struct TabularFile: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var cells: [String]
        public var text: String
    }

    public var path: String
    public var header: [String]
    public var rows: [Row]

    /// Parses `contents` (UTF-8, any line ending, optional BOM).
    public init(path: String, contents: String) {
        self.path = path
        header = []
        rows = []
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if header.isEmpty {
                header = cells.map { $0.lowercased() }
            } else {
                rows.append(Row(line: lineNumber, cells: cells, text: line))
            }
        }
    }

    /// Reads a file from disk.
    public static func load(_ url: URL) throws -> TabularFile {
        let data = try Data(contentsOf: url)
        return TabularFile(path: url.path, contents: String(decoding: data, as: UTF8.self))
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Cell of `row` in column `name`, empty if absent.
    public func cell(_ row: Row, _ name: String) -> String {
        guard let index = column(name), index < row.cells.count else { return "" }
        return row.cells[index]
    }

    /// 1-based column (in characters) where cell `index` starts, for caret diagnostics.
    public static func columnOffset(_ row: Row, cell index: Int) -> Int {
        var column = 1
        var cell = 0
        for character in row.text {
            if cell == index { return column }
            if character == "\t" { cell += 1 }
            column += 1
        }
        return column
    }
}
