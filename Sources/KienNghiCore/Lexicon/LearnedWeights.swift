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
package struct LearnedWeights: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var feature: String
        package var theme: String
        package var weight: Double
        package var source: LexiconSource

        package init(feature: String, theme: String, weight: Double, source: LexiconSource) {
            self.feature = feature
            self.theme = theme
            self.weight = weight
            self.source = source
        }
    }

    package static let biasFeature = "@bias"
    package static let lexiconPrefix = "@lexicon:"
    /// A hand-lexicon phrase that fired (not negated), as its own feature: the model learns how far to trust each phrase.
    package static let phrasePrefix = "@phrase:"
    /// A row recording how the features were computed when the weights were fitted
    /// (`@setting:<name>`, theme `*`, the value in the weight column).
    package static let settingPrefix = "@setting:"
    /// The setting row for ``lexiconCap``.
    package static let lexiconCapSetting = "lexicon-cap"
    /// Hand scores are divided by this and capped at ``lexiconCap`` before weighting.
    package static let lexiconScale = 2.0
    /// The cap `lexicon fit` uses: past a hand score of 4 more phrases add nothing, so a petition
    /// full of one theme's phrases cannot drown what its other words say (2 measured best on
    /// grouped CV; README ††).
    package static let fittedLexiconCap = 2.0
    /// The cap of weights files that record no settings: written before settings were recorded
    /// (2026-12-08), they were fitted with this cap (until 2026-12-07).
    package static let unrecordedLexiconCap = 5.0

    package var entries: [Entry]

    /// The hand-score cap these weights were fitted with; scoring must compute the feature the same way.
    package var lexiconCap = LearnedWeights.fittedLexiconCap

    /// Value of a hand-lexicon score feature under a cap.
    package static func lexiconValue(_ score: Double, cap: Double) -> Double {
        min(max(score, 0) / lexiconScale, cap)
    }

    /// Decision rules for the hybrid model (documented in Lexicons/README.md).
    package var policy = Policy()

    package struct Policy: Sendable, Equatable {
        /// Below this probability the main theme is not trusted: review queue.
        package var minimumConfidence = 0.2
        /// ...or this much when no hand phrase fired in the petition at all: the learned
        /// weights alone, on a few words (a greeting, a thank-you), spread small
        /// probabilities that are no ground for a theme.
        package var minimumWithoutLexicon = 0.3
        /// A further theme is listed when its probability reaches this...
        package var secondaryProbability = 0.2
        /// ...or when the hand lexicons accepted it (threshold and margin) and its probability reaches this.
        package var secondaryWithLexicon = 0.05
        /// Learned evidence shown per theme (largest contributions first)...
        package var evidencePerTheme = 5
        /// ...when it adds at least this much to the theme's logit.
        package var smallestEvidence = 0.1

        package init() {}
    }

    package init(entries: [Entry], lexiconCap: Double = LearnedWeights.fittedLexiconCap) {
        self.entries = entries
        self.lexiconCap = lexiconCap
    }

    /// Themes the model scores, in first-seen order.
    package var themes: [String] {
        var seen: Set<String> = []
        return entries.compactMap { seen.insert($0.theme).inserted ? $0.theme : nil }
    }
}
