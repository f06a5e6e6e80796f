import KienNghiCore

/// Normaliser + tokenizer on any text: the filters' one-pass quick check agrees with
/// theirs; every token span lies inside the source,
/// on scalar boundaries, in order; and where the filters are local (look-alike
/// repair off: it decides from the whole text, so a lone word may repair
/// differently) the source slice, filtered alone, is exactly the token.
enum AnalysisTarget {
    /// The analyser the classifier uses: bundled abbreviations, so expansion runs too.
    static let analyzer: Analyzer = {
        let lexicon = try? LexiconLoader().load().lexicon
        return Analyzer(abbreviations: lexicon?.abbreviations ?? AbbreviationTable())
    }()

    /// Only local filters (NFC, invisibles): the span contract holds token by token.
    static let localAnalyzer = Analyzer(legacyLookalikes: .off)

    static let target = FuzzTarget(
        name: "analyze", summary: "normaliser + tokenizer; spans map back into the source bytes"
    ) { bytes in
        let source = String(decoding: bytes, as: UTF8.self)
        let utf8 = Array(source.utf8)
        // The one-pass check of the standard chain says "unchanged" exactly when each filter does.
        let filters: [any CharacterFilter] = [
            CanonicalCompositionFilter(), LegacyLookalikeFilter(), InvisibleCharacterFilter(),
        ]
        utf8.withUnsafeBufferPointer { buffer in
            let each = filters.allSatisfy { $0.leavesUnchanged(buffer) }
            require(
                StandardChainCheck.leavesUnchanged(buffer) == each,
                "the standard chain's one-pass check disagrees with the filters' own (\(each))")
        }
        check(analyzer, source, utf8, sliceNormalizesToToken: false)
        check(localAnalyzer, source, utf8, sliceNormalizesToToken: true)
        _ = analyzer.normalize(source)
    }

    static func check(_ analyzer: Analyzer, _ source: String, _ utf8: [UInt8], sliceNormalizesToToken: Bool) {
        let analyzed = analyzer.analyze(source)
        func isBoundary(_ offset: Int) -> Bool { offset == utf8.count || utf8[offset] & 0xC0 != 0x80 }
        var previousEnd = 0
        for index in analyzed.tokens.indices {
            let token = analyzed.tokens[index]
            let span = token.span
            require(
                span.start >= previousEnd && span.start < span.end && span.end <= utf8.count,
                "token \(index) span \(span) after \(previousEnd), source has \(utf8.count) bytes")
            require(isBoundary(span.start) && isBoundary(span.end), "token \(index) span \(span) cuts a UTF-8 sequence")
            require(
                token.normalized.lowerBound >= 0 && token.normalized.upperBound <= analyzed.normalized.count
                    && !token.normalized.isEmpty,
                "token \(index) normalized range \(token.normalized) outside \(analyzed.normalized.count) bytes")
            previousEnd = span.end
            // The contract: the source slice, filtered alone, is the token's normalised text.
            let surface = analyzed.surface(index)
            require(
                Array(surface.utf8) == Array(utf8[span.start..<span.end]),
                "token \(index) surface is not the source slice")
            if sliceNormalizesToToken {
                require(
                    analyzer.filter(surface).bytes == Array(analyzed.normalized[token.normalized]),
                    "token \(index) source slice \(surface.debugDescription) does not normalise to its token")
            }
            _ = analyzed.key(index)
            _ = analyzed.expansion(index)
        }
        for term in analyzed.terms {
            require(
                Int(term.tokenIndex) < analyzed.tokens.count,
                "term points at token \(term.tokenIndex) of \(analyzed.tokens.count)")
            require(
                term.key.lowerBound >= 0 && Int(term.key.upperBound) <= analyzed.keyArena.count,
                "term key outside the arena")
        }
        for sentence in analyzed.sentences {
            require(
                sentence.span.start <= sentence.span.end && sentence.span.end <= utf8.count,
                "sentence span \(sentence.span) outside the source")
            require(
                sentence.tokens.upperBound <= analyzed.tokens.count,
                "sentence tokens \(sentence.tokens) outside \(analyzed.tokens.count)")
        }
    }
}
