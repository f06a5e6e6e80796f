import Foundation

/// A supervised baseline to compare the lexicons against: multinomial naive
/// Bayes on syllable unigrams and bigrams (accented keys from the same
/// analyzer), one model for the main theme and one for the agency, trained on
/// labelled petitions. It predicts a single theme, so its multi-label recall is
/// naturally lower; main-theme accuracy is the fair comparison.
package struct NaiveBayesBaseline: Sendable {
    struct Model: Sendable {
        var classes: [String] = []
        var priors: [Double] = []
        var logLikelihood: [[String: Double]] = []
        var unseen: [Double] = []

        static func train(_ examples: [(features: [String], label: String)], smoothing: Double = 0.5) -> Model {
            var counts: [String: [String: Int]] = [:]
            var totals: [String: Int] = [:]
            var documents: [String: Int] = [:]
            var vocabulary = Set<String>()
            for example in examples {
                documents[example.label, default: 0] += 1
                for feature in example.features {
                    counts[example.label, default: [:]][feature, default: 0] += 1
                    totals[example.label, default: 0] += 1
                    vocabulary.insert(feature)
                }
            }
            var model = Model()
            model.classes = documents.keys.sorted()
            let v = Double(vocabulary.count)
            for label in model.classes {
                model.priors.append(log(Double(documents[label]!) / Double(examples.count)))
                let denominator = Double(totals[label] ?? 0) + smoothing * v
                model.logLikelihood.append(
                    (counts[label] ?? [:]).mapValues { log((Double($0) + smoothing) / denominator) })
                model.unseen.append(log(smoothing / denominator))
            }
            return model
        }

        func predict(_ features: [String]) -> String? {
            guard !classes.isEmpty else { return nil }
            var best = (score: -Double.infinity, index: 0)
            for index in classes.indices {
                var score = priors[index]
                for feature in features { score += logLikelihood[index][feature] ?? unseen[index] }
                if score > best.score { best = (score, index) }
            }
            return classes[best.index]
        }
    }

    let analyzer: Analyzer
    let themeModel: Model
    let agencyModel: Model

    /// Trains on labelled petitions (main theme and agency).
    package init(training: [GoldPetition], analyzer: Analyzer) {
        self.analyzer = analyzer
        let features = training.map { Self.features($0.text, analyzer) }
        themeModel = .train(zip(features, training).map { ($0, $1.themes[0]) })
        agencyModel = .train(zip(features, training).compactMap { f, p in p.agency.map { (f, $0) } })
    }

    static func features(_ text: String, _ analyzer: Analyzer) -> [String] {
        let analyzed = analyzer.analyze(text)
        let words = analyzed.terms.filter { analyzed.tokens[Int($0.tokenIndex)].kind == .word }.map {
            analyzed.string($0.key)
        }
        var features = words
        for i in words.indices.dropLast() { features.append(words[i] + " " + words[i + 1]) }
        return features
    }

    package func predict(_ text: String) -> Evaluator.Prediction {
        let features = Self.features(text, analyzer)
        let theme = themeModel.predict(features) ?? "other"
        return Evaluator.Prediction(themes: [theme], agency: theme == "other" ? nil : agencyModel.predict(features))
    }
}
