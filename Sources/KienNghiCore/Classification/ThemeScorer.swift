/// Turns theme phrase matches into ranked themes with evidence, applying
/// negation cues, stop phrases, person-name masking and the ``ScoringPolicy``.
struct ThemeScorer: Sendable {
    let compiled: CompiledLexicon
    let policy: ScoringPolicy

    /// Themes accepted and below threshold, confidence, and the term positions
    /// right after a negation cue (for other stages that honour negation).
    struct Outcome {
        var accepted: [ThemeScore]
        var candidates: [ThemeScore]
        var confidence: Double
        var negatedStarts: Set<Int>
        /// Terms that are not vocabulary: inside negated phrases and person names.
        var maskedTerms: [Range<Int>] = []
        /// Themes ruled out by an `exclude` phrase.
        var excluded: Set<String> = []
        /// Theme scores without the plain-match discount: what the learned
        /// weights read, so text typed without diacritics scores like accented text.
        var undiscounted = ThemeValues()
    }

    /// A value per theme id for the few themes one petition has: a short list
    /// searched in place costs less than hashing ids into a dictionary.
    struct ThemeValues {
        private var items: [(id: String, value: Double)] = []

        subscript(id: String) -> Double? {
            get { items.first { $0.id == id }?.value }
            set {
                if let at = items.firstIndex(where: { $0.id == id }) {
                    if let newValue { items[at].value = newValue } else { items.remove(at: at) }
                } else if let newValue {
                    items.append((id, newValue))
                }
            }
        }
    }

    func score(_ text: PetitionText) -> Outcome {
        let names = personNames(text)
        let matches = compiled.themeMatcher.matches(text.ids)
        // Per theme number (``CompiledLexicon/phraseThemes``): one small array, no hashing of theme ids.
        var byTheme = [ThemeTally](repeating: ThemeTally(), count: compiled.phraseThemeNames.count)
        // Phrases seen so far with their count: a petition matches few, so a list beats a dictionary.
        var occurrences: [(phrase: Int, count: Int)] = []
        occurrences.reserveCapacity(matches.count)
        var negationEnd = -1
        var negatedStarts: Set<Int> = []
        var masked = names
        var sentenceStarts: Set<Int>? = nil
        for match in matches {
            let index: Int
            switch compiled.themeEntries[match.entry] {
            case .negation:
                negationEnd = match.terms.upperBound
                negatedStarts.insert(negationEnd)
                continue
            case .stop:
                continue
            case .phrase(let phraseIndex):
                index = phraseIndex
            }
            if names.contains(where: { $0.overlaps(match.terms) }) { continue }
            // A one-syllable phrase on a capitalised word inside a sentence is part of a name ("Cầu Giấy").
            if match.terms.count == 1, isCapitalised(text, term: match.terms.lowerBound) {
                if sentenceStarts == nil { sentenceStarts = Set(text.analyzed.sentences.map(\.tokens.lowerBound)) }
                let token = Int(text.analyzed.terms[match.terms.lowerBound].tokenIndex)
                if !sentenceStarts!.contains(token) && !text.analyzed.tokens[token].startsLine { continue }
            }
            // Read in place: a copy of the phrase retained and released its four strings per match.
            let phrases = compiled.lexicon.phrases
            let negated = match.terms.lowerBound == negationEnd
            if negated { masked.append(match.terms) }
            // Mutated in place: copying the entry out and back would copy its evidence array on every append.
            let theme = compiled.phraseThemes[index]
            byTheme[theme].present = true
            if byTheme[theme].evidence.capacity == 0 { byTheme[theme].evidence.reserveCapacity(4) }
            switch phrases[index].effect {
            case .exclude:
                if !negated { byTheme[theme].excluded = true }
                byTheme[theme].evidence.append(
                    text.evidence(
                        match, phrase: phrases[index].text, weight: 0, negated: negated, source: phrases[index].source))
            case .weight(let weight):
                var contribution = weight * (match.kind == .plain ? policy.plainMatchFactor : 1)
                if !negated {
                    var seen = 0
                    if let at = occurrences.firstIndex(where: { $0.phrase == index }) {
                        seen = occurrences[at].count
                        occurrences[at].count += 1
                    } else {
                        occurrences.append((index, 1))
                    }
                    if seen > policy.maximumRepeats {
                        contribution = 0
                    } else if seen > 0 {
                        contribution *= policy.repeatFactor
                    }
                    byTheme[theme].score += contribution
                    byTheme[theme].undiscounted =
                        (byTheme[theme].undiscounted ?? 0)
                        + (match.kind == .plain ? contribution / policy.plainMatchFactor : contribution)
                }
                byTheme[theme].evidence.append(
                    text.evidence(
                        match, phrase: phrases[index].text, weight: contribution, negated: negated,
                        source: phrases[index].source))
            }
        }
        var ranked: [ThemeScore] = []
        var excluded: Set<String> = []
        var undiscounted = ThemeValues()
        ranked.reserveCapacity(byTheme.count)
        for (number, tally) in byTheme.enumerated() where tally.present {
            let id = compiled.phraseThemeNames[number]
            ranked.append(
                ThemeScore(
                    id: id, score: tally.excluded ? 0 : max(0, (tally.score * 100).rounded() / 100),
                    evidence: tally.evidence))
            if tally.excluded {
                excluded.insert(id)
                undiscounted[id] = 0
            } else if let value = tally.undiscounted {
                undiscounted[id] = value
            }
        }
        // Theme ids are unique, so this order does not depend on the order of the tallies.
        ranked.sort { ($0.score, $1.id) > ($1.score, $0.id) }
        let top = ranked.first?.score ?? 0
        let accepted = ranked.filter { $0.score >= policy.threshold && $0.score >= policy.margin * top }
        let candidates = ranked.filter { theme in theme.score > 0 && !accepted.contains { $0.id == theme.id } }
        guard !accepted.isEmpty else {
            return Outcome(
                accepted: [], candidates: candidates, confidence: 0, negatedStarts: negatedStarts, maskedTerms: masked,
                excluded: excluded,
                undiscounted: undiscounted)
        }
        let second = ranked.count > 1 ? ranked[1].score : 0
        let confidence = top / (top + second + policy.confidenceDamping)
        return Outcome(
            accepted: accepted, candidates: candidates, confidence: (confidence * 100).rounded() / 100,
            negatedStarts: negatedStarts,
            maskedTerms: masked, excluded: excluded, undiscounted: undiscounted)
    }

