import Foundation

/// Reads a Lexicons/ folder into a ``Lexicon`` and checks it, reporting every
/// problem as a ``LexiconDiagnostic`` (file:line:column, what is wrong, how to fix).
public struct LexiconLoader: Sendable {
    package let directory: URL
    /// How file paths appear in diagnostics ("Lexicons" for the bundled copy).
    package let displayRoot: String

    /// The folder's bytes, when already read (by ``LexiconCache``, which hashed
    /// them): the loader then compiles exactly those; nil: read at ``check()``.
    package var snapshot: LexiconSnapshot?

    package init(directory: URL = BundledLexicons.directory, displayRoot: String? = nil) {
        self.directory = directory
        self.displayRoot = displayRoot ?? (directory == BundledLexicons.directory ? "Lexicons" : directory.path)
    }

    /// Why a lexicon folder could not be used at all.
    public struct Failure: Error, Sendable {
        public var diagnostics: [LexiconDiagnostic]
    }

    /// Loads and checks; fails only on errors (warnings are returned).
    package func load() throws(Failure) -> (lexicon: Lexicon, warnings: [LexiconDiagnostic]) {
        let (lexicon, diagnostics) = check()
        guard let lexicon, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw Failure(diagnostics: diagnostics)
        }
        return (lexicon, diagnostics)
    }

    /// Loads as much as possible and returns every problem found.
    package func check() -> (Lexicon?, [LexiconDiagnostic]) {
        let log = DiagnosticLog()
        let snapshot = self.snapshot ?? LexiconSnapshot(reading: directory)
        var asked: Set<String> = []
        func read(_ relative: String, required: Bool = true) -> TabularFile? {
            asked.insert(relative)
            let path = "\(displayRoot)/\(relative)"
            if let kind = snapshot.special[relative] {
                log.report(.error, TabularFile(path: path, contents: ""), nil, .notARegularFile(kind: kind.rawValue))
                return nil
            }
            guard let bytes = snapshot.files[relative] else {
                // A file that is there but could not be read is an error even when optional.
                if required || snapshot.unreadable.contains(relative) {
                    log.report(.error, TabularFile(path: path, contents: ""), nil, .unreadableFile)
                }
                return nil
            }
            do {
                return try TabularFile.parse(bytes, path: path)
            } catch {
                log.reportUndecodable(path: path, error)
                return nil
            }
        }
        func requireColumns(_ file: TabularFile, _ names: [String]) -> Bool {
            let missing = names.filter { file.column($0) == nil }
            guard missing.isEmpty else {
                log.report(.error, file, nil, .missingColumns(missing: missing, required: names))
                return false
            }
            return true
        }

        let abbreviations =
            read("abbreviations.tsv").map { file -> AbbreviationTable in
                if requireColumns(file, ["abbreviation", "expansion"]) {
                    for row in file.rows
                    where file.cell(row, "expansion").isEmpty || file.cell(row, "abbreviation").isEmpty {
                        log.report(.error, file, row, cell: 1, .abbreviationWithoutExpansion)
                    }
                }
                return AbbreviationTable.load(file)
            } ?? AbbreviationTable()
        let analyzer = Analyzer(abbreviations: abbreviations)
        /// The phrase's matchable key: its terms without punctuation and symbols.
        func normalizedKey(_ text: String) -> String {
            let analyzed = analyzer.analyze(text)
            return analyzed.terms.filter {
                ![.punctuation, .symbol].contains(analyzed.tokens[Int($0.tokenIndex)].kind)
            }
            .map { analyzed.string($0.key) }.joined(separator: " ")
        }

        // Themes.
        var themes: [ThemeDefinition] = []
        if let file = read("themes.tsv"), requireColumns(file, ["id", "label_vi", "label_en"]) {
            for row in file.rows {
                let id = file.cell(row, "id")
                if themes.contains(where: { $0.id == id }) {
                    log.report(.error, file, row, .duplicateTheme(id: id))
                    continue
                }
                themes.append(
                    ThemeDefinition(id: id, labelVi: file.cell(row, "label_vi"), labelEn: file.cell(row, "label_en")))
            }
        }
        let themeIds = Set(themes.map(\.id))

        // Theme phrases: one file per theme.
        var phrases: [ThemePhrase] = []
        var seen: [String: (theme: String, effect: ThemePhrase.Effect, source: LexiconSource)] = [:]
        let themeFiles = snapshot.names(in: "themes").filter { $0.hasSuffix(".tsv") }
        for name in themeFiles {
            let theme = String(name.dropLast(4))
            guard let file = read("themes/\(name)") else { continue }
            guard themeIds.contains(theme) else {
                log.report(.error, file, nil, .undeclaredThemeFile(theme: theme))
                continue
            }
            guard requireColumns(file, ["phrase", "weight"]) else { continue }
            for row in file.rows {
                let text = file.cell(row, "phrase")
                let weightText = file.cell(row, "weight")
                let effect: ThemePhrase.Effect
                if weightText.lowercased() == "exclude" {
                    effect = .exclude
                } else if let value = Double(weightText.replacingOccurrences(of: ",", with: ".")), value != 0,
                    abs(value) <= 10
                {
                    effect = .weight(value)
                } else {
                    log.report(.error, file, row, cell: file.column("weight") ?? 1, .invalidPhraseWeight(weightText))
                    continue
                }
                let key = normalizedKey(text)
                guard !key.isEmpty else {
                    log.report(.error, file, row, .emptyPhrase(text))
                    continue
                }
                let source = LexiconSource(file: "themes/\(name)", line: row.line)
                if let previous = seen[key] {
                    if previous.theme == theme && previous.effect != effect {
                        log.report(.error, file, row, .conflictingPhraseWeight(phrase: text, first: previous.source))
                    } else if previous.theme == theme {
                        log.report(.warning, file, row, .repeatedPhrase(phrase: text, first: previous.source))
                    } else {
                        log.report(
                            .warning, file, row,
                            .phraseInTwoThemes(phrase: text, otherTheme: previous.theme, first: previous.source))
                    }
                } else {
                    seen[key] = (theme, effect, source)
                }
                phrases.append(ThemePhrase(text: text, theme: theme, effect: effect, source: source))
            }
        }

        // Negation cues and urgency.
        var cues: [String] = []
        if let file = read("negation.tsv"), requireColumns(file, ["cue"]) {
            for row in file.rows {
                let cue = file.cell(row, "cue")
                if normalizedKey(cue).isEmpty {
                    log.report(.error, file, row, .emptyNegationCue(cue))
                } else {
                    cues.append(cue)
                }
            }
        }
        var urgency: [UrgencyPhrase] = []
        if let file = read("urgency.tsv"), requireColumns(file, ["phrase", "flag"]) {
            for row in file.rows {
                let flagText = file.cell(row, "flag")
                guard let flag = UrgencyFlag(rawValue: flagText) else {
                    log.report(.error, file, row, cell: file.column("flag") ?? 1, .unknownUrgencyFlag(flagText))
                    continue
                }
                urgency.append(
                    UrgencyPhrase(
                        text: file.cell(row, "phrase"), flag: flag,
                        source: LexiconSource(file: "urgency.tsv", line: row.line)))
            }
        }

        var stopPhrases: [String] = []
        if let file = read("stop-phrases.tsv", required: false), requireColumns(file, ["phrase"]) {
            for row in file.rows {
                let phrase = file.cell(row, "phrase")
                if normalizedKey(phrase).isEmpty {
                    log.report(.error, file, row, .emptyStopPhrase(phrase))
                } else {
                    stopPhrases.append(phrase)
                }
            }
        }
        warnSingleSyllables(
            phrases, stopPhrases: stopPhrases, normalizedKey: normalizedKey, read: { read($0, required: true) },
            log: log)
        let learned = loadLearned(read: { read($0, required: false) }, themeIds: themeIds, log: log)

        let routing = loadRouting(
            read: read, requireColumns: requireColumns, themeIds: themeIds, normalizedKey: normalizedKey, log: log)
        let gazetteer = loadGazetteer(read: read)
        // Anything else that is not a regular file was never opened: say so (`lexicon check` lists it).
        for (relative, kind) in snapshot.special.sorted(by: { $0.key < $1.key }) where !asked.contains(relative) {
            log.report(
                .warning, TabularFile(path: "\(displayRoot)/\(relative)", contents: ""), nil,
                .specialFileSkipped(kind: kind.rawValue))
        }
        let lexicon = Lexicon(
            themes: themes, phrases: phrases, negationCues: cues, urgency: urgency,
            abbreviations: abbreviations, gazetteer: gazetteer, routing: routing, stopPhrases: stopPhrases,
            learned: learned)
        return (lexicon, log.items)
    }

    /// A one-syllable phrase fires wherever the syllable appears (`cầu` in
    /// `yêu cầu`, in `hầm cầu`, in a person's name). It has context when a
    /// longer phrase or a stop phrase containing it masks its false friends.
    private func warnSingleSyllables(
        _ phrases: [ThemePhrase], stopPhrases: [String], normalizedKey: (String) -> String,
        read: (String) -> TabularFile?, log: DiagnosticLog
    ) {
        var longer: Set<String> = []
        for text in phrases.map(\.text) + stopPhrases {
            let syllables = normalizedKey(text).split(separator: " ")
            if syllables.count > 1 { longer.formUnion(syllables.map(String.init)) }
        }
        var files: [String: TabularFile] = [:]
        for phrase in phrases where phrase.effect != .exclude {
            let key = normalizedKey(phrase.text)
            // Loan words with digits (4g, 5g) are not Vietnamese syllables and have no false friends.
            guard !key.contains(" "), !longer.contains(key), !key.contains(where: \.isNumber) else { continue }
            if files[phrase.source.file] == nil { files[phrase.source.file] = read(phrase.source.file) }
            guard let file = files[phrase.source.file],
                let row = file.rows.first(where: { $0.line == phrase.source.line })
            else { continue }
            log.report(.warning, file, row, .contextlessSyllable(phrase: phrase.text))
        }
    }

    /// Reads learned/weights.tsv, then learned/overrides.tsv (a row there replaces
    /// the learned weight of the same feature and theme; weight 0 switches it off).
    /// `@setting:` rows say how the features were computed when fitting; weights that
    /// record none were fitted before settings were recorded, and are read as then.
    private func loadLearned(
        read: (String) -> TabularFile?, themeIds: Set<String>, log: DiagnosticLog,
        files: [String] = ["learned/weights.tsv", "learned/overrides.tsv"]
    ) -> LearnedWeights? {
        var entries: [LearnedWeights.Entry] = []
        var index: [String: Int] = [:]
        var firstFile: TabularFile?
        var lexiconCap: Double?
        for name in files {
            guard let file = read(name) else { continue }
            if firstFile == nil { firstFile = file }
            guard file.column("feature") != nil, file.column("theme") != nil, file.column("weight") != nil else {
                log.report(.error, file, nil, .missingLearnedColumns)
                continue
            }
            for row in file.rows {
                let feature = file.cell(row, "feature")
                let theme = file.cell(row, "theme")
                let weightText = file.cell(row, "weight")
                if feature.hasPrefix(LearnedWeights.settingPrefix) {
                    let setting = String(feature.dropFirst(LearnedWeights.settingPrefix.count))
                    guard setting == LearnedWeights.lexiconCapSetting else {
                        log.report(
                            .error, file, row, cell: file.column("feature") ?? 1, .unknownLearnedSetting(setting))
                        continue
                    }
                    guard let value = Double(weightText), value.isFinite, value > 0, value <= 100 else {
                        log.report(.error, file, row, cell: file.column("weight") ?? 1, .invalidLearnedSetting(setting))
                        continue
                    }
                    lexiconCap = value
                    continue
                }
                guard themeIds.contains(theme) else {
                    log.report(.error, file, row, cell: file.column("theme") ?? 1, .unknownLearnedTheme(theme))
                    continue
                }
                guard !feature.isEmpty, let weight = Double(weightText), weight.isFinite, abs(weight) <= 100 else {
                    log.report(.error, file, row, cell: file.column("weight") ?? 1, .invalidLearnedWeight)
                    continue
                }
                let entry = LearnedWeights.Entry(
                    feature: feature, theme: theme, weight: weight, source: LexiconSource(file: name, line: row.line))
                if let existing = index["\(feature)\t\(theme)"] {
                    entries[existing] = entry
                } else {
                    index["\(feature)\t\(theme)"] = entries.count
                    entries.append(entry)
                }
            }
        }
        guard let firstFile else { return nil }
        if lexiconCap == nil {
            log.report(
                .warning, firstFile, nil, .unrecordedLearnedSettings(assumedCap: LearnedWeights.unrecordedLexiconCap))
        }
        return LearnedWeights(
            entries: entries.filter { $0.weight != 0 }, lexiconCap: lexiconCap ?? LearnedWeights.unrecordedLexiconCap)
    }

    private func loadRouting(
        read: (String, Bool) -> TabularFile?, requireColumns: (TabularFile, [String]) -> Bool, themeIds: Set<String>,
        normalizedKey: (String) -> String, log: DiagnosticLog
    ) -> RoutingTable {
        func period(_ file: TabularFile, _ row: TabularFile.Row) -> ValidityPeriod? {
            var result = ValidityPeriod()
            for (column, keyPath) in [("valid_from", \ValidityPeriod.from), ("valid_until", \ValidityPeriod.until)] {
                let text = file.cell(row, column)
                guard !text.isEmpty else { continue }
                guard let date = RoutingDate(iso: text) else {
                    log.report(.error, file, row, cell: file.column(column) ?? 0, .invalidDate(text))
                    return nil
                }
                result[keyPath: keyPath] = date
            }
            if let from = result.from, let until = result.until, until < from {
                log.report(.error, file, row, cell: file.column("valid_until") ?? 0, .endBeforeStart)
                return nil
            }
            return result
        }

        var agencies: [AgencyRecord] = []
        if let file = read("routing/agencies.tsv", true),
            requireColumns(file, ["id", "name_vi", "name_en", "valid_from", "valid_until", "successor"])
        {
            for row in file.rows {
                guard let validity = period(file, row) else { continue }
                let id = file.cell(row, "id")
                // `route` names a file after the id: it must stay one plain name inside the output folder.
                if let fault = SafeFileName.fault(id) {
                    log.report(.error, file, row, cell: file.column("id") ?? 0, .unsafeAgencyID(id: id, fault: fault))
                    continue
                }
                if let clash = agencies.first(where: { $0.id == id && $0.period.overlaps(validity) }) {
                    log.report(
                        .error, file, row, cell: file.column("valid_from") ?? 0,
                        .overlappingAgency(id: id, otherLine: clash.source.line))
                    continue
                }
                let successor = file.cell(row, "successor")
                agencies.append(
                    AgencyRecord(
                        id: id, nameVi: file.cell(row, "name_vi"), nameEn: file.cell(row, "name_en"), period: validity,
                        successor: successor.isEmpty ? nil : successor,
                        source: LexiconSource(file: "routing/agencies.tsv", line: row.line)))
            }
            let ids = Set(agencies.map(\.id))
            for agency in agencies {
                if let successor = agency.successor, !ids.contains(successor),
                    let row = file.rows.first(where: { $0.line == agency.source.line })
                {
                    log.report(.error, file, row, cell: file.column("successor") ?? 0, .unknownSuccessor(successor))
                }
            }
        }
        let agencyIds = Set(agencies.map(\.id))

        var rules: [RoutingRule] = []
        if let file = read("routing/rules.tsv", true),
            requireColumns(file, ["theme", "phrase", "agency", "valid_from", "valid_until", "reason_vi", "reason_en"])
        {
            for row in file.rows {
                let theme = file.cell(row, "theme")
                let agency = file.cell(row, "agency")
                let phrase = file.cell(row, "phrase")
                if theme != "*" && !themeIds.contains(theme) {
                    log.report(.error, file, row, cell: 0, .unknownRuleTheme(theme))
                    continue
                }
                if !agencyIds.contains(agency) {
                    log.report(
                        .error, file, row, cell: file.column("agency") ?? 0,
                        .unknownRuleAgency(agency, known: agencyIds.sorted()))
                    continue
                }
                if !phrase.isEmpty && normalizedKey(phrase).isEmpty {
                    log.report(.error, file, row, cell: file.column("phrase") ?? 0, .emptyRulePhrase(phrase))
                    continue
                }
                guard let validity = period(file, row) else { continue }
                guard let (scope, priority) = ruleScopeAndPriority(file, row, log: log) else { continue }
                let key = normalizedKey(phrase)
                if let clash = rules.first(where: {
                    $0.theme == theme && $0.scope == scope && normalizedKey($0.phrase) == key
                        && $0.period.overlaps(validity)
                }) {
                    log.report(
                        .error, file, row, cell: file.column("valid_from") ?? 0,
                        .overlappingRule(otherLine: clash.source.line))
                    continue
                }
                rules.append(
                    RoutingRule(
                        theme: theme, phrase: phrase, scope: scope, priority: priority, agency: agency,
                        period: validity, reasonVi: file.cell(row, "reason_vi"),
                        reasonEn: file.cell(row, "reason_en"),
                        source: LexiconSource(file: "routing/rules.tsv", line: row.line)))
            }
            reportShadowedRules(rules, file: file, normalizedKey: normalizedKey, log: log)
            for theme in themeIds.sorted()
            where theme != "other"
                && !rules.contains(where: { $0.theme == theme && $0.phrase.isEmpty && $0.scope == nil })
            {
                log.report(.warning, file, nil, .missingDefaultRule(theme: theme))
            }
        }
        let scopeCues =
            read("routing/scope.tsv", false).map { loadScopeCues($0, normalizedKey: normalizedKey, log: log) } ?? []
        return RoutingTable(agencies: agencies, rules: rules, scopeCues: scopeCues)
    }

    private func loadGazetteer(read: (String, Bool) -> TabularFile?) -> Gazetteer {
        func list(_ text: String) -> [String] {
            text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var gazetteer = Gazetteer()
        if let file = read("gazetteer/districts.tsv", false) {
            gazetteer.districts = file.rows.map {
                .init(
                    name: file.cell($0, "name"), type: file.cell($0, "type"), variants: list(file.cell($0, "variants")),
                    successors: list(file.cell($0, "successors_2025")))
            }
        }
        if let file = read("gazetteer/communes-2025.tsv", false) {
            gazetteer.communes = file.rows.map {
                .init(
                    name: file.cell($0, "name"), type: file.cell($0, "type"),
                    predecessorDistricts: list(file.cell($0, "predecessor_districts")))
            }
        }
        if let file = read("gazetteer/industrial-zones.tsv", false) {
            gazetteer.zones = file.rows.map {
                let commune = file.cell($0, "commune_2025")
                return .init(
                    name: file.cell($0, "name"), variants: list(file.cell($0, "variants")),
                    districts: list(file.cell($0, "district")), commune: commune.isEmpty ? nil : commune)
            }
        }
        return gazetteer
    }
}
