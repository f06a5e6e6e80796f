/// What decided a routing suggestion: a reason code, worded only at the edge.
public enum RoutingBasis: String, Sendable, Codable {
    /// The theme's default rule.
    case themeDefault = "theme-default"
    /// A rule whose phrase occurs in the petition.
    case phrase
    /// A rule for the petition's scope (local or city-wide).
    case scope
    /// A rule with both a phrase and a scope.
    case phraseAndScope = "phrase-and-scope"
    /// The learned agency model (learned/agency-weights.tsv) overruled a theme-default or scope rule.
    case learned
}
