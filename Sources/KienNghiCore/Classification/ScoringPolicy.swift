/// The documented numbers behind theme decisions.
///
/// - A phrase adds its weight; matched on text typed without diacritics it adds
///   `plainMatchFactor` × weight. A phrase repeated adds `repeatFactor` × weight
///   per extra occurrence, at most `maximumRepeats` times.
/// - A theme is accepted when its score ≥ `threshold` and ≥ `margin` × the top score.
/// - Nothing accepted: `other`, and the petition goes to the review queue.
/// - Confidence of the main theme: top / (top + second + `confidenceDamping`).
public struct ScoringPolicy: Sendable, Equatable {
    public var threshold = 2.0
    public var margin = 0.4
    public var plainMatchFactor = 0.7
    public var repeatFactor = 0.25
    public var maximumRepeats = 2
    public var confidenceDamping = 1.0

    public init() {}
}
