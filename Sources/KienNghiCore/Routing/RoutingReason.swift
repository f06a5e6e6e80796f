/// Why a routing suggestion was made, as data: a reason code with its
/// parameters. ``ClassificationPresenter`` words it in Vietnamese or English.
public enum RoutingReason: Sendable, Equatable, Codable {
    /// The deciding rule's own explanation (the rule is ``AgencySuggestion/rule``).
    case rule
    /// The rule's phrase, as the petition wrote it.
    case phrase(surface: String)
    /// The petition's scope, with its strongest cues as written (at most three).
    case scope(RoutingScope, cues: [String])
    /// The rule's agency ended on `until` (nil: date not recorded) and `successor` answers now.
    case takenOver(former: String, until: RoutingDate?, successor: String)
    /// Sent to review with no theme: suggested from a phrase rule.
    case reviewFromPhrase
    /// Sent to review: suggested from the nearest theme (its id).
    case reviewFromTheme(String)
    /// The local body cannot be named: the petition names no place, or a place
    /// the gazetteer does not list (`unlisted`, as written).
    case placeUnknown(LocalAgency, unlisted: String?)
    /// A former district or zone named in the petition (as written) now lies
    /// in several units: the reader picks one.
    case placeSplit(surface: String, units: [String])
}

/// The routing table's local agencies, named after the place in the petition.
public enum LocalAgency: String, Sendable, Codable {
    /// The district People's Committee (until 2025-06-30).
    case district
    /// The ward or commune People's Committee (from 2025-07-01).
    case commune
}
