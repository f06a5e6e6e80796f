/// A matching unit produced by the token filters: the keys of one token, or one
/// syllable of an abbreviation's expansion (which keeps the abbreviation's token).
package struct Term: Sendable, Equatable {
    /// Index of the token in ``AnalyzedText/tokens`` this term comes from.
    package var tokenIndex: Int32
    /// Byte range of the accented key (NFC, lower case, canonical tone) in ``AnalyzedText/keyArena``.
    package var key: Range<Int32>
    /// Byte range of the diacritic-free key (đ → d) in ``AnalyzedText/keyArena``.
    package var plain: Range<Int32>
    /// The token was written without any diacritic, so only its plain key is meaningful.
    package var isAccentless: Bool
    /// The term comes from expanding an abbreviation.
    package var isExpansion: Bool
}

/// A sentence: a run of tokens and its source span.
package struct Sentence: Sendable, Equatable, Codable {
    package var tokens: Range<Int>
    package var span: SourceSpan
}

/// Everything the analysis chain learned about one text. Spans are UTF-8 byte
/// offsets into ``source``; keys live in one byte arena to avoid a String per token.
package struct AnalyzedText: Sendable {
    /// The source text (the decoded input).
    package let source: String
    /// The text after character filters (NFC, invisibles removed, look-alikes repaired).
    package let normalized: [UInt8]
    package let tokens: [Token]
    /// Per token: byte range of its own key and plain key in ``keyArena``.
    package let tokenKeys: [Range<Int32>]
    package let tokenPlainKeys: [Range<Int32>]
    /// Terms in text order, abbreviation expansions in place of their abbreviation.
    package let terms: [Term]
    /// Per token: the range of its terms in ``terms``.
    package let tokenTerms: [Range<Int32>]
    package let sentences: [Sentence]
    package let keyArena: [UInt8]
    /// Per term: its word's entry in the ``WordKeyCache`` used for the analysis
    /// (-1 when none), so the term's vocabulary ids can be kept with the word.
    /// Empty when no cache was used.
    let termWords: [Int32]

    /// The token as written in the source.
    package func surface(_ index: Int) -> String { surface(of: tokens[index].span) }

    package func surface(of span: SourceSpan) -> String {
        // Through the contiguous bytes: a substring's UTF-8 view took the generic, repairing path.
        var source = source
        return source.withUTF8 { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        }
    }

    package func key(_ index: Int) -> String { string(tokenKeys[index]) }
    package func plainKey(_ index: Int) -> String { string(tokenPlainKeys[index]) }
    package func string(_ range: Range<Int32>) -> String {
        String(decoding: keyArena[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
    }

    /// Whether the text was typed without diacritics: at least ``fewestWordsToJudge`` words and at
    /// most one in ten of them with a diacritic (Vietnamese written with them marks most syllables).
    /// Only then may a one-syllable cue written with diacritics stand for its bare form.
    package var isWrittenWithoutDiacritics: Bool {
        var words = 0
        var accented = 0
        for term in terms where !term.isExpansion && tokens[Int(term.tokenIndex)].kind == .word {
            words += 1
            if !term.isAccentless { accented += 1 }
        }
        return words >= Self.fewestWordsToJudge && accented * 10 <= words
    }

    /// Fewer words than this say too little about how a text was typed.
    static let fewestWordsToJudge = 6

    /// Accented keys of all terms, in order (abbreviations expanded).
    package var termKeys: [String] { terms.map { string($0.key) } }

    /// Abbreviation expansion of a token, if any (e.g. "bảo hiểm xã hội" for BHXH).
    package func expansion(_ index: Int) -> String? {
        let range = tokenTerms[index]
        let parts = terms[Int(range.lowerBound)..<Int(range.upperBound)].filter(\.isExpansion)
        return parts.isEmpty ? nil : parts.map { string($0.key) }.joined(separator: " ")
    }
}
