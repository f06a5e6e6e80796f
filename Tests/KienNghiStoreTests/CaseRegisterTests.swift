import Foundation
import KienNghiCore
import Testing

@testable import KienNghiStore

/// Every scenario runs on SQLite, and on PostgreSQL when KIENNGHI_TEST_POSTGRES_URL is set.
@Suite(.serialized) struct CaseRegisterTests {
    static let today = CaseDate("2019-06-30")!

    func importSample(_ register: CaseRegister, batchSize: Int = 2048) throws -> CaseRegister.ImportCounts {
        let results = try CaseImporter(register: register, processor: StoreTestSupport.processor(batchSize: batchSize))
            .run([StoreTestSupport.sample2019], dialogue: "Đối thoại 2019", heldOn: CaseDate("2019-05-15"))
        return results[0].counts
    }

    @Test(arguments: StoreTestSupport.kinds)
    func importKeepsEveryPetitionAndReimportIsANoOp(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        let first = try importSample(register)
        #expect(first.added == 50)
        #expect(first.alreadyThere == 0)
        let before = try StoreTestSupport.dump(register, today: Self.today)
        let second = try importSample(register)
        #expect(second.added == 0)
        #expect(second.alreadyThere == 50)
        #expect(try StoreTestSupport.dump(register, today: Self.today) == before)
        // The same content under another name is the same import.
        let copy = StoreTestSupport.temporaryDirectory().appendingPathComponent("copy.csv").path
        try FileManager.default.copyItem(atPath: StoreTestSupport.sample2019, toPath: copy)
        let third = try CaseImporter(register: register, processor: StoreTestSupport.processor())
            .run([copy], dialogue: "Đối thoại 2019", heldOn: nil)
        #expect(third[0].counts.added == 0)
        #expect(try register.groups(today: Self.today).reduce(0) { $0 + $1.count } == 50)
    }

    /// Rows numbered otherwise by an earlier release (Word table rows were numbered per table)
    /// made a re-import store petitions twice, or take one for another at its row number.
    @Test(arguments: StoreTestSupport.kinds)
    func reimportMatchesRowsNumberedOtherwise(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        #expect(try importSample(register).added == 50)
        // Reversed (each row number holding another petition), then shifted past the file's rows.
        let (low, high) = try register.store.transaction { db in
            (
                try db.scalar("SELECT MIN(source_row) FROM petitions").int!,
                try db.scalar("SELECT MAX(source_row) FROM petitions").int!
            )
        }
        // Five of them lost, as that release lost a second Word table's rows: they come back, in
        // rows held by other petitions, and every stored petition takes its row's number again.
        let lost = "SELECT id FROM petitions WHERE source_row <= \(low + 4)"
        for (renumbering, added) in [
            (["source_row + 100000", "\(low + high + 100_000) - source_row"], 5), (["source_row + 1000"], 0),
        ] {
            try register.store.transaction { db in
                for step in renumbering { try db.execute("UPDATE petitions SET source_row = \(step)") }
                if added > 0 {
                    try db.execute("DELETE FROM petition_bands WHERE petition_id IN (\(lost))")
                    try db.execute("DELETE FROM petitions WHERE id IN (\(lost))")
                }
            }
            let again = try importSample(register)
            #expect(again.added == added && again.alreadyThere == 50 - added, "\(renumbering)")
            let rows = try register.store.transaction { db in
                try db.query("SELECT source_row FROM petitions ORDER BY source_row").compactMap { $0[0].int }
            }
            #expect(rows == Array(low...high), "\(renumbering)")
        }
        #expect(try register.groups(today: Self.today).reduce(0) { $0 + $1.count } == 50)
    }

    struct Interrupted: Error {}

