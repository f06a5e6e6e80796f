/// The analysis chain: character filters → tokenizer → token filters (keys,
/// abbreviation expansion) → sentences. The same chain analyses lexicon phrases
/// and petitions, so no spelling variant can make a phrase unmatchable.
package struct Analyzer: Sendable {
    package let characterFilters: [any CharacterFilter]
    /// The filters are the standard chain with look-alike repair automatic or
    /// off, so ``StandardChainCheck`` answers for all of them in one pass.
    private let standardChain: Bool
    package var tokenizer: VietnameseTokenizer
    package var abbreviations: AbbreviationTable

    /// The standard chain: NFC, then look-alike repair (which needs whole
    /// composed words and must see TCVN3's soft-hyphen ư), then invisible characters.
    package init(
        legacyLookalikes: LegacyLookalikeFilter.Mode = .automatic,
        abbreviations: AbbreviationTable = AbbreviationTable()
    ) {
        characterFilters = [
            CanonicalCompositionFilter(), LegacyLookalikeFilter(mode: legacyLookalikes), InvisibleCharacterFilter(),
        ]
        tokenizer = VietnameseTokenizer()
        self.abbreviations = abbreviations
        standardChain = legacyLookalikes == .automatic || legacyLookalikes == .off
    }

    /// Runs only the character filters.
    package func filter(_ text: String) -> FilteredText {
        var filtered = FilteredText(Array(text.utf8))
        if standardChain, filtered.bytes.withUnsafeBufferPointer(StandardChainCheck.leavesUnchanged) { return filtered }
        for filter in characterFilters {
            // The quick check is cheaper than a filter pass that changes nothing.
            if filtered.bytes.withUnsafeBufferPointer({ filter.leavesUnchanged($0) }) { continue }
            filtered = filter.apply(filtered)
        }
        return filtered
    }

    package func analyze(_ text: String) -> AnalyzedText {
        var none: WordKeyCache? = nil
        return analyze(text, cache: &none)
    }

    /// Analyses `text`, reading and filling `cache` with the keys of its words:
    /// petitions of one pile share their vocabulary, so most words are then
    /// one hash probe instead of a syllable parse. With no cache, long texts
    /// get one of their own. Keep one cache per analyzer (and per thread).
    package func analyze(_ text: String, cache: inout WordKeyCache?) -> AnalyzedText {
        let filtered = filter(text)
        let bytes = filtered.bytes
        var tokens = tokenizer.tokenize(bytes)
        var builder = TermBuilder(
            bytes: bytes, abbreviations: abbreviations, expectedTokens: tokens.count, keyCache: cache.take())
        defer { cache = builder.keyCache.take() }
        var spans = SequentialSpanMapper(filtered)
        for index in tokens.indices {
            let range = tokens[index].normalized
            if !filtered.maps.isEmpty {
                tokens[index].span = spans.sourceSpan(range.lowerBound, range.upperBound)
            }
            builder.add(tokens[index], at: index)
        }
        let sentences = SentenceSplitter.split(tokens, normalized: bytes)
        return AnalyzedText(
            source: text, normalized: bytes, tokens: tokens, tokenKeys: builder.tokenKeys,
            tokenPlainKeys: builder.tokenPlainKeys, terms: builder.terms, tokenTerms: builder.tokenTerms,
            sentences: sentences,
            keyArena: builder.arena, termWords: builder.termWords)
    }

    /// The normalised text for display: filters applied, every word in the
    /// canonical tone placement, case kept.
    package func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        var text = text
        var cache = NormalizationCache()
        text.withUTF8 { normalize($0, appendingTo: &output, cache: &cache) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the normalised form of `text` (UTF-8, whole lines) to `output`:
    /// the streaming form of ``normalize(_:)``.
    ///
    /// Fast path: a filter whose quick check passes is skipped, so ASCII and
    /// clean NFC text is neither copied nor filtered; when only line-by-line
    /// filters have work, only the lines that need them are filtered. Words
    /// are then rewritten in place only if they have a non-ASCII letter.
    /// `cache` remembers each distinct word's canonical form; keep one per stream.
    package func normalize(
        _ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], cache: inout NormalizationCache
    ) {
        output.reserveCapacity(output.count + text.count)
        // Most chunks need no filter at all: one pass says so for the whole chain.
        if standardChain, StandardChainCheck.leavesUnchanged(text) {
            appendCanonicalWords(text, to: &output, cache: &cache)
            return
        }
        // Filters that decide on the whole text look at the whole chunk first;
        // line-by-line filters are checked line by line below.
        let wholeTextFiltersIdle = characterFilters.allSatisfy { $0.worksLineByLine || $0.leavesUnchanged(text) }
        if wholeTextFiltersIdle, normalizeLineByLine(text, appendingTo: &output, cache: &cache) { return }
        var filtered = FilteredText(Array(text))
        for filter in characterFilters { filtered = filter.apply(filtered) }
        filtered.bytes.withUnsafeBufferPointer { appendCanonicalWords($0, to: &output, cache: &cache) }
    }

    /// Filters only the lines that need it; false (with `output` untouched)
    /// when a filter that needs the whole text would change a filtered line.
    private func normalizeLineByLine(
        _ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], cache: inout NormalizationCache
    ) -> Bool {
        let mark = output.count
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = text.count
            if let newline = memchr(text.baseAddress! + lineStart, 0x0A, text.count - lineStart) {
                lineEnd = text.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            lineStart = lineEnd
            if standardChain, StandardChainCheck.leavesUnchanged(line) {
                appendCanonicalWords(line, to: &output, cache: &cache)
                continue
            }
            var filtered: FilteredText? = nil
            for filter in characterFilters {
                // An untouched line passed the whole-text filters' check with its chunk.
                let unchanged =
                    filtered.map { current in current.bytes.withUnsafeBufferPointer { filter.leavesUnchanged($0) } }
                    ?? (!filter.worksLineByLine || filter.leavesUnchanged(line))
                if unchanged { continue }
                guard filter.worksLineByLine else {
                    output.removeSubrange(mark...)
                    return false
                }
                filtered = filter.apply(filtered ?? FilteredText(Array(line)))
            }
            if let filtered {
                filtered.bytes.withUnsafeBufferPointer { appendCanonicalWords($0, to: &output, cache: &cache) }
            } else {
                appendCanonicalWords(line, to: &output, cache: &cache)
            }
        }
        return true
    }

    /// Copies filtered `bytes` to `output`, every word with a non-ASCII letter
    /// in canonical tone placement (ASCII words cannot change).
    private func appendCanonicalWords(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], cache: inout NormalizationCache
    ) {
        var copied = 0
        tokenizer.forEachToken(in: bytes) { token in
            guard token.kind == .word else { return }
            let range = token.normalized
            var ascii = true
            for i in range where bytes[i] >= 0x80 {
                ascii = false
                break
            }
            if ascii { return }
            // Most words are already canonical: nothing is copied until one is not.
            cache.withCanonical(UnsafeBufferPointer(rebasing: bytes[range])) { rewrite in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
                output.append(contentsOf: rewrite)
                copied = range.upperBound
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}

/// Remembers, for each distinct word seen by ``Analyzer/normalize(_:appendingTo:cache:)``,
/// whether canonical tone placement rewrites it and to what: words repeat,
/// so most are answered by one hash probe instead of a syllable parse.
/// Holds at most 65,536 words, so memory stays bounded on any input.
package struct NormalizationCache: Sendable {
    private var words = ByteKeyTable(capacity: 4096)
    /// Per word number: nil when the word is already canonical.
    private var rewrites: [[UInt8]?] = []
    private var canonicalizer = SyllableCanonicalizer()
    static let limit = 1 << 16

    package init() {}

    private var scratch: [UInt8] = []

    /// Calls `body` with the canonical form of `word` only if it differs from `word`.
    mutating func withCanonical(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if let number = words.value(for: word) {
            rewrites[Int(number)]?.withUnsafeBufferPointer(body)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var none: [UInt8]? = nil
        _ = canonicalizer.canonicalize(word, keepCase: true, key: &scratch, plain: &none)
        let unchanged = scratch.elementsEqual(word)
        if words.count < Self.limit {
            words.insert(Array(word), value: Int32(rewrites.count))
            rewrites.append(unchanged ? nil : scratch)
        }
        if !unchanged { scratch.withUnsafeBufferPointer(body) }
    }
}

/// Token filters in one pass: computes each token's keys into a shared arena
/// and emits terms, expanding abbreviations.
struct TermBuilder {
    let bytes: [UInt8]
    let abbreviations: AbbreviationTable
    var arena: [UInt8] = []
    var tokenKeys: [Range<Int32>] = []
    var tokenPlainKeys: [Range<Int32>] = []
    var terms: [Term] = []
    var tokenTerms: [Range<Int32>] = []
    /// Per term, its word's cache entry (-1 for none); filled only with a cache.
    var termWords: [Int32] = []
    var canonicalizer = SyllableCanonicalizer()
    var plainScratch: [UInt8]? = []
    /// Whether the text uses lower case at all; in an all-capitals text a word
    /// in capitals (CA: shift) is not evidence of an abbreviation. Computed on first need.
    private lazy var textUsesLowercase: Bool = bytes.contains { $0 >= 0x61 && $0 <= 0x7A }

    /// Keys of words already seen: the pile's shared cache when the caller
    /// passes one, else a table of its own for a long text (a chunk of a file);
    /// a single short petition alone is too short to pay for a table.
    var keyCache: WordKeyCache? = nil

    init(bytes: [UInt8], abbreviations: AbbreviationTable, expectedTokens: Int, keyCache: WordKeyCache? = nil) {
        self.bytes = bytes
        self.keyCache = keyCache
        if keyCache == nil, bytes.count >= 16 << 10 { self.keyCache = WordKeyCache() }
        self.abbreviations = abbreviations
        arena.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        tokenKeys.reserveCapacity(expectedTokens)
        tokenPlainKeys.reserveCapacity(expectedTokens)
        terms.reserveCapacity(expectedTokens)
        tokenTerms.reserveCapacity(expectedTokens)
        if self.keyCache != nil { termWords.reserveCapacity(expectedTokens) }
    }

    mutating func add(_ token: Token, at index: Int) {
        let firstTerm = Int32(terms.count)
        let word = addTerms(token, at: index)
        tokenTerms.append(firstTerm..<Int32(terms.count))
        if keyCache != nil {
            for _ in Int(firstTerm)..<terms.count { termWords.append(word) }
        }
    }

    /// Adds the token's terms; returns the cache entry of its one unexpanded term (-1 when none).
    private mutating func addTerms(_ token: Token, at index: Int) -> Int32 {
        let keyStart = Int32(arena.count)
        var accentless = true
        var capitals = true
        var cached = -1
        // Set when the key and the plain key went into the arena together (from the cache).
        var keyLength = -1
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[token.normalized])
            for b in slice where b >= 0x61 && b <= 0x7A {
                capitals = false
                break
            }
            switch token.kind {
            case .word, .acronym, .documentNumber:
                if keyCache != nil {
                    (accentless, cached, keyLength) = keyCache!.appendKeys(
                        of: slice, to: &arena, canonicalizer: &canonicalizer)
                } else {
                    plainScratch!.removeAll(keepingCapacity: true)
                    accentless =
                        canonicalizer.canonicalize(slice, keepCase: false, key: &arena, plain: &plainScratch)
                        .isAccentless
                }
            default:
                // Other tokens are their own key and plain key.
                arena.append(contentsOf: slice)
                arena.append(contentsOf: slice)
                keyLength = slice.count
            }
        }
        if capitals, token.kind == .word || token.kind == .acronym {
            // Lower-case non-ASCII letters also make a word not all-capitals.
            capitals = !hasLowercaseLetter(token.normalized)
        }
        let keyEnd: Int32
        if keyLength >= 0 {
            keyEnd = keyStart + Int32(keyLength)
        } else {
            keyEnd = Int32(arena.count)
            arena.append(contentsOf: plainScratch!)
        }
        let plainRange = keyEnd..<Int32(arena.count)
        tokenKeys.append(keyStart..<keyEnd)
        tokenPlainKeys.append(plainRange)

        if !abbreviations.isEmpty, token.kind == .word || token.kind == .acronym, keyEnd - keyStart <= 24 {
            // A word the cache knows to be no abbreviation (nor an acronym with parts) needs no lookup.
            let mayExpand = cached < 0 || keyCache!.mayExpand(cached) != false
            if mayExpand {
                if expand(keyStart..<keyEnd, token: index, capitals: capitals, isAcronym: token.kind == .acronym) {
                    return -1
                }
                if cached >= 0 { keyCache!.setMayExpand(cached, couldExpand(keyStart..<keyEnd)) }
            }
        }
        terms.append(
            Term(
                tokenIndex: Int32(index), key: keyStart..<keyEnd, plain: plainRange, isAccentless: accentless,
                isExpansion: false))
        return Int32(cached)
    }

    private func hasLowercaseLetter(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let length = UTF8Scalars.length(of: bytes[i])
            if let info = VietnameseLetters.info(UTF8Scalars.decode(bytes, at: i, length: length)), !info.isUpper {
                return true
            }
            i += length
        }
        return false
    }

    /// Whether `expand` could ever expand this key, whatever its case: it is
    /// in the table, or it has parts joined by & or -.
    private func couldExpand(_ key: Range<Int32>) -> Bool {
        arena.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[Int(key.lowerBound)..<Int(key.upperBound)])
            if slice.contains(where: { $0 == 0x26 || $0 == 0x2D }) || abbreviations.contains(slice) { return true }
            guard let numberStart = numberStart(key) else { return false }
            return abbreviations.contains(UnsafeBufferPointer(rebasing: buffer[Int(key.lowerBound)..<numberStart]))
        }
    }

    /// Where the number starts in a key such as "ql18" or "ql1a": at least two bytes of
    /// letters, then a digit, then only ASCII digits and letters; nil for any other key.
    private func numberStart(_ key: Range<Int32>) -> Int? {
        let start = Int(key.lowerBound)
        let end = Int(key.upperBound)
        var i = start
        while i < end, arena[i] < 0x30 || arena[i] > 0x39 {
            guard arena[i] >= 0x61 else { return nil }  // letters only (ASCII lower case or UTF-8 bytes)
            i += 1
        }
        guard i - start >= 2, i < end else { return nil }
        for b in arena[i..<end] where !(b >= 0x30 && b <= 0x39) && !(b >= 0x61 && b <= 0x7A) { return nil }
        return i
    }

    /// Expands an abbreviation (or each part of an acronym joined by & or -).
    private mutating func expand(_ key: Range<Int32>, token: Int, capitals: Bool, isAcronym: Bool) -> Bool {
        let whole: AbbreviationTable.Expansion?
        let candidate = arena.withUnsafeBufferPointer { buffer in
            abbreviations.expansion(
                for: UnsafeBufferPointer(rebasing: buffer[Int(key.lowerBound)..<Int(key.upperBound)]),
                writtenInCapitals: capitals)
        }
        if let candidate, candidate.requiresCapitals, !textUsesLowercase { whole = nil } else { whole = candidate }
        if let whole {
            append(whole, token: token)
            return true
        }
        if let numberStart = numberStart(key) {
            // A code written with its number (QL18, QL1A): the abbreviation, then the number, as if spaced.
            let prefix = arena.withUnsafeBufferPointer { buffer in
                abbreviations.expansion(
                    for: UnsafeBufferPointer(rebasing: buffer[Int(key.lowerBound)..<numberStart]),
                    writtenInCapitals: capitals)
            }
            if let prefix, !prefix.requiresCapitals || textUsesLowercase {
                let number = Array(arena[numberStart..<Int(key.upperBound)])
                append(prefix, token: token)
                append(
                    AbbreviationTable.Expansion(keys: [number], plains: [number], requiresCapitals: false), token: token
                )
                return true
            }
        }
        guard isAcronym else { return false }
        // Split on & and -: each part expanded or kept, & read as "và".
        let keyBytes = Array(arena[Int(key.lowerBound)..<Int(key.upperBound)])
        var parts: [[UInt8]] = [[]]
        var separators: [UInt8] = []
        for b in keyBytes {
            if b == 0x26 || b == 0x2D {
                parts.append([])
                separators.append(b)
            } else {
                parts[parts.count - 1].append(b)
            }
        }
        var expandedAny = false
        var pending: [(keys: [[UInt8]], plains: [[UInt8]])] = []
        for (offset, part) in parts.enumerated() {
            if let expansion = part.withUnsafeBufferPointer({
                abbreviations.expansion(for: $0, writtenInCapitals: true)
            }) {
                pending.append((expansion.keys, expansion.plains))
                expandedAny = true
            } else {
                pending.append(([part], [part]))
            }
            if offset < separators.count, separators[offset] == 0x26 {
                pending.append(([abbreviations.conjunctionKey], [Array("va".utf8)]))
            }
        }
        guard expandedAny else { return false }
        for item in pending {
            append(
                AbbreviationTable.Expansion(keys: item.keys, plains: item.plains, requiresCapitals: false), token: token
            )
        }
        return true
    }

    private mutating func append(_ expansion: AbbreviationTable.Expansion, token: Int) {
        for (key, plain) in zip(expansion.keys, expansion.plains) {
            let start = Int32(arena.count)
            arena.append(contentsOf: key)
            let middle = Int32(arena.count)
            arena.append(contentsOf: plain)
            terms.append(
                Term(
                    tokenIndex: Int32(token), key: start..<middle, plain: middle..<Int32(arena.count),
                    isAccentless: false, isExpansion: true))
        }
    }
}

