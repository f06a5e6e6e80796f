/// The learned half of the hybrid classifier: a linear model whose every
/// weight is a row staff can read and edit in `Lexicons/learned/weights.tsv`
/// (and override in `learned/overrides.tsv`). Written by `kiennghi lexicon fit`.
///
/// A feature is one of:
/// - a syllable or two-syllable n-gram of diacritic-free keys (`"bao hiem"`,
///   `"ngap"`), so text typed without diacritics scores like accented text;
/// - `@lexicon:<theme>`: the hand lexicons' score for that theme (scaled by
///   ``LearnedWeights/lexiconScale``), so the model learns how far to trust them;
/// - `@bias`: a constant.
public struct LearnedWeights: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var feature: String
        public var theme: String
        public var weight: Double
        public var source: LexiconSource

        public init(feature: String, theme: String, weight: Double, source: LexiconSource) {
            self.feature = feature
            self.theme = theme
            self.weight = weight
            self.source = source
        }
    }

    public static let biasFeature = "@bias"
    public static let lexiconPrefix = "@lexicon:"
    /// A hand-lexicon phrase that fired (not negated), as its own feature: the model learns how far to trust each phrase.
    public static let phrasePrefix = "@phrase:"
    /// Hand scores are divided by this and capped at ``lexiconCap`` before weighting.
    public static let lexiconScale = 2.0
    public static let lexiconCap = 5.0

    public var entries: [Entry]

    /// Decision rules for the hybrid model (documented in Lexicons/README.md).
    public var policy = Policy()

    public struct Policy: Sendable, Equatable {
        /// Below this probability the main theme is not trusted: review queue.
        public var minimumConfidence = 0.2
        /// A further theme is listed when its probability reaches this...
        public var secondaryProbability = 0.2
        /// ...or when the hand lexicons accepted it (threshold and margin) and its probability reaches this.
        public var secondaryWithLexicon = 0.05
        /// Learned evidence shown per theme (largest contributions first)...
        public var evidencePerTheme = 5
        /// ...when it adds at least this much to the theme's logit.
        public var smallestEvidence = 0.1

        public init() {}
    }

    public init(entries: [Entry]) { self.entries = entries }

    /// Themes the model scores, in first-seen order.
    public var themes: [String] {
        var seen: Set<String> = []
        return entries.compactMap { seen.insert($0.theme).inserted ? $0.theme : nil }
    }
}
