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
    /// Weights smaller than this are not written out.
    package var pruneBelow = 0.3
    package var seed: UInt64 = 20261203

    package init() {}

    package struct Example: Sendable {
        package var input: LearningInput
        package var themes: [String]

        package init(input: LearningInput, themes: [String]) {
            self.input = input
            self.themes = themes
        }
    }

    /// Fits on `examples`; `themes` fixes the class order (taxonomy order).
    package func fit(_ examples: [Example], themes: [String], sourceFile: String = "learned/weights.tsv") -> LearnedWeights {
        let classes = themes.count
        let classIndex = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        var documentFrequency: [String: Int] = [:]
        for example in examples { for gram in example.input.ngrams { documentFrequency[gram, default: 0] += 1 } }
        let vocabulary = documentFrequency.filter { $0.value >= minimumDocuments }.keys.sorted()
        let featureIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        // Dense inputs: n-gram features, then one hand-score feature per theme, then the bias.
        let lexiconBase = vocabulary.count, biasIndex = lexiconBase + classes, width = biasIndex + 1
        struct Row { var features: [Int32]; var values: [Double]; var target: [Double] }
        let rows: [Row] = examples.map { example in
            var features: [Int32] = [], values: [Double] = []
            let value = LearnedThemeModel.ngramValue(example.input.ngramPositions)
            for gram in example.input.ngrams { if let f = featureIndex[gram] { features.append(Int32(f)); values.append(value) } }
            for (theme, score) in example.input.lexiconScores.sorted(by: { $0.key < $1.key }) {
                if let c = classIndex[theme] { features.append(Int32(lexiconBase + c)); values.append(LearnedThemeModel.lexiconValue(score)) }
            }
            features.append(Int32(biasIndex)); values.append(1)
            var target = [Double](repeating: 0, count: classes)
            let known = example.themes.compactMap { classIndex[$0] }
            if let main = known.first {
                let rest = Array(known.dropFirst())
                let share = rest.isEmpty ? 0 : secondaryShare
                target[main] = 1 - share
                for c in rest { target[c] += share / Double(rest.count) }
            }
            return Row(features: features, values: values, target: target)
        }
        var weights = [Double](repeating: 0, count: width * classes)
        var order = Array(rows.indices)
        var random = SplitMix64(seed: seed)
        var logits = [Double](repeating: 0, count: classes)
        for epoch in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            let rate = learningRate / (1 + Double(epoch) * 0.1)
            for r in order {
                let row = rows[r]
                for c in 0..<classes { logits[c] = 0 }
                for (f, v) in zip(row.features, row.values) {
                    let base = Int(f) * classes
                    for c in 0..<classes { logits[c] += weights[base + c] * v }
                }
                let p = HybridScorer.softmax(logits)
                for (f, v) in zip(row.features, row.values) {
                    let base = Int(f) * classes
                    for c in 0..<classes { weights[base + c] -= rate * ((p[c] - row.target[c]) * v + l2 * weights[base + c]) }
                }
            }
        }
        var entries: [LearnedWeights.Entry] = []
        var line = 3  // after the comment and header lines written by ``LearnedWeightsWriter``
        func emit(_ feature: String, _ f: Int, always: Bool) {
            for c in 0..<classes {
                let w = (weights[f * classes + c] * 10000).rounded() / 10000
                guard always || abs(w) >= pruneBelow else { continue }
                entries.append(.init(feature: feature, theme: themes[c], weight: w, source: LexiconSource(file: sourceFile, line: line)))
                line += 1
            }
        }
        emit(LearnedWeights.biasFeature, biasIndex, always: true)
        for c in 0..<classes { emit(LearnedWeights.lexiconPrefix + themes[c], lexiconBase + c, always: true) }
        for (f, gram) in vocabulary.enumerated() { emit(gram, f, always: false) }
        return LearnedWeights(entries: entries)
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
