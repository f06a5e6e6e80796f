/// The JSON shape of one classified petition, shared by `classify-text --json`
/// and the JSON Lines output of `classify`. Absent values are written as null.
/// The decision's own fields are its `Codable` data; the worded fields (theme
/// and urgency `label`, agency `name`, `agencyName`, `reason`) come from the
/// presenter, in its language.
package struct ClassificationRecord: Encodable, Sendable {
    package var id: String?
    package var classification: Classification
    package var presenter: ClassificationPresenter

    package init(id: String? = nil, classification: Classification, presenter: ClassificationPresenter) {
        self.id = id
        self.classification = classification
        self.presenter = presenter
    }

    /// The worded fields the JSON outputs add to each part of a decision, by
    /// part; the writers and a test hold these to the presenter.
    package static let wordedFields: [String: [String]] = [
        "themes": ["label"], "candidates": ["label"], "urgency": ["label"],
        "agency": ["agencyName", "name", "reason"],
    ]

    enum Keys: String, CodingKey {
        case id, themes, mainTheme, confidence, agency, district, location, urgency, review, candidates, asOf
    }

    /// The place as people write it: "huyện Đông Anh", "KCN Thăng Long (Đông Anh)".
    package static func placeName(_ location: LocationMention?) -> String? {
        guard let location else { return nil }
        switch location.kind {
        case .district, .commune: return location.name
        case .industrialZone:
            return location.districts.isEmpty
                ? location.name : "\(location.name) (\(location.districts.joined(separator: ", ")))"
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let id { try container.encode(id, forKey: .id) }
        let c = classification
        try container.encode(c.themes.map(worded), forKey: .themes)
        try container.encode(c.mainTheme, forKey: .mainTheme)
        try container.encode(c.confidence, forKey: .confidence)
        if let agency = c.agency {
            try container.encode(
                Worded(
                    value: agency,
                    words: [
                        ("agencyName", presenter.agencyName(agency, asOf: c.asOf)),
                        ("name", presenter.bodyName(agency, asOf: c.asOf)),
                        ("reason", presenter.reason(agency, asOf: c.asOf)),
                    ]), forKey: .agency)
        } else {
            try container.encodeNil(forKey: .agency)
        }
        if let place = Self.placeName(c.location) {
            try container.encode(place, forKey: .district)
        } else {
            try container.encodeNil(forKey: .district)
        }
        if let location = c.location {
            try container.encode(location, forKey: .location)
        } else {
            try container.encodeNil(forKey: .location)
        }
        try container.encode(
            c.urgency.map { Worded(value: $0, words: [("label", presenter.urgencyLabel($0.flag))]) }, forKey: .urgency)
        try container.encode(c.needsReview, forKey: .review)
        try container.encode(c.candidates.map(worded), forKey: .candidates)
        try container.encode(c.asOf, forKey: .asOf)
    }

    private func worded(_ theme: ThemeScore) -> Worded<ThemeScore> {
        Worded(value: theme, words: [("label", presenter.themeLabel(theme.id))])
    }
}

/// A part of a decision encoded as its own fields plus the words a presenter
/// gave it, in the same JSON object.
private struct Worded<Value: Encodable>: Encodable {
    var value: Value
    var words: [(key: String, text: String)]

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: WordKey.self)
        for word in words { try container.encode(word.text, forKey: WordKey(stringValue: word.key)) }
    }
}

private struct WordKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
