import Foundation
import KienNghiCore

/// The register's operations, written once over any ``CaseStore`` so SQLite
/// and PostgreSQL behave the same. Every operation is one transaction.
package final class CaseRegister {
    package let store: any CaseStore
    package let signatures: SignatureBuilder
    /// Two petitions belong together when their estimated Jaccard similarity
    /// (unigram + bigram syllable shingles) is at least this. Chosen on the
    /// hand-checked pairs in Tests/KienNghiStoreTests (see the notes there):
    /// every duplicate pair scores ≥ 0.5 and no distinct pair above 0.3.
    package var threshold: Double = CaseRegister.defaultThreshold
    package static let defaultThreshold = 0.45

    package init(store: any CaseStore, analyzer: Analyzer = Analyzer()) {
        self.store = store
        self.signatures = SignatureBuilder(analyzer: analyzer)
    }

    // MARK: Dialogues and import

    package struct Dialogue: Sendable, Equatable {
        package var id: Int64
        package var name: String
        package var heldOn: String?
    }

    /// An import under way: which file, into which dialogue.
    package struct ImportTicket: Sendable {
        package var importID: Int64
        package var dialogue: Dialogue
        package var file: String
        /// Rows already stored by an earlier (perhaps interrupted) import of the same content.
        package var alreadyStored: Int
        /// Column roles found in the header.
        var senderColumn: Int?
        var dateColumn: Int?
        /// The dialogue's petitions by band, kept through the import.
        let candidates: CandidateIndex
        /// Stored petitions this run has taken as its rows (by id), when rows were stored before.
        let claimed = ClaimedRows()
    }

    /// The stored petitions one import run has matched to its rows, each to one row only
    /// (one thread at a time, as ``CandidateIndex``).
    final class ClaimedRows: @unchecked Sendable {
        private(set) var ids: Set<Int64> = []
        func claim(_ id: Int64) { ids.insert(id) }
    }

    package struct ImportCounts: Sendable, Equatable {
        package var added = 0
        package var alreadyThere = 0
        package var newGroups = 0
        package var joinedGroups = 0
    }

    package func dialogues() throws -> [Dialogue] {
        try store.transaction { db in
            try db.query("SELECT id, name, held_on FROM dialogues ORDER BY id").map {
                Dialogue(id: $0[0].int!, name: $0[1].text!, heldOn: $0[2].text)
            }
        }
    }

    /// Starts (or resumes) importing one file. The file's content hash is the
    /// key: the same content, under any name, is imported once.
    package func beginImport(
        file: String, columns: [String], dialogue name: String, heldOn: CaseDate?,
        now: String = CaseRegister.timestamp()
    ) throws -> ImportTicket {
        let hash = try ContentHash.file(file)
        return try store.transaction { db in
            let dialogue = try self.dialogue(db, name: name, heldOn: heldOn, create: true, now: now)!
            let existing = try db.query(
                "SELECT i.id, i.dialogue_id, d.name FROM imports i JOIN dialogues d ON d.id = i.dialogue_id WHERE i.content_hash = ?",
                [.text(hash)])
            let importID: Int64
            if let row = existing.first {
                guard row[1].int == dialogue.id else {
                    throw CaseRegisterFailure.importedElsewhere(file: file, dialogue: row[2].text ?? "")
                }
                importID = row[0].int!
            } else {
                importID = try self.nextID(db, "imports")
                try db.execute(
                    "INSERT INTO imports (id, dialogue_id, file, content_hash, columns, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        .int(importID), .int(dialogue.id), .text(file), .text(hash), .text(Self.json(columns)),
                        .text(now),
                    ])
            }
            let stored = try db.scalar("SELECT COUNT(*) FROM petitions WHERE import_id = ?", [.int(importID)]).int ?? 0
            return ImportTicket(
                importID: importID, dialogue: dialogue, file: file, alreadyStored: Int(stored),
                senderColumn: ColumnRoles.sender(columns), dateColumn: ColumnRoles.received(columns),
                candidates: CandidateIndex(dialogue: dialogue.id))
        }
    }

    /// Stores one classified batch in one transaction: rows already stored are
    /// skipped, each new petition joins the group of its most similar petition
    /// of the same dialogue (or starts a group). The dialogue's petitions are
    /// compared in memory (``CandidateIndex``), read once per import and then
    /// only those stored since.
    package func store(
        _ batch: [ClassifiedPetition], into ticket: ImportTicket, presenter: ClassificationPresenter,
        now: String = CaseRegister.timestamp()
    )
        throws -> ImportCounts
    {
        let prepared = batch.map { ($0, signatures.signature($0.record.text)) }
        let candidates = ticket.candidates
        do {
            return try storeBatch(prepared, into: ticket, candidates: candidates, now: now, presenter: presenter)
        } catch {
            candidates.reset()  // it may hold petitions the rolled-back transaction never stored
            throw error
        }
    }

    /// Whether an earlier run of this import stored the petition, each stored petition
    /// standing for one row: the same text at its row, else a copy of its text stored at
    /// another row (rows numbered otherwise then: Word table rows were numbered per table
    /// until 2026-12), which then takes this row's number. When the petition is new, a stored
    /// one holding its row number with another text is moved out of the way (to its id,
    /// negated) until its own row claims it. A first run stores every row unchecked: no row
    /// of one file is another's.
    private func isStored(_ record: PetitionRecord, row: Int64, ticket: ImportTicket, _ db: any StoreTransaction)
        throws -> Bool
    {
        guard ticket.alreadyStored > 0 else { return false }
        let atRow = try db.query(
            "SELECT id, text FROM petitions WHERE import_id = ? AND source_row = ?", [.int(ticket.importID), .int(row)]
        ).first.map { (id: $0[0].int!, text: $0[1].text) }
        if let atRow, atRow.text == record.text, !ticket.claimed.ids.contains(atRow.id) {
            ticket.claimed.claim(atRow.id)
            return true
        }
        let copy = try db.query(
            "SELECT id FROM petitions WHERE import_id = ? AND text = ? ORDER BY source_row",
            [.int(ticket.importID), .text(record.text)]
        ).lazy.compactMap { $0[0].int }.first { !ticket.claimed.ids.contains($0) }
        if let atRow {
            try db.execute("UPDATE petitions SET source_row = ? WHERE id = ?", [.int(-atRow.id), .int(atRow.id)])
        }
        guard let copy else { return false }
        ticket.claimed.claim(copy)
        try db.execute("UPDATE petitions SET source_row = ? WHERE id = ?", [.int(row), .int(copy)])
        return true
    }

    private func storeBatch(
        _ prepared: [(ClassifiedPetition, PetitionSignature)], into ticket: ImportTicket, candidates: CandidateIndex,
        now: String, presenter: ClassificationPresenter
    ) throws -> ImportCounts {
        try store.transaction { db in
            try candidates.load(db)
            var counts = ImportCounts()
            for (petition, signature) in prepared {
                let row = Int64(petition.record.location)
                if try self.isStored(petition.record, row: row, ticket: ticket, db) {
                    counts.alreadyThere += 1
                    continue
                }
                let groupID: Int64
                if let match = candidates.bestMatch(signature, threshold: self.threshold),
                    let group = try db.scalar("SELECT group_id FROM petitions WHERE id = ?", [.int(match.petition)]).int
                {
                    groupID = group
                    counts.joinedGroups += 1
                } else {
                    groupID = try self.nextID(db, "case_groups")
                    try db.execute(
                        "INSERT INTO case_groups (id, dialogue_id, status, created_at) VALUES (?, ?, 'open', ?)",
                        [.int(groupID), .int(ticket.dialogue.id), .text(now)])
                    try self.history(
                        db, group: groupID, at: now, event: "created", status: "open", actor: "import",
                        detail: ticket.file)
                    counts.newGroups += 1
                }
                let id = try self.nextID(db, "petitions")
                let c = petition.classification
                let cells = petition.record.cells
                let sender = ticket.senderColumn.flatMap { $0 < cells.count ? cells[$0] : nil }.map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                let received = ticket.dateColumn.flatMap { $0 < cells.count ? CaseDate(cells[$0]) : nil }
                try db.execute(
                    """
                    INSERT INTO petitions (id, import_id, dialogue_id, group_id, source_row, source_id, text, cells, sender, received_on,
                      theme, themes, confidence, agency_id, agency_name, district, urgent, classification, signature)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .int(id), .int(ticket.importID), .int(ticket.dialogue.id), .int(groupID), .int(row),
                        .text(petition.record.id),
                        .text(petition.record.text), .text(Self.json(cells)),
                        SQLValue(sender?.isEmpty == false ? sender : nil),
                        SQLValue(received?.description), .text(c.mainTheme),
                        .text(c.themes.map(\.id).joined(separator: ";")),
                        .double((c.confidence * 1000).rounded() / 1000), SQLValue(c.agency.map(Self.agencyKey)),
                        SQLValue(c.agency.map { presenter.bodyName($0, asOf: c.asOf) }),
                        SQLValue(c.location?.districts.first), .int(c.urgency.isEmpty ? 0 : 1), .text(Self.json(c)),
                        .text(signature.encoded),
                    ])
                for key in Set(signature.bandKeys).sorted() {
                    try db.execute(
                        "INSERT INTO petition_bands (petition_id, band_key) VALUES (?, ?)", [.int(id), .int(key)])
                }
                candidates.add(id, signature)
                counts.added += 1
            }
            return counts
        }
    }

    // MARK: Helpers shared by the operations

    func dialogue(
        _ db: any StoreTransaction, name: String, heldOn: CaseDate? = nil, create: Bool = false, now: String = ""
    ) throws -> Dialogue? {
        if let row = try db.query("SELECT id, name, held_on FROM dialogues WHERE name = ?", [.text(name)]).first {
            let found = Dialogue(id: row[0].int!, name: row[1].text!, heldOn: row[2].text)
            if let heldOn, let stored = found.heldOn, stored != heldOn.description {
                throw CaseRegisterFailure.dialogueDateMismatch(
                    dialogue: name, stored: stored, given: heldOn.description)
            }
            if let heldOn, found.heldOn == nil {
                try db.execute(
                    "UPDATE dialogues SET held_on = ? WHERE id = ?", [.text(heldOn.description), .int(found.id)])
                return Dialogue(id: found.id, name: found.name, heldOn: heldOn.description)
            }
            return found
        }
        guard create else { throw CaseRegisterFailure.unknownDialogue(name) }
        let id = try nextID(db, "dialogues")
        try db.execute(
            "INSERT INTO dialogues (id, name, held_on, created_at) VALUES (?, ?, ?, ?)",
            [.int(id), .text(name), SQLValue(heldOn?.description), .text(now)])
        return Dialogue(id: id, name: name, heldOn: heldOn?.description)
    }

    func nextID(_ db: any StoreTransaction, _ table: String) throws -> Int64 {
        (try db.scalar("SELECT COALESCE(MAX(id), 0) FROM \(table)").int ?? 0) + 1
    }

    func history(
        _ db: any StoreTransaction, group: Int64, at: String, event: String, status: String?, actor: String,
        detail: String?
    ) throws {
        try db.execute(
            "INSERT INTO case_history (id, group_id, at, event, status, actor, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .int(try nextID(db, "case_history")), .int(group), .text(at), .text(event), SQLValue(status),
                .text(actor), SQLValue(detail),
            ])
    }

    /// An agency as the register counts it: the agency id, and for a local
    /// body the unit it names (`district-ubnd:Đông Anh`), so each of the ~20
    /// bodies the city writes to is counted on its own.
    static func agencyKey(_ agency: AgencySuggestion) -> String {
        guard let unit = agency.localUnits.first, !agency.ambiguous else { return agency.id }
        return "\(agency.id):\(unit)"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// Now, in UTC, to the second (for history entries).
    package static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// Which dialogues count as earlier than a given one: by date held, then by id.
struct DialogueOrder {
    var rank: [Int64: Int]
    var current: Int64

    func isEarlier(_ dialogue: Int64) -> Bool {
        guard let a = rank[dialogue], let b = rank[current] else { return false }
        return a < b
    }
}

/// Finds the columns that say who sent a petition and when it was received.
enum ColumnRoles {
    static let senderNames: Set<String> = [
        "nguoi gui", "don vi", "don vi gui", "to chuc", "sender", "unit", "nguoi kien nghi", "ten don vi",
        "co quan gui", "ho ten", "from",
    ]
    static let receivedNames: Set<String> = [
        "ngay nhan", "ngay", "ngay gui", "date", "received", "thoi gian", "ngay kien nghi",
    ]
    private static let analyzer = Analyzer(abbreviations: AbbreviationTable())

    static func fold(_ name: String) -> String {
        let analyzed = analyzer.analyze(name)
        return analyzed.tokens.indices.filter {
            analyzed.tokens[$0].kind == .word || analyzed.tokens[$0].kind == .number
        }
        .map { analyzed.plainKey($0) }.joined(separator: " ")
    }

    static func sender(_ columns: [String]) -> Int? { columns.firstIndex { senderNames.contains(fold($0)) } }
    static func received(_ columns: [String]) -> Int? { columns.firstIndex { receivedNames.contains(fold($0)) } }
}
