/// Measures a classifier (or any predictor, such as the baseline) against
/// labelled petitions: per-theme precision, recall and F1 (multi-label), micro
/// and macro averages, main-theme and agency accuracy, a confusion table of
/// main themes, and every error with its evidence.
package struct Evaluator: Sendable {
    /// What a predictor says about one petition.
    package struct Prediction: Sendable {
        package var themes: [String]
        package var agency: String?
        package var evidence: [String]

        package init(themes: [String], agency: String?, evidence: [String] = []) {
            self.themes = themes
            self.agency = agency
            self.evidence = evidence
        }
    }

    package let predict: @Sendable (String) -> Prediction

    package init(predict: @escaping @Sendable (String) -> Prediction) { self.predict = predict }

    /// Evaluates the lexicon classifier (2019 routing, as gold agencies are 2019 ids).
    package init(classifier: Classifier) {
        predict = { text in
            let result = classifier.classify(text)
            return Prediction(
                themes: result.themes.map(\.id), agency: result.agency?.id,
                evidence: (result.themes + result.candidates).flatMap { theme in
                    theme.evidence.map { "\(theme.id): \($0.surface) ← \($0.phrase)" }
                })
        }
    }

    package struct ThemeMetrics: Sendable, Codable, Equatable {
        package var theme: String
        package var truePositives: Int
        package var falsePositives: Int
        package var falseNegatives: Int
        package var precision: Double
        package var recall: Double
        package var f1: Double
        package var support: Int
    }

    package struct AgencyMetrics: Sendable, Codable, Equatable {
        package var agency: String
        package var total: Int
        package var correct: Int
        package var accuracy: Double
    }

    package struct ErrorCase: Sendable, Codable {
        package var id: String
        package var goldThemes: [String]
        package var predictedThemes: [String]
        package var goldAgency: String?
        package var predictedAgency: String?
        package var evidence: [String]
    }

    package struct Report: Sendable, Codable {
        package var count: Int
        package var perTheme: [ThemeMetrics]
        package var microPrecision: Double
        package var microRecall: Double
        package var microF1: Double
        /// Mean F1 over themes with gold support (`other` excluded: it is the absence of a theme).
        package var macroF1: Double
        package var mainThemeAccuracy: Double
        package var agencyAccuracy: Double
        /// Agency accuracy per gold agency (items whose gold main theme is not `other`).
        package var perAgency: [AgencyMetrics] = []
        /// gold main theme → predicted main theme → count.
        package var confusion: [String: [String: Int]]
        package var errors: [ErrorCase]
    }

    package func evaluate(_ gold: [GoldPetition], themes: [String]) -> Report {
        Self.score(gold, predictions: gold.map { predict($0.text) }, themes: themes)
    }

    /// Scores predictions made elsewhere (e.g. pooled over cross-validation folds), in the order of `gold`.
    package static func score(_ gold: [GoldPetition], predictions: [Prediction], themes: [String]) -> Report {
        var agencyTotals: [String: (total: Int, correct: Int)] = [:]
        var tp: [String: Int] = [:]
        var fp: [String: Int] = [:]
        var fn: [String: Int] = [:]
        var support: [String: Int] = [:]
        var mainCorrect = 0
        var agencyCorrect = 0
        var agencyTotal = 0
        var confusion: [String: [String: Int]] = [:]
        var errors: [ErrorCase] = []
        for (petition, result) in zip(gold, predictions) {
            let predicted = Set(result.themes)
            let expected = Set(petition.themes)
            for theme in expected { support[theme, default: 0] += 1 }
            for theme in predicted.union(expected) {
                switch (predicted.contains(theme), expected.contains(theme)) {
                case (true, true): tp[theme, default: 0] += 1
                case (true, false): fp[theme, default: 0] += 1
                case (false, true): fn[theme, default: 0] += 1
                default: break
                }
            }
            let goldMain = petition.themes[0]
            let predictedMain = result.themes.first ?? "other"
            confusion[goldMain, default: [:]][predictedMain, default: 0] += 1
            let mainOK = goldMain == predictedMain
            if mainOK { mainCorrect += 1 }
            var agencyOK = true
            if let agency = petition.agency, goldMain != "other" {
                agencyTotal += 1
                agencyOK = result.agency == agency
                if agencyOK { agencyCorrect += 1 }
                agencyTotals[agency, default: (0, 0)].total += 1
                if agencyOK { agencyTotals[agency, default: (0, 0)].correct += 1 }
            }
            if !mainOK || !agencyOK || predicted != expected {
                errors.append(
                    ErrorCase(
                        id: petition.id, goldThemes: petition.themes, predictedThemes: result.themes,
                        goldAgency: petition.agency, predictedAgency: result.agency, evidence: result.evidence))
            }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : (Double(a) / Double(b) * 1000).rounded() / 1000 }
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : (2 * p * r / (p + r) * 1000).rounded() / 1000 }
        let perTheme = themes.map { theme -> ThemeMetrics in
            let t = tp[theme] ?? 0
            let f = fp[theme] ?? 0
            let n = fn[theme] ?? 0
            let p = ratio(t, t + f)
            let r = ratio(t, t + n)
            return ThemeMetrics(
                theme: theme, truePositives: t, falsePositives: f, falseNegatives: n, precision: p, recall: r,
                f1: f1(p, r), support: support[theme] ?? 0)
        }
        let scored = perTheme.filter { $0.theme != "other" }
        let sumTP = scored.map(\.truePositives).reduce(0, +)
        let sumFP = scored.map(\.falsePositives).reduce(0, +)
        let sumFN = scored.map(\.falseNegatives).reduce(0, +)
        let microP = ratio(sumTP, sumTP + sumFP)
        let microR = ratio(sumTP, sumTP + sumFN)
        let withSupport = scored.filter { $0.support > 0 }
        let macro =
            withSupport.isEmpty
            ? 0 : (withSupport.map(\.f1).reduce(0, +) / Double(withSupport.count) * 1000).rounded() / 1000
        return Report(
            count: gold.count, perTheme: perTheme, microPrecision: microP, microRecall: microR,
            microF1: f1(microP, microR),
            macroF1: macro, mainThemeAccuracy: ratio(mainCorrect, gold.count),
            agencyAccuracy: ratio(agencyCorrect, agencyTotal),
            perAgency: agencyTotals.keys.sorted().map {
                AgencyMetrics(
                    agency: $0, total: agencyTotals[$0]!.total, correct: agencyTotals[$0]!.correct,
                    accuracy: ratio(agencyTotals[$0]!.correct, agencyTotals[$0]!.total))
            },
            confusion: confusion, errors: errors)
    }
}
