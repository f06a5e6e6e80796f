import Foundation

/// How one agency is doing: groups assigned, answered (fully or partly), overdue.
package struct AgencyRecord: Sendable, Equatable {
    package var id: String
    package var name: String
    package var assigned: Int
    package var answered: Int
    package var overdue: Int
}

/// The register at a glance, as `case status` prints it.
package struct RegisterStatus: Sendable, Equatable {
    package var petitions: Int
    package var groups: Int
    package var byStatus: [CaseStatus: Int]
    package var agencies: [AgencyRecord]
    /// Open (not answered or closed) groups by theme and by district.
    package var openByTheme: [String: Int]
    package var openByDistrict: [String: Int]
    /// Bodies with at least one answer, of the bodies assigned something.
    package var agenciesReporting: Int { agencies.filter { $0.answered > 0 }.count }
    /// Overdue groups, oldest due date first.
    package var overdue: [CaseGroup]
}

extension CaseRegister {
    /// Assigns a group to its suggested agency, or to `agency` (a staff
    /// override, which needs a reason). The due date follows `rule`, counted
    /// from the group's received date.
    package func assign(
        _ group: Int64, agency: String? = nil, agencyName: String? = nil, actor: String, reason: String?,
        on day: CaseDate,
        rule: DueDateRule = .standard, now: String = CaseRegister.timestamp()
    ) throws -> CaseGroup {
        try store.transaction { db in
            _ = try self.liveGroupDialogue(db, group)
            guard let current = try self.groups(db, dialogue: nil, today: day, only: [group]).first else {
                throw CaseRegisterFailure.unknownGroup(group)
            }
            let chosen: String
            let suggested: Bool
            if let agency, agency != current.suggestedAgency {
                guard let reason, !reason.isEmpty else { throw CaseRegisterFailure.overrideNeedsReason }
                _ = reason
                chosen = agency
                suggested = false
            } else if let pick = agency ?? current.suggestedAgency {
                chosen = pick
                suggested = true
            } else {
                throw CaseRegisterFailure.noSuggestedAgency(group)
            }
            let name = agencyName ?? (suggested ? current.suggestedAgencyName : nil) ?? chosen
            let received = current.receivedOn.flatMap { CaseDate($0) } ?? day
            let due = rule.due(received: received, urgent: current.urgent)
            try db.execute("UPDATE assignments SET active = 0 WHERE group_id = ?", [.int(group)])
            try db.execute(
                """
                INSERT INTO assignments (id, group_id, agency_id, agency_name, assigned_on, due_on, suggested, actor, reason, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                [
                    .int(try self.nextID(db, "assignments")), .int(group), .text(chosen), .text(name),
                    .text(day.description),
                    .text(due.description), .int(suggested ? 1 : 0), .text(actor), SQLValue(reason),
                ])
            let status: CaseStatus = current.storedStatus == .open ? .assigned : current.storedStatus
            try db.execute("UPDATE case_groups SET status = ? WHERE id = ?", [.text(status.rawValue), .int(group)])
            let how = suggested ? "suggested" : "override"
            try self.history(
                db, group: group, at: now, event: "assigned", status: status.rawValue, actor: actor,
                detail: "\(chosen) (\(how)) due \(due)" + (reason.map { ": \($0)" } ?? ""))
            return try self.groups(db, dialogue: nil, today: day, only: [group]).first!
        }
    }

    /// Assigns every open group of a dialogue that has a suggestion; returns how many.
    package func assignAll(dialogue: String, actor: String, on day: CaseDate, rule: DueDateRule = .standard) throws -> (
        assigned: Int, withoutSuggestion: [Int64]
    ) {
        let open = try groups(dialogue: dialogue, today: day).filter { $0.storedStatus == .open }
        var assigned = 0
        var without: [Int64] = []
        for group in open {
            if group.suggestedAgency == nil {
                without.append(group.id)
                continue
            }
            _ = try assign(group.id, actor: actor, reason: nil, on: day, rule: rule)
            assigned += 1
        }
        return (assigned, without)
    }

    /// One answer to record (`case answer`, or a row of an answer sheet).
    package struct Answer: Sendable, Equatable {
        package var group: Int64
        /// Defaults to the assigned agency.
        package var agency: String?
        package var text: String
        package var day: CaseDate
        package var partial: Bool

        package init(group: Int64, agency: String?, text: String, day: CaseDate, partial: Bool) {
            self.group = group
            self.agency = agency
            self.text = text
            self.day = day
            self.partial = partial
        }
    }

    /// Records an answer. A full answer makes the group `answered`; a partial
    /// one `partial` (it stays due). The agency defaults to the assigned one.
    package func answer(
        _ group: Int64, agency: String?, text: String, on day: CaseDate, partial: Bool, actor: String,
        now: String = CaseRegister.timestamp()
    ) throws {
        try store.transaction { db in
            try self.answer(
                db, Answer(group: group, agency: agency, text: text, day: day, partial: partial), actor: actor, now: now
            )
        }
    }

    /// Records every answer of a sheet in one transaction, all or nothing: when
    /// one cannot be recorded (no such group, not assigned, a store error),
    /// none is, and the failure names the entry (``CaseRegisterFailure/entry(index:_:)``).
    package func answer(_ answers: [Answer], actor: String, now: String = CaseRegister.timestamp()) throws {
        try store.transaction { db in
            for (index, answer) in answers.enumerated() {
                do { try self.answer(db, answer, actor: actor, now: now) } catch let failure as CaseRegisterFailure {
                    throw CaseRegisterFailure.entry(index: index, failure)
                }
            }
        }
    }

    private func answer(_ db: any StoreTransaction, _ answer: Answer, actor: String, now: String) throws {
        let (group, agency, text, day, partial) = (answer.group, answer.agency, answer.text, answer.day, answer.partial)
        _ = try self.liveGroupDialogue(db, group)
        let assigned = try db.query(
            "SELECT agency_id FROM assignments WHERE group_id = ? AND active = 1", [.int(group)]
        ).first?[0].text
        guard let who = agency ?? assigned else { throw CaseRegisterFailure.notAssigned(group) }
        try db.execute(
            "INSERT INTO answers (id, group_id, agency_id, answered_on, text, partial, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .int(try self.nextID(db, "answers")), .int(group), .text(who), .text(day.description), .text(text),
                .int(partial ? 1 : 0), .text(actor),
            ])
        let stored =
            CaseStatus(
                rawValue: try db.scalar("SELECT status FROM case_groups WHERE id = ?", [.int(group)]).text ?? "")
            ?? .open
        var status = stored
        if stored != .closed { status = partial ? (stored == .answered ? .answered : .partial) : .answered }
        try db.execute("UPDATE case_groups SET status = ? WHERE id = ?", [.text(status.rawValue), .int(group)])
        try self.history(
            db, group: group, at: now, event: partial ? "answered-partly" : "answered", status: status.rawValue,
            actor: actor,
            detail: "\(who) \(day)")
    }

    /// Staff set a status by hand (closing, reopening); recorded with who and why.
    package func setStatus(
        _ group: Int64, to status: CaseStatus, actor: String, reason: String?, now: String = CaseRegister.timestamp()
    ) throws {
        guard [.open, .assigned, .partial, .answered, .closed].contains(status) else {
            throw CaseRegisterFailure.badStatus(status.rawValue)
        }
        try store.transaction { db in
            _ = try self.liveGroupDialogue(db, group)
            try db.execute("UPDATE case_groups SET status = ? WHERE id = ?", [.text(status.rawValue), .int(group)])
            try self.history(
                db, group: group, at: now, event: "status", status: status.rawValue, actor: actor, detail: reason)
        }
    }

    /// Counts for the whole register (or one dialogue) on `today`.
    package func status(dialogue: String? = nil, today: CaseDate) throws -> RegisterStatus {
        try store.transaction { db in
            let groups = try self.groups(db, dialogue: dialogue, today: today)
            let live = Set(groups.map(\.id))
            var byStatus: [CaseStatus: Int] = [:]
            var openByTheme: [String: Int] = [:]
            var openByDistrict: [String: Int] = [:]
            for group in groups {
                byStatus[group.status, default: 0] += 1
                if group.status != .answered && group.status != .closed {
                    openByTheme[group.theme, default: 0] += 1
                    openByDistrict[group.district ?? "-", default: 0] += 1
                }
            }
            // Per agency: every group it was ever assigned (active or not), answers it gave.
            var records: [String: AgencyRecord] = [:]
            var assignedGroups: [String: Set<Int64>] = [:]
            for row in try db.query("SELECT group_id, agency_id, agency_name FROM assignments ORDER BY id") {
                let gid = row[0].int!
                let agency = row[1].text!
                guard live.contains(gid) else { continue }
                assignedGroups[agency, default: []].insert(gid)
                records[agency] = AgencyRecord(
                    id: agency, name: row[2].text ?? agency, assigned: 0, answered: 0, overdue: 0)
            }
            var answeredGroups: [String: Set<Int64>] = [:]
            for row in try db.query("SELECT group_id, agency_id FROM answers ORDER BY id")
            where live.contains(row[0].int!) {
                answeredGroups[row[1].text!, default: []].insert(row[0].int!)
            }
            let byID = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0) })
            for (agency, ids) in assignedGroups {
                records[agency]!.assigned = ids.count
                records[agency]!.answered = ids.intersection(answeredGroups[agency] ?? []).count
                records[agency]!.overdue =
                    ids.filter { byID[$0]?.status == .overdue && byID[$0]?.assignedAgency == agency }.count
            }
            let petitions = groups.reduce(0) { $0 + $1.count }
            let overdue = groups.filter { $0.status == .overdue }.sorted {
                ($0.dueOn ?? "", $0.id) < ($1.dueOn ?? "", $1.id)
            }
            return RegisterStatus(
                petitions: petitions, groups: groups.count, byStatus: byStatus,
                agencies: records.values.sorted { $0.id < $1.id }, openByTheme: openByTheme,
                openByDistrict: openByDistrict, overdue: overdue)
        }
    }
}
