/// Picks the agency for a classified petition. Of the rules for the theme that
/// apply (phrase present, scope matching, valid on the routing date) the most
/// specific wins (``RoutingRule/precedence(phraseTerms:)``, then the phrase
/// found first, then the agency id), so the order of rows never matters. The
/// agency is carried forward to its successor on that date, and a local body is
/// named after the place the petition mentions.
struct AgencyRouter: Sendable {
    let compiled: CompiledLexicon

    /// How much a decision by each kind of rule is trusted, before the theme's confidence.
    static let basisStrength: [RoutingBasis: Double] = [
        .phraseAndScope: 1, .phrase: 0.9, .scope: 0.85, .themeDefault: 0.75,
    ]
    /// Factor on the confidence of a suggestion for a petition sent to review.
    static let reviewFactor = 0.5
    /// Probability a candidate theme without hand evidence needs to lend its rules to a review suggestion.
    static let learnedCandidateFloor = 0.25

    /// Routes by the main theme, or, for a petition whose themes all stayed
    /// under the threshold, by its strongest candidate (or by `other`'s phrase
    /// rules, e.g. tax), so a petition sent to review still gets a suggestion.
    func suggest(_ text: PetitionText, scored: ThemeScorer.Outcome, location: LocationMention?, on date: RoutingDate)
        -> AgencySuggestion?
    {
        let scope = ScopeDetector(compiled: compiled).detect(text)
        if let main = scored.accepted.first {
            return route(
                text, theme: main.id, themeConfidence: scored.confidence, review: false, scope: scope,
                location: location, on: date)
        }
        // The strongest candidate's rules compete with `other`'s (phrases such as
        // tax or telecom words, or a local matter) under the same precedence.
        // A candidate lends its rules when words of the petition support it (hand
        // evidence), or else when the learned model gives it at least
        // `learnedCandidateFloor`: a greeting's spread of small probabilities is no
        // ground for a suggestion, but a petition the lexicons missed still gets one.
        let supported = scored.candidates.filter { !$0.evidence.isEmpty }
        let candidate = supported.first ?? scored.candidates.first { $0.score >= Self.learnedCandidateFloor }
        let second = supported.dropFirst().first?.score ?? 0
        let confidence = candidate.map { $0.score / ($0.score + second + 1) } ?? 1
        return route(
            text, themes: (candidate.map { [$0.id] } ?? []) + [ThemeID.other], themeConfidence: confidence,
            review: true,
            scope: scope, location: location, on: date)
    }

    func route(
        _ text: PetitionText, theme: String, themeConfidence: Double, review: Bool, scope: ScopeAssessment,
        location: LocationMention?, on date: RoutingDate
    ) -> AgencySuggestion? {
        route(
            text, themes: [theme], themeConfidence: themeConfidence, review: review, scope: scope, location: location,
            on: date)
    }

