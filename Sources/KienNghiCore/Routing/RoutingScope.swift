/// Whether a petition is about one place or about the whole city (or a policy):
/// a pothole in one lane is for the local People's Committee, a bus route or a
/// fee is for the department. Cues live in `Lexicons/routing/scope.tsv`.
public enum RoutingScope: String, Sendable, Codable, CaseIterable {
    /// A place-bound matter: a named street, alley, ward, hamlet, market, house or site.
    case local
    /// A city-wide or policy matter: a law, a fee, a bus route, a national road.
    case citywide
}

/// One line of `routing/scope.tsv`.
package struct ScopeCue: Sendable, Equatable {
    /// What must follow the phrase for it to count.
    package enum Context: String, Sendable, Equatable {
        /// The phrase alone is a cue.
        case any = ""
        /// Only when a word or number follows directly: "đường Lê Duẩn", "phường 3" (not at a clause end).
        case name
        /// Only when a number follows directly: "tổ 5" (not "tổ công đoàn").
        case number
    }

    package var phrase: String
    package var scope: RoutingScope
    /// 0 masks a longer phrase that is not a cue ("xã hội", "tổ chức").
    package var weight: Double
    package var context: Context
    package var source: LexiconSource
}

/// The scope a petition was found to have, with the words that decided it.
public struct ScopeAssessment: Sendable, Equatable, Codable {
    /// nil when the cues are absent or too weak to decide.
    public var scope: RoutingScope?
    public var localWeight: Double
    public var citywideWeight: Double
    /// The cues counted, in text order, each at most three times with a name and three without
    /// (the weights count every one; spans are UTF-8 byte offsets into the petition).
    public var evidence: [ScopeEvidence]

    public static let undecided = ScopeAssessment(scope: nil, localWeight: 0, citywideWeight: 0, evidence: [])

    /// The summed weight a side needs before it can decide.
    public static let minimumWeight = 1.0

    /// Decides from the two sums: a side needs ``minimumWeight``; local must
    /// beat city-wide, city-wide must at least equal local.
    static func decide(local: Double, citywide: Double) -> RoutingScope? {
        if local >= minimumWeight && local > citywide { return .local }
        if citywide >= minimumWeight && citywide >= local { return .citywide }
        return nil
    }
}

/// A scope cue found in a petition.
public struct ScopeEvidence: Sendable, Equatable, Codable {
    public var scope: RoutingScope
    /// The cue as written in scope.tsv.
    public var phrase: String
    /// The text as the petition wrote it, with the name that followed when the cue needs one.
    public var surface: String
    /// UTF-8 byte offsets into the petition text.
    public var start: Int
    public var end: Int
    public var weight: Double
    public var match: MatchKind
    /// File and line of the cue.
    public var source: String
}
