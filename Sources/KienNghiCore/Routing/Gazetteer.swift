/// Places a petition may name: Hà Nội's districts (until 2025-06-30), the
/// commune-level units that replaced them, and the industrial zones.
package struct Gazetteer: Sendable {
    package struct District: Sendable, Equatable {
        package var name: String
        /// quận, huyện or thị xã.
        package var type: String
        package var variants: [String]
        /// Commune-level units that took over (part of) it on 2025-07-01.
        package var successors: [String]

        package var fullName: String { "\(type) \(name)" }
    }

    package struct Commune: Sendable, Equatable {
        package var name: String
        /// phường or xã.
        package var type: String
        package var predecessorDistricts: [String]

        package var fullName: String { "\(type.prefix(1).uppercased() + type.dropFirst()) \(name)" }
    }

    package struct IndustrialZone: Sendable, Equatable {
        package var name: String
        package var variants: [String]
        package var districts: [String]
        /// The commune-level unit it lies in from 2025-07-01, when known.
        package var commune: String?
    }

    package var districts: [District] = []
    package var communes: [Commune] = []
    package var zones: [IndustrialZone] = []

    package init() {}

    package func district(named name: String) -> District? { districts.first { $0.name == name } }
}
