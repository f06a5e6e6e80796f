import Foundation

/// Combines the hand lexicons' theme scores with the learned weights
/// (``LearnedWeights``): a softmax over themes of
/// `bias + Σ learned n-gram weights + Σ weight × hand score`. The main theme is
/// the most probable one (when no hand phrase fired, it needs
/// ``LearnedWeights/Policy/minimumWithoutLexicon``); further themes are listed in order of probability.
/// Every theme keeps its hand evidence and gains its largest learned
/// contributions as evidence (n-gram, span, weight, whether typed without diacritics).
struct HybridScorer: Sendable {
    let compiled: CompiledLexicon
    let model: LearnedThemeModel

    func rescore(_ text: PetitionText, hand: ThemeScorer.Outcome) -> ThemeScorer.Outcome {
        var none: WordKeyCache? = nil
        return rescore(text, hand: hand, cache: &none)
    }

    /// `cache`: the word-key cache the text was analysed with (it keeps each word's unigram row).
    func rescore(_ text: PetitionText, hand: ThemeScorer.Outcome, cache: inout WordKeyCache?)
        -> ThemeScorer.Outcome
    {
        let classes = model.classes
        let masked = hand.maskedTerms
        let (ngramHits, count) = model.hits(
            text, masked: { term in masked.contains { $0.contains(term) } }, cache: &cache)
        let value = LearnedThemeModel.ngramValue(count)
        var logits = model.bias
        var hits = ngramHits
        // Hand phrases that fired are features too: the model learned how far to trust each one.
        // Themes and evidence are read in place (copies retained and released every string).
        func addPhraseHits(_ list: [ThemeScore]) {
            for t in list.indices {
                for e in list[t].evidence.indices where !list[t].evidence[e].negated && list[t].evidence[e].weight != 0
                {
                    guard let row = phraseRow(list[t].evidence[e].phrase), !hits.contains(where: { $0.row == row })
                    else { continue }
                    hits.append(.init(row: row, terms: -1 ..< -1, plain: list[t].evidence[e].match == .plain))
                }
            }
        }
        addPhraseHits(hand.accepted)
        addPhraseHits(hand.candidates)
        model.addWeights(of: hits, times: value, to: &logits)
        var handScores = [Double](repeating: 0, count: classes.count)
        var handEvidence = [[Evidence]](repeating: [], count: classes.count)
        func addHandScores(_ list: [ThemeScore]) {
            for t in list.indices {
                guard let h = model.classNumber(list[t].id) else { continue }
                handScores[h] = hand.undiscounted[list[t].id] ?? list[t].score
                handEvidence[h] = list[t].evidence
            }
        }
        addHandScores(hand.accepted)
        addHandScores(hand.candidates)
        for h in classes.indices where handScores[h] > 0 {
            let x = model.lexiconValue(handScores[h])
            for c in classes.indices { logits[c] += model.lexiconWeights[h][c] * x }
        }
        for theme in hand.excluded { if let c = model.classNumber(theme) { logits[c] = -.infinity } }
        let probabilities = Self.softmax(logits)
        // Ties go to the theme id first in alphabetical order (by its rank, not by comparing strings).
        let rank = model.nameRank
        let order = classes.indices.sorted { (probabilities[$0], rank[$1]) > (probabilities[$1], rank[$0]) }
        // A few themes at most: a search in place instead of a set of strings per petition.
        let handAccepted = hand.accepted.compactMap { model.classNumber($0.id) }
        let other = model.otherClass
        let policy = model.policy
        func themeScore(_ c: Int) -> ThemeScore {
            ThemeScore(
                id: classes[c],
                score: (probabilities[c] * 100).rounded() / 100,
                evidence: handEvidence[c] + learnedEvidence(text, hits, theme: c, value: value, shown: handEvidence[c]))
        }
        var accepted: [ThemeScore] = []
        accepted.reserveCapacity(4)
        var candidates: [ThemeScore] = []
        candidates.reserveCapacity(4)
        let main = order[0]
        // A main theme needs the probability floor, and a higher one when no hand phrase fired at all.
        let anyPhrase = handEvidence.contains { $0.contains { !$0.negated && $0.weight > 0 } }
        let mainIsTheme =
            main != other && probabilities[main] >= policy.minimumConfidence
            && (anyPhrase || probabilities[main] >= policy.minimumWithoutLexicon)
        for c in order where c != other {
            let p = probabilities[c]
            let listed =
                mainIsTheme
                && (c == main || p >= policy.secondaryProbability
                    || (handAccepted.contains(c) && p >= policy.secondaryWithLexicon))
            if listed {
                accepted.append(themeScore(c))
            } else if p >= 0.05 || handScores[c] > 0 {
                // Candidates keep their hand evidence only: learned evidence is built for listed themes.
                candidates.append(
                    ThemeScore(
                        id: classes[c],
                        score: (probabilities[c] * 100).rounded() / 100, evidence: handEvidence[c]))
            }
        }
        let confidence = accepted.isEmpty ? 0 : (probabilities[main] * 100).rounded() / 100
        return ThemeScorer.Outcome(
            accepted: accepted, candidates: candidates, confidence: confidence, negatedStarts: hand.negatedStarts,
            maskedTerms: hand.maskedTerms, excluded: hand.excluded, undiscounted: hand.undiscounted)
    }

