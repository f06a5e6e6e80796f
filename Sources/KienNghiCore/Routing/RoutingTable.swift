/// One name of an agency over a period.
public struct AgencyRecord: Sendable, Equatable {
    public var id: String
    public var nameVi: String
    public var nameEn: String
    public var period: ValidityPeriod
    /// Who takes over when this record's period ends.
    public var successor: String?
    public var source: LexiconSource

    public func name(_ language: Language) -> String { language.pick(nameVi, nameEn) }
}

/// One routing rule: for a theme (or `*`), optionally only when a phrase occurs
/// and only for petitions of one scope.
public struct RoutingRule: Sendable, Equatable {
    public var theme: String
    /// Empty for the theme's default rule.
    public var phrase: String
    /// nil: any scope; otherwise the rule applies only to petitions of that scope.
    public var scope: RoutingScope?
    /// Breaks ties between rules of equal specificity (higher wins; default 0).
    public var priority: Int
    public var agency: String
    public var period: ValidityPeriod
    public var reasonVi: String
    public var reasonEn: String
    public var source: LexiconSource
}

/// The routing table: agencies with effective dates and the rules that pick
/// them. Data, not code: it lives in Lexicons/routing/.
public struct RoutingTable: Sendable {
    public var agencies: [AgencyRecord]
    public var rules: [RoutingRule]
    /// Cues that decide a petition's ``RoutingScope`` (routing/scope.tsv).
    public var scopeCues: [ScopeCue] = []

    /// The agency record that answers on `date` for a 2019 id, following
    /// successors when the id has ended. The path of ids is returned too.
    public func resolve(_ id: String, on date: RoutingDate) -> (record: AgencyRecord, path: [String])? {
        var current = id
        var path = [id]
        for _ in 0..<8 {
            let records = agencies.filter { $0.id == current }
            if let valid = records.first(where: { $0.period.contains(date) }) { return (valid, path) }
            guard let ended = records.last(where: { $0.period.until.map { $0 < date } ?? false }),
                let successor = ended.successor
            else { return nil }
            current = successor
            path.append(successor)
        }
        return nil
    }

    public func knowsAgency(_ id: String) -> Bool { agencies.contains { $0.id == id } }
}

extension RoutingRule {
    /// How specific a rule is, compared before anything else: a phrase beats no
    /// phrase, then a scope beats no scope, then a theme beats `*`; then the
    /// priority column; then the longer phrase (in terms). Row order never matters.
    func precedence(phraseTerms: Int) -> [Int] {
        [phrase.isEmpty ? 0 : 1, scope == nil ? 0 : 1, theme == "*" ? 0 : 1, priority, phraseTerms]
    }
}
