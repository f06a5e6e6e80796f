/// What the learner sees of one petition: its n-grams (diacritic-free keys,
/// names and negated phrases left out) and the hand lexicons' theme scores.
package struct LearningInput: Sendable {
    package var ngrams: [String]
    /// Every n-gram position, known or not (see ``LearnedThemeModel/ngramValue(_:)``).
    package var ngramPositions: Int
    package var lexiconScores: [String: Double]
    /// Accented surface forms of two-syllable n-grams, keyed by their plain key (for proposed phrases).
    package var accentedForms: [String: String]
}

extension Classifier {
    /// The learner's view of a petition, from the hand lexicons only.
    package func learningInput(_ text: String) -> LearningInput {
        let analyzed = compiled.analyzer.analyze(text)
        let petition = PetitionText(analyzed: analyzed, ids: compiled.vocabulary.ids(analyzed))
        let hand = ThemeScorer(compiled: compiled, policy: policy).score(petition)
        let masked = hand.maskedTerms
        let (ngrams, count) = LearnedThemeModel.features(
            petition, masked: { term in masked.contains { $0.contains(term) } })
        var scores: [String: Double] = [:]
        var phrases: [String] = []
        for theme in hand.accepted + hand.candidates {
            if theme.score > 0 { scores[theme.id] = hand.undiscounted[theme.id] ?? theme.score }
            for evidence in theme.evidence where !evidence.negated && evidence.weight != 0 {
                let feature = LearnedWeights.phrasePrefix + evidence.phrase
                if !phrases.contains(feature) { phrases.append(feature) }
            }
        }
        var forms: [String: String] = [:]
        let terms = analyzed.terms
        for index in terms.indices.dropFirst() {
            let a = terms[index - 1]
            let b = terms[index]
            guard analyzed.tokens[Int(a.tokenIndex)].kind == .word, analyzed.tokens[Int(b.tokenIndex)].kind == .word
            else { continue }
            forms[analyzed.string(a.plain) + " " + analyzed.string(b.plain)] =
                analyzed.string(a.key) + " " + analyzed.string(b.key)
        }
        return LearningInput(
            ngrams: ngrams + phrases, ngramPositions: count, lexiconScores: scores, accentedForms: forms)
    }

    /// This classifier with other learned weights (nil: hand lexicons only).
    package func withLearned(_ learned: LearnedWeights?) -> Classifier {
        var lexicon = self.lexicon
        lexicon.learned = learned
        return Classifier(lexicon: lexicon, policy: policy)
    }
}
