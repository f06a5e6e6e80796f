/// The JSON shape of one classified petition, shared by `classify-text --json`
/// and the JSON Lines output of `classify`. Absent values are written as null.
package struct ClassificationRecord: Encodable, Sendable {
    package var id: String?
    package var classification: Classification

    package init(id: String? = nil, classification: Classification) {
        self.id = id
        self.classification = classification
    }

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
        try container.encode(c.themes, forKey: .themes)
        try container.encode(c.mainTheme, forKey: .mainTheme)
        try container.encode(c.confidence, forKey: .confidence)
        if let agency = c.agency {
            try container.encode(agency, forKey: .agency)
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
        try container.encode(c.urgency, forKey: .urgency)
        try container.encode(c.needsReview, forKey: .review)
        try container.encode(c.candidates, forKey: .candidates)
        try container.encode(c.asOf, forKey: .asOf)
    }
}
