/// Maps UTF-8 byte offsets of a filtered text back to the text the filter read.
///
/// Only changed regions are stored (sorted, non-overlapping), so a filter that
/// changes nothing costs nothing. An offset inside a changed region maps to
/// that region's start (for span starts) or end (for span ends), so a span
/// never cuts a replaced character in half.
package struct OffsetMap: Sendable, Equatable {
    struct Edit: Sendable, Equatable {
        var filteredStart: Int
        var filteredEnd: Int
        var sourceStart: Int
        var sourceEnd: Int
    }

    private(set) var edits: [Edit] = []

    package init() {}

    package var isIdentity: Bool { edits.isEmpty }

    /// Records that filtered bytes `filtered` replace source bytes `source`.
    mutating func record(filtered: Range<Int>, source: Range<Int>) {
        edits.append(
            Edit(
                filteredStart: filtered.lowerBound, filteredEnd: filtered.upperBound,
                sourceStart: source.lowerBound, sourceEnd: source.upperBound))
    }

    /// Last edit whose filtered start is at or before `offset`.
    private func editIndex(atOrBefore offset: Int) -> Int? {
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].filteredStart <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    /// Source offset for a span that starts at filtered `offset`.
    package func sourceStart(_ offset: Int) -> Int {
        guard let index = editIndex(atOrBefore: offset) else { return offset }
        return Self.sourceStart(offset, passed: index + 1, in: edits)
    }

    /// Source offset for a span that ends at filtered `offset`.
    package func sourceEnd(_ offset: Int) -> Int {
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].filteredStart < offset { low = mid + 1 } else { high = mid }
        }
        return Self.sourceEnd(offset, passed: low, in: edits)
    }

    /// `offset` as a span start, given how many edits start at or before it.
    @inline(__always)
    static func sourceStart(_ offset: Int, passed: Int, in edits: [Edit]) -> Int {
        guard passed > 0 else { return offset }
        let edit = edits[passed - 1]
        if offset < edit.filteredEnd { return edit.sourceStart }
        if offset == edit.filteredEnd, edit.filteredStart == edit.filteredEnd { return edit.sourceEnd }
        return edit.sourceEnd + (offset - edit.filteredEnd)
    }

    /// `offset` as a span end, given how many edits start before it.
    @inline(__always)
    static func sourceEnd(_ offset: Int, passed: Int, in edits: [Edit]) -> Int {
        guard passed > 0 else { return offset }
        let edit = edits[passed - 1]
        if offset <= edit.filteredEnd { return edit.sourceEnd }
        return edit.sourceEnd + (offset - edit.filteredEnd)
    }
}

extension OffsetMap {
    /// Steps through a map's edits for offsets given in non-decreasing order
    /// (tokens come in text order) instead of a binary search per offset;
    /// `next`, the cursor, counts the edits already passed.
    enum Cursor {
        @inline(__always)
        static func sourceStart(_ offset: Int, in edits: [Edit], next: inout Int) -> Int {
            while next < edits.count, edits[next].filteredStart <= offset { next += 1 }
            return OffsetMap.sourceStart(offset, passed: next, in: edits)
        }

        @inline(__always)
        static func sourceEnd(_ offset: Int, in edits: [Edit], next: inout Int) -> Int {
            while next < edits.count, edits[next].filteredStart < offset { next += 1 }
            return OffsetMap.sourceEnd(offset, passed: next, in: edits)
        }
    }
}

/// Maps token spans (in text order) of a filtered text back to the source,
/// in amortised constant time per span.
struct SequentialSpanMapper {
    /// Each filter's edits, last filter first, and per list a start and an end
    /// cursor, read in place; the usual case, one changing filter, has its own
    /// fields (array cursors cost a retain, a release and a uniqueness check per token).
    private let editLists: [[OffsetMap.Edit]]
    private var startCursors: [Int]
    private var endCursors: [Int]
    private let onlyList: [OffsetMap.Edit]
    private var onlyStart = 0
    private var onlyEnd = 0

    init(_ text: FilteredText) {
        editLists = text.maps.reversed().map(\.edits)
        startCursors = Array(repeating: 0, count: editLists.count)
        endCursors = startCursors
        onlyList = editLists.count == 1 ? editLists[0] : []
    }

