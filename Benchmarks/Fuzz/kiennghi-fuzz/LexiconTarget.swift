import KienNghiCore

/// One lexicon TSV parsed from memory with the loader's strict decoding
/// (`TabularFile.parse`), then read as an abbreviation table. Thousands of
/// times faster than writing and loading a whole lexicon folder per input;
/// the folder-level checks (themes, routing, gazetteer) run in the unit tests.
enum LexiconTarget {
    static let target = FuzzTarget(
        name: "lexicon", summary: "lexicon TSV: strict UTF-8 decoding, rows, cells, abbreviation table"
    ) { bytes in
        let file: TabularFile
        do {
            file = try TabularFile.parse(bytes, path: "Lexicons/fuzz.tsv")
        } catch {
            guard let failure = error as? TabularFile.DecodingFailure else {
                return require(false, "unexpected error \(error)")
            }
            let offset = failure.byteOffset
            let line = failure.line
            require(offset >= 0 && offset <= bytes.count, "failure offset \(offset) outside the file")
            require(line >= 1, "failure line \(line)")
            return
        }
        var previous = 0
        for row in file.rows {
            require(row.line > previous, "row lines not increasing: \(row.line) after \(previous)")
            previous = row.line
            require(!row.cells.isEmpty, "a row without cells at line \(row.line)")
            require(!row.text.utf8.contains(0), "a NUL byte in row \(row.line) of a file that passed strict decoding")
            for index in row.cells.indices {
                let column = TabularFile.columnOffset(row, cell: index)
                require(column >= 1 && column <= row.text.count + 1, "column \(column) outside line \(row.line)")
                _ = file.cell(row, file.header.indices.contains(index) ? file.header[index] : "")
            }
        }
        _ = AbbreviationTable.load(file)
    }
}
