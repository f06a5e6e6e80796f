extension Classifier {
    /// Routes a petition for a main theme chosen by a person (e.g. after review),
    /// with the same rules, scope and dates as ``classify(_:asOf:)``. Also used to
    /// measure routing alone, with the gold theme given.
    package func route(_ text: String, mainTheme: String, asOf date: RoutingDate = .structure2019) -> AgencySuggestion?
    {
        let analyzed = compiled.analyzer.analyze(text)
        let petition = PetitionText(analyzed: analyzed, ids: compiled.vocabulary.ids(analyzed))
        let location = LocationExtractor(compiled: compiled).extract(petition)
        let scope = ScopeDetector(compiled: compiled).detect(petition)
        return AgencyRouter(compiled: compiled)
            .route(
                petition, theme: mainTheme, themeConfidence: 1, review: false, scope: scope, location: location,
                on: date)
    }

    /// The scope of a petition (local or city-wide) with its cues.
    package func scope(of text: String) -> ScopeAssessment {
        let analyzed = compiled.analyzer.analyze(text)
        return ScopeDetector(compiled: compiled).detect(
            PetitionText(analyzed: analyzed, ids: compiled.vocabulary.ids(analyzed)))
    }
}
