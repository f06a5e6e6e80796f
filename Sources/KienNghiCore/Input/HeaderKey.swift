/// A header row as people compare it: column names folded as everywhere (case,
/// diacritics, spacing and invisible marks aside), empty trailing cells dropped.
/// Made once for a table's header, to know the header repeated further down (a
/// list pasted together, a page's header copied) from a petition.
package struct HeaderKey: Sendable {
    private let names: [String]
    private let filled: Int
    /// Whether a row repeating it is the header again (see ``matches(_:)``, ``isRepeated(_:)``).
    private let decisive: Bool
    /// The longest name's column and its length in bytes: a row whose cell there is
    /// of another length is told apart without folding anything.
    private let longest: (column: Int, bytes: Int)
    /// The header's folded names, to know a near-copy of it (see ``isCopy(_:inPlace:)``).
    private let nameSet: Set<String>
    /// The header's cells, trailing blank ones included (unnamed columns a copy may fill).
    private let width: Int

    /// `named`: the person named this row as the header (``HeaderRowChoice/row(_:)``).
    package init(_ cells: [String], named: Bool = false) {
        var names = cells.map(InputSchema.fold)
        while names.last?.isEmpty == true { names.removeLast() }
        self.names = names
        filled = Self.filledCount(cells)
        decisive = named || filled > 1 || names.joined(separator: " ").split(separator: " ").count <= 6
        let column = cells.indices.max { cells[$0].utf8.count < cells[$1].utf8.count } ?? 0
        longest = (column, column < cells.count ? cells[column].utf8.count : 0)
        nameSet = Set(names.filter { !$0.isEmpty })
        width = cells.count
    }

    /// Whether `cells` name the same columns in the same places: the header again, or a
    /// copy of it with a cell left blank or "(tiếp)" after a name (see ``isCopy(_:inPlace:)``), so a
    /// table or rows under it go on with this header's columns.
    /// A detected header of one cell past six words may be a first petition a one-column
    /// list lost to the header (the reader says so): it is never matched, so a petition sent
    /// twice is not made a title; a long header is read again instead, in sight. A header
    /// the person named is always matched.
    package func matches(_ cells: [String]) -> Bool {
        guard decisive else { return false }
        return isExactCopy(cells) || isCopy(cells, inPlace: true)
    }

    /// Whether `cells` are the header repeated, its names in any order: a row to report as a
    /// title, never read as a petition (its columns are not taken for the header's).
    package func isRepeated(_ cells: [String]) -> Bool {
        guard decisive else { return false }
        return isExactCopy(cells) || isCopy(cells, inPlace: false)
    }

    /// Whether `cells`, the first row under the header, are the second row of a header in
    /// two rows: under a name spread over several columns (merged cells keep it in the first,
    /// the others blank), the names of its parts ("Cơ quan trả lời" over "Sở | Quận"). The text
    /// cell is blank, every filled cell is a short name asking nothing ("Đề nghị sửa đường" in the
    /// wrong cell is a petition without text), and one stands under a blank name.
    /// Reported as a title; it had been a petition "with no text", which may mean one lost.
    package func isSecondHeaderRow(_ cells: [String], textColumn: Int) -> Bool {
        guard textColumn >= cells.count || BlankText.isBlank(cells[textColumn]) else { return false }
        var underBlankName = false
        var filledCells = 0
        for (column, cell) in cells.enumerated() where !BlankText.isBlank(cell) {
            guard cell.unicodeScalars.count <= 40,
                !cell.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }),
                !DocumentHeading.asksOrReports(cell)
            else { return false }
            filledCells += 1
            if column >= names.count || names[column].isEmpty { underBlankName = true }
        }
        return filledCells > 0 && underBlankName
    }

    /// Rows of as many filled cells, and a longest cell of about the same length (NFD text
    /// is longer), are folded and compared.
    private func isExactCopy(_ cells: [String]) -> Bool {
        guard Self.filledCount(cells) == filled, longest.column < cells.count,
            abs(cells[longest.column].utf8.count - longest.bytes) <= max(8, longest.bytes / 2),
            longest.column < names.count, InputSchema.fold(cells[longest.column]) == names[longest.column]
        else { return false }
        var folded = cells.map(InputSchema.fold)
        while folded.last?.isEmpty == true { folded.removeLast() }
        return folded == names
    }

    /// The order to read the rows under `cells`, a copy of the header (``isRepeated(_:)``),
    /// in: where each of its cells stands in the header (the column of its name; for a blank
    /// cell or one past the copy's end, the next column the copy does not name), nil for the
    /// header's own order, and
    /// `current` (the order in force) under a banner of one name, which says nothing of it.
    /// Rows under a copy in another order (lists pasted together) are read in its order.
    package func columnOrder(of cells: [String], after current: [Int]?) -> [Int]? {
        guard Self.filledCount(cells) >= 2 else { return current }
        let folded = cells.map { $0.isEmpty ? "" : Self.withoutContinuationMark(InputSchema.fold($0)) }
        var unnamed = (0..<max(width, cells.count)).filter {
            $0 >= names.count || names[$0].isEmpty || !folded.contains(names[$0])
        }[...]
        var order: [Int] = []
        for name in folded {
            if !name.isEmpty, let column = names.firstIndex(of: name) {
                order.append(column)
            } else {
                order.append(unnamed.popFirst() ?? order.count)
            }
        }
        // The header's columns the copy leaves out take the cells past it, so the order covers
        // every column and a row is never moved wider than the header.
        while order.count < max(width, cells.count), let column = unnamed.popFirst() { order.append(column) }
        guard Set(order).count == order.count, order != Array(order.indices) else { return nil }
        return order
    }

    /// `cells` put in the header's order (see ``columnOrder(of:after:)``); cells past the order
    /// follow the columns it names, in their own order (none is written over another).
    package static func reordered(_ cells: [String], by order: [Int]) -> [String] {
        var next = max(order.count, (order.max() ?? -1) + 1)
        var placed = [String](repeating: "", count: next + max(0, cells.count - order.count))
        for (index, cell) in cells.enumerated() {
            if index < order.count {
                placed[order[index]] = cell
            } else {
                placed[next] = cell
                next += 1
            }
        }
        return placed
    }

    /// A header copied with changes, as a page's header is repeated in a long list: a cell
    /// left blank, "(tiếp)" or "(tiếp theo)" after a name, and unless `inPlace`, the names in
    /// another order. Every filled cell is one of the header's names (each at most once),
    /// as many as the header fills or at least two, and one known name more ("Ghi chú") at
    /// most: a row of one name ("Ghi chú") is no copy, but one name with the mark ("Nội dung
    /// kiến nghị (tiếp)", a banner over the row) is.
    /// A cell longer than twice the longest name (NFD) and a continuation mark is a
    /// petition's, and is told apart without folding anything.
    private func isCopy(_ cells: [String], inPlace: Bool) -> Bool {
        let limit = 2 * longest.bytes + 24
        var filledCells = 0
        var longestCell = -1
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            guard cell.utf8.count <= limit else { return false }
            filledCells += 1
            if longestCell < 0 || cell.utf8.count > cells[longestCell].utf8.count { longestCell = column }
        }
        guard filledCells >= 1, filledCells <= nameSet.count + 1 else { return false }
        // A short petition's row is told by its longest cell, folded first: one fold, not one per cell.
        guard nameSet.contains(Self.withoutContinuationMark(InputSchema.fold(cells[longestCell]))) else {
            return false
        }
        if filledCells < min(filled, 2) {
            guard let cell = cells.first(where: { !$0.isEmpty }) else { return false }
            let folded = InputSchema.fold(cell)
            let name = Self.withoutContinuationMark(folded)
            return name != folded && nameSet.contains(name)
        }
        var seen = Set<String>()
        var added = 0
        for (column, cell) in cells.enumerated() where !cell.isEmpty {
            let name = Self.withoutContinuationMark(InputSchema.fold(cell))
            // One column more, of a known name ("Ghi chú"), where the header has none.
            if !nameSet.contains(name) && InputSchema.knownColumnName(name) && added == 0
                && (!inPlace || column >= names.count || names[column].isEmpty)
            {
                added += 1
            } else if inPlace {
                guard column < names.count, names[column] == name, !name.isEmpty else { return false }
            } else {
                guard nameSet.contains(name), seen.insert(name).inserted else { return false }
            }
        }
        return filledCells - added >= min(filled, 2)
    }

    /// A folded name without the mark of a header repeated on a following page.
    private static func withoutContinuationMark(_ folded: String) -> String {
        for mark in [" tiep theo", " tiep", " cont", " continued"] where folded.hasSuffix(mark) {
            return String(folded.dropLast(mark.count))
        }
        return folded
    }

    private static func filledCount(_ cells: [String]) -> Int {
        var count = 0
        for cell in cells where !cell.isEmpty { count += 1 }
        return count
    }
}
