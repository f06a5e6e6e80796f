/// A span of the source text, in UTF-8 byte offsets (see ``DecodedText/text``).
public struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}

/// What a token is.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
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
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var span: SourceSpan
    /// Byte range in the normalised text.
    public var normalized: Range<Int>
    /// True when a line break comes before this token.
    public var startsLine: Bool
}
