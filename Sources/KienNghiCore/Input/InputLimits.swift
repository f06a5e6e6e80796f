/// The sizes KienNghi promises to handle, in one place (the README's "Limits
/// and guarantees" quotes them). Anything larger is refused with its position,
/// never allowed to exhaust memory.
package enum InputLimits {
    /// Longest petition text (UTF-8 bytes) in one cell, line or paragraph: 1 MiB.
    /// A longer one is rejected as a row (with its line and byte offset); the rest of the file goes on.
    package static let maxPetitionBytes = 1 << 20
    /// Longest whole record (a CSV row with all its cells, or one JSON line): 4 MiB.
    package static let maxRecordBytes = 4 << 20
    /// Most columns a CSV/TSV header may have (a wider table is refused).
    package static let maxColumns = 1024
    /// How much of an input is read to sniff its encoding, delimiter and header
    /// before the real parse (the same bytes are then replayed, never read twice).
    package static let sniffBytes = 64 << 10
    /// Bytes read from the file at a time.
    package static let blockBytes = 64 << 10
    /// Largest XLSX/DOCX package accepted through a pipe or standard input:
    /// a ZIP cannot be read forward, so it is held in memory (a regular file is
    /// read in place, without this limit).
    package static let maxPipedPackageBytes = 128 << 20
    /// How many rows down a table's header row may be named (`--header N`): the rows
    /// down to it, and 50 under it, are held to settle the columns.
    package static let namedHeaderReach = 2000
    /// A batch of petitions handed to classification is cut at this much text.
    package static let batchBytes = 2 << 20
    /// Petitions longer than this are analysed one at a time, never beside another: analysis
    /// holds some 25 bytes per byte of text, so two near the 1 MiB limit at once would pass 100 MB.
    package static let parallelPetitionBytes = 128 << 10
}
