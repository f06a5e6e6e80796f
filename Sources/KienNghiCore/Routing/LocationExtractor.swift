/// Finds the district, commune or industrial zone a petition names. A bare
/// district name ("Đông Anh") counts only when written with a capital letter,
/// so "thanh xuân" (youth) is not Thanh Xuân district.
struct LocationExtractor: Sendable {
    let compiled: CompiledLexicon

    func extract(_ text: PetitionText) -> LocationMention? {
        var best: (rank: Int, mention: LocationMention)? = nil
        let gazetteer = compiled.lexicon.gazetteer
        for match in compiled.placeMatcher.matches(text.ids) {
            let span = text.span(match.terms)
            let surface = text.analyzed.surface(of: span)
            let mention: LocationMention
            let rank: Int
            switch compiled.placeEntries[match.entry] {
            case .district(let index, let bareName):
                if bareName,
                    !(surface.unicodeScalars.first.map { VietnameseLetters.info($0.value)?.isUpper ?? false } ?? false)
                {
                    continue
                }
                let district = gazetteer.districts[index]
                mention = LocationMention(
                    kind: .district, name: district.name, districts: [district.name], surface: surface,
                    start: span.start, end: span.end)
                rank = 1
            case .commune(let index):
                let commune = gazetteer.communes[index]
                mention = LocationMention(
                    kind: .commune, name: commune.fullName, districts: commune.predecessorDistricts, surface: surface,
                    start: span.start, end: span.end)
                rank = 2
            case .zone(let index):
                let zone = gazetteer.zones[index]
                mention = LocationMention(
                    kind: .industrialZone, name: zone.name, districts: zone.districts, surface: surface,
                    start: span.start, end: span.end)
                rank = 3
            }
            if best == nil || rank > best!.rank { best = (rank, mention) }
        }
        return best?.mention
    }
}
