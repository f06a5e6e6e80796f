import Foundation
import PostgresNIO

/// A register shared on an office network: one PostgreSQL database, chosen by
/// a `postgres://user:password@host:port/database` URL. Every transaction
/// first takes one advisory lock, so writers queue exactly as they do on
/// SQLite and both stores give the same ids and results.
package final class PostgresCaseStore: CaseStore {
    package let displayName: String
    package var kind: String { "postgresql" }
    private let connection: PostgresConnection
    private let group: MultiThreadedEventLoopGroup
    private let logger = Logger(label: "kiennghi.store")

    /// The lock every writing transaction takes (an arbitrary constant).
    static let advisoryLock: Int64 = 0x4B4E_5354

    package init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql", let host = components.host, !host.isEmpty
        else {
            throw StoreFailure.badURL(url)
        }
        let user = components.user ?? "postgres"
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        displayName = "postgres://\(user)@\(host):\(components.port ?? 5432)/\(database)"
        // Plain connections only: the register is meant for a local server or an office network.
        let tls = PostgresConnection.Configuration.TLS.disable
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user,
            password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database,
            tls: tls)
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw StoreFailure.cannotOpen(store: displayName, why: String(reflecting: error).prefix(300).description)
        }
        // `?schema=NAME` keeps the register in its own schema (one database, several registers).
        if let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value {
            guard !schema.isEmpty,
                schema.unicodeScalars.allSatisfy({
                    $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || $0 == "_" || ("0"..."9").contains($0)
                })
            else {
                close()
                throw StoreFailure.badURL(url)
            }
            do {
                let tx = PostgresTransaction(connection: connection, logger: logger, store: displayName)
                try tx.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
                try tx.execute("SET search_path TO \(schema)")
            } catch {
                close()
                throw error
            }
        }
        do {
            try StoreMigrations.migrate(self)
        } catch {
            close()
            throw error
        }
    }

    package func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        let tx = PostgresTransaction(connection: connection, logger: logger, store: displayName)
        try tx.execute("BEGIN")
        do {
            try tx.execute("SELECT pg_advisory_xact_lock(\(Self.advisoryLock))")
            let result = try body(tx)
            try tx.execute("COMMIT")
            return result
        } catch {
            try? tx.execute("ROLLBACK")
            throw error
        }
    }

    package func close() {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit {}
}

struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger
    let store: String

    /// `?` → `$1, $2…` (the register's SQL never has `?` inside a literal).
    static func numbered(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 8)
        var index = 0
        for scalar in sql.unicodeScalars {
            if scalar == "?" {
                index += 1
                output += "$\(index)"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .int(let v): bindings.append(v)
            case .double(let v): bindings.append(v)
            case .text(let v): bindings.append(v)
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
        do {
            return try connection.query(query, logger: logger).wait()
        } catch let error as PSQLError {
            throw StoreFailure.statement(store: store, sql: sql, why: error.serverInfo?[.message] ?? "\(error.code)")
        } catch {
            throw StoreFailure.statement(store: store, sql: sql, why: "\(error)")
        }
    }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        _ = try run(sql, arguments)
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
        let result = try run(sql, arguments)
        var rows: [[SQLValue]] = []
        for row in result {
            var values: [SQLValue] = []
            for cell in row {
                guard cell.bytes != nil else {
                    values.append(.null)
                    continue
                }
                switch cell.dataType {
                case .int2, .int4, .int8: values.append(.int(try cell.decode(Int64.self)))
                case .float4, .float8: values.append(.double(try cell.decode(Double.self)))
                case .numeric: values.append(.double(Double(try cell.decode(String.self)) ?? 0))
                case .bool: values.append(.int(try cell.decode(Bool.self) ? 1 : 0))
                default: values.append(.text(try cell.decode(String.self)))
                }
            }
            rows.append(values)
        }
        return rows
    }
}