    /// Same as ``FilteredText/sourceSpan(_:_:)``; spans must come with non-decreasing starts and ends.
    mutating func sourceSpan(_ start: Int, _ end: Int) -> SourceSpan {
        var s = start
        var e = end
        if editLists.count == 1 {
            s = OffsetMap.Cursor.sourceStart(s, in: onlyList, next: &onlyStart)
            e = OffsetMap.Cursor.sourceEnd(e, in: onlyList, next: &onlyEnd)
        } else {
            for list in editLists.indices {
                s = OffsetMap.Cursor.sourceStart(s, in: editLists[list], next: &startCursors[list])
                e = OffsetMap.Cursor.sourceEnd(e, in: editLists[list], next: &endCursors[list])
            }
        }
        return SourceSpan(start: s, end: max(s, e))
    }
}

/// A text in transit through the character filters: its current UTF-8 bytes
/// and, for every filter that changed it, the map back to the previous stage.
package struct FilteredText: Sendable {
    /// Current bytes (valid UTF-8).
    package var bytes: [UInt8]
    /// One map per changing filter, in the order the filters ran.
    package var maps: [OffsetMap]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.maps = []
    }

    /// Span in the current bytes → span in the original source bytes.
    package func sourceSpan(_ start: Int, _ end: Int) -> SourceSpan {
        var s = start
        var e = end
        for map in maps.reversed() {
            s = map.sourceStart(s)
            e = map.sourceEnd(e)
        }
        return SourceSpan(start: s, end: max(s, e))
    }
}

/// Builds a filter's output and offset map in one pass: copy unchanged runs
/// lazily, record replacements.
struct FilterOutputBuilder {
    let input: [UInt8]
    private(set) var output: [UInt8] = []
    private(set) var map = OffsetMap()
    private var copiedUpTo = 0
    private(set) var changed = false

    init(_ input: [UInt8]) { self.input = input }

    /// Replaces input bytes `range` by `replacement`.
    mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>) {
        if !changed {
            output.reserveCapacity(input.count + 16)
            changed = true
        }
        output.append(contentsOf: input[copiedUpTo..<range.lowerBound])
        let start = output.count
        output.append(contentsOf: replacement)
        map.record(filtered: start..<output.count, source: range)
        copiedUpTo = range.upperBound
    }

    /// Replaces input bytes `range` by `replacement`, recording only the whole
    /// scalars that differ: a repaired or recomposed word keeps its unchanged
    /// letters (and a neighbouring space) out of the edit, so a token boundary
    /// inside the word cannot fall inside the edit and map two tokens onto the
    /// same source bytes.
    mutating func replaceChanged(_ range: Range<Int>, with replacement: UnsafeBufferPointer<UInt8>) {
        let (prefix, suffix) = input.withUnsafeBufferPointer {
            Self.unchangedEnds(UnsafeBufferPointer(rebasing: $0[range]), replacement)
        }
        if prefix == range.count, prefix == replacement.count { return }
        replace(
            range.lowerBound + prefix..<range.upperBound - suffix,
            with: replacement[prefix..<replacement.count - suffix])
    }

    /// How many bytes (whole scalars) `old` and `new` share at the start and,
    /// after that, at the end.
    static func unchangedEnds(_ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>) -> (
        prefix: Int, suffix: Int
    ) {
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, prefix < old.count, isContinuation(old[prefix]) { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        while suffix > 0, isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return (prefix, suffix)
    }

    /// Finishes; returns `text` itself when nothing changed.
    mutating func finish(_ text: FilteredText) -> FilteredText {
        guard changed else { return text }
        output.append(contentsOf: input[copiedUpTo...])
        var result = text
        result.bytes = output
        result.maps.append(map)
        return result
    }
}

/// One step that rewrites text before tokenisation and keeps offsets traceable.
package protocol CharacterFilter: Sendable {
    func apply(_ text: FilteredText) -> FilteredText
    /// True when ``apply(_:)`` would certainly leave `bytes` unchanged: a quick
    /// scan without copying, so clean text (the common case) skips the filter.
    /// False means "may change".
    func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool
    /// True when the filter treats each line on its own (no decision spans
    /// lines), so a text may be filtered line by line with the same result.
    var worksLineByLine: Bool { get }
}

extension CharacterFilter {
    package func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { false }
    package var worksLineByLine: Bool { false }
}
