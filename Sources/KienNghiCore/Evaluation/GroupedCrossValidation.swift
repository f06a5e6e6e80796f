import Foundation

/// Cross-validation with folds grouped by the host of each petition's source,
/// so no site is in both training and test: figures then say how the
/// classifier does on sites it never learned from. The learned weights are
/// re-fitted on each training fold only; predictions of all folds are pooled
/// and scored once, for each ``TextVariant`` of the test texts.
package struct GroupedCrossValidation: Sendable {
    package var folds = 5
    package var seed: UInt64 = 20_261_203
    package var trainer = ThemeModelTrainer()

    package init() {}

    /// The grouping key: the source's host without `www.`, `m.`, `amp.`;
    /// the petition's id when it has no source URL.
    package static func group(of petition: GoldPetition) -> String {
        guard let source = petition.source, let host = URL(string: source)?.host?.lowercased(), !host.isEmpty else {
            return "id:\(petition.id)"
        }
        var name = Substring(host)
        for prefix in ["www.", "m.", "amp."] where name.hasPrefix(prefix) { name = name.dropFirst(prefix.count) }
        return String(name)
    }

    /// Fold of each petition: groups, largest first (ties in seeded order), each to the smallest fold.
    package func assignFolds(_ gold: [GoldPetition]) -> [Int] {
        var members: [String: [Int]] = [:]
        for (index, petition) in gold.enumerated() { members[Self.group(of: petition), default: []].append(index) }
        var random = SplitMix64(seed: seed)
        let keyed = members.keys.sorted().map { ($0, random.next()) }
        let ordered = keyed.sorted { (members[$0.0]!.count, $0.1) > (members[$1.0]!.count, $1.1) }.map(\.0)
        var sizes = [Int](repeating: 0, count: folds)
        var fold = [Int](repeating: 0, count: gold.count)
        for group in ordered {
            let target = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) }!
            for index in members[group]! { fold[index] = target }
            sizes[target] += members[group]!.count
        }
        return fold
    }

    /// Pooled reports per variant. `classifier` supplies the hand lexicons (its learned weights are ignored).
    package func run(_ gold: [GoldPetition], classifier: Classifier, variants: [TextVariant] = TextVariant.allCases)
        -> [TextVariant: Evaluator.Report]
    {
        let hand = classifier.withLearned(nil)
        let themes = classifier.lexicon.themes.map(\.id)
        let inputs = gold.map { hand.learningInput($0.text) }
        let fold = assignFolds(gold)
        var predictions = [TextVariant: [Evaluator.Prediction?]]()
        for variant in variants { predictions[variant] = Array(repeating: nil, count: gold.count) }
        for k in 0..<folds {
            let training = gold.indices.filter { fold[$0] != k }.map {
                ThemeModelTrainer.Example(input: inputs[$0], themes: gold[$0].themes)
            }
            let test = gold.indices.filter { fold[$0] == k }
            guard !test.isEmpty else { continue }
            let model = trainer.fit(training, themes: themes, sourceFile: "learned (fold \(k + 1))")
            var lexicon = hand.lexicon
            lexicon.learned = model
            let evaluator = Evaluator(
                classifier: Classifier(lexicon: lexicon, policy: hand.policy))
            for variant in variants {
                for index in test { predictions[variant]![index] = evaluator.predict(variant.apply(gold[index].text)) }
            }
        }
        var reports: [TextVariant: Evaluator.Report] = [:]
        for variant in variants {
            reports[variant] = Evaluator.score(gold, predictions: predictions[variant]!.map { $0! }, themes: themes)
        }
        return reports
    }
}
