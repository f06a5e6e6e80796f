/// How every lexicon phrase and routing rule behaves on labelled petitions:
/// how often it fires, its precision against the labels, which phrases of
/// different themes fire together, and which never fire. The evidence staff
/// need to prune and refine lexicons.
package struct LexiconStatistics: Sendable, Codable {
    package struct PhraseStats: Sendable, Codable {
        package var phrase: String
        package var theme: String
        package var source: String
        /// Petitions it fired in (not negated).
        package var fires: Int
        /// Of those, petitions whose labels include its theme.
        package var correct: Int
        package var precision: Double
    }

    package struct RuleStats: Sendable, Codable {
        package var rule: String
        package var agency: String
        package var decided: Int
        package var correct: Int
        package var precision: Double
    }

    package struct Conflict: Sendable, Codable {
        package var first: String
        package var second: String
        package var petitions: Int
    }

    package var petitions: Int
    package var phrases: [PhraseStats]
    package var neverFired: [PhraseStats]
    package var conflicts: [Conflict]
    package var rules: [RuleStats]

    package init(classifier: Classifier, gold: [GoldPetition]) {
        let lexicon = classifier.lexicon
        var fires: [String: Int] = [:]
        var correct: [String: Int] = [:]
        var pairCounts: [String: Int] = [:]
        var ruleDecided: [String: Int] = [:]
        var ruleCorrect: [String: Int] = [:]
        var ruleAgency: [String: String] = [:]
        for petition in gold {
            let result = classifier.classify(petition.text)
            var fired: [(source: String, theme: String)] = []
            for theme in result.themes + result.candidates {
                for evidence in theme.evidence
                where !evidence.negated && !evidence.source.hasPrefix("learned")
                    && !fired.contains(where: { $0.source == evidence.source })
                {
                    fired.append((evidence.source, theme.id))
                }
            }
            for (source, theme) in fired {
                fires[source, default: 0] += 1
                if petition.themes.contains(theme) { correct[source, default: 0] += 1 }
            }
            for a in fired.indices {
                for b in fired.indices where b > a && fired[a].theme != fired[b].theme {
                    let key = [fired[a].source, fired[b].source].sorted().joined(separator: "\t")
                    pairCounts[key, default: 0] += 1
                }
            }
            if let agency = result.agency {
                ruleDecided[agency.rule, default: 0] += 1
                ruleAgency[agency.rule] = agency.id
                if agency.id == petition.agency { ruleCorrect[agency.rule, default: 0] += 1 }
            }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : (Double(a) / Double(b) * 1000).rounded() / 1000 }
        let all = lexicon.phrases.map { phrase -> PhraseStats in
            let source = phrase.source.description
            let f = fires[source] ?? 0
            let c = correct[source] ?? 0
            return PhraseStats(
                phrase: phrase.text, theme: phrase.theme, source: source, fires: f, correct: c, precision: ratio(c, f))
        }
        petitions = gold.count
        phrases = all.filter { $0.fires > 0 }.sorted { ($0.fires, $1.source) > ($1.fires, $0.source) }
        neverFired = all.filter { $0.fires == 0 }
        let phraseText = Dictionary(
            all.map { ($0.source, "\($0.phrase) [\($0.theme)]") }, uniquingKeysWith: { a, _ in a })
        conflicts = pairCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(30).map { key, count in
            let parts = key.split(separator: "\t").map(String.init)
            return Conflict(
                first: phraseText[parts[0]] ?? parts[0], second: phraseText[parts[1]] ?? parts[1], petitions: count)
        }
        rules = ruleDecided.map { rule, decided in
            RuleStats(
                rule: rule, agency: ruleAgency[rule] ?? "", decided: decided, correct: ruleCorrect[rule] ?? 0,
                precision: ratio(ruleCorrect[rule] ?? 0, decided))
        }.sorted { ($0.decided, $1.rule) > ($1.decided, $0.rule) }
    }
}
