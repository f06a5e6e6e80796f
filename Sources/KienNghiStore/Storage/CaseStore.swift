import Foundation
import KienNghiCore

/// A value stored in a register column. The schema uses only these four kinds
/// so that SQLite and PostgreSQL hold, and give back, the same values.
package enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    package var int: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): Int64(value)
        case .text(let value): Int64(value)
        case .null: nil
        }
    }

    package var text: String? {
        switch self {
        case .text(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .null: nil
        }
    }

    package var double: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        case .text(let value): Double(value)
        case .null: nil
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
    package init(integerLiteral value: Int64) { self = .int(value) }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int) { self = .int(Int64(value)) }
}

/// One open transaction on a store. Statements use `?` placeholders; a
/// backend rewrites them to its own syntax.
package protocol StoreTransaction {
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]]
}

extension StoreTransaction {
    package func execute(_ sql: String) throws { try execute(sql, []) }
    package func query(_ sql: String) throws -> [[SQLValue]] { try query(sql, []) }
    /// The first column of the first row, if any.
    package func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue {
        try query(sql, arguments).first?.first ?? .null
    }
}

/// Where the case register lives. Every read and write goes through
/// `transaction`, which commits when the body returns and rolls back when it
/// throws, so a failure (or a killed process) never leaves half a change.
package protocol CaseStore: AnyObject {
    /// A short name for messages: the file path, or the server without password.
    var displayName: String { get }
    /// `sqlite` or `postgresql`.
    var kind: String { get }
    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    func close()
}

/// A failure of the store itself, with what to do about it.
package enum StoreFailure: Error, Equatable, Sendable {
    /// The store could not be opened or reached.
    case cannotOpen(store: String, why: String)
    /// A statement failed (the SQL is kept; arguments are not, they may be personal data).
    case statement(store: String, sql: String, why: String)
    /// The store was written by a newer KienNghi.
    case newerSchema(store: String, found: Int, known: Int)
    /// A `postgres://` URL that could not be understood.
    case badURL(String)
    /// A command that only uses a register found none at the path (nothing, or an empty file); nothing was created.
    case noRegister(store: String)
    /// A SQLite side file (`-wal`, `-shm`, `-journal`) is a link, folder, device or FIFO:
    /// SQLite would follow or delete it, so the register is not opened.
    case sideFile(store: String, file: String, kind: AtomicOutputFile.FileKind)
    /// The file is not a KienNghi register; it was not changed.
    case notARegister(store: String, why: NotARegister)
    /// The register's file name (`bytes` long) leaves no room for SQLite's `-journal` beside it
    /// within a file name's limit: at most `limit` bytes; nothing was made.
    case nameTooLong(store: String, bytes: Int, limit: Int)

    /// Why a file is not taken for a register.
    package enum NotARegister: Sendable, Equatable {
        /// Not a SQLite database at all.
        case notSQLite
        /// A SQLite database of another application.
        case otherApplication
    }
}
