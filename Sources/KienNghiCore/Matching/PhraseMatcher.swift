/// How a phrase matched the text.
public enum MatchKind: String, Sendable, Codable {
    /// Every term matched with its diacritics.
    case accented
    /// Some terms were written without diacritics and matched on their plain key: weaker evidence.
    case plain
}

/// One occurrence of a lexicon phrase in a text.
struct PhraseMatch: Sendable {
    /// Index of the phrase in the list the matcher was compiled from.
    var entry: Int
    /// Term range in ``AnalyzedText/terms``.
    var terms: Range<Int>
    var kind: MatchKind
}

/// Finds lexicon phrases in analysed text with a trie over term ids: plain ids
/// drive the walk, accented ids decide whether the match is exact. A term typed
/// without diacritics may match on its plain key (a weaker ``MatchKind/plain``
/// match); a term written with diacritics must match exactly, so "bão" never
/// matches "bảo". Overlaps are resolved by the longest match, left to right.
struct PhraseMatcher: Sendable {
    private var children = EdgeTable()
    /// The entries ending at each trie node, in the order added, as linked
    /// lists in flat arrays: `terminalHead[node]` is the first item (-1: none),
    /// `terminalNext[item]` the next. Nested arrays cost a retain and release
    /// per node visited on every petition.
    private var terminalHead: [Int32] = [-1]
    private var terminalEntry: [Int32] = []
    private var terminalNext: [Int32] = []
    /// Accented term ids of every entry, one after another: entry `e` owns
    /// `entryAccented[entryStart[e]..<entryStart[e + 1]]`.
    private var entryAccented: [UInt32] = []
    private var entryStart: [Int32] = [0]
    /// Whether an entry may match on plain keys: phrases of two or more
    /// syllables, or phrases that have no diacritics themselves (wifi, sim).
    private var entryAllowsPlain: [Bool] = []
    /// By plain term id: whether some phrase starts with that term. Most terms
    /// start none, and this check is cheaper than probing the root's edges.
    private var startsPhrase: [Bool] = []

    /// Number of phrases compiled.
    var count: Int { entryStart.count - 1 }

    /// Adds a phrase, analysed by the same analyzer as the texts. Returns false
    /// when the phrase has no terms (it normalises to nothing).
    @discardableResult
    mutating func add(_ analyzed: AnalyzedText, vocabulary: inout TermVocabulary) -> Bool {
        let entry = count
        var accentedIds: [UInt32] = []
        var node: Int32 = 0
        for term in analyzed.terms {
            let key = Array(analyzed.keyArena[Int(term.key.lowerBound)..<Int(term.key.upperBound)])
            let plain = Array(analyzed.keyArena[Int(term.plain.lowerBound)..<Int(term.plain.upperBound)])
            let (a, p) = vocabulary.add(accentedKey: key, plainKey: plain)
            accentedIds.append(a)
            if node == 0 {
                if Int(p) >= startsPhrase.count {
                    startsPhrase += repeatElement(false, count: Int(p) + 1 - startsPhrase.count)
                }
                startsPhrase[Int(p)] = true
            }
            let edge = UInt64(UInt32(node)) << 32 | UInt64(p)
            if let child = children.child(edge) {
                node = child
            } else {
                let child = Int32(terminalHead.count)
                terminalHead.append(-1)
                children.insert(edge, child: child)
                node = child
            }
        }
        entryAccented.append(contentsOf: accentedIds)
        entryStart.append(Int32(entryAccented.count))
        let hasDiacritics = analyzed.terms.contains { term in
            analyzed.keyArena[Int(term.key.lowerBound)..<Int(term.key.upperBound)]
                != analyzed.keyArena[Int(term.plain.lowerBound)..<Int(term.plain.upperBound)]
        }
        entryAllowsPlain.append(analyzed.terms.count >= 2 || !hasDiacritics)
        guard node != 0 else { return false }
        let item = Int32(terminalEntry.count)
        terminalEntry.append(Int32(entry))
        terminalNext.append(-1)
        if terminalHead[Int(node)] < 0 {
            terminalHead[Int(node)] = item
        } else {
            var last = Int(terminalHead[Int(node)])
            while terminalNext[last] >= 0 { last = Int(terminalNext[last]) }
            terminalNext[last] = item
        }
        return true
    }

