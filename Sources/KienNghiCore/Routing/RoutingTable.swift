/// One name of an agency over a period.
package struct AgencyRecord: Sendable, Equatable {
    package var id: String
    package var nameVi: String
    package var nameEn: String
    package var period: ValidityPeriod
    /// Who takes over when this record's period ends.
    package var successor: String?
    package var source: LexiconSource

    package func name(_ language: Language) -> String { language.pick(nameVi, nameEn) }
}

/// One routing rule: for a theme (or `*`), optionally only when a phrase occurs
/// and only for petitions of one scope.
package struct RoutingRule: Sendable, Equatable {
    package var theme: String
    /// Empty for the theme's default rule.
    package var phrase: String
    /// nil: any scope; otherwise the rule applies only to petitions of that scope.
    package var scope: RoutingScope?
    /// Breaks ties between rules of equal specificity (higher wins; default 0).
    package var priority: Int
    package var agency: String
    package var period: ValidityPeriod
    package var reasonVi: String
    package var reasonEn: String
    package var source: LexiconSource
}

/// The routing table: agencies with effective dates and the rules that pick
/// them. Data, not code: it lives in Lexicons/routing/.
package struct RoutingTable: Sendable {
    package var agencies: [AgencyRecord]
    package var rules: [RoutingRule]
    /// Cues that decide a petition's ``RoutingScope`` (routing/scope.tsv).
    package var scopeCues: [ScopeCue] = []

    /// The agency record that answers on `date` for a 2019 id, following
    /// successors when the id has ended. The path of ids is returned too.
    package func resolve(_ id: String, on date: RoutingDate) -> (record: AgencyRecord, path: [String])? {
        var current = id
        var path = [id]
        for _ in 0..<8 {
            // Searched in place: filtering the records of the id first copied every one of them per petition.
            if let valid = agencies.first(where: { $0.id == current && $0.period.contains(date) }) {
                return (valid, path)
            }
            guard
                let ended = agencies.last(where: { $0.id == current && ($0.period.until.map { $0 < date } ?? false) }),
                let successor = ended.successor
            else { return nil }
            current = successor
            path.append(successor)
        }
        return nil
    }

    package func knowsAgency(_ id: String) -> Bool { agencies.contains { $0.id == id } }
}

extension RoutingRule {
    /// How specific a rule is, compared before anything else: a phrase beats no
    /// phrase, then a scope beats no scope, then a theme beats `*`; then the
    /// priority column; then the longer phrase (in terms). Row order never matters.
    func precedence(phraseTerms: Int) -> RulePrecedence {
        RulePrecedence(
            hasPhrase: !phrase.isEmpty, hasScope: scope != nil, namesTheme: theme != "*", priority: priority,
            phraseTerms: phraseTerms)
    }
}

/// A rule's specificity, compared field by field in declaration order (a plain
/// value: the router compares one per candidate rule and petition).
struct RulePrecedence: Comparable {
    var hasPhrase: Bool
    var hasScope: Bool
    var namesTheme: Bool
    var priority: Int
    var phraseTerms: Int

    static func < (a: RulePrecedence, b: RulePrecedence) -> Bool {
        (a.hasPhrase ? 1 : 0, a.hasScope ? 1 : 0, a.namesTheme ? 1 : 0, a.priority, a.phraseTerms)
            < (b.hasPhrase ? 1 : 0, b.hasScope ? 1 : 0, b.namesTheme ? 1 : 0, b.priority, b.phraseTerms)
    }
}
