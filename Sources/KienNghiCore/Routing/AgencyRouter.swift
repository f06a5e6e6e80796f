/// Picks the agency for a classified petition: the first phrase rule of the
/// main theme whose phrase occurs, else the theme's default rule; valid on the
/// routing date; the agency carried forward to its successor on that date; a
/// local body named after the place the petition mentions.
struct AgencyRouter: Sendable {
    let compiled: CompiledLexicon
    let language: Language

    func route(_ text: PetitionText, mainTheme: String, location: LocationMention?, on date: RoutingDate) -> AgencySuggestion? {
        guard mainTheme != "other" else { return nil }
        let routing = compiled.lexicon.routing
        let present = Set(compiled.ruleMatcher.matches(text.ids, overlapping: true).map { compiled.ruleEntries[$0.entry] })
        let applicable = (compiled.rulesByTheme[mainTheme] ?? []).filter { routing.rules[$0].period.contains(date) }
        guard let chosen = applicable.first(where: { present.contains($0) }) ?? applicable.first(where: { routing.rules[$0].phrase.isEmpty }) else {
            return nil
        }
        let rule = routing.rules[chosen]
        guard let (record, path) = routing.resolve(rule.agency, on: date) else { return nil }
        var reason = language.pick(rule.reasonVi, rule.reasonEn)
        if !rule.phrase.isEmpty { reason += language.pick(" (có cụm từ \"\(rule.phrase)\")", " (the petition says \"\(rule.phrase)\")") }
        if path.count > 1 {
            reason += language.pick("; từ \(record.period.from?.description ?? "?") \(path[0]) chuyển giao cho \(record.id)",
                                    "; from \(record.period.from?.description ?? "?") \(path[0]) was taken over by \(record.id)")
        }
        var suggestion = AgencySuggestion(id: record.id, name: record.name(language), agencyName: record.name(language), reason: reason, rule: rule.source.description, localUnits: [], ambiguous: false)
        localize(&suggestion, location: location)
        return suggestion
    }

    /// Names the district or commune body after the place in the petition.
    private func localize(_ suggestion: inout AgencySuggestion, location: LocationMention?) {
        let gazetteer = compiled.lexicon.gazetteer
        let committee = language.pick("Ủy ban nhân dân", "People's Committee of")
        switch suggestion.id {
        case "district":
            guard let location, let name = location.districts.first, let district = gazetteer.district(named: name) else {
                suggestion.reason += language.pick("; đơn không nêu quận/huyện, cần xác định nơi xử lý", "; the petition names no district: find the right one")
                return
            }
            suggestion.name = "\(committee) \(district.fullName)"
            suggestion.localUnits = [district.fullName]
        case "commune":
            guard let location else {
                suggestion.reason += language.pick("; đơn không nêu phường/xã, cần xác định nơi xử lý", "; the petition names no ward or commune: find the right one")
                return
            }
            var units: [String]
            switch location.kind {
            case .commune: units = [location.name]
            case .industrialZone:
                let zone = gazetteer.zones.first { $0.name == location.name }
                units = zone?.commune.map { [$0] } ?? location.districts.flatMap { gazetteer.district(named: $0)?.successors ?? [] }
            case .district: units = gazetteer.district(named: location.name)?.successors ?? []
            }
            suggestion.localUnits = units
            if units.count == 1 {
                suggestion.name = "\(committee) \(units[0].lowercasedFirstWord)"
            } else if units.count > 1 {
                suggestion.ambiguous = true
                suggestion.reason += language.pick(
                    "; \(location.surface) trước đây nay thuộc nhiều phường/xã (\(units.joined(separator: ", "))): cần xác định đúng nơi",
                    "; the former \(location.surface) is now split among several units (\(units.joined(separator: ", "))): pick the right one")
            }
        default:
            break
        }
    }
}

extension String {
    /// "Phường Yên Hoà" → "phường Yên Hoà", for use inside a sentence.
    var lowercasedFirstWord: String {
        guard let space = firstIndex(of: " ") else { return self }
        return self[..<space].lowercased() + self[space...]
    }
}
