/// ``LearnedWeights`` compiled for scoring: n-gram keys in a byte table, weights
/// in one dense row per feature. Immutable and `Sendable`; a class, so the
/// scorer holds it per petition with one reference instead of copying its tables' references.
final class LearnedThemeModel: Sendable {
    let classes: [String]
    /// Class number by theme id, on the ids' bytes (the scorer looks ids up per petition: no string hashing).
    private let classTable: ByteKeyTable
    /// Each class's position among the class ids in alphabetical order (for ties).
    let nameRank: [Int]
    /// The class of ``ThemeID/other`` (-1 when the model has none).
    let otherClass: Int
    let policy: LearnedWeights.Policy
    /// The hand-score cap of ``LearnedWeights/lexiconCap``.
    let lexiconCap: Double
    private let table: ByteKeyTable
    /// Row-major: `weights[row * classes.count + class]`.
    private let weights: [Double]
    /// Where each weight came from: `sourceIndex[row * classes.count + class]`
    /// indexes `sourceList` (-1: none). Sparse, so loading does not build and
    /// later destroy one optional source per row and theme.
    private let sourceIndex: [Int32]
    private let sourceList: [LexiconSource]
    /// The feature as written in the weights file, per row.
    let featureText: [String]
    let bias: [Double]
    /// `lexiconWeights[handTheme][class]`.
    let lexiconWeights: [[Double]]
    /// Row of each `@phrase:` feature, by the hand phrase's text.
    let phraseRows: [String: Int]

    init(_ learned: LearnedWeights, themes: [String]) {
        classes = themes
        let classIndex = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        var nameRank = [Int](repeating: 0, count: themes.count)
        for (position, c) in themes.indices.sorted(by: { themes[$0] < themes[$1] }).enumerated() {
            nameRank[c] = position
        }
        self.nameRank = nameRank
        otherClass = classIndex[ThemeID.other] ?? -1
        var classTable = ByteKeyTable(capacity: max(16, themes.count))
        for (c, theme) in themes.enumerated() { classTable.insert(Array(theme.utf8), value: Int32(c)) }
        self.classTable = classTable
        policy = learned.policy
        lexiconCap = learned.lexiconCap
        var table = ByteKeyTable(capacity: max(1024, learned.entries.count))
        var rows: [String] = []
        var weights: [Double] = []
        var sourceIndex: [Int32] = []
        var sourceList: [LexiconSource] = []
        var bias = [Double](repeating: 0, count: themes.count)
        var lexiconWeights = [[Double]](repeating: [Double](repeating: 0, count: themes.count), count: themes.count)
        for entry in learned.entries {
            guard let c = classIndex[entry.theme] else { continue }
            if entry.feature == LearnedWeights.biasFeature {
                bias[c] = entry.weight
            } else if entry.feature.hasPrefix(LearnedWeights.lexiconPrefix) {
                if let hand = classIndex[String(entry.feature.dropFirst(LearnedWeights.lexiconPrefix.count))] {
                    lexiconWeights[hand][c] = entry.weight
                }
            } else {
                let row = Int(table.insert(Array(entry.feature.utf8), value: Int32(rows.count)))
                if row == rows.count {
                    rows.append(entry.feature)
                    weights.append(contentsOf: repeatElement(0, count: themes.count))
                    sourceIndex.append(contentsOf: repeatElement(-1, count: themes.count))
                }
                weights[row * themes.count + c] = entry.weight
                sourceIndex[row * themes.count + c] = Int32(sourceList.count)
                sourceList.append(entry.source)
            }
        }
        var phraseRows: [String: Int] = [:]
        for (row, feature) in rows.enumerated() where feature.hasPrefix(LearnedWeights.phrasePrefix) {
            phraseRows[String(feature.dropFirst(LearnedWeights.phrasePrefix.count))] = row
        }
        self.phraseRows = phraseRows
        self.table = table
        self.weights = weights
        self.sourceIndex = sourceIndex
        self.sourceList = sourceList
        featureText = rows
        self.bias = bias
        self.lexiconWeights = lexiconWeights
    }

    /// A feature found in a petition: its row and the terms it covers.
    struct Hit {
        var row: Int
        var terms: Range<Int>
        var plain: Bool
    }

