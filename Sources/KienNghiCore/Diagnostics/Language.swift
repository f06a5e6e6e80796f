/// Language of user-facing text: Vietnamese by default, English on request.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// Picks the Vietnamese or English wording.
    @inline(__always)
    public func pick(_ vietnamese: String, _ english: String) -> String {
        self == .vi ? vietnamese : english
    }
}
