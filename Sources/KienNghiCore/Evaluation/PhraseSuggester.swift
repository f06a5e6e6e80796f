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
    /// Distinct n-grams counted before those seen only once so far are dropped
    /// (lossy counting: memory stays bounded on any pile; a dropped n-gram loses
    /// one count, which matters only near ``minimumCount``).
    package var maximumDistinct = 500_000

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
        suggest { add in petitions.forEach(add) }
    }

    /// Suggestions from petitions handed on one by one by `feed`, so a pile is
    /// never held whole: only the texts that may give an example are kept
    /// (those of the first petition to count an n-gram still counted).
    package func suggest(
        feed: (_ add: ((text: String, goldMain: String?)) -> Void) throws -> Void
    ) rethrows -> [Suggestion] {
        let analyzer = classifier.analyzer
        let known = Set(classifier.lexicon.phrases.map { analyzer.analyze($0.text).termKeys.joined(separator: " ") })
        // Spans of hand phrases only: learned n-gram evidence is what suggestions are made from.
        func matchedSpans(_ result: Classification) -> [Range<Int>] {
            (result.themes + result.candidates).flatMap(\.evidence).filter { !$0.source.hasPrefix("learned") }
                .map { $0.start..<$0.end }
        }
        // Counted petition by petition; an example's text is made only for the n-grams suggested (below).
        var total: [String: Int] = [:]
        var byLabel: [String: [String: Int]] = [:]
        var missedCount: [String: Int] = [:]
        var labelSize: [String: Int] = [:]
        var firstPetition: [String: Int] = [:]
        var signature: [String: Int] = [:]
        var cap = maximumDistinct
        var examplesFrom: [Int: String] = [:]
        var index = -1
        try feed { petition in
            index += 1
            let result = classifier.classify(petition.text)
            let label = petition.goldMain ?? result.mainTheme
            let missed = petition.goldMain.map { $0 != result.mainTheme } ?? false
            labelSize[label, default: 0] += 1
            forEachGram(petition.text, analyzer: analyzer, known: known, matched: matchedSpans(result)) { gram, _ in
                total[gram, default: 0] += 1
                byLabel[label, default: [:]][gram, default: 0] += 1
                if missed { missedCount[gram, default: 0] += 1 }
                if firstPetition[gram] == nil {
                    firstPetition[gram] = index
                    examplesFrom[index] = petition.text
                }
                signature[gram, default: 0] = signature[gram, default: 0] &* 31 &+ index &+ 1
            }
            if total.count > cap {
                // Seen once, and not in this petition (so a phrase always lives to its second use).
                let once = total.filter { $0.value == 1 && firstPetition[$0.key] != index }.map(\.key)
                for gram in once {
                    total[gram] = nil
                    missedCount[gram] = nil
                    firstPetition[gram] = nil
                    signature[gram] = nil
                }
                for label in byLabel.keys { byLabel[label] = byLabel[label]!.filter { total[$0.key] != nil } }
                let stillFirst = Set(firstPetition.values)
                examplesFrom = examplesFrom.filter { stillFirst.contains($0.key) }
                // Mostly repeated n-grams left: let the table grow rather than scan it for every petition.
                if total.count > cap / 2 { cap *= 2 }
            }
        }
        // The example of each suggested n-gram: its context in the first petition that counted it.
        func examples(for wanted: Set<String>) -> [String: String] {
            var found: [String: String] = [:]
            for index in Set(wanted.compactMap { firstPetition[$0] }).sorted() {
                guard let text = examplesFrom[index] else { continue }
                let matched = matchedSpans(classifier.classify(text))
                forEachGram(text, analyzer: analyzer, known: known, matched: matched) { gram, context in
                    if wanted.contains(gram), found[gram] == nil { found[gram] = context() }
                }
            }
            return found
        }
        let n = Double(index + 1)
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
                        example: "", missed: missedCount[gram] ?? 0))
            }
            suggestions += Self.distinct(ranked, signature: signature).prefix(max(0, perTheme))
        }
        let contexts = examples(for: Set(suggestions.map(\.phrase)))
        for index in suggestions.indices { suggestions[index].example = contexts[suggestions[index].phrase] ?? "" }
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
        var result: [String: String] = [:]
        forEachGram(text, analyzer: analyzer, known: known, matched: matched) { gram, context in
            result[gram] = context()
        }
        return result
    }

    /// Calls `body` once per distinct n-gram of ``grams(_:analyzer:known:matched:)``, with
    /// its context made only when asked for.
    func forEachGram(
        _ text: String, analyzer: Analyzer, known: Set<String>, matched: [Range<Int>],
        _ body: (_ gram: String, _ context: () -> String) -> Void
    ) {
        let analyzed = analyzer.analyze(text)
        var seen: Set<String> = []
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
                    if known.contains(gram) || stopwords.contains(gram) || seen.contains(gram) { continue }
                    let span =
                        analyzed.tokens[words[start]].span.start..<analyzed.tokens[words[start + length - 1]].span.end
                    if matched.contains(where: { $0.overlaps(span) }) { continue }
                    seen.insert(gram)
                    let from = words[max(0, start - 4)]
                    let to = words[min(words.count - 1, start + length + 3)]
                    body(gram) {
                        analyzed.surface(
                            of: SourceSpan(start: analyzed.tokens[from].span.start, end: analyzed.tokens[to].span.end))
                    }
                }
            }
        }
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