/// Accented and plain keys of each distinct word (at most `limit` words of at
/// most ``longestWord`` bytes, so memory stays bounded whatever the pile), and
/// whether the word can be an abbreviation.
/// Serves one analyzer: the abbreviation flag depends on its table.
package struct WordKeyCache: Sendable {
    private struct Entry {
        var key: Range<Int32>
        var plain: Range<Int32>
        var accentless: Bool
        /// nil until the abbreviation table was asked once.
        var mayExpand: Bool?
        /// The word's vocabulary ids, once looked up (the cache serves one classifier).
        var ids: TermVocabulary.TermIds? = nil
        /// The learned model's row of the word as a unigram (-1: none), and whether
        /// it was found as the word its Telex keystrokes spell; nil until looked up.
        var unigram: (row: Int32, folded: Bool)? = nil
    }
    private var words = ByteKeyTable(capacity: 4096)
    private var entries: [Entry] = []
    /// The learned model's row of the bigram of two kept words (-1: none), by
    /// their entry numbers: a direct-mapped table of fixed size, so a repeated
    /// word pair costs one probe instead of hashing its bytes. Empty until used.
    private var pairKeys: [UInt64] = []
    private var pairRows: [Int32] = []
    private static let pairBits = 14
    private var stored: [UInt8] = []
    private var scratchKey: [UInt8] = []
    private var scratchPlain: [UInt8]? = []
    private let limit: Int

    /// Longer words (a run of letters in a hostile file, a long code) are keyed every time, never kept.
    static let longestWord = 64

    /// A cache of at most `limit` distinct words.
    package init(limit: Int = 1 << 16) { self.limit = limit }

    /// Appends the key, then the plain key, of `word` (as ``SyllableCanonicalizer``
    /// would) to `arena`; returns whether it is accentless, its entry number
    /// (-1 when not kept) and the key's length.
    mutating func appendKeys(
        of word: UnsafeBufferPointer<UInt8>, to arena: inout [UInt8], canonicalizer: inout SyllableCanonicalizer
    ) -> (accentless: Bool, entry: Int, keyLength: Int) {
        if let number = words.value(for: word) {
            let entry = entries[Int(number)]
            // Stored side by side, so both keys are one copy.
            stored.withUnsafeBufferPointer { buffer in
                arena.append(
                    contentsOf: UnsafeBufferPointer(
                        rebasing: buffer[Int(entry.key.lowerBound)..<Int(entry.plain.upperBound)]))
            }
            return (entry.accentless, Int(number), entry.key.count)
        }
        scratchKey.removeAll(keepingCapacity: true)
        scratchPlain!.removeAll(keepingCapacity: true)
        let accentless = canonicalizer.canonicalize(word, keepCase: false, key: &scratchKey, plain: &scratchPlain)
            .isAccentless
        arena.append(contentsOf: scratchKey)
        arena.append(contentsOf: scratchPlain!)
        guard words.count < limit, word.count <= Self.longestWord else { return (accentless, -1, scratchKey.count) }
        let keyStart = Int32(stored.count)
        stored.append(contentsOf: scratchKey)
        let plainStart = Int32(stored.count)
        stored.append(contentsOf: scratchPlain!)
        let number = entries.count
        words.insert(Array(word), value: Int32(number))
        entries.append(
            Entry(key: keyStart..<plainStart, plain: plainStart..<Int32(stored.count), accentless: accentless))
        return (accentless, number, scratchKey.count)
    }

    /// Bytes of keys held (for the memory bound's test).
    var keptBytes: Int { stored.count }

    func mayExpand(_ entry: Int) -> Bool? { entries[entry].mayExpand }
    func ids(_ entry: Int) -> TermVocabulary.TermIds? { entries[entry].ids }
    mutating func setIds(_ entry: Int, _ ids: TermVocabulary.TermIds) { entries[entry].ids = ids }
    func unigram(_ entry: Int) -> (row: Int32, folded: Bool)? { entries[entry].unigram }
    mutating func setUnigram(_ entry: Int, _ unigram: (row: Int32, folded: Bool)) { entries[entry].unigram = unigram }
    mutating func setMayExpand(_ entry: Int, _ value: Bool) { entries[entry].mayExpand = value }

    @inline(__always)
    private static func pairSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - pairBits))
    }

    /// The bigram row stored for entries `first`, `second` (-1: no such bigram), or nil when not stored.
    func bigramRow(_ first: Int, _ second: Int) -> Int32? {
        guard !pairKeys.isEmpty else { return nil }
        let key = UInt64(truncatingIfNeeded: first) << 32 | UInt64(truncatingIfNeeded: second)
        let slot = Self.pairSlot(key)
        return pairKeys[slot] == key ? pairRows[slot] : nil
    }

    mutating func setBigramRow(_ first: Int, _ second: Int, _ row: Int32) {
        if pairKeys.isEmpty {
            pairKeys = [UInt64](repeating: .max, count: 1 << Self.pairBits)
            pairRows = [Int32](repeating: -1, count: 1 << Self.pairBits)
        }
        let key = UInt64(truncatingIfNeeded: first) << 32 | UInt64(truncatingIfNeeded: second)
        let slot = Self.pairSlot(key)
        pairKeys[slot] = key
        pairRows[slot] = row
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
