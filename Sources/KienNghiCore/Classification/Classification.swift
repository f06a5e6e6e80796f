/// Theme ids the code itself relies on.
public enum ThemeID {
    /// The theme of a petition no theme fits: it is sent to review.
    public static let other = "other"
}

/// The words that triggered a decision, and where the user wrote them.
public struct Evidence: Sendable, Equatable, Codable {
    /// The lexicon phrase as written in its file.
    public var phrase: String
    /// The text as the petition wrote it.
    public var surface: String
    /// UTF-8 byte offsets into the petition text.
    public var start: Int
    /// End of the span (exclusive), UTF-8 byte offset into the petition text.
    public var end: Int
    /// Contribution to the score (after the plain-match discount; 0 when negated).
    public var weight: Double
    /// `accented` or `plain` (matched on text typed without diacritics).
    public var match: MatchKind
    /// The phrase was cancelled by a negation cue before it ("không còn ùn tắc").
    public var negated: Bool
    /// File and line of the lexicon entry.
    public var source: String
}

/// A theme with its score and evidence.
public struct ThemeScore: Sendable, Equatable, Codable {
    /// The theme id (`labour`, `traffic`; ``ThemeID/other`` for the review queue).
    public var id: String
    /// Sum of the evidence weights after negation, repeats and exclusions.
    public var score: Double
    /// The phrases that scored, in text order.
    public var evidence: [Evidence]
}

/// A place named in the petition.
public struct LocationMention: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case district, commune
        case industrialZone = "industrial-zone"
    }

    /// District, commune or industrial zone.
    public var kind: Kind
    /// As the gazetteer names it ("Đông Anh", "KCN Thăng Long", "Phường Yên Hoà").
    public var name: String
    /// District(s) it lay in until 2025-06-30.
    public var districts: [String]
    /// The place as the petition wrote it.
    public var surface: String
    /// UTF-8 byte offsets of ``surface`` in the petition text (end exclusive).
    public var start: Int
    /// End of the span (exclusive).
    public var end: Int
}

/// Who should answer, and why.
public struct AgencySuggestion: Sendable, Equatable, Codable {
    /// Agency id valid on the routing date (e.g. `labour`, or `home-affairs` from 2025-03-01).
    public var id: String
    /// The routing rule that decided (file:line).
    public var rule: String
    /// For local bodies: the unit named in the petition, or the candidates when
    /// an old district maps to several communes.
    public var localUnits: [String]
    /// True when the petition's place maps to several possible local bodies.
    public var ambiguous: Bool
    /// The theme the rule was chosen for: the main theme, or for a petition sent
    /// to review its strongest candidate (`other` when there is none).
    public var theme: String
    /// Which kind of rule decided (reason code).
    public var basis: RoutingBasis
    /// The rule's phrase as found in the petition, when a phrase decided.
    public var phrase: Evidence?
    /// The petition's scope and its cues (local or city-wide), also when the rule did not need it.
    public var scope: ScopeAssessment
    /// 0…1: the theme's confidence times how specific the deciding rule is;
    /// halved for a petition sent to review.
    public var confidence: Double
    /// True for a petition sent to review: the agency is a suggestion for the
    /// person who reads it, not a decision.
    public var needsReview: Bool
    /// Why, as reason codes with their parameters; ``ClassificationPresenter/reason(_:asOf:)`` words them.
    public var reasons: [RoutingReason] = []

    enum CodingKeys: String, CodingKey {
        case id, rule, localUnits, ambiguous, theme, basis, phrase, scope, confidence, needsReview
    }
}

/// An urgency flag with the words that raised it.
public struct UrgencyMention: Sendable, Equatable, Codable {
    /// What kind of urgency.
    public var flag: UrgencyFlag
    /// The words that raised it (negated ones included, marked).
    public var evidence: [Evidence]
}

/// Everything KienNghi decided about one petition.
public struct Classification: Sendable, Equatable, Codable {
    /// Accepted themes, strongest first; `[other]` when nothing was strong enough.
    public var themes: [ThemeScore]
    /// Themes that had evidence but stayed under the threshold or margin.
    public var candidates: [ThemeScore]
    /// 0…1: how decisive the main theme is (0 for `other`).
    public var confidence: Double
    /// Who should answer. For a petition sent to review (``needsReview``) this is
    /// the best suggestion with a lower confidence; nil only when no rule applies.
    public var agency: AgencySuggestion?
    /// The most specific place named (zone, then commune, then district).
    public var location: LocationMention?
    /// Urgency flags raised by words not negated, in ``UrgencyFlag`` order.
    public var urgency: [UrgencyMention]
    /// The routing date used.
    public var asOf: RoutingDate

    /// The strongest accepted theme's id (``ThemeID/other`` when none was accepted).
    public var mainTheme: String { themes.first?.id ?? ThemeID.other }
    /// True when no theme was accepted: a person must read the petition.
    public var needsReview: Bool { mainTheme == ThemeID.other }
}
