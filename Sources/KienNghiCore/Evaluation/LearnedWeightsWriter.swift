import Foundation

/// Writes what `kiennghi lexicon fit` learned as files staff can review:
/// `weights.tsv` (feature, theme, weight: every number the classifier uses)
/// and `proposed-phrases.tsv` (strong two-syllable n-grams the hand lexicons
/// lack, in accented form, ready to paste into themes/<id>.tsv). Numbers and
/// short n-grams only: no petition text.
package enum LearnedWeightsWriter {
    /// The file line of the first weight: after the comment, the header and the setting row.
    package static let firstEntryLine = 4

    package static func weightsFile(_ weights: LearnedWeights, trainedOn count: Int, seed: UInt64) -> String {
        var out =
            "# Learned weights (kiennghi lexicon fit, \(count) labelled petitions, seed \(seed)). Edit a weight, or put a row in overrides.tsv to replace it (0 switches it off). The @setting row says how the features were computed when fitting: keep it.\n"
        out += "feature\ttheme\tweight\n"
        out += "\(LearnedWeights.settingPrefix)\(LearnedWeights.lexiconCapSetting)\t*\t\(format(weights.lexiconCap))\n"
        for entry in weights.entries { out += "\(entry.feature)\t\(entry.theme)\t\(format(entry.weight))\n" }
        return out
    }

    package struct Proposal: Sendable {
        package var phrase: String
        package var theme: String
        package var weight: Double
        package var documents: Int
    }

    /// Two-syllable n-grams with a strong positive learned weight for one theme,
    /// seen in at least `minimumDocuments` petitions and not already a hand phrase.
    package static func proposals(
        _ weights: LearnedWeights, inputs: [LearningInput], lexicon: Lexicon, analyzer: Analyzer,
        minimumWeight: Double = 1.5, minimumDocuments: Int = 3, perTheme: Int = 20
    ) -> [Proposal] {
        var documents: [String: Int] = [:]
        var forms: [String: [String: Int]] = [:]
        for input in inputs {
            for gram in input.ngrams where gram.contains(" ") && !gram.hasPrefix("@") {
                documents[gram, default: 0] += 1
            }
            for (plain, accented) in input.accentedForms { forms[plain, default: [:]][accented, default: 0] += 1 }
        }
        let known = Set(
            lexicon.phrases.map { phrase in
                let analyzed = analyzer.analyze(phrase.text)
                return analyzed.terms.map { analyzed.string($0.plain) }.joined(separator: " ")
            })
        var byTheme: [String: [Proposal]] = [:]
        for entry in weights.entries
        where entry.weight >= minimumWeight && entry.theme != "other" && entry.feature.contains(" ")
            && !entry.feature.hasPrefix("@")
        {
            guard (documents[entry.feature] ?? 0) >= minimumDocuments, !known.contains(entry.feature) else { continue }
            let accented = forms[entry.feature]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? entry.feature
            byTheme[entry.theme, default: []].append(
                Proposal(
                    phrase: accented, theme: entry.theme, weight: entry.weight, documents: documents[entry.feature] ?? 0
                ))
        }
        return byTheme.keys.sorted().flatMap { theme in
            byTheme[theme]!.sorted { ($0.weight, $1.phrase) > ($1.weight, $0.phrase) }.prefix(perTheme)
        }
    }

    package static func proposalsFile(_ proposals: [Proposal]) -> String {
        var out =
            "# Phrases the learned model found strong that the hand lexicons lack. Review; paste good rows into themes/<theme>.tsv with a weight of 1-3.\n"
        out += "phrase\ttheme\tlearned_weight\tpetitions\n"
        for p in proposals { out += "\(p.phrase)\t\(p.theme)\t\(format(p.weight))\t\(p.documents)\n" }
        return out
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
