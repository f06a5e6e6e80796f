/// A calendar day (no time zone games) for effective-dated routing.
public struct RoutingDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
        else { return nil }
        let days = [
            31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...days[m - 1]).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The default routing date: the 2019 structure the seed dialogue used.
    public static let structure2019 = RoutingDate(year: 2019, month: 12, day: 31)

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = RoutingDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// An inclusive date range; a nil end is open.
public struct ValidityPeriod: Sendable, Equatable, Codable {
    public var from: RoutingDate?
    public var until: RoutingDate?

    public func contains(_ date: RoutingDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date <= $0 } ?? true)
    }

    public func overlaps(_ other: ValidityPeriod) -> Bool {
        let startA = from ?? RoutingDate(year: 1, month: 1, day: 1)
        let startB = other.from ?? RoutingDate(year: 1, month: 1, day: 1)
        let endA = until ?? RoutingDate(year: 9999, month: 12, day: 31)
        let endB = other.until ?? RoutingDate(year: 9999, month: 12, day: 31)
        return startA <= endB && startB <= endA
    }
}
