import Foundation

/// Fits the learned agency model (``LearnedAgencyScorer``): multinomial logistic
/// regression from a petition's n-grams and hand phrases plus its routing
/// context (``AgencyContext``: main theme, the rule router's agency, scope) to
/// its 2019 agency id. Trained with the gold main theme; the same learner as
/// the theme model (``SoftmaxRegression``).
public struct AgencyModelTrainer: Sendable {
    public var epochs = 40
    public var learningRate = 2.0
    public var l2 = 0.0005
    /// An n-gram must occur in at least this many training petitions.
    public var minimumDocuments = 3
    /// Weights smaller than this are not written out (context features and bias are always written).
    public var pruneBelow = 0.3
    public var seed: UInt64 = 20261203
    /// N-grams never used as features (diacritic-free stopwords: "vao", "cua"), so they neither score nor show as evidence.
    public var excludedFeatures: Set<String> = []

    public init() {}

    public struct Example: Sendable {
        public var input: LearningInput
        /// Context features from ``Classifier/agencyContext(_:mainTheme:)``.
        public var context: [String]
        public var agency: String

        public init(input: LearningInput, context: [String], agency: String) {
            self.input = input
            self.context = context
            self.agency = agency
        }
    }

    /// Fits on `examples` (those with an agency); classes are the agencies seen, sorted.
    /// The result's `theme` column holds the agency id.
    public func fit(_ examples: [Example], sourceFile: String = "learned/agency-weights.tsv") -> LearnedWeights {
        let agencies = Set(examples.map(\.agency)).sorted()
        let classes = agencies.count
        guard classes > 0 else { return LearnedWeights(entries: []) }
        let classIndex = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1, $0) })
        var documentFrequency: [String: Int] = [:]
        for example in examples { for gram in example.input.ngrams { documentFrequency[gram, default: 0] += 1 } }
        let ngrams = documentFrequency.filter { $0.value >= minimumDocuments && !excludedFeatures.contains($0.key) }.keys.sorted()
        let context = Set(examples.flatMap(\.context)).sorted()
        let vocabulary = context + ngrams
        let featureIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let biasIndex = vocabulary.count, width = biasIndex + 1
        let rows: [SoftmaxRegression.Row] = examples.map { example in
            var features: [Int32] = [], values: [Double] = []
            let value = LearnedThemeModel.ngramValue(example.input.ngramPositions)
            for gram in example.input.ngrams { if let f = featureIndex[gram] { features.append(Int32(f)); values.append(value) } }
            for feature in example.context { if let f = featureIndex[feature] { features.append(Int32(f)); values.append(1) } }
            features.append(Int32(biasIndex)); values.append(1)
            var target = [Double](repeating: 0, count: classes)
            target[classIndex[example.agency]!] = 1
            return SoftmaxRegression.Row(features: features, values: values, target: target)
        }
        let weights = SoftmaxRegression(epochs: epochs, learningRate: learningRate, l2: l2, seed: seed).fit(rows, width: width, classes: classes)
        var entries: [LearnedWeights.Entry] = []
        var line = 3  // after the comment and header lines written by ``LearnedWeightsWriter``
        func emit(_ feature: String, _ f: Int, always: Bool) {
            for c in 0..<classes {
                let w = (weights[f * classes + c] * 10000).rounded() / 10000
                guard always || abs(w) >= pruneBelow else { continue }
                entries.append(.init(feature: feature, theme: agencies[c], weight: w, source: LexiconSource(file: sourceFile, line: line)))
                line += 1
            }
        }
        emit(LearnedWeights.biasFeature, biasIndex, always: true)
        for (f, feature) in vocabulary.enumerated() { emit(feature, f, always: f < context.count) }
        return LearnedWeights(entries: entries)
    }
}
