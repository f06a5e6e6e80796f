import Foundation

/// Chooses the store from `--store`, then `KIENNGHI_STORE`, then
/// `./kiennghi.sqlite`: a `postgres://` URL opens PostgreSQL, anything else is
/// a SQLite file path.
package enum StoreLocation {
    package static let defaultPath = "kiennghi.sqlite"
    package static let environmentVariable = "KIENNGHI_STORE"

    package static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }

    package static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Opens the store; only `creating` makes a new SQLite register (see ``SQLiteCaseStore/init(path:creating:)``).
    package static func open(_ location: String, creating: Bool = true) throws -> any CaseStore {
        if isPostgres(location) { return try PostgresCaseStore(url: location) }
        return try SQLiteCaseStore(path: location, creating: creating)
    }
}
