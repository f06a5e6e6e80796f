/// Decides whether a petition is a local matter or a city-wide/policy one from
/// the cues of `routing/scope.tsv`, longest cue first, with spans as evidence.
/// A cue marked `name` counts only when a word or number follows it ("phường Yên
/// Hòa", "tổ 5"), not at a clause end ("… ở xã."); longer phrases of weight 0
/// mask common non-places ("đường dây nóng", "tổ chức"). Case never decides
/// (text in capitals routes the same); capitalised names and numbers after a
/// cue are added to its evidence span.
struct ScopeDetector: Sendable {
    let compiled: CompiledLexicon

    /// At most this many name or number tokens are added to a cue's evidence.
    static let longestName = 4
    /// Each cue is shown at most this many times with a name and as many without (every one
    /// counts): a long petition naming "xã" thousands of times wrote megabytes of evidence.
    /// The routing reason's strongest cues and an unlisted place's name are always among them.
    static let timesShown = 3

    func detect(_ text: PetitionText) -> ScopeAssessment {
        let cues = compiled.lexicon.routing.scopeCues
        guard !cues.isEmpty else { return .undecided }
        var local = 0.0
        var citywide = 0.0
        var evidence: [ScopeEvidence] = []
        // How often each cue was shown, with a name and without.
        var shown: [(entry: Int, named: Bool, times: Int)] = []
        let analyzed = text.analyzed
        // Typed without diacritics, "xa Tân Lập" and "to 5" are a commune and a residential group.
        let bare = analyzed.isWrittenWithoutDiacritics
        for match in compiled.scopeMatcher.matches(text.ids, bareSingles: bare) {
            let cue = cues[compiled.scopeEntries[match.entry]]
            guard cue.weight != 0 else { continue }
            // A one-syllable cue read from a bare word needs a name or number after it, whatever its context.
            let bareSingle = match.kind == .plain && compiled.scopeMatcher.needsDiacritics(match.entry)
            var span = text.span(match.terms)
            // The name or number that follows is part of the evidence ("ngõ 47", "phường Nghĩa Đô").
            var named = 0
            var term = match.terms.upperBound
            while named < Self.longestName, term < analyzed.terms.count {
                let next = analyzed.tokens[Int(analyzed.terms[term].tokenIndex)]
                guard next.span.start >= span.end, next.span.start - span.end <= 2,
                    Self.isNameOrNumber(next, in: analyzed)
                else { break }
                span.end = next.span.end
                named += 1
                term += 1
                while term < analyzed.terms.count,
                    analyzed.terms[term].tokenIndex == analyzed.terms[term - 1].tokenIndex
                { term += 1 }
            }
            if bareSingle && named == 0 { continue }
            switch cue.context {
            case .any: break
            case .name:
                if named == 0 && !Self.followedByWord(match.terms.upperBound, after: span.end, in: analyzed) {
                    continue
                }
            case .number:
                if !Self.followedByNumber(match.terms.upperBound, after: text.span(match.terms).end, in: analyzed) {
                    continue
                }
            }
            switch cue.scope {
            case .local: local += cue.weight
            case .citywide: citywide += cue.weight
            }
            // "Named" as the routing reason ranks cues: written longer than the cue.
            let surface = analyzed.surface(of: span)
            let entry = compiled.scopeEntries[match.entry]
            let longer = surface.utf8.count > cue.phrase.utf8.count
            if let index = shown.firstIndex(where: { $0.entry == entry && $0.named == longer }) {
                guard shown[index].times < Self.timesShown else { continue }
                shown[index].times += 1
            } else {
                shown.append((entry, longer, 1))
            }
            evidence.append(
                ScopeEvidence(
                    scope: cue.scope, phrase: cue.phrase, surface: surface, start: span.start,
                    end: span.end,
                    weight: cue.weight, match: match.kind, source: cue.source.description))
        }
        return ScopeAssessment(
            scope: ScopeAssessment.decide(local: local, citywide: citywide),
            localWeight: local, citywideWeight: citywide, evidence: evidence)
    }

    /// Whether a word or number follows directly (not a clause end). Case is not
    /// used, so the decision is the same for text typed in capitals or without them.
    private static func followedByWord(_ term: Int, after end: Int, in analyzed: AnalyzedText) -> Bool {
        guard term < analyzed.terms.count else { return false }
        let next = analyzed.tokens[Int(analyzed.terms[term].tokenIndex)]
        guard next.span.start >= end, next.span.start - end <= 2 else { return false }
        return [.word, .number, .date, .documentNumber, .acronym].contains(next.kind)
    }

    /// Whether a number (or a code such as "5A", "2/9") follows directly.
    private static func followedByNumber(_ term: Int, after end: Int, in analyzed: AnalyzedText) -> Bool {
        guard term < analyzed.terms.count else { return false }
        let next = analyzed.tokens[Int(analyzed.terms[term].tokenIndex)]
        guard next.span.start >= end, next.span.start - end <= 2 else { return false }
        switch next.kind {
        case .number, .date, .documentNumber: return true
        case .word: return analyzed.surface(of: next.span).utf8.first.map { (0x30...0x39).contains($0) } ?? false
        default: return false
        }
    }

    /// A number, a date-like or code-like token ("2/9", "ĐT186"), or a word that starts with a capital letter.
    private static func isNameOrNumber(_ token: Token, in analyzed: AnalyzedText) -> Bool {
        switch token.kind {
        case .number, .date, .documentNumber, .acronym: return true
        case .word:
            guard let first = analyzed.surface(of: token.span).unicodeScalars.first else { return false }
            return VietnameseLetters.info(first.value)?.isUpper
                ?? (first.properties.isUppercase || ("0"..."9").contains(first))
        default: return false
        }
    }
}
