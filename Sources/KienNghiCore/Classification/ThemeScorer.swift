/// Turns theme phrase matches into ranked themes with evidence, applying
/// negation cues and the ``ScoringPolicy``.
struct ThemeScorer: Sendable {
    let compiled: CompiledLexicon
    let policy: ScoringPolicy
    let language: Language

    /// Themes accepted and below threshold, confidence, and the term positions
    /// right after a negation cue (for other stages that honour negation).
    struct Outcome {
        var accepted: [ThemeScore]
        var candidates: [ThemeScore]
        var confidence: Double
        var negatedStarts: Set<Int>
    }

    func score(_ text: PetitionText) -> Outcome {
        let matches = compiled.themeMatcher.matches(text.ids)
        var byTheme: [String: (score: Double, excluded: Bool, evidence: [Evidence])] = [:]
        var occurrences: [Int: Int] = [:]
        var negationEnd = -1
        var negatedStarts: Set<Int> = []
        for match in matches {
            guard case .phrase(let index) = compiled.themeEntries[match.entry] else {
                negationEnd = match.terms.upperBound
                negatedStarts.insert(negationEnd)
                continue
            }
            let phrase = compiled.lexicon.phrases[index]
            let negated = match.terms.lowerBound == negationEnd
            // Mutated in place through the default subscript: copying the entry out
            // and back would copy its evidence array on every append.
            switch phrase.effect {
            case .exclude:
                if !negated { byTheme[phrase.theme, default: (0, false, [])].excluded = true }
                byTheme[phrase.theme, default: (0, false, [])].evidence.append(
                    text.evidence(match, phrase: phrase.text, weight: 0, negated: negated, source: phrase.source))
            case .weight(let weight):
                var contribution = weight * (match.kind == .plain ? policy.plainMatchFactor : 1)
                if !negated {
                    let seen = occurrences[index, default: 0]
                    occurrences[index] = seen + 1
                    if seen > policy.maximumRepeats { contribution = 0 } else if seen > 0 { contribution *= policy.repeatFactor }
                    byTheme[phrase.theme, default: (0, false, [])].score += contribution
                }
                byTheme[phrase.theme, default: (0, false, [])].evidence.append(
                    text.evidence(match, phrase: phrase.text, weight: contribution, negated: negated, source: phrase.source))
            }
        }
        let ranked = byTheme
            .map { id, value in
                ThemeScore(id: id, label: compiled.lexicon.theme(id)?.label(language) ?? id,
                           score: value.excluded ? 0 : max(0, (value.score * 100).rounded() / 100), evidence: value.evidence)
            }
            .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        let top = ranked.first?.score ?? 0
        let accepted = ranked.filter { $0.score >= policy.threshold && $0.score >= policy.margin * top }
        let candidates = ranked.filter { theme in theme.score > 0 && !accepted.contains { $0.id == theme.id } }
        guard !accepted.isEmpty else { return Outcome(accepted: [], candidates: candidates, confidence: 0, negatedStarts: negatedStarts) }
        let second = ranked.count > 1 ? ranked[1].score : 0
        let confidence = top / (top + second + policy.confidenceDamping)
        return Outcome(accepted: accepted, candidates: candidates, confidence: (confidence * 100).rounded() / 100, negatedStarts: negatedStarts)
    }
}
