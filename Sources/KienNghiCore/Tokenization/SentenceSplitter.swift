/// Splits a token stream into sentences: after . ! ? … (unless the dot follows
/// a short abbreviation such as TP. or Q., or the next token starts in lower
/// case), at line breaks, and at the end of the text.
enum SentenceSplitter {
    private static let abbreviationsBeforeDot: Set<String> = [
        "tp", "q", "h", "p", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "đ", "st", "tr", "sđt", "đt", "số",
        "no",
    ]

    static func split(_ tokens: [Token], normalized bytes: [UInt8]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(
                Sentence(
                    tokens: start..<end,
                    span: SourceSpan(start: tokens[start].span.start, end: tokens[end - 1].span.end)))
            start = end
        }
        for index in tokens.indices {
            if tokens[index].startsLine { close(index) }
            guard tokens[index].kind == .punctuation else { continue }
            let range = tokens[index].normalized
            let first = bytes[range.lowerBound]
            let isTerminal =
                first == 0x2E || first == 0x21 || first == 0x3F
                || (range.count == 3 && first == 0xE2 && bytes[range.lowerBound + 1] == 0x80
                    && bytes[range.lowerBound + 2] == 0xA6)
            guard isTerminal else { continue }
            if first == 0x2E, range.count == 1, index > 0 {
                let previous = tokens[index - 1]
                // The abbreviations are at most four bytes long: longer words need no String.
                if previous.normalized.upperBound == range.lowerBound, previous.normalized.count <= 4,
                    abbreviationsBeforeDot.contains(
                        String(decoding: bytes[previous.normalized], as: UTF8.self).lowercased())
                {
                    continue
                }
                if index + 1 < tokens.count, !tokens[index + 1].startsLine {
                    let next = bytes[tokens[index + 1].normalized.lowerBound]
                    if next >= 0x61 && next <= 0x7A { continue }
                }
            }
            close(index + 1)
        }
        close(tokens.count)
        return sentences
    }
}
