/// A span of the source text, in UTF-8 byte offsets (see ``DecodedText/text``).
package struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    package var start: Int
    package var end: Int

    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    package var length: Int { end - start }
    package var description: String { "\(start)..<\(end)" }
}

/// What a token is.
package enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// A syllable or other run of letters (and digits after a letter).
    case word
    case number
    /// 11/5/2019, 05/6/ 2019, 5/2019.
    case date
    /// 644/TB-UBND, 2200-QĐ/TU, 30/2020/NĐ-CP.
    case documentNumber
    /// Capitals joined by & or -: KCN&CX, TT&TT, QH-KT, LĐ-TB&XH.
    case acronym
    case punctuation
    case url
    case email
    case phone
    /// Any other character (emoji, currency, bullets).
    case symbol
}

/// One token as the tokenizer cut it, before token filters. Offsets are UTF-8
/// byte offsets: `span` into the source text, `normalized` into the text after
/// character filters (where `key` was computed).
package struct Token: Sendable, Equatable {
    package var kind: TokenKind
    package var span: SourceSpan
    /// Byte range in the normalised text.
    package var normalized: Range<Int>
    /// True when a line break comes before this token.
    package var startsLine: Bool
}
