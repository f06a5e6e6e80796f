/// Places a petition may name: Hà Nội's districts (until 2025-06-30), the
/// commune-level units that replaced them, and the industrial zones.
public struct Gazetteer: Sendable {
    public struct District: Sendable, Equatable {
        public var name: String
        /// quận, huyện or thị xã.
        public var type: String
        public var variants: [String]
        /// Commune-level units that took over (part of) it on 2025-07-01.
        public var successors: [String]

        public var fullName: String { "\(type) \(name)" }
    }

    public struct Commune: Sendable, Equatable {
        public var name: String
        /// phường or xã.
        public var type: String
        public var predecessorDistricts: [String]

        public var fullName: String { "\(type.prefix(1).uppercased() + type.dropFirst()) \(name)" }
    }

    public struct IndustrialZone: Sendable, Equatable {
        public var name: String
        public var variants: [String]
        public var districts: [String]
        /// The commune-level unit it lies in from 2025-07-01, when known.
        public var commune: String?
    }

    public var districts: [District] = []
    public var communes: [Commune] = []
    public var zones: [IndustrialZone] = []

    public init() {}

    public func district(named name: String) -> District? { districts.first { $0.name == name } }
}