    /// Whether an entry matches words without diacritics only when written so itself (a
    /// one-syllable phrase with diacritics: "xã" is not "xa", far).
    func needsDiacritics(_ entry: Int) -> Bool { !entryAllowsPlain[entry] }

    /// Matches in text order. With `overlapping`, every phrase found at every
    /// position is reported; otherwise only the longest, without overlaps. With
    /// `bareSingles`, one-syllable phrases also match words without diacritics (kind
    /// ``MatchKind/plain``; the caller checks their context, see ``needsDiacritics(_:)``).
    func matches(_ ids: [TermVocabulary.TermIds], overlapping: Bool = false, bareSingles: Bool = false)
        -> [PhraseMatch]
    {
        var found: [PhraseMatch] = []
        var start = 0
        while start < ids.count {
            let first = Int(ids[start].plain)
            if first >= startsPhrase.count || !startsPhrase[first] {
                start += 1
                continue
            }
            var node: Int32 = 0
            var best: PhraseMatch? = nil
            var position = start
            while position < ids.count, ids[position].plain != 0,
                let child = children.child(UInt64(UInt32(node)) << 32 | UInt64(ids[position].plain))
            {
                node = child
                position += 1
                var item = Int(terminalHead[Int(node)])
                while item >= 0 {
                    let entry = Int(terminalEntry[item])
                    item = Int(terminalNext[item])
                    guard let kind = verify(entry, ids, from: start, bareSingles: bareSingles) else { continue }
                    let match = PhraseMatch(entry: entry, terms: start..<position, kind: kind)
                    if overlapping {
                        if found.capacity == 0 { found.reserveCapacity(min(16, ids.count)) }
                        found.append(match)
                    } else if best == nil || best!.terms.count < match.terms.count
                        || (best!.terms.count == match.terms.count && best!.kind == .plain && kind == .accented)
                    {
                        best = match
                    }
                }
            }
            if let best {
                // Room for a petition's usual matches at once, not grown one doubling at a time.
                if found.capacity == 0 { found.reserveCapacity(min(16, ids.count)) }
                found.append(best)
                start = best.terms.upperBound
            } else {
                start += 1
            }
        }
        return found
    }

    private func verify(_ entry: Int, _ ids: [TermVocabulary.TermIds], from start: Int, bareSingles: Bool)
        -> MatchKind?
    {
        var kind = MatchKind.accented
        let first = Int(entryStart[entry])
        for index in first..<Int(entryStart[entry + 1]) {
            let term = ids[start + index - first]
            if term.accented == entryAccented[index] { continue }
            guard term.isAccentless, entryAllowsPlain[entry] || bareSingles else { return nil }
            kind = .plain
        }
        return kind
    }
}

/// The trie's edges, `(node << 32 | plain id) → child`, in one open-addressing
/// table with a multiplicative hash: probed once per term per matcher on every
/// petition, where a `Dictionary`'s seeded SipHash cost more than the walk.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var children: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    /// No edge has this key: node ids and term ids stay far below 2^32 - 1.
    private static let empty = UInt64.max

    init() {
        keys = [UInt64](repeating: Self.empty, count: 64)
        children = [Int32](repeating: 0, count: 64)
        shift = 64 - 6
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func child(_ key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var index = slot(key)
            while true {
                let stored = keys[index]
                if stored == key { return children[index] }
                if stored == Self.empty { return nil }
                index = (index + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, child: Int32) {
        precondition(key != Self.empty)
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(key)
        while keys[index] != Self.empty && keys[index] != key { index = (index + 1) & (keys.count - 1) }
        if keys[index] == Self.empty { count += 1 }
        keys[index] = key
        children[index] = child
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldChildren = children
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        children = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (index, key) in oldKeys.enumerated() where key != Self.empty { insert(key, child: oldChildren[index]) }
    }
}
