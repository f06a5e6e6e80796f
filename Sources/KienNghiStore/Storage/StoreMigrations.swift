import Foundation

/// The register's schema, as numbered steps that run once each, in order, in
/// one transaction per step. The same statements run on SQLite and
/// PostgreSQL: only BIGINT, DOUBLE PRECISION and TEXT columns, ids chosen by
/// the register (no AUTOINCREMENT/SERIAL), booleans as 0/1.
package enum StoreMigrations {
    package static let steps: [[String]] = [
        [
            """
            CREATE TABLE dialogues (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, held_on TEXT,
              created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE imports (id BIGINT PRIMARY KEY, dialogue_id BIGINT NOT NULL REFERENCES dialogues(id),
              file TEXT NOT NULL, content_hash TEXT NOT NULL, columns TEXT NOT NULL, started_at TEXT NOT NULL,
              UNIQUE (content_hash))
            """,
            """
            CREATE TABLE case_groups (id BIGINT PRIMARY KEY, dialogue_id BIGINT NOT NULL REFERENCES dialogues(id),
              status TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE petitions (id BIGINT PRIMARY KEY, import_id BIGINT NOT NULL REFERENCES imports(id),
              dialogue_id BIGINT NOT NULL REFERENCES dialogues(id), group_id BIGINT NOT NULL REFERENCES case_groups(id),
              source_row BIGINT NOT NULL, source_id TEXT NOT NULL, text TEXT NOT NULL, cells TEXT NOT NULL,
              sender TEXT, received_on TEXT, theme TEXT NOT NULL, themes TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
              agency_id TEXT, agency_name TEXT, district TEXT, urgent BIGINT NOT NULL, classification TEXT NOT NULL,
              signature TEXT NOT NULL, UNIQUE (import_id, source_row))
            """,
            "CREATE INDEX petitions_group ON petitions (group_id)",
            "CREATE INDEX petitions_dialogue ON petitions (dialogue_id)",
            """
            CREATE TABLE petition_bands (petition_id BIGINT NOT NULL REFERENCES petitions(id),
              band_key BIGINT NOT NULL, PRIMARY KEY (band_key, petition_id))
            """,
            """
            CREATE TABLE assignments (id BIGINT PRIMARY KEY, group_id BIGINT NOT NULL REFERENCES case_groups(id),
              agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, assigned_on TEXT NOT NULL, due_on TEXT NOT NULL,
              suggested BIGINT NOT NULL, actor TEXT NOT NULL, reason TEXT, active BIGINT NOT NULL)
            """,
            """
            CREATE TABLE answers (id BIGINT PRIMARY KEY, group_id BIGINT NOT NULL REFERENCES case_groups(id),
              agency_id TEXT NOT NULL, answered_on TEXT NOT NULL, text TEXT NOT NULL, partial BIGINT NOT NULL,
              actor TEXT NOT NULL)
            """,
            """
            CREATE TABLE case_history (id BIGINT PRIMARY KEY, group_id BIGINT NOT NULL, at TEXT NOT NULL,
              event TEXT NOT NULL, status TEXT, actor TEXT NOT NULL, detail TEXT)
            """,
            "CREATE INDEX history_group ON case_history (group_id)",
        ]
    ]

    /// The tables and indexes the steps create: an unmarked SQLite file holding
    /// only these (and `schema_migrations`) is a register of an earlier version.
    static let objectNames: [String] = steps.joined().compactMap { statement in
        let words = statement.split(whereSeparator: \.isWhitespace)
        guard words.count > 2, words[0] == "CREATE", words[1] == "TABLE" || words[1] == "INDEX" else { return nil }
        return String(words[2])
    }

    /// Brings a store up to the current schema; refuses one written by a newer version.
    static func migrate(_ store: any CaseStore) throws {
        try store.transaction { db in
            try db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)")
        }
        let applied = try store.transaction { db in
            Int(try db.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").int ?? 0)
        }
        if applied > steps.count {
            throw StoreFailure.newerSchema(store: store.displayName, found: applied, known: steps.count)
        }
        for version in (applied + 1)..<(steps.count + 1) {
            try store.transaction { db in
                // Another process may have migrated meanwhile.
                guard
                    try db.scalar("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", [.int(Int64(version))])
                        .int == 0
                else { return }
                for statement in steps[version - 1] { try db.execute(statement) }
                try db.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [.int(Int64(version)), .text(ISO8601DateFormatter().string(from: Date()))])
            }
        }
    }
}
