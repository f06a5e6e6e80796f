import Foundation

/// Chooses the store from `--store`, then `KIENNGHI_STORE`, then
/// `./kiennghi.sqlite`: a `postgres://` URL opens PostgreSQL, anything else is
/// a SQLite file path.
public enum StoreLocation {
    public static let defaultPath = "kiennghi.sqlite"
    public static let environmentVariable = "KIENNGHI_STORE"

    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return defaultPath
    }

    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public static func open(_ location: String) throws -> any CaseStore {
        if isPostgres(location) { return try PostgresCaseStore(url: location) }
        return try SQLiteCaseStore(path: location)
    }
}
