import Foundation
import GRDB
import KienNghiCore

/// The embedded register: one SQLite file, created on first use, written
/// through GRDB in IMMEDIATE transactions with a write-ahead journal (a killed
/// process loses only the transaction it was in).
package final class SQLiteCaseStore: CaseStore {
    package let path: String
    private let queue: DatabaseQueue

    package var displayName: String { path }
    package var kind: String { "sqlite" }

    /// Opens (or creates) the file and migrates it. Refuses directories and
    /// anything that is not a regular file, symbolic links included (even a
    /// dangling one, which SQLite would follow to create a file elsewhere),
    /// and a side file (`-wal`, `-shm`, `-journal`) that is not a regular
    /// file, which SQLite would follow, block on or delete.
    package init(path: String) throws {
        self.path = path
        if let kind = AtomicOutputFile.FileKind.of(path), kind != .regular {
            throw StoreFailure.cannotOpen(store: path, why: "not a regular file")
        }
        for suffix in Self.sideSuffixes {
            if let kind = AtomicOutputFile.FileKind.of(path + suffix), kind != .regular {
                throw StoreFailure.sideFile(store: path, file: path + suffix, kind: kind)
            }
        }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        } catch let error as DatabaseError {
            throw StoreFailure.cannotOpen(store: path, why: error.message ?? "\(error.resultCode)")
        }
        try StoreMigrations.migrate(self)
    }

    /// The side files SQLite makes beside a database.
    package static let sideSuffixes = ["-wal", "-shm", "-journal"]

    package func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        var result: T?
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteTransaction(db: db, store: path))
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreFailure.statement(store: path, sql: error.sql ?? "", why: error.message ?? "\(error.resultCode)")
        }
        return result!
    }

    package func close() { try? queue.close() }
}

struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let store: String

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments.map(\.grdb)))
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.grdb)))
        return rows.map { row in
            row.databaseValues.map { value in
                switch value.storage {
                case .null: .null
                case .int64(let v): .int(v)
                case .double(let v): .double(v)
                case .string(let v): .text(v)
                case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                }
            }
        }
    }
}

extension SQLValue {
    var grdb: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let v): v.databaseValue
        case .double(let v): v.databaseValue
        case .text(let v): v.databaseValue
        }
    }
}