    /// What the matches of one theme add up to.
    private struct ThemeTally {
        var present = false
        var score = 0.0
        var excluded = false
        var evidence: [Evidence] = []
        /// The score without the plain-match discount; nil until a weighted phrase counted.
        var undiscounted: Double? = nil
    }

    /// Term ranges of person names: capitalised words right after ông, bà, anh, chị... (at most four).
    func personNames(_ text: PetitionText) -> [Range<Int>] {
        var names: [Range<Int>] = []
        var index = 0
        let terms = text.analyzed.terms
        while index < terms.count {
            defer { index += 1 }
            let id = Int(text.ids[index].accented)
            guard id < compiled.isHonorific.count, compiled.isHonorific[id] else { continue }
            var end = index + 1
            while end < terms.count, end - index <= 4, !terms[end].isExpansion,
                text.analyzed.tokens[Int(terms[end].tokenIndex)].kind == .word, isCapitalised(text, term: end)
            {
                end += 1
            }
            if end > index + 1 {
                names.append((index + 1)..<end)
                index = end - 1
            }
        }
        return names
    }

    /// Whether a term's token is written like a name: a capital letter, then
    /// lower case ("Cầu", not "CẦU": text in capitals is not full of names).
    func isCapitalised(_ text: PetitionText, term: Int) -> Bool {
        let token = text.analyzed.tokens[Int(text.analyzed.terms[term].tokenIndex)]
        var source = text.analyzed.source
        // On the UTF-8 bytes: letters are looked up in the Vietnamese letter table
        // before Unicode's case properties (a search per call).
        return source.withUTF8 { bytes in
            var index = token.span.start
            let end = token.span.end
            guard index < end else { return false }
            let firstLength = UTF8Scalars.length(of: bytes[index])
            guard Self.isUppercase(UTF8Scalars.decode(bytes, at: index, length: firstLength)) else { return false }
            index += firstLength
            guard index < end else { return true }
            let secondLength = UTF8Scalars.length(of: bytes[index])
            return Self.isLowercase(UTF8Scalars.decode(bytes, at: index, length: secondLength))
        }
    }

    /// `Unicode.Scalar.Properties.isUppercase`, answered from the letter table when it can.
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if let letter = VietnameseLetters.info(value) { return letter.isUpper }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// `Unicode.Scalar.Properties.isLowercase`, answered from the letter table when it can.
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if let letter = VietnameseLetters.info(value) { return !letter.isUpper }
        return Unicode.Scalar(value)?.properties.isLowercase ?? false
    }
}