    /// The class number of theme `id` (its position in ``classes``).
    func classNumber(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { classTable.value(for: $0) }.map(Int.init)
    }

    func row(_ key: UnsafeBufferPointer<UInt8>) -> Int? { table.value(for: key).map(Int.init) }
    func row(_ key: [UInt8]) -> Int? { table.value(for: key).map(Int.init) }

    func weight(row: Int, theme c: Int) -> Double { weights[row * classes.count + c] }

    /// Adds each hit's row of weights, times `value`, to `logits` (one per class):
    /// the inner loop of scoring, on raw rows so it vectorises.
    func addWeights(of hits: [Hit], times value: Double, to logits: inout [Double]) {
        let width = classes.count
        precondition(logits.count == width)
        weights.withUnsafeBufferPointer { weights in
            logits.withUnsafeMutableBufferPointer { logits in
                for hit in hits {
                    let row = UnsafeBufferPointer(rebasing: weights[(hit.row * width)..<(hit.row * width + width)])
                    for c in 0..<width { logits[c] += row[c] * value }
                }
            }
        }
    }
    func source(row: Int, theme c: Int) -> LexiconSource? {
        let index = Int(sourceIndex[row * classes.count + c])
        return index < 0 ? nil : sourceList[index]
    }

    /// Finds the model's n-grams in a petition (distinct rows, first occurrence),
    /// and counts every n-gram position (known or not) for ``ngramValue(_:)``.
    /// Terms typed with Telex keystrokes are read as the word they spell.
    func hits(_ text: PetitionText, masked: (Int) -> Bool) -> (hits: [Hit], count: Int) {
        var none: WordKeyCache? = nil
        return hits(text, masked: masked, cache: &none)
    }

    /// With the word-key cache the text was analysed with, each word's unigram
    /// row is looked up once and kept in its entry (it depends only on the word's keys).
    func hits(_ text: PetitionText, masked: (Int) -> Bool, cache: inout WordKeyCache?) -> (hits: [Hit], count: Int) {
        let analyzed = text.analyzed
        // Rows already found: a small open-addressing set sized for every n-gram
        // of this petition (temporary storage, Int32 slots, no hashing through Hasher).
        var size = 16
        while size < analyzed.terms.count * 4 { size <<= 1 }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { seen in
            seen.initialize(repeating: -1)
            return hits(analyzed, masked: masked, seen: seen, cache: &cache)
        }
    }

