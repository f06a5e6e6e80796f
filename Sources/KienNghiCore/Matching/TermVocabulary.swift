/// Ids for every term key the lexicons use, so text terms are hashed once and
/// all matchers compare small integers. Id 0 means "not in any lexicon".
struct TermVocabulary: Sendable {
    private var accented = ByteKeyTable(capacity: 4096)
    private var plain = ByteKeyTable(capacity: 4096)

    /// Ids of one text term.
    struct TermIds: Sendable {
        var accented: UInt32
        var plain: UInt32
        var isAccentless: Bool
    }

    mutating func add(accentedKey: [UInt8], plainKey: [UInt8]) -> (UInt32, UInt32) {
        let a = accented.insert(accentedKey, value: Int32(accented.count + 1))
        let p = plain.insert(plainKey, value: Int32(plain.count + 1))
        return (UInt32(a), UInt32(p))
    }

    /// Looks up every term of an analysed text.
    func ids(_ analyzed: AnalyzedText) -> [TermIds] {
        var none: WordKeyCache? = nil
        return ids(analyzed, cache: &none)
    }

    /// Looks up every term of a text analysed with `cache`: a word's ids are
    /// looked up once and then kept in its cache entry (a term's ids depend only
    /// on its keys, which depend only on the word). Use a cache with one vocabulary only.
    func ids(_ analyzed: AnalyzedText, cache: inout WordKeyCache?) -> [TermIds] {
        let words = analyzed.termWords
        let useCache = cache != nil && words.count == analyzed.terms.count
        var result: [TermIds] = []
        result.reserveCapacity(analyzed.terms.count)
        analyzed.keyArena.withUnsafeBufferPointer { arena in
            for (index, term) in analyzed.terms.enumerated() {
                let entry = useCache ? Int(words[index]) : -1
                if entry >= 0, let known = cache!.ids(entry) {
                    result.append(known)
                    continue
                }
                let ids = lookUp(term, arena)
                if entry >= 0 { cache!.setIds(entry, ids) }
                result.append(ids)
            }
        }
        return result
    }

    private func lookUp(_ term: Term, _ arena: UnsafeBufferPointer<UInt8>) -> TermIds {
        let key = UnsafeBufferPointer(rebasing: arena[Int(term.key.lowerBound)..<Int(term.key.upperBound)])
        let plainKey = UnsafeBufferPointer(rebasing: arena[Int(term.plain.lowerBound)..<Int(term.plain.upperBound)])
        var plainId = plain.value(for: plainKey) ?? 0
        if plainId == 0, term.isAccentless {
            // Telex keystrokes left in the text ("dduowngf"): try the word they spell.
            var folded: [UInt8] = []
            if TelexFolding.fold(plainKey, into: &folded) { plainId = plain.value(for: folded) ?? 0 }
        }
        return TermIds(
            accented: UInt32(accented.value(for: key) ?? 0),
            plain: UInt32(plainId),
            isAccentless: term.isAccentless)
    }
}