    /// Routes with the rules of `themes` (each with the `*` rules), the most
    /// specific first; themes after the first lend only their phrase rules.
    func route(
        _ text: PetitionText, themes: [String], themeConfidence: Double, review: Bool, scope: ScopeAssessment,
        location: LocationMention?, on date: RoutingDate
    ) -> AgencySuggestion? {
        let routing = compiled.lexicon.routing
        // The first match of each rule's phrase, in text order (a petition matches few rules:
        // a short list searched in place beats hashing every rule of the theme).
        var found: [(rule: Int, match: PhraseMatch)] = []
        for match in compiled.ruleMatcher.matches(text.ids, overlapping: true) {
            let rule = compiled.ruleEntries[match.entry]
            if !found.contains(where: { $0.rule == rule }) { found.append((rule, match)) }
        }
        func foundMatch(_ rule: Int) -> PhraseMatch? { found.first { $0.rule == rule }?.match }
        // Precedence, then the earlier phrase match (a larger negated start).
        var best: (key: RulePrecedence, start: Int, index: Int)? = nil
        // Per rule: bit 0 = a rule of the first theme, bit 1 = already considered.
        var marks = [UInt8](repeating: 0, count: routing.rules.count)
        for index in compiled.rulesByTheme[themes[0]] ?? [] { marks[index] |= 1 }
        routing.rules.withUnsafeBufferPointer { rules in
            for theme in themes {
                for index in compiled.rulesByTheme[theme] ?? [] where marks[index] & 2 == 0 {
                    marks[index] |= 2
                    // Read in place: copying a rule (strings, source) cost more than the checks.
                    let rule = rules.baseAddress! + index
                    let hasPhrase = !rule.pointee.phrase.isEmpty
                    // Themes after the first (`other` for a review item) lend only their phrase rules.
                    guard marks[index] & 1 != 0 || hasPhrase else { continue }
                    guard rule.pointee.period.contains(date),
                        rule.pointee.scope == nil || rule.pointee.scope == scope.scope
                    else { continue }
                    let match = foundMatch(index)
                    if hasPhrase && match == nil { continue }
                    let key = rule.pointee.precedence(phraseTerms: match?.terms.count ?? 0)
                    let start = -(match?.terms.lowerBound ?? 0)
                    if let current = best {
                        if (key, start) < (current.key, current.start) { continue }
                        if key == current.key && start == current.start
                            && (rule.pointee.agency, rule.pointee.source.line) >= (
                                rules[current.index].agency, rules[current.index].source.line
                            )
                        {
                            continue
                        }
                    }
                    best = (key, start, index)
                }
            }
        }
        guard let chosen = best?.index else { return nil }
        let rule = routing.rules[chosen]
        guard let (record, path) = routing.resolve(rule.agency, on: date) else { return nil }
        let basis: RoutingBasis =
            switch (rule.phrase.isEmpty, rule.scope == nil) {
            case (false, false): .phraseAndScope
            case (false, true): .phrase
            case (true, false): .scope
            case (true, true): .themeDefault
            }
        let phrase = foundMatch(chosen).map {
            text.evidence($0, phrase: rule.phrase, weight: 0, negated: false, source: rule.source)
        }
        var reasons: [RoutingReason] = [.rule]
        if let phrase { reasons.append(.phrase(surface: phrase.surface)) }
        if let ruleScope = rule.scope {
            // The strongest cues, and among equals those that name a place ("ngõ 47" before "đường").
            let cues = scope.evidence.filter { $0.scope == ruleScope }
                .sorted {
                    ($0.weight, $0.surface.utf8.count > $0.phrase.utf8.count ? 1 : 0) > (
                        $1.weight, $1.surface.utf8.count > $1.phrase.utf8.count ? 1 : 0
                    )
                }
                .prefix(3).map(\.surface)
            reasons.append(.scope(ruleScope, cues: Array(cues)))
        }
        if path.count > 1 {
            let former = routing.agencies.last { $0.id == path[0] }
            reasons.append(.takenOver(former: path[0], until: former?.period.until, successor: record.id))
        }
        let theme = rule.theme == "*" ? themes[0] : rule.theme
        if review { reasons.append(theme == ThemeID.other ? .reviewFromPhrase : .reviewFromTheme(theme)) }
        let confidence = themeConfidence * (Self.basisStrength[basis] ?? 0.75) * (review ? Self.reviewFactor : 1)
        var suggestion = AgencySuggestion(
            id: record.id, rule: rule.source.description,
            localUnits: [], ambiguous: false, theme: theme, basis: basis, phrase: phrase, scope: scope,
            confidence: (confidence * 100).rounded() / 100, needsReview: review, reasons: reasons)
        localize(&suggestion, location: location)
        return suggestion
    }

    /// Names the district or commune body after the place in the petition
    /// (``AgencySuggestion/localUnits``), or says why it cannot.
    private func localize(_ suggestion: inout AgencySuggestion, location: LocationMention?) {
        let gazetteer = compiled.lexicon.gazetteer
        switch LocalAgency(rawValue: suggestion.id) {
        case .district?:
            guard let location, let name = location.districts.first, let district = gazetteer.district(named: name)
            else {
                suggestion.reasons.append(.placeUnknown(.district, unlisted: unlistedPlace(suggestion.scope)))
                return
            }
            suggestion.localUnits = [district.fullName]
        case .commune?:
            guard let location else {
                suggestion.reasons.append(.placeUnknown(.commune, unlisted: unlistedPlace(suggestion.scope)))
                return
            }
            var units: [String]
            switch location.kind {
            case .commune: units = [location.name]
            case .industrialZone:
                let zone = gazetteer.zones.first { $0.name == location.name }
                units =
                    zone?.commune.map { [$0] }
                    ?? location.districts.flatMap { gazetteer.district(named: $0)?.successors ?? [] }
            case .district: units = gazetteer.district(named: location.name)?.successors ?? []
            }
            suggestion.localUnits = units
            if units.count > 1 {
                suggestion.ambiguous = true
                suggestion.reasons.append(.placeSplit(surface: location.surface, units: units))
            }
        case nil:
            break
        }
    }
}

/// A ward, commune or town the petition names that the gazetteer does not know
/// (an old ward, or a place outside Hà Nội), from the scope evidence.
private func unlistedPlace(_ scope: ScopeAssessment) -> String? {
    scope.evidence.first {
        ["phường", "xã", "thị trấn"].contains($0.phrase) && $0.surface.utf8.count > $0.phrase.utf8.count
    }?.surface
}

extension String {
    /// "Phường Yên Hoà" → "phường Yên Hoà", for use inside a sentence.
    var lowercasedFirstWord: String {
        guard let space = firstIndex(of: " ") else { return self }
        return self[..<space].lowercased() + self[space...]
    }
}
