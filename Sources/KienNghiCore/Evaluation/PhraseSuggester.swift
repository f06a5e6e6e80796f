import Foundation

/// Mines candidate phrases the lexicons miss: 2–3 syllable n-grams strongly
/// associated with a theme (log-likelihood ratio against the rest of the pile)
/// or frequent in petitions the lexicons sent to review, minus stopwords and
/// phrases already in a lexicon. Labels come from gold data when given, else
/// from the classifier itself.
package struct PhraseSuggester: Sendable {
    package struct Suggestion: Sendable, Codable {
        /// Theme id, or "other" for n-grams frequent in the review queue.
        package var theme: String
        package var phrase: String
        package var count: Int
        /// In petitions whose main theme is `theme`.
        package var inTheme: Int
        package var llr: Double
        package var suggestedWeight: Int
        package var example: String
        /// Of `count`, petitions the lexicons got wrong (gold data only).
        package var missed: Int
    }

    package let classifier: Classifier
    package let stopwords: Set<String>
    package var minimumCount = 3
    package var perTheme = 15

    package init(classifier: Classifier, stopwords: Set<String>) {
        self.classifier = classifier
        self.stopwords = stopwords
    }

    /// Words kept as stopword exceptions for matching (negations, particles)
    /// that still make poor phrase edges; with their forms typed without diacritics.
    static let boundaryWords: Set<String> = [
        "không", "khong", "chưa", "chua", "mà", "ma", "và", "va", "để", "de", "với", "voi",
        "cho", "của", "cua", "thì", "thi", "là", "la", "bị", "bi", "được", "duoc", "đã", "da",
    ]

    /// Reads `stopwords.txt` (one entry per line after the `entry` header).
    package static func loadStopwords(_ url: URL) -> Set<String> {
        guard let file = try? TabularFile.load(url) else { return [] }
        return Set(file.rows.map { file.cell($0, "entry") }.filter { !$0.isEmpty })
    }

    package func suggest(_ petitions: [(text: String, goldMain: String?)]) -> [Suggestion] {
        let analyzer = classifier.analyzer
        let known = Set(classifier.lexicon.phrases.map { analyzer.analyze($0.text).termKeys.joined(separator: " ") })
        var documents: [(label: String, missed: Bool, grams: [String: String])] = []
        for petition in petitions {
            let result = classifier.classify(petition.text)
            let label = petition.goldMain ?? result.mainTheme
            let missed = petition.goldMain.map { $0 != result.mainTheme } ?? false
            // Spans of hand phrases only: learned n-gram evidence is what suggestions are made from.
            let matched = (result.themes + result.candidates).flatMap(\.evidence).filter {
                !$0.source.hasPrefix("learned")
            }.map { $0.start..<$0.end }
            documents.append((label, missed, grams(petition.text, analyzer: analyzer, known: known, matched: matched)))
        }
        var total: [String: Int] = [:]
        var byLabel: [String: [String: Int]] = [:]
        var missedCount: [String: Int] = [:]
        var labelSize: [String: Int] = [:]
        var example: [String: String] = [:]
        var signature: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            labelSize[document.label, default: 0] += 1
            for (gram, context) in document.grams {
                total[gram, default: 0] += 1
                byLabel[document.label, default: [:]][gram, default: 0] += 1
                if document.missed { missedCount[gram, default: 0] += 1 }
                if example[gram] == nil { example[gram] = context }
                signature[gram, default: 0] = signature[gram, default: 0] &* 31 &+ index &+ 1
            }
        }
        let n = Double(documents.count)
        var suggestions: [Suggestion] = []
        for (label, counts) in byLabel {
            let size = Double(labelSize[label] ?? 0)
            var ranked: [Suggestion] = []
            for (gram, k11) in counts where k11 >= minimumCount {
                let k1 = Double(total[gram] ?? 0)
                let a = Double(k11)
                let b = k1 - a
                let c = size - a
                let d = n - size - b
                guard a / max(size, 1) > b / max(n - size, 1) else { continue }
                let score = Self.llr(a, b, c, d)
                let precision = a / k1
                if label != "other" && precision < 0.6 { continue }
                ranked.append(
                    Suggestion(
                        theme: label, phrase: gram, count: Int(k1), inTheme: k11, llr: (score * 10).rounded() / 10,
                        suggestedWeight: precision >= 0.9 && k11 >= 5 ? 3 : precision >= 0.75 ? 2 : 1,
                        example: example[gram] ?? "", missed: missedCount[gram] ?? 0))
            }
            suggestions += Self.distinct(ranked, signature: signature).prefix(perTheme)
        }
        return suggestions.sorted { ($0.theme, -$0.llr, $0.phrase) < ($1.theme, -$1.llr, $1.phrase) }
    }

    /// Drops fragments: among n-grams found in exactly the same petitions that
    /// share a syllable, one is kept (two syllables preferred, then longer);
    /// and no n-gram inside a chosen one with about the same count.
    static func distinct(_ ranked: [Suggestion], signature: [String: Int]) -> [Suggestion] {
        func preference(_ s: Suggestion) -> Int {
            let syllables = s.phrase.split(separator: " ").count
            return syllables == 2 ? 0 : syllables == 3 ? 1 : 2
        }
        // Within one set of petitions, n-grams sharing a syllable are fragments of one phrase: keep the best.
        var kept: [Suggestion] = []
        for suggestion in ranked.sorted(by: {
            (preference($0), -$0.llr, $0.phrase) < (preference($1), -$1.llr, $1.phrase)
        }) {
            let key = signature[suggestion.phrase] ?? 0
            let syllables = Set(suggestion.phrase.split(separator: " "))
            if kept.contains(where: {
                signature[$0.phrase] == key && !syllables.isDisjoint(with: $0.phrase.split(separator: " "))
            }) {
                continue
            }
            kept.append(suggestion)
        }
        var chosen: [Suggestion] = []
        for suggestion in kept.sorted(by: { ($0.llr, $1.phrase) > ($1.llr, $0.phrase) }) {
            let padded = " \(suggestion.phrase) "
            let redundant = chosen.contains { other in
                (" \(other.phrase) ".contains(padded) || padded.contains(" \(other.phrase) "))
                    && abs(other.count - suggestion.count) * 10 <= max(other.count, suggestion.count)
            }
            if !redundant { chosen.append(suggestion) }
        }
        return chosen
    }

    /// Distinct 2–3 syllable n-grams of a petition (single syllables are mostly
    /// halves of two-syllable words), with a short context each.
    /// N-grams overlapping a phrase the lexicons already matched are skipped:
    /// they are either known or fragments across a known phrase's edge.
    func grams(_ text: String, analyzer: Analyzer, known: Set<String>, matched: [Range<Int>] = []) -> [String: String] {
        let analyzed = analyzer.analyze(text)
        var result: [String: String] = [:]
        for sentence in analyzed.sentences {
            let words = sentence.tokens.filter { analyzed.tokens[$0].kind == .word }
            let keys = words.map { analyzed.key($0) }
            for length in 2...3 where keys.count >= length {
                for start in 0...(keys.count - length) {
                    // Only words written next to each other: a comma, number or symbol between two
                    // words is a boundary ("thông báo, lý do" gives no "báo lý").
                    if words[start + length - 1] - words[start] != length - 1 { continue }
                    let slice = Array(keys[start..<(start + length)])
                    if stopwords.contains(slice[0]) || stopwords.contains(slice[length - 1])
                        || Self.boundaryWords.contains(slice[0]) || Self.boundaryWords.contains(slice[length - 1])
                    {
                        continue
                    }
                    if slice.contains(where: { $0.count < 2 }) { continue }
                    let gram = slice.joined(separator: " ")
                    if known.contains(gram) || stopwords.contains(gram) || result[gram] != nil { continue }
                    let span =
                        analyzed.tokens[words[start]].span.start..<analyzed.tokens[words[start + length - 1]].span.end
                    if matched.contains(where: { $0.overlaps(span) }) { continue }
                    let from = words[max(0, start - 4)]
                    let to = words[min(words.count - 1, start + length + 3)]
                    result[gram] = analyzed.surface(
                        of: SourceSpan(start: analyzed.tokens[from].span.start, end: analyzed.tokens[to].span.end))
                }
            }
        }
        return result
    }

    /// Dunning's log-likelihood ratio for a 2×2 table.
    static func llr(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        func h(_ values: [Double]) -> Double {
            let total = values.reduce(0, +)
            return values.reduce(0) { $0 + ($1 > 0 ? $1 * log($1 / total) : 0) }
        }
        return 2 * (h([a, b, c, d]) - h([a + b, c + d]) - h([a + c, b + d]))
    }
}
