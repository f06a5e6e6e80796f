import Foundation

/// Statuses after Open311's: a group is `open` until assigned, `assigned`
/// until answered (`partial` after a partial answer), `answered`, then
/// `closed` by staff; `merged` groups live on only in the history. `overdue`
/// is never stored: an assigned or partial group past its due date shows as
/// overdue on the day it is looked at.
package enum CaseStatus: String, Sendable, CaseIterable, Codable {
    case open, assigned, partial, answered, closed, overdue, merged
}

/// One group as the office sees it.
package struct CaseGroup: Sendable, Equatable {
    package var id: Int64
    package var dialogue: String
    /// Register ids of its petitions, ascending.
    package var petitionIDs: [Int64]
    /// The petitions' ids as imported (STT, id column, or row number).
    package var sourceIDs: [String]
    /// Distinct senders (units, unions, people) that raised it.
    package var units: Int
    /// The text of its first petition.
    package var representative: String
    package var theme: String
    package var district: String?
    package var urgent: Bool
    /// Most common suggested agency among its petitions.
    package var suggestedAgency: String?
    package var suggestedAgencyName: String?
    /// Earliest received date of its petitions (or the dialogue's date).
    package var receivedOn: String?
    package var assignedAgency: String?
    package var assignedAgencyName: String?
    package var dueOn: String?
    package var storedStatus: CaseStatus
    /// The status on the day asked (overdue when past due and not fully answered).
    package var status: CaseStatus
    package var answeredOn: String?

    package var count: Int { petitionIDs.count }
}

extension CaseRegister {
    /// Every live group (merged ones left out), by id; `dialogue` nil for all dialogues.
    package func groups(dialogue: String? = nil, today: CaseDate) throws -> [CaseGroup] {
        try store.transaction { db in try self.groups(db, dialogue: dialogue, today: today) }
    }

