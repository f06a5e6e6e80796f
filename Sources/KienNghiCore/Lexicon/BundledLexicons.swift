import Foundation

/// Where the default lexicons live: inside the tool's resource bundle, so the
/// tool works from any folder.
package enum BundledLexicons {
    /// The bundled copy of the repository's Lexicons/ folder.
    package static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Lexicons", isDirectory: true)
    }
}

extension AbbreviationTable {
    /// Reads `abbreviations.tsv` (columns `abbreviation`, `expansion`).
    package static func load(_ file: TabularFile) -> AbbreviationTable {
        var table = AbbreviationTable()
        let plainAnalyzer = Analyzer()
        for row in file.rows {
            let abbreviation = file.cell(row, "abbreviation")
            let expansion = file.cell(row, "expansion")
            guard !abbreviation.isEmpty, !expansion.isEmpty else { continue }
            table.add(Entry(abbreviation: abbreviation, expansion: expansion, line: row.line), analyzer: plainAnalyzer)
        }
        return table
    }
}
