/// The columns of several tables as one: the first table's, then what each further table adds.
/// A further table's column goes to the first column of its name (folded: case, diacritics and
/// spacing aside) that the row has not taken yet, else to a new column, so no cell is dropped and
/// none lands under another column's name. Used for the tables of one Word document and for the
/// files of one pile.
package struct ColumnUnion: Sendable {
    package private(set) var names: [String]
    /// Columns by folded name, in order.
    private var byName: [String: [Int]] = [:]

    package init(_ first: [String]) {
        names = first
        for (column, name) in names.enumerated() { byName[InputSchema.fold(name), default: []].append(column) }
    }

    /// Where each of `columns` goes; a column in `pinned` goes where it says (a table's text
    /// column to the first table's). Nil, and nothing added, when the union would pass
    /// ``InputLimits/maxColumns``.
    package mutating func place(_ columns: [String], pinned: [Int: Int] = [:]) -> [Int]? {
        var map: [Int] = []
        var added: [String] = []
        var addedByName: [String: [Int]] = [:]
        // No two cells of a row may land in one column (one would hide the other).
        var used = Set(pinned.values)
        for (column, name) in columns.enumerated() {
            if let target = pinned[column] {
                map.append(target)
                continue
            }
            let folded = InputSchema.fold(name)
            if let known = ((byName[folded] ?? []) + (addedByName[folded] ?? [])).first(where: { !used.contains($0) }) {
                map.append(known)
                used.insert(known)
                continue
            }
            let new = names.count + added.count
            map.append(new)
            used.insert(new)
            added.append(name)
            addedByName[folded, default: []].append(new)
        }
        guard names.count + added.count <= InputLimits.maxColumns else { return nil }
        for (folded, columns) in addedByName { byName[folded, default: []] += columns }
        names += added
        return map
    }

    /// A row of a further table in the union's columns (`map` from ``place(_:pinned:)``);
    /// cells past its columns stay at the end, as the first table's rows keep theirs.
    package static func place(_ cells: [String], by map: [Int], width: Int) -> [String] {
        var placed = [String](repeating: "", count: width)
        for (column, cell) in cells.prefix(map.count).enumerated() { placed[map[column]] = cell }
        return placed + cells.dropFirst(map.count)
    }
}
