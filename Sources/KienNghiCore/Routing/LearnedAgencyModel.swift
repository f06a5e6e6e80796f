/// The learned half of routing: a linear model (the same form as the theme
/// model, weights in `Lexicons/learned/agency-weights.tsv`) that scores 2019
/// agency ids from the petition's diacritic-free n-grams, the hand phrases that
/// fired, and its routing context: main theme, the rule router's agency and
/// the scope. Rules stay authoritative where staff wrote a phrase; the model
/// decides the rest (theme defaults, district vs department when the scope is
/// unsure, suggestions for petitions sent to review).
enum AgencyContext {
    static let themePrefix = "@theme:"
    static let routePrefix = "@route:"
    static let scopePrefix = "@scope:"
    static let undecidedScope = "@scope:none"

    /// Context features, each with value 1: the main theme, the router's agency (none: `@route:none`), the scope.
    static func features(mainTheme: String, route: String?, scope: RoutingScope?) -> [String] {
        [themePrefix + mainTheme, routePrefix + (route ?? "none"), scope.map { scopePrefix + $0.rawValue } ?? undecidedScope]
    }
}

/// What the learned agency model concluded for one petition: data, worded at the edge.
struct LearnedAgencyDecision {
    /// The 2019 agency id the model prefers, and its probability.
    var agency: String
    var probability: Double
    /// Probability the model gives the rule router's agency.
    var routeProbability: Double
    /// Its largest n-gram contributions to `agency` (phrase = n-gram key, weight = logit contribution).
    var evidence: [Evidence]
    /// File and line of the strongest contribution (or of the bias).
    var source: String
}

struct LearnedAgencyScorer: Sendable {
    let compiled: CompiledLexicon
    let model: LearnedThemeModel

    /// Scores agencies for a petition; `handEvidence` are the hand phrases that fired (features `@phrase:`).
    func decide(_ text: PetitionText, masked: [Range<Int>], handEvidence: [Evidence], mainTheme: String, route: String?,
                scope: RoutingScope?) -> LearnedAgencyDecision? {
        let classes = model.classes
        guard !classes.isEmpty else { return nil }
        let (ngramHits, count) = model.hits(text, masked: { term in masked.contains { $0.contains(term) } })
        let value = LearnedThemeModel.ngramValue(count)
        var logits = model.bias
        for hit in ngramHits { for c in classes.indices { logits[c] += model.weight(row: hit.row, theme: c) * value } }
        var phraseRowsSeen = Set(ngramHits.map(\.row))
        for evidence in handEvidence where !evidence.negated && evidence.weight != 0 {
            guard let row = model.phraseRows[evidence.phrase], phraseRowsSeen.insert(row).inserted else { continue }
            for c in classes.indices { logits[c] += model.weight(row: row, theme: c) * value }
        }
        for feature in AgencyContext.features(mainTheme: mainTheme, route: route, scope: scope) {
            guard let row = model.row(Array(feature.utf8)) else { continue }
            for c in classes.indices { logits[c] += model.weight(row: row, theme: c) }
        }
        let p = HybridScorer.softmax(logits)
        guard let best = p.indices.max(by: { (p[$0], classes[$1]) < (p[$1], classes[$0]) }) else { return nil }
        let routeProbability = route.flatMap { model.classIndex[$0] }.map { p[$0] } ?? 0
        // Evidence: the largest positive n-gram contributions to the chosen agency, not overlapping.
        var chosen: [Evidence] = []
        var covered: [Range<Int>] = []
        for hit in ngramHits.filter({ !$0.terms.isEmpty && model.weight(row: $0.row, theme: best) * value >= 0.1 })
            .sorted(by: { (model.weight(row: $0.row, theme: best), $1.terms.lowerBound) > (model.weight(row: $1.row, theme: best), $0.terms.lowerBound) })
        {
            guard chosen.count < 3 else { break }
            let span = text.span(hit.terms)
            guard !covered.contains(where: { $0.overlaps(span.start..<span.end) }) else { continue }
            covered.append(span.start..<span.end)
            chosen.append(Evidence(phrase: model.featureText[hit.row], surface: text.analyzed.surface(of: span), start: span.start, end: span.end,
                                   weight: (model.weight(row: hit.row, theme: best) * value * 100).rounded() / 100,
                                   match: hit.plain ? .plain : .accented, negated: false,
                                   source: model.source(row: hit.row, theme: best)?.description ?? "learned"))
        }
        return LearnedAgencyDecision(agency: classes[best], probability: p[best], routeProbability: routeProbability,
                                     evidence: chosen.sorted { $0.start < $1.start }, source: chosen.first?.source ?? "learned/agency-weights.tsv")
    }
}

extension AgencyRouter {
    /// Lets the learned agency model (when the lexicons carry one) overrule the
    /// rule router, except where a staff-written phrase rule decided a routable
    /// petition. The model already reads the router's choice as a feature, so it
    /// overrules only when the petition's words point elsewhere.
    func refine(_ suggestion: AgencySuggestion?, text: PetitionText, scored: ThemeScorer.Outcome, location: LocationMention?,
                on date: RoutingDate) -> AgencySuggestion? {
        guard let model = compiled.learnedAgency else { return suggestion }
        let review = scored.accepted.isEmpty
        if let suggestion, !review, suggestion.basis == .phrase || suggestion.basis == .phraseAndScope { return suggestion }
        let scope = suggestion?.scope ?? ScopeDetector(compiled: compiled).detect(text)
        let hand = (scored.accepted + scored.candidates).flatMap(\.evidence).filter { !$0.source.hasPrefix("learned") }
        guard let decision = LearnedAgencyScorer(compiled: compiled, model: model).decide(
            text, masked: scored.maskedTerms, handEvidence: hand, mainTheme: scored.accepted.first?.id ?? "other", route: suggestion?.id, scope: scope.scope),
            decision.agency != suggestion?.id, decision.probability >= Self.learnedMinimum,
            let (record, _) = compiled.lexicon.routing.resolve(decision.agency, on: date), record.id != suggestion?.id
        else { return suggestion }
        let cues = decision.evidence.map { "\"\($0.surface)\"" }.joined(separator: ", ")
        var reason = language.pick("theo trọng số học từ kiến nghị đã phân loại (xác suất \(String(format: "%.2f", decision.probability))",
                                   "by weights learned from classified petitions (probability \(String(format: "%.2f", decision.probability))")
        reason += cues.isEmpty ? ")" : language.pick("; dấu hiệu: \(cues))", "; cues: \(cues))")
        if review { reason += language.pick("; chờ xem xét", "; needs review") }
        let confidence = decision.probability * (suggestion == nil ? 1 : max(scored.confidence, 0.5)) * (review ? Self.reviewFactor : 1)
        var refined = AgencySuggestion(
            id: record.id, name: record.name(language), agencyName: record.name(language), reason: reason, rule: decision.source,
            localUnits: [], ambiguous: false, theme: suggestion?.theme ?? scored.accepted.first?.id ?? "other", basis: .learned,
            phrase: decision.evidence.first, scope: scope, confidence: (confidence * 100).rounded() / 100, needsReview: review)
        localize(&refined, location: location)
        return refined
    }

    /// The learned model overrules the router only with at least this probability.
    static let learnedMinimum = 0.5
}
