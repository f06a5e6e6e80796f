/// A ``Lexicon`` compiled for matching: one analyzer, one term vocabulary and
/// a phrase matcher per concern. Immutable and `Sendable`: compile once, share.
/// A class: every stage (scorers, router, detectors) holds it for each petition,
/// and copying a struct of some thirty references cost a retain and release each.
final class CompiledLexicon: Sendable {
    enum ThemeEntry: Sendable {
        case phrase(Int)
        case negation
        /// A stop phrase: matches only to mask the shorter phrases inside it.
        case stop
    }

    enum PlaceEntry: Sendable {
        case district(Int, bareName: Bool)
        case commune(Int)
        case zone(Int)
    }

    let lexicon: Lexicon
    let analyzer: Analyzer
    let vocabulary: TermVocabulary
    let themeMatcher: PhraseMatcher
    let themeEntries: [ThemeEntry]
    let ruleMatcher: PhraseMatcher
    let ruleEntries: [Int]
    let placeMatcher: PhraseMatcher
    let placeEntries: [PlaceEntry]
    let urgencyMatcher: PhraseMatcher
    let scopeMatcher: PhraseMatcher
    /// Index into ``RoutingTable/scopeCues`` for each scope-matcher entry.
    let scopeEntries: [Int]
    /// Accented term ids of the words that introduce a person's name (ông, bà, anh, chị...).
    let honorifics: Set<UInt32>
    /// The same as flags by accented term id (checked for every term of every petition).
    let isHonorific: [Bool]
    /// The learned half of the hybrid, when the lexicons carry learned weights.
    let learned: LearnedThemeModel?
    /// The learned agency model (classes: agency ids), when the lexicons carry one.
    /// Rule indices that apply to each main theme (its own rules and `*` rules), in file order.
    let rulesByTheme: [String: [Int]]
    /// The themes named by theme phrases, and each phrase's number in that list,
    /// so scoring sums into an array instead of hashing theme ids per match.
    let phraseThemeNames: [String]
    let phraseThemes: [Int]
    /// Learned row of each theme phrase's `@phrase:` feature by the phrase's
    /// UTF-8 bytes (-1: none), so the hybrid does not hash Vietnamese strings.
    let learnedPhraseRows: ByteKeyTable

    /// Words after which capitalised syllables are a person's name, not vocabulary.
    static let honorificWords = [
        "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "bạn", "chồng", "vợ",
    ]

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        var rulesByTheme: [String: [Int]] = [:]
        for theme in lexicon.themes {
            rulesByTheme[theme.id] = lexicon.routing.rules.indices.filter {
                lexicon.routing.rules[$0].theme == theme.id || lexicon.routing.rules[$0].theme == "*"
            }
        }
        self.rulesByTheme = rulesByTheme
        let analyzer = Analyzer(abbreviations: lexicon.abbreviations)
        self.analyzer = analyzer
        var vocabulary = TermVocabulary()

        var themeMatcher = PhraseMatcher()
        var themeEntries: [ThemeEntry] = []
        for (index, phrase) in lexicon.phrases.enumerated()
        where themeMatcher.add(analyzer.analyze(phrase.text), vocabulary: &vocabulary) {
            themeEntries.append(.phrase(index))
        }
        for cue in lexicon.negationCues where themeMatcher.add(analyzer.analyze(cue), vocabulary: &vocabulary) {
            themeEntries.append(.negation)
        }
        for stop in lexicon.stopPhrases where themeMatcher.add(analyzer.analyze(stop), vocabulary: &vocabulary) {
            themeEntries.append(.stop)
        }
        var honorifics: Set<UInt32> = []
        for word in Self.honorificWords {
            let analyzed = analyzer.analyze(word)
            guard let term = analyzed.terms.first else { continue }
            let key = Array(analyzed.keyArena[Int(term.key.lowerBound)..<Int(term.key.upperBound)])
            let plain = Array(analyzed.keyArena[Int(term.plain.lowerBound)..<Int(term.plain.upperBound)])
            honorifics.insert(vocabulary.add(accentedKey: key, plainKey: plain).0)
        }
        self.honorifics = honorifics
        var isHonorific = [Bool](repeating: false, count: Int(honorifics.max() ?? 0) + 1)
        for id in honorifics { isHonorific[Int(id)] = true }
        self.isHonorific = isHonorific
        let learned = lexicon.learned.map { LearnedThemeModel($0, themes: lexicon.themes.map(\.id)) }
        self.learned = learned
        var themeNumbers: [String: Int] = [:]
        var phraseThemeNames: [String] = []
        var learnedPhraseRows = ByteKeyTable(capacity: max(16, lexicon.phrases.count))
        self.phraseThemes = lexicon.phrases.map { phrase in
            if let row = learned?.phraseRows[phrase.text] {
                learnedPhraseRows.insert(Array(phrase.text.utf8), value: Int32(row))
            } else {
                learnedPhraseRows.insert(Array(phrase.text.utf8), value: -1)
            }
            if let number = themeNumbers[phrase.theme] { return number }
            themeNumbers[phrase.theme] = phraseThemeNames.count
            phraseThemeNames.append(phrase.theme)
            return phraseThemeNames.count - 1
        }
        self.phraseThemeNames = phraseThemeNames
        self.learnedPhraseRows = learnedPhraseRows

