/// Flags petitions an office must see first (strikes, unpaid wages, accidents,
/// mass layoffs, violence), each with the words that raised it.
struct UrgencyDetector: Sendable {
    let compiled: CompiledLexicon

    func detect(_ text: PetitionText, negatedStarts: Set<Int>) -> [UrgencyMention] {
        var byFlag: [UrgencyFlag: [Evidence]] = [:]
        for match in compiled.urgencyMatcher.matches(text.ids) {
            let phrase = compiled.lexicon.urgency[match.entry]
            let negated = negatedStarts.contains(match.terms.lowerBound)
            byFlag[phrase.flag, default: []].append(
                text.evidence(match, phrase: phrase.text, weight: 1, negated: negated, source: phrase.source))
        }
        return UrgencyFlag.allCases.compactMap { flag in
            guard let evidence = byFlag[flag], evidence.contains(where: { !$0.negated }) else { return nil }
            return UrgencyMention(flag: flag, evidence: evidence)
        }
    }
}