    func groups(_ db: any StoreTransaction, dialogue: String?, today: CaseDate, only: Set<Int64>? = nil) throws
        -> [CaseGroup]
    {
        var filter = "g.status <> 'merged'"
        var arguments: [SQLValue] = []
        if let dialogue {
            let found = try self.dialogue(db, name: dialogue)!
            filter += " AND g.dialogue_id = ?"
            arguments.append(.int(found.id))
        }
        let groupRows = try db.query(
            """
            SELECT g.id, d.name, d.held_on, g.status FROM case_groups g JOIN dialogues d ON d.id = g.dialogue_id
            WHERE \(filter) ORDER BY g.id
            """, arguments)
        var groups: [Int64: CaseGroup] = [:]
        var order: [Int64] = []
        var heldOn: [Int64: String?] = [:]
        for row in groupRows {
            let id = row[0].int!
            if let only, !only.contains(id) { continue }
            order.append(id)
            heldOn[id] = row[2].text
            let status = CaseStatus(rawValue: row[3].text ?? "open") ?? .open
            groups[id] = CaseGroup(
                id: id, dialogue: row[1].text!, petitionIDs: [], sourceIDs: [], units: 0, representative: "",
                theme: "other", district: nil, urgent: false, suggestedAgency: nil, suggestedAgencyName: nil,
                receivedOn: nil, assignedAgency: nil, assignedAgencyName: nil, dueOn: nil,
                storedStatus: status, status: status, answeredOn: nil)
        }
        guard !order.isEmpty else { return [] }
        let petitionRows = try db.query(
            """
            SELECT p.id, p.group_id, p.source_id, p.sender, p.theme, p.agency_id, p.agency_name, p.district, p.urgent, p.received_on
            FROM petitions p JOIN case_groups g ON g.id = p.group_id WHERE \(filter) ORDER BY p.id
            """, arguments)
        var senders: [Int64: Set<String>] = [:]
        var themes: [Int64: [String: Int]] = [:]
        var agencies: [Int64: [String: Int]] = [:]
        var agencyNames: [String: String] = [:]
        var districts: [Int64: [String: Int]] = [:]
        var firstPetition: [Int64: Int64] = [:]
        for row in petitionRows {
            let gid = row[1].int!
            guard groups[gid] != nil else { continue }
            groups[gid]!.petitionIDs.append(row[0].int!)
            groups[gid]!.sourceIDs.append(row[2].text ?? "")
            if firstPetition[gid] == nil { firstPetition[gid] = row[0].int! }
            senders[gid, default: []].insert((row[3].text ?? "#\(row[0].int!)").lowercased())
            themes[gid, default: [:]][row[4].text ?? "other", default: 0] += 1
            if let agency = row[5].text {
                agencies[gid, default: [:]][agency, default: 0] += 1
                agencyNames[agency] = row[6].text
            }
            if let district = row[7].text { districts[gid, default: [:]][district, default: 0] += 1 }
            if row[8].int == 1 { groups[gid]!.urgent = true }
            if let received = row[9].text, groups[gid]!.receivedOn.map({ received < $0 }) ?? true {
                groups[gid]!.receivedOn = received
            }
        }
        func mostCommon(_ counts: [String: Int]?) -> String? {
            counts?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        let firsts = firstPetition.values.sorted()
        var texts: [Int64: String] = [:]
        for chunk in stride(from: 0, to: firsts.count, by: 500) {
            let ids = Array(firsts[chunk..<min(chunk + 500, firsts.count)])
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            for row in try db.query("SELECT id, text FROM petitions WHERE id IN (\(marks))", ids.map { .int($0) }) {
                texts[row[0].int!] = row[1].text
            }
        }
        for row in try db.query(
            """
            SELECT a.group_id, a.agency_id, a.agency_name, a.due_on FROM assignments a JOIN case_groups g ON g.id = a.group_id
            WHERE a.active = 1 AND \(filter) ORDER BY a.id
            """, arguments)
        {
            let gid = row[0].int!
            guard groups[gid] != nil else { continue }
            groups[gid]!.assignedAgency = row[1].text
            groups[gid]!.assignedAgencyName = row[2].text
            groups[gid]!.dueOn = row[3].text
        }
        for row in try db.query(
            """
            SELECT a.group_id, a.answered_on, a.partial FROM answers a JOIN case_groups g ON g.id = a.group_id
            WHERE \(filter) ORDER BY a.id
            """, arguments)
        {
            let gid = row[0].int!
            guard groups[gid] != nil, row[2].int == 0 else { continue }
            if let day = row[1].text, groups[gid]!.answeredOn.map({ day > $0 }) ?? true {
                groups[gid]!.answeredOn = day
            }
        }
        return order.map { id in
            var group = groups[id]!
            group.units = senders[id]?.count ?? 0
            group.theme = mostCommon(themes[id]) ?? "other"
            group.district = mostCommon(districts[id])
            group.suggestedAgency = mostCommon(agencies[id])
            group.suggestedAgencyName = group.suggestedAgency.flatMap { agencyNames[$0] }
            if group.receivedOn == nil, let held = heldOn[id] ?? nil { group.receivedOn = held }
            group.representative = firstPetition[id].flatMap { texts[$0] } ?? ""
            group.status = Self.effectiveStatus(group.storedStatus, due: group.dueOn, today: today)
            return group
        }
    }

    static func effectiveStatus(_ stored: CaseStatus, due: String?, today: CaseDate) -> CaseStatus {
        guard stored == .assigned || stored == .partial, let due, let day = CaseDate(due), day < today else {
            return stored
        }
        return .overdue
    }

    // MARK: Staff decisions on groups

    /// Moves every petition of `groups` into `target`; the merged groups are
    /// kept as `merged` in the history. Answers move with their petitions; the
    /// merged groups' assignments end.
    package func merge(
        _ sources: [Int64], into target: Int64, actor: String, reason: String?, now: String = CaseRegister.timestamp()
    ) throws {
        try store.transaction { db in
            let targetDialogue = try self.liveGroupDialogue(db, target)
            for source in sources where source != target {
                guard try self.liveGroupDialogue(db, source) == targetDialogue else {
                    throw CaseRegisterFailure.mergeAcrossDialogues(source, target)
                }
                try db.execute("UPDATE petitions SET group_id = ? WHERE group_id = ?", [.int(target), .int(source)])
                try db.execute("UPDATE answers SET group_id = ? WHERE group_id = ?", [.int(target), .int(source)])
                try db.execute("UPDATE assignments SET active = 0 WHERE group_id = ?", [.int(source)])
                try db.execute("UPDATE case_groups SET status = 'merged' WHERE id = ?", [.int(source)])
                try self.history(
                    db, group: source, at: now, event: "merged-into", status: "merged", actor: actor,
                    detail: "#\(target)" + (reason.map { ": \($0)" } ?? ""))
                try self.history(
                    db, group: target, at: now, event: "merged-from", status: nil, actor: actor,
                    detail: "#\(source)" + (reason.map { ": \($0)" } ?? ""))
            }
        }
    }

    /// Takes petitions out of a group into a new group of the same dialogue
    /// (status open); returns the new group's id.
    @discardableResult
    package func split(
        _ group: Int64, petitions: [Int64], actor: String, reason: String?, now: String = CaseRegister.timestamp()
    ) throws -> Int64 {
        try store.transaction { db in
            let dialogue = try self.liveGroupDialogue(db, group)
            let members = Set(
                try db.query("SELECT id FROM petitions WHERE group_id = ?", [.int(group)]).map { $0[0].int! })
            for petition in petitions where !members.contains(petition) {
                throw CaseRegisterFailure.petitionNotInGroup(petition: petition, group: group)
            }
            guard Set(petitions).count < members.count else { throw CaseRegisterFailure.splitWholeGroup(group) }
            let newID = try self.nextID(db, "case_groups")
            try db.execute(
                "INSERT INTO case_groups (id, dialogue_id, status, created_at) VALUES (?, ?, 'open', ?)",
                [.int(newID), .int(dialogue), .text(now)])
            for petition in Set(petitions).sorted() {
                try db.execute("UPDATE petitions SET group_id = ? WHERE id = ?", [.int(newID), .int(petition)])
            }
            let list = Set(petitions).sorted().map { "#\($0)" }.joined(separator: ",")
            try self.history(
                db, group: group, at: now, event: "split-out", status: nil, actor: actor,
                detail: "\(list) → #\(newID)" + (reason.map { ": \($0)" } ?? ""))
            try self.history(
                db, group: newID, at: now, event: "split-from", status: "open", actor: actor,
                detail: "#\(group) \(list)" + (reason.map { ": \($0)" } ?? ""))
            return newID
        }
    }

    func liveGroupDialogue(_ db: any StoreTransaction, _ group: Int64) throws -> Int64 {
        guard let row = try db.query("SELECT dialogue_id, status FROM case_groups WHERE id = ?", [.int(group)]).first,
            row[1].text != "merged"
        else {
            throw CaseRegisterFailure.unknownGroup(group)
        }
        return row[0].int!
    }

    /// A group's history, oldest first.
    package func history(group: Int64) throws -> [(
        at: String, event: String, status: String?, actor: String, detail: String?
    )] {
        try store.transaction { db in
            try db.query(
                "SELECT at, event, status, actor, detail FROM case_history WHERE group_id = ? ORDER BY id",
                [.int(group)]
            ).map {
                ($0[0].text!, $0[1].text!, $0[2].text, $0[3].text!, $0[4].text)
            }
        }
    }
}