    @Test(arguments: StoreTestSupport.kinds)
    func anInterruptedImportKeepsWholeBatchesAndResumes(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        var batches = 0
        #expect(throws: Interrupted.self) {
            _ = try CaseImporter(register: register, processor: StoreTestSupport.processor(batchSize: 7))
                .run([StoreTestSupport.sample2019], dialogue: "Đối thoại 2019", heldOn: CaseDate("2019-05-15")) { _ in
                    batches += 1
                    if batches == 3 { throw Interrupted() }
                }
        }
        let partial = try register.groups(today: Self.today)
        #expect(partial.reduce(0) { $0 + $1.count } == 21)
        // Every stored petition has a live group; no group is empty.
        #expect(partial.allSatisfy { $0.count > 0 })
        let resumed = try importSample(register, batchSize: 7)
        #expect(resumed.added == 29)
        #expect(resumed.alreadyThere == 21)
        let ids = try register.groups(today: Self.today).flatMap(\.sourceIDs).compactMap { Int($0) }.sorted()
        #expect(ids == Array(1...50))
    }

    @Test(arguments: StoreTestSupport.kinds)
    func aFailingStatementRollsBackItsWholeTransaction(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        #expect(throws: (any Error).self) {
            try register.store.transaction { db in
                try db.execute("UPDATE case_groups SET status = 'closed'")
                try db.execute("INSERT INTO no_such_table VALUES (1)")
            }
        }
        #expect(try register.groups(today: Self.today).allSatisfy { $0.storedStatus == .open })
    }

    @Test(arguments: StoreTestSupport.kinds)
    func variantsOfOnePetitionLandInItsGroup(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        let original = try register.groups(today: Self.today).first { $0.sourceIDs.contains("46") }!
        // Petition 46 rewritten: word order, punctuation, no accents, abbreviation.
        let pile = StoreTestSupport.writePile([
            (
                "Công nhân Hoài Đức",
                "Đề nghị can thiệp giúp: tôi nghỉ việc đã 6 tháng nhưng công ty chưa trả sổ BHXH, gọi điện không ai nghe.",
                "12/5/2019"
            ),
            (
                "Cong nhan Hoai Duc",
                "toi nghi viec da 6 thang nhung cong ty chua tra so bao hiem xa hoi, goi dien khong ai nghe. de nghi can thiep giup",
                "12/5/2019"
            ),
            (
                "Công nhân may",
                "Tôi nghỉ việc đã 6 tháng!!! Công ty chưa trả sổ bảo hiểm xã hội... gọi điện không ai nghe; đề nghị can thiệp giúp.",
                "13/5/2019"
            ),
        ])
        _ = try CaseImporter(register: register, processor: StoreTestSupport.processor()).run(
            [pile], dialogue: "Đối thoại 2019", heldOn: nil)
        let after = try register.groups(today: Self.today).first { $0.id == original.id }!
        #expect(after.count == original.count + 3)
        #expect(after.units == original.units + 3)
    }

    @Test(arguments: StoreTestSupport.kinds)
    func assignAnswerAndCountResponseRates(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        let groups = try register.groups(today: Self.today)
        let assigned = try register.assignAll(dialogue: "Đối thoại 2019", actor: "test", on: CaseDate("2019-05-20")!)
        #expect(assigned.assigned + assigned.withoutSuggestion.count == groups.count)
        let after = try register.groups(today: Self.today)
        // Due = received (earliest "Ngày nhận" of the group) + 15 days, or + 7 when urgent.
        for g in after where g.assignedAgency != nil {
            let received = CaseDate(g.receivedOn!)!
            #expect(g.dueOn == received.adding(days: g.urgent ? 7 : 15).description)
        }
        // Answer two groups of the first agency fully, one partially.
        let agency = after.compactMap(\.assignedAgency).sorted().first!
        let mine = after.filter { $0.assignedAgency == agency }
        try register.answer(
            mine[0].id, agency: nil, text: "Đã kiểm tra.", on: CaseDate("2019-05-25")!, partial: false, actor: "test")
        if mine.count > 1 {
            try register.answer(
                mine[1].id, agency: nil, text: "Đang xử lý.", on: CaseDate("2019-05-26")!, partial: true, actor: "test")
        }
        let status = try register.status(today: Self.today)
        let record = status.agencies.first { $0.id == agency }!
        #expect(record.assigned == mine.count)
        #expect(record.answered == min(2, mine.count))
        // On 2019-06-30 every received date + 15 has passed: all not fully answered are overdue.
        #expect(record.overdue == mine.count - 1)
        #expect(status.agenciesReporting == 1)
        #expect(status.agencies.count == Set(after.compactMap(\.assignedAgency)).count)
        // Hand count: overdue list = assigned groups minus the fully answered one.
        #expect(status.overdue.count == assigned.assigned - 1)
        #expect(try register.history(group: mine[0].id).map(\.event) == ["created", "assigned", "answered"])
    }

    @Test(arguments: StoreTestSupport.kinds)
    func overridesNeedAReasonAndAreRecorded(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        let group = try register.groups(today: Self.today).first { $0.suggestedAgency != nil }!
        #expect(throws: CaseRegisterFailure.overrideNeedsReason) {
            _ = try register.assign(group.id, agency: "police", actor: "lan", reason: nil, on: Self.today)
        }
        let after = try register.assign(
            group.id, agency: "police", agencyName: "Công an thành phố", actor: "lan", reason: "có dấu hiệu hình sự",
            on: Self.today)
        #expect(after.assignedAgency == "police")
        let entry = try register.history(group: group.id).last!
        #expect(entry.actor == "lan")
        #expect(entry.detail?.contains("override") == true)
        #expect(entry.detail?.contains("có dấu hiệu hình sự") == true)
    }

    @Test(arguments: StoreTestSupport.kinds)
    func staffMergeAndSplitAreKept(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        let groups = try register.groups(today: Self.today)
        let a = groups[0]
        let b = groups[1]
        try register.merge([b.id], into: a.id, actor: "lan", reason: "cùng một vấn đề")
        let merged = try register.groups(today: Self.today)
        #expect(merged.count == groups.count - 1)
        #expect(merged.first { $0.id == a.id }!.count == a.count + b.count)
        let newID = try register.split(a.id, petitions: b.petitionIDs, actor: "lan", reason: "khác nhau")
        let split = try register.groups(today: Self.today)
        #expect(split.first { $0.id == newID }!.petitionIDs == b.petitionIDs)
        #expect(throws: CaseRegisterFailure.splitWholeGroup(newID)) {
            try register.split(newID, petitions: b.petitionIDs, actor: "lan", reason: nil)
        }
        // Importing more does not undo the decisions.
        _ = try importSample(register)
        #expect(try register.groups(today: Self.today).first { $0.id == newID }!.petitionIDs == b.petitionIDs)
    }

    @Test(arguments: StoreTestSupport.kinds)
    func recurrenceAcrossDialogues(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try importSample(register)
        let groups2019 = try register.groups(today: Self.today)
        let bhxh = groups2019.first { $0.sourceIDs.contains("1") }!
        _ = try register.assign(bhxh.id, actor: "t", reason: nil, on: CaseDate("2019-05-20")!)
        try register.answer(
            bhxh.id, agency: nil, text: "Đã làm việc với công ty.", on: CaseDate("2019-06-01")!, partial: false,
            actor: "t")
        _ = try CaseImporter(register: register, processor: StoreTestSupport.processor())
            .run([StoreTestSupport.sample2020], dialogue: "Đối thoại 2020", heldOn: CaseDate("2020-05-15"))
        let result = try register.recurring(dialogue: nil, today: Self.today)
        #expect(result.dialogue == "Đối thoại 2020")
        // Hand count: rows 1–2 (BHXH arrears, one group), 3 (traffic), 4 (electricity prices, no accents),
        // 5 (late wages), 7 (social housing), 8 (bus), 12 (theft) repeat 2019's petitions 1, 2, 3, 6, 19, 4, 8.
        let recurring = Dictionary(uniqueKeysWithValues: result.items.map { ($0.group.sourceIDs, $0) })
        #expect(Set(recurring.keys) == [["1", "2"], ["3"], ["4"], ["5"], ["7"], ["8"], ["12"]])
        #expect(recurring[["1", "2"]]?.answeredBefore == true)
        #expect(recurring[["1", "2"]]?.since == "2019-05-15")
        #expect(recurring[["3"]]?.answeredBefore == false)
        #expect(result.items.allSatisfy { $0.times == 2 })
    }

    /// The same scenario on both stores gives identical results.
    @Test func sqliteAndPostgresAgree() throws {
        guard StoreTestSupport.postgresURL != nil else { return }
        var dumps: [String] = []
        for kind in ["sqlite", "postgresql"] {
            let register = try StoreTestSupport.register(kind)
            defer { register.store.close() }
            _ = try importSample(register)
            _ = try register.assignAll(dialogue: "Đối thoại 2019", actor: "t", on: CaseDate("2019-05-20")!)
            let groups = try register.groups(today: Self.today)
            try register.answer(
                groups[0].id, agency: nil, text: "Đã trả lời.", on: CaseDate("2019-06-01")!, partial: false, actor: "t")
            try register.merge([groups[2].id], into: groups[1].id, actor: "t", reason: nil)
            _ = try CaseImporter(register: register, processor: StoreTestSupport.processor())
                .run([StoreTestSupport.sample2020], dialogue: "Đối thoại 2020", heldOn: CaseDate("2020-05-15"))
            dumps.append(try StoreTestSupport.dump(register, today: Self.today))
        }
        #expect(dumps[0] == dumps[1])
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = StoreTestSupport.temporaryDirectory().appendingPathComponent("r.sqlite").path
        let store = try SQLiteCaseStore(path: path)
        try store.transaction { try $0.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'x')") }
        store.close()
        #expect(throws: StoreFailure.self) { _ = try SQLiteCaseStore(path: path) }
    }

    @Test func aDirectoryIsNotAStore() {
        #expect(throws: StoreFailure.self) { _ = try SQLiteCaseStore(path: StoreTestSupport.temporaryDirectory().path) }
    }
}
