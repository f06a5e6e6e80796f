/// What the learner sees of one petition: its n-grams (diacritic-free keys,
/// names and negated phrases left out) and the hand lexicons' theme scores.
public struct LearningInput: Sendable {
    public var ngrams: [String]
    /// Every n-gram position, known or not (see ``LearnedThemeModel/ngramValue(_:)``).
    public var ngramPositions: Int
    public var lexiconScores: [String: Double]
    /// Accented surface forms of two-syllable n-grams, keyed by their plain key (for proposed phrases).
    public var accentedForms: [String: String]
}

extension Classifier {
    /// The learner's view of a petition, from the hand lexicons only.
    public func learningInput(_ text: String) -> LearningInput {
        let analyzed = compiled.analyzer.analyze(text)
        let petition = PetitionText(analyzed: analyzed, ids: compiled.vocabulary.ids(analyzed))
        let hand = ThemeScorer(compiled: compiled, policy: policy, language: language).score(petition)
        let masked = hand.maskedTerms
        let (ngrams, count) = LearnedThemeModel.features(petition, masked: { term in masked.contains { $0.contains(term) } })
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
            let a = terms[index - 1], b = terms[index]
            guard analyzed.tokens[Int(a.tokenIndex)].kind == .word, analyzed.tokens[Int(b.tokenIndex)].kind == .word else { continue }
            forms[analyzed.string(a.plain) + " " + analyzed.string(b.plain)] = analyzed.string(a.key) + " " + analyzed.string(b.key)
        }
        return LearningInput(ngrams: ngrams + phrases, ngramPositions: count, lexiconScores: scores, accentedForms: forms)
    }

    /// This classifier with other learned weights (nil: hand lexicons only).
    public func withLearned(_ learned: LearnedWeights?) -> Classifier {
        var lexicon = self.lexicon
        lexicon.learned = learned
        return Classifier(lexicon: lexicon, policy: policy, language: language)
    }
}

extension Classifier {
    /// The routing context the agency model reads, for a petition whose main
    /// theme is known (the gold theme when training): theme, the rule router's agency, scope.
    public func agencyContext(_ text: String, mainTheme: String) -> [String] {
        let suggestion = route(text, mainTheme: mainTheme)
        return AgencyContext.features(mainTheme: mainTheme, route: suggestion?.id, scope: suggestion?.scope.scope ?? scope(of: text).scope)
    }

    /// This classifier with other learned agency weights (nil: the rules alone route).
    public func withLearnedAgency(_ learned: LearnedWeights?) -> Classifier {
        var lexicon = self.lexicon
        lexicon.learnedAgency = learned
        return Classifier(lexicon: lexicon, policy: policy, language: language)
    }
}