    private func hits(
        _ analyzed: AnalyzedText, masked: (Int) -> Bool, seen: UnsafeMutableBufferPointer<Int32>,
        cache: inout WordKeyCache?
    ) -> (hits: [Hit], count: Int) {
        let words = cache != nil && analyzed.termWords.count == analyzed.terms.count ? analyzed.termWords : []
        var hits: [Hit] = []
        var count = 0
        let mask = seen.count - 1
        let shift = UInt64(64 - seen.count.trailingZeroBitCount)
        func firstTime(_ row: Int) -> Bool {
            var slot = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: row) &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let stored = seen[slot]
                if stored < 0 {
                    seen[slot] = Int32(truncatingIfNeeded: row)
                    return true
                }
                if Int(stored) == row { return false }
                slot = (slot + 1) & mask
            }
        }
        // `bigram` holds the previous term's key and a space; the current key is
        // written after it for the lookup, then the buffer restarts from the current key.
        // Raw storage: Array appends cost a uniqueness and capacity check per key.
        var bigram = ByteScratch(capacity: 128)
        defer { bigram.free() }
        var previousLength = 0
        var previousTerm = -2
        var previousPlain = false
        var previousEntry = -1
        var folded: [UInt8] = []
        hits.reserveCapacity(analyzed.terms.count)
        analyzed.keyArena.withUnsafeBufferPointer { arena in
            for (index, term) in analyzed.terms.enumerated() {
                let kind = analyzed.tokens[Int(term.tokenIndex)].kind
                guard kind == .word || kind == .acronym, !masked(index) else { continue }
                let key = UnsafeBufferPointer(rebasing: arena[Int(term.plain.lowerBound)..<Int(term.plain.upperBound)])
                let entry = words.isEmpty ? -1 : Int(words[index])
                var unigram: Int? = nil
                var useFolded = false
                if entry >= 0, let known = cache!.unigram(entry) {
                    unigram = known.row < 0 ? nil : Int(known.row)
                    useFolded = known.folded
                    // The bigram below is keyed by the folded word.
                    if useFolded { _ = TelexFolding.fold(key, into: &folded) }
                } else {
                    unigram = row(key)
                    if unigram == nil, term.isAccentless, TelexFolding.fold(key, into: &folded), let found = row(folded)
                    {
                        useFolded = true
                        unigram = found
                    }
                    if entry >= 0 { cache!.setUnigram(entry, (Int32(unigram ?? -1), useFolded)) }
                }
                count += 1
                if let unigram, firstTime(unigram) {
                    hits.append(Hit(row: unigram, terms: index..<(index + 1), plain: term.isAccentless))
                }
                folded.withUnsafeBufferPointer { foldedKey in
                    let current = useFolded ? foldedKey : key
                    if previousTerm == index - 1 {
                        count += 1
                        // Two kept words: their bigram's row is remembered by the pair of entries.
                        let pair = previousEntry >= 0 && entry >= 0
                        var found: Int? = nil
                        if pair, let known = cache!.bigramRow(previousEntry, entry) {
                            found = known < 0 ? nil : Int(known)
                        } else {
                            bigram.write(current, at: previousLength)
                            found = row(bigram.prefix(previousLength + current.count))
                            if pair { cache!.setBigramRow(previousEntry, entry, Int32(found ?? -1)) }
                        }
                        if let found, firstTime(found) {
                            hits.append(
                                Hit(
                                    row: found, terms: (index - 1)..<(index + 1),
                                    plain: previousPlain || term.isAccentless))
                        }
                    }
                    bigram.write(current, at: 0)
                    bigram.write(0x20, at: current.count)
                    previousLength = current.count + 1
                }
                previousTerm = index
                previousPlain = term.isAccentless
                previousEntry = entry
            }
        }
        return (hits, count)
    }

    /// The n-gram features of a petition as strings, for training: the same
    /// walk as ``hits(_:masked:)`` without a vocabulary (every n-gram).
    static func features(_ text: PetitionText, masked: (Int) -> Bool) -> (features: [String], count: Int) {
        var result: [String] = []
        var count = 0
        var seen: Set<String> = []
        var previous: (term: Int, key: String)? = nil
        let analyzed = text.analyzed
        for (index, term) in analyzed.terms.enumerated() {
            let kind = analyzed.tokens[Int(term.tokenIndex)].kind
            guard kind == .word || kind == .acronym, !masked(index) else {
                previous = nil
                continue
            }
            let key = analyzed.string(term.plain)
            count += 1
            if seen.insert(key).inserted { result.append(key) }
            if let previous, previous.term == index - 1 {
                count += 1
                let bigram = previous.key + " " + key
                if seen.insert(bigram).inserted { result.append(bigram) }
            }
            previous = (index, key)
        }
        return (result, count)
    }

    /// Value of each n-gram feature: 1/√n over the n n-gram positions of the petition, so long and short petitions weigh alike.
    static func ngramValue(_ count: Int) -> Double { count == 0 ? 0 : 1 / Double(count).squareRoot() }

    /// Value of a hand-lexicon score feature, with the cap the weights were fitted with.
    func lexiconValue(_ score: Double) -> Double { LearnedWeights.lexiconValue(score, cap: lexiconCap) }
}

/// A growable byte buffer in raw storage for short-lived keys; call ``free()`` when done.
struct ByteScratch {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Copies `bytes` to `offset`, growing (and keeping the first `offset` bytes) when needed.
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        reserve(offset + bytes.count)
        if let source = bytes.baseAddress { (base + offset).update(from: source, count: bytes.count) }
    }

    mutating func write(_ byte: UInt8, at offset: Int) {
        reserve(offset + 1)
        base[offset] = byte
    }

    func prefix(_ count: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
        grown.update(from: base, count: capacity)
        base.deallocate()
        base = grown
        capacity = max(needed, capacity * 2)
    }

    func free() { base.deallocate() }
}