    /// Learned row of a hand phrase's feature: by its bytes among the lexicon's
    /// phrases (evidence phrases are lexicon phrase texts), else by string.
    private func phraseRow(_ phrase: String) -> Int? {
        var phrase = phrase
        if let row = phrase.withUTF8({ compiled.learnedPhraseRows.value(for: $0) }) {
            return row < 0 ? nil : Int(row)
        }
        return model.phraseRows[phrase]
    }

    /// The largest positive learned contributions to theme `c`, as evidence.
    /// Words already shown by a hand phrase (or by a stronger n-gram) are not repeated.
    private func learnedEvidence(
        _ text: PetitionText, _ hits: [LearnedThemeModel.Hit], theme c: Int, value: Double, shown: [Evidence]
    ) -> [Evidence] {
        let limit = model.policy.evidencePerTheme
        guard limit > 0 else { return [] }
        var covered = shown.map { $0.start..<$0.end }
        covered.reserveCapacity(shown.count + min(limit, hits.count))
        var chosen: [(LearnedThemeModel.Hit, SourceSpan)] = []
        chosen.reserveCapacity(min(limit, hits.count))
        let smallest = model.policy.smallestEvidence / max(value, 1e-9)
        // Capitalised words inside a sentence are names ("Minh", "Hồ Chí Minh"): they may score, but are no evidence.
        let names = ThemeScorer(compiled: compiled, policy: ScoringPolicy())
        var sentenceStarts: Set<Int>? = nil
        func isName(_ terms: Range<Int>) -> Bool {
            guard terms.allSatisfy({ names.isCapitalised(text, term: $0) }) else { return false }
            if sentenceStarts == nil { sentenceStarts = Set(text.analyzed.sentences.map(\.tokens.lowerBound)) }
            let token = Int(text.analyzed.terms[terms.lowerBound].tokenIndex)
            return !sentenceStarts!.contains(token) && !text.analyzed.tokens[token].startsLine
        }
        // Each hit's weight read once (the sort compared through the weight table four times per comparison).
        var ranked: [(weight: Double, hit: LearnedThemeModel.Hit)] = []
        ranked.reserveCapacity(hits.count)
        for hit in hits where !hit.terms.isEmpty {
            let weight = model.weight(row: hit.row, theme: c)
            if weight >= smallest { ranked.append((weight, hit)) }
        }
        for (_, hit) in ranked.sorted(by: {
            ($0.weight, $1.hit.terms.lowerBound) > ($1.weight, $0.hit.terms.lowerBound)
        }) {
            guard chosen.count < limit else { break }
            let span = text.span(hit.terms)
            guard !covered.contains(where: { $0.overlaps(span.start..<span.end) }), !isName(hit.terms) else { continue }
            covered.append(span.start..<span.end)
            chosen.append((hit, span))
        }
        return chosen.sorted { $0.1.start < $1.1.start }.map { hit, span in
            let source = model.source(row: hit.row, theme: c)?.description ?? "learned"
            return Evidence(
                phrase: model.featureText[hit.row], surface: text.analyzed.surface(of: span), start: span.start,
                end: span.end,
                weight: (model.weight(row: hit.row, theme: c) * value * 100).rounded() / 100,
                match: hit.plain ? .plain : .accented,
                negated: false, source: source)
        }
    }

    static func softmax(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { $0 == -.infinity ? 0 : exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
