import Foundation

/// Fits ``LearnedWeights``: multinomial logistic regression over n-grams and
/// hand-lexicon scores, trained by seeded stochastic gradient descent with L2
/// regularisation. Deterministic for a given seed and input order; offline; a
/// second or so for a thousand petitions.
package struct ThemeModelTrainer: Sendable {
    package var epochs = 40
    package var learningRate = 2.0
    /// L2 strength (per example and epoch).
    package var l2 = 0.0005
    /// An n-gram must occur in at least this many training petitions.
    package var minimumDocuments = 3
    /// Share of the target given to a petition's further themes (the main theme keeps the rest).
    package var secondaryShare = 0.2
    /// Share of a second fit over the words alone (n-grams only: no hand scores, no hand phrases)
    /// added to the hybrid fit's weights. The hybrid fit leans on the hand phrases; this view keeps
    /// what the words say by themselves, which counts most when phrases fire less (unaccented text).
    /// Both are linear over the same features, so their sum is still one table of readable weights.
    package var wordViewShare = 0.5
    /// Hand scores are capped at this (recorded in the weights, which scoring then follows).
    package var lexiconCap = LearnedWeights.fittedLexiconCap
    /// Weights smaller than this are not written out.
    package var pruneBelow = 0.5
    package var seed: UInt64 = 20_261_203
    /// N-grams never used as features (diacritic-free stopwords: "vao", "cua"), so they neither score nor show as evidence.
    package var excludedFeatures: Set<String> = []

    package init() {}

    package struct Example: Sendable {
        package var input: LearningInput
        package var themes: [String]

        package init(input: LearningInput, themes: [String]) {
            self.input = input
            self.themes = themes
        }
    }

    /// Diacritic-free keys of the one-syllable entries of a stopwords file (Lexicons/stopwords.txt), for ``excludedFeatures``.
    public static func stopwordFeatures(_ url: URL) -> Set<String> {
        Set(
            PhraseSuggester.loadStopwords(url).map { TextVariant.noDiacritics.apply($0).lowercased() }.filter {
                !$0.contains(" ")
            })
    }

    /// Fits on `examples`; `themes` fixes the class order (taxonomy order).
    package func fit(_ examples: [Example], themes: [String], sourceFile: String = "learned/weights.tsv")
        -> LearnedWeights
    {
        let classes = themes.count
        let classIndex = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        var documentFrequency: [String: Int] = [:]
        for example in examples { for gram in example.input.ngrams { documentFrequency[gram, default: 0] += 1 } }
        let vocabulary = documentFrequency.filter { $0.value >= minimumDocuments && !excludedFeatures.contains($0.key) }
            .keys.sorted()
        let featureIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        // Dense inputs: n-gram features, then one hand-score feature per theme, then the bias.
        let lexiconBase = vocabulary.count
        let biasIndex = lexiconBase + classes
        let width = biasIndex + 1
        let rows: [SoftmaxRegression.Row] = examples.map { example in
            var features: [Int32] = []
            var values: [Double] = []
            let value = LearnedThemeModel.ngramValue(example.input.ngramPositions)
            for gram in example.input.ngrams {
                if let f = featureIndex[gram] {
                    features.append(Int32(f))
                    values.append(value)
                }
            }
            for (theme, score) in example.input.lexiconScores.sorted(by: { $0.key < $1.key }) {
                if let c = classIndex[theme] {
                    features.append(Int32(lexiconBase + c))
                    values.append(LearnedWeights.lexiconValue(score, cap: lexiconCap))
                }
            }
            features.append(Int32(biasIndex))
            values.append(1)
            var target = [Double](repeating: 0, count: classes)
            let known = example.themes.compactMap { classIndex[$0] }
            if let main = known.first {
                let rest = Array(known.dropFirst())
                let share = rest.isEmpty ? 0 : secondaryShare
                target[main] = 1 - share
                for c in rest { target[c] += share / Double(rest.count) }
            }
            return SoftmaxRegression.Row(features: features, values: values, target: target)
        }
        var weights = SoftmaxRegression(epochs: epochs, learningRate: learningRate, l2: l2, seed: seed).fit(
            rows, width: width, classes: classes)
        if wordViewShare > 0 {
            let wordRows = rows.map { row in
                var words = SoftmaxRegression.Row(features: [], values: [], target: row.target)
                for (f, v) in zip(row.features, row.values) {
                    let column = Int(f)
                    guard
                        column == biasIndex
                            || (column < lexiconBase && !vocabulary[column].hasPrefix(LearnedWeights.phrasePrefix))
                    else {
                        continue
                    }
                    words.features.append(f)
                    words.values.append(v)
                }
                return words
            }
            let words = SoftmaxRegression(epochs: epochs, learningRate: learningRate, l2: l2, seed: seed &+ 1)
                .fit(wordRows, width: width, classes: classes)
            for i in weights.indices { weights[i] += wordViewShare * words[i] }
        }
        var entries: [LearnedWeights.Entry] = []
        var line = LearnedWeightsWriter.firstEntryLine
        func emit(_ feature: String, _ f: Int, always: Bool) {
            for c in 0..<classes {
                let w = (weights[f * classes + c] * 10000).rounded() / 10000
                guard always || abs(w) >= pruneBelow else { continue }
                entries.append(
                    .init(
                        feature: feature, theme: themes[c], weight: w,
                        source: LexiconSource(file: sourceFile, line: line)))
                line += 1
            }
        }
        emit(LearnedWeights.biasFeature, biasIndex, always: true)
        for c in 0..<classes { emit(LearnedWeights.lexiconPrefix + themes[c], lexiconBase + c, always: true) }
        for (f, gram) in vocabulary.enumerated() { emit(gram, f, always: false) }
        return LearnedWeights(entries: entries, lexiconCap: lexiconCap)
    }
}

/// A small seeded generator (SplitMix64), so folds and training are reproducible everywhere.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
