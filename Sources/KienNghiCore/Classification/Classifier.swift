/// Classifies petitions: analyse → match → score → route, with evidence for
/// every decision. Compile once (it is `Sendable`), then call from any thread.
package struct Classifier: Sendable {
    let compiled: CompiledLexicon
    package let policy: ScoringPolicy

    package init(lexicon: Lexicon, policy: ScoringPolicy = ScoringPolicy()) {
        compiled = CompiledLexicon(lexicon)
        self.policy = policy
    }

    /// The lexicon this classifier was compiled from.
    package var lexicon: Lexicon { compiled.lexicon }

    /// The analyzer it uses (the same chain for phrases and petitions).
    package var analyzer: Analyzer { compiled.analyzer }

    /// Classifies one petition, routing for `asOf` (default: the 2019 structure).
    package func classify(_ text: String, asOf date: RoutingDate = .structure2019) -> Classification {
        var none: WordKeyCache? = nil
        return classify(text, asOf: date, cache: &none)
    }

    /// Classifies one petition of a pile; `cache` keeps the keys of words seen
    /// in earlier petitions (one cache per thread, used only with this classifier).
    package func classify(_ text: String, asOf date: RoutingDate = .structure2019, cache: inout WordKeyCache?)
        -> Classification
    {
        let analyzed = compiled.analyzer.analyze(text, cache: &cache)
        let petition = PetitionText(analyzed: analyzed, ids: compiled.vocabulary.ids(analyzed, cache: &cache))
        var scored = ThemeScorer(compiled: compiled, policy: policy).score(petition)
        if let learned = compiled.learned {
            scored = HybridScorer(compiled: compiled, model: learned).rescore(
                petition, hand: scored, cache: &cache)
        }
        let location = LocationExtractor(compiled: compiled).extract(petition)
        let themes =
            scored.accepted.isEmpty
            ? [ThemeScore(id: ThemeID.other, score: 0, evidence: [])]
            : scored.accepted
        // A petition sent to review still gets its best suggestion (marked as such).
        let router = AgencyRouter(compiled: compiled)
        let agency = router.suggest(petition, scored: scored, location: location, on: date)
        let urgency = UrgencyDetector(compiled: compiled).detect(
            petition, negatedStarts: scored.negatedStarts)
        return Classification(
            themes: themes, candidates: scored.candidates, confidence: scored.confidence, agency: agency,
            location: location, urgency: urgency, asOf: date)
    }
}
