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

    /// `PRAGMA application_id` of every register this version creates ("KNgh"),
    /// so that a SQLite file of another application is never taken for one.
    package static let applicationID: Int32 = 0x4B4E_6768

    /// What a path holds, decided before anything is written there.
    package enum Contents: Equatable, Sendable {
        /// Nothing, a zero-length file, or a SQLite database with no schema at all.
        case blank
        /// A KienNghi register.
        case register
        /// A register of an earlier version, made before registers were marked: it is marked when opened.
        case earlierRegister
    }

    /// Opens (or, when `creating`, creates) the register and migrates it.
    /// Before anything is written it refuses: a path that is not a regular
    /// file, symbolic links included (even a dangling one, which SQLite would
    /// follow to create a file elsewhere); a side file (`-wal`, `-shm`,
    /// `-journal`) that is not a regular file, which SQLite would follow or
    /// delete; and a file that is not a KienNghi register (another
    /// application's database, or not SQLite). Without `creating`, a path
    /// with no register (missing, empty) is ``StoreFailure/noRegister(store:)``
    /// and stays as it was.
    package init(path: String, creating: Bool = true) throws {
        self.path = path
        let contents = try Self.inspect(path)
        if contents == .blank, !creating { throw StoreFailure.noRegister(store: path) }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A new register (or one of an earlier version) is marked; a new one before its
                // journal becomes a write-ahead log, so that the mark is in the file itself.
                if contents != .register { try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
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

    /// Decides, reading only (`lstat`, the 100-byte header, a read-only
    /// connection), whether `path` may be opened as a register.
    package static func inspect(_ path: String) throws -> Contents {
        if let kind = AtomicOutputFile.FileKind.of(path), kind != .regular {
            throw StoreFailure.cannotOpen(store: path, why: "not a regular file")
        }
        // SQLite makes `NAME-journal` beside it: a name with no room for that fails only midway.
        let name = AtomicOutputFile.lastComponent(of: path)
        let longest = AtomicOutputFile.longestName - "-journal".utf8.count
        if name.utf8.count > longest {
            throw StoreFailure.nameTooLong(store: path, bytes: name.utf8.count, limit: longest)
        }
        for suffix in sideSuffixes {
            if let kind = AtomicOutputFile.FileKind.of(path + suffix), kind != .regular {
                throw StoreFailure.sideFile(store: path, file: path + suffix, kind: kind)
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if AtomicOutputFile.FileKind.of(path) == nil { return .blank }
            throw StoreFailure.cannotOpen(store: path, why: "not readable")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .blank }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreFailure.notARegister(store: path, why: .notSQLite)
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if Int32(bitPattern: id) == applicationID { return .register }
        guard id == 0 else { throw StoreFailure.notARegister(store: path, why: .otherApplication) }
        // Unmarked: a register of an earlier version, a blank database, or another application's.
        // A database in WAL mode is read from a private copy: a read-only connection would
        // still create its -wal and -shm beside it, and leave them there.
        let inWALMode = header[18] == 2 || header[19] == 2
        var readFrom = path
        var copyFolder: URL?
        defer { if let copyFolder { try? FileManager.default.removeItem(at: copyFolder) } }
        if inWALMode {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kiennghi-inspect-\(UUID().uuidString)")
            copyFolder = folder
            readFrom = folder.appendingPathComponent("register.sqlite").path
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                try FileManager.default.copyItem(atPath: path, toPath: readFrom)
                if AtomicOutputFile.FileKind.of(path + "-wal") == .regular {
                    try FileManager.default.copyItem(atPath: path + "-wal", toPath: readFrom + "-wal")
                }
            } catch {
                throw StoreFailure.cannotOpen(
                    store: path, why: "cannot copy it to inspect it: \(error.localizedDescription)")
            }
        }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let tables: [String]
        let migrationColumns: [String]
        do {
            let reader = try DatabaseQueue(path: readFrom, configuration: configuration)
            defer { try? reader.close() }
            (tables, migrationColumns) = try reader.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"),
                    try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('schema_migrations')")
                )
            }
        } catch let error as DatabaseError {
            throw StoreFailure.cannotOpen(store: path, why: error.message ?? "\(error.resultCode)")
        }
        if tables.isEmpty { return .blank }
        // An earlier version's register holds only its own tables and indexes, and its migrations table.
        let known = Set(StoreMigrations.objectNames).union(["schema_migrations"])
        guard migrationColumns == ["version", "applied_at"], Set(tables).isSubset(of: known) else {
            throw StoreFailure.notARegister(store: path, why: .otherApplication)
        }
        return .earlierRegister
    }

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
