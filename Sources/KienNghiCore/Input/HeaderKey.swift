/// A header row as people compare it: column names folded as everywhere (case,
/// diacritics, spacing and invisible marks aside), empty trailing cells dropped.
/// Made once for a table's header, to know the header repeated further down (a
/// list pasted together, a page's header copied) from a petition.
package struct HeaderKey: Sendable {
    private let names: [String]
    private let filled: Int
    /// Whether a row repeating it is the header again (see ``matches(_:)``).
    private let decisive: Bool
    /// The longest name's column and its length in bytes: a row whose cell there is
    /// of another length is told apart without folding anything.
    private let longest: (column: Int, bytes: Int)

    /// `named`: the person named this row as the header (``HeaderRowChoice/row(_:)``).
    package init(_ cells: [String], named: Bool = false) {
        var names = cells.map(InputSchema.fold)
        while names.last?.isEmpty == true { names.removeLast() }
        self.names = names
        filled = Self.filledCount(cells)
        decisive = named || filled > 1 || names.joined(separator: " ").split(separator: " ").count <= 6
        let column = cells.indices.max { cells[$0].utf8.count < cells[$1].utf8.count } ?? 0
        longest = (column, column < cells.count ? cells[column].utf8.count : 0)
    }

    /// Whether `cells` name the same columns (rows of as many filled cells, and a
    /// longest cell of about the same length (NFD text is longer), are folded and compared).
    /// A detected header of one cell past six words may be a first petition a one-column
    /// list lost to the header (the reader says so): it is never matched, so a petition sent
    /// twice is not made a title; a long header is read again instead, in sight. A header
    /// the person named is always matched.
    package func matches(_ cells: [String]) -> Bool {
        guard decisive, Self.filledCount(cells) == filled, longest.column < cells.count,
            abs(cells[longest.column].utf8.count - longest.bytes) <= max(8, longest.bytes / 2)
        else { return false }
        return HeaderKey(cells).names == names
    }

    private static func filledCount(_ cells: [String]) -> Int {
        var count = 0
        for cell in cells where !cell.isEmpty { count += 1 }
        return count
    }
}