        var ruleMatcher = PhraseMatcher()
        var ruleEntries: [Int] = []
        for (index, rule) in lexicon.routing.rules.enumerated() where !rule.phrase.isEmpty {
            if ruleMatcher.add(analyzer.analyze(rule.phrase), vocabulary: &vocabulary) { ruleEntries.append(index) }
        }

        var placeMatcher = PhraseMatcher()
        var placeEntries: [PlaceEntry] = []
        func addPlace(_ text: String, _ entry: PlaceEntry) {
            if placeMatcher.add(analyzer.analyze(text), vocabulary: &vocabulary) { placeEntries.append(entry) }
        }
        for (index, district) in lexicon.gazetteer.districts.enumerated() {
            addPlace(district.fullName, .district(index, bareName: false))
            for variant in district.variants
            where variant.contains(" ") && variant.lowercased().hasPrefix(district.type) {
                addPlace(variant, .district(index, bareName: false))
            }
            addPlace(district.name, .district(index, bareName: true))
        }
        for (index, commune) in lexicon.gazetteer.communes.enumerated() {
            addPlace("\(commune.type) \(commune.name)", .commune(index))
        }
        for (index, zone) in lexicon.gazetteer.zones.enumerated() {
            for name in [zone.name] + zone.variants { addPlace(name, .zone(index)) }
        }

        var urgencyMatcher = PhraseMatcher()
        for phrase in lexicon.urgency { urgencyMatcher.add(analyzer.analyze(phrase.text), vocabulary: &vocabulary) }

        var scopeMatcher = PhraseMatcher()
        var scopeEntries: [Int] = []
        for (index, cue) in lexicon.routing.scopeCues.enumerated()
        where scopeMatcher.add(analyzer.analyze(cue.phrase), vocabulary: &vocabulary) {
            scopeEntries.append(index)
        }

        self.vocabulary = vocabulary
        self.scopeMatcher = scopeMatcher
        self.scopeEntries = scopeEntries
        self.themeMatcher = themeMatcher
        self.themeEntries = themeEntries
        self.ruleMatcher = ruleMatcher
        self.ruleEntries = ruleEntries
        self.placeMatcher = placeMatcher
        self.placeEntries = placeEntries
        self.urgencyMatcher = urgencyMatcher
    }
}

/// A petition after analysis and term lookup, shared by all classification stages.
struct PetitionText {
    let analyzed: AnalyzedText
    let ids: [TermVocabulary.TermIds]

    /// Source span covered by a run of terms.
    func span(_ terms: Range<Int>) -> SourceSpan {
        let first = analyzed.tokens[Int(analyzed.terms[terms.lowerBound].tokenIndex)].span
        let last = analyzed.tokens[Int(analyzed.terms[terms.upperBound - 1].tokenIndex)].span
        return SourceSpan(start: first.start, end: last.end)
    }

    func evidence(_ match: PhraseMatch, phrase: String, weight: Double, negated: Bool, source: LexiconSource)
        -> Evidence
    {
        let span = span(match.terms)
        return Evidence(
            phrase: phrase, surface: analyzed.surface(of: span), start: span.start, end: span.end,
            weight: negated ? 0 : weight, match: match.kind, negated: negated, source: source.description)
    }
}
