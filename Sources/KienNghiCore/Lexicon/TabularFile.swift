import Foundation

/// A tab-separated data file as staff edit it: `#` lines are comments, the
/// first other line names the columns, every row keeps its line number so
/// problems can be reported as `file:line:column`.
package struct TabularFile: Sendable {
    package struct Row: Sendable {
        package var line: Int
        package var cells: [String]
        package var text: String
    }

    /// Why a file's bytes are not a lexicon file: lexicons are UTF-8 (with or
    /// without BOM) only, so a file saved as Windows-1258 or UTF-16 is refused
    /// instead of silently losing phrases.
    package struct DecodingFailure: Error, Sendable, Equatable {
        package enum Kind: String, Sendable { case utf16, invalidUTF8, nulByte }
        package var kind: Kind
        /// 1-based line of the first bad byte.
        package var line: Int
        /// 0-based byte offset of the first bad byte in the file.
        package var byteOffset: Int
    }

    package var path: String
    package var header: [String]
    package var rows: [Row]

    /// Parses `contents` (any line ending, optional BOM).
    package init(path: String, contents: String) {
        self.init(path: path, validatedUTF8: Array(contents.utf8))
    }

    /// Parses bytes already known to be UTF-8, trimming on bytes (no Foundation
    /// character sets: this runs for every lexicon row at start-up).
    init(path: String, validatedUTF8 bytes: [UInt8]) {
        self.path = path
        header = []
        rows = []
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.withUnsafeBufferPointer { buffer in
            while start <= buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                let trimmed = Self.trim(line, 0, line.count)
                if !(trimmed.isEmpty || line[trimmed.lowerBound] == 0x23) {
                    var cells: [String] = []
                    var cellStart = 0
                    for index in 0...line.count where index == line.count || line[index] == 0x09 {
                        let range = Self.trim(line, cellStart, index)
                        cells.append(String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self))
                        cellStart = index + 1
                    }
                    if header.isEmpty {
                        header = cells.map { $0.lowercased() }
                    } else {
                        rows.append(Row(line: lineNumber, cells: cells, text: String(decoding: line, as: UTF8.self)))
                    }
                }
                if end == buffer.count { break }
                start = end + 1
            }
        }
    }

    /// Range of `line[from..<to]` without spaces and tabs at either end.
    private static func trim(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Range<Int> {
        var lower = from
        var upper = to
        while lower < upper && (line[lower] == 0x20 || line[lower] == 0x09) { lower += 1 }
        while upper > lower && (line[upper - 1] == 0x20 || line[upper - 1] == 0x09) { upper -= 1 }
        return lower..<upper
    }

    /// Reads a file from disk, strictly: throws ``DecodingFailure`` unless it is UTF-8.
    package static func load(_ url: URL) throws -> TabularFile {
        try parse(try RegularFile.read(url.path), path: url.path)
    }

    /// Parses a file's bytes held in memory, strictly, as ``load(_:)`` does
    /// (tests, fuzzing); `path` is what diagnostics call the file.
    package static func parse(_ bytes: [UInt8], path: String) throws(DecodingFailure) -> TabularFile {
        if let failure = validate(bytes) { throw failure }
        return TabularFile(path: path, validatedUTF8: bytes)
    }

    /// The first reason `bytes` are not UTF-8 text, or nil.
    package static func validate(_ bytes: [UInt8]) -> DecodingFailure? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return DecodingFailure(kind: .utf16, line: 1, byteOffset: 0)
        }
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    // UTF-16 without a byte-order mark leaves a NUL in every other byte: name it.
                    let utf16 = BinarySniffer.utf16WithoutMark(bytes) != nil
                    return DecodingFailure(
                        kind: utf16 ? .utf16 : .nulByte, line: utf16 ? 1 : line, byteOffset: utf16 ? 0 : index)
                }
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch byte {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return DecodingFailure(kind: .invalidUTF8, line: line, byteOffset: index)
            }
            guard index + length <= bytes.count else {
                return DecodingFailure(kind: .invalidUTF8, line: line, byteOffset: index)
            }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else {
                    return DecodingFailure(kind: .invalidUTF8, line: line, byteOffset: index)
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return DecodingFailure(kind: .invalidUTF8, line: line, byteOffset: index)
            }
            index += length
        }
        return nil
    }

    package func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Cell of `row` in column `name`, empty if absent.
    package func cell(_ row: Row, _ name: String) -> String {
        guard let index = column(name), index < row.cells.count else { return "" }
        return row.cells[index]
    }

    /// 1-based column (in characters) where cell `index` starts, for caret diagnostics.
    package static func columnOffset(_ row: Row, cell index: Int) -> Int {
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
