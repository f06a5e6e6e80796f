import Foundation
import Testing

/// Rejected rows and answer sheets in the commands that read several piles
/// or rows into one result (hostile findings, 2026-12-05): `case import`
/// ignored `--rejected`, printed 20 rejected rows and no accounting line;
/// `stats` kept only the last pile's rejected rows and exited 0; a bad row in
/// `case answer --from` left the rows before it recorded.
@Suite("Register command findings", .serialized)
struct RegisterCommandFindingsTests {
    /// A pile of 12 good petitions and `bad` rows with no text (rejected, row kept in the list).
    static func pile(named name: String, bad: Int, in folder: URL) -> String {
        var text = "STT,Nội dung kiến nghị\n"
        for i in 1...12 { text += "\(i),\"Công ty \(name) nợ lương công nhân \(i) tháng, đề nghị can thiệp\"\n" }
        for i in 0..<bad { text += "x\(i),   \n" }
        let path = folder.appendingPathComponent(name + ".csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The data lines of a rejected-rows list (its header dropped).
    static func listed(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Array(text.split(whereSeparator: \.isNewline).dropFirst().map(String.init))
    }

    @Test func caseImportWritesEveryRejectedRowAndAccountsForThem() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = Self.pile(named: "dot1", bad: 30, in: folder)
        let list = folder.appendingPathComponent("bi-loai.csv").path
        let store = folder.appendingPathComponent("so.sqlite").path
        let result = try KienNghiBinary.run(
            [
                "case", "import", input, "--dialogue", "D", "--date", "2019-05-15", "--store", store, "--rejected",
                list, "--lang", "en",
            ], logs: folder)
        #expect(result.status == 3, "\(result.stderr)")
        let rows = try Self.listed(list)
        #expect(rows.count == 30)
        // Every row with its file and line: the bad rows are lines 14…43.
        for (index, row) in rows.enumerated() {
            #expect(row.hasPrefix("\(input),\(14 + index),"), "\(row)")
            #expect(row.contains("empty-text"), "\(row)")
        }
        #expect(result.stderr.contains("Read 42 rows = classified"), "\(result.stderr)")
        #expect(result.stderr.contains("rejected 30"), "\(result.stderr)")
        #expect(result.stderr.contains("… and 0 more") == false)
        // The list may not replace the register.
        let again = try KienNghiBinary.run(
            [
                "case", "import", input, "--dialogue", "D", "--store", store, "--rejected", store, "--lang", "en",
            ], logs: folder)
        #expect(again.status == 73, "\(again.stderr)")
    }

    /// A Word list continued in a second table numbered its rows per table, and the
    /// register keys petitions by file and row: the second table's petitions were taken
    /// for ones "already in the register" and not stored.
    @Test func caseImportStoresEveryRowOfAWordListOverTwoTables() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let header = ["STT", "Nội dung kiến nghị"]
        let texts = (1...6).map {
            "Công ty số \($0) nợ bảo hiểm xã hội của công nhân \($0 * 3) tháng, đề nghị can thiệp"
        }
        let rows = texts.indices.map { [String($0 + 1), texts[$0]] }
        let body =
            OfficeFixture.table([header] + rows.prefix(3)) + OfficeFixture.paragraph("(tiếp theo)")
            + OfficeFixture.table([header] + rows.dropFirst(3))
        let input = folder.appendingPathComponent("ds.docx").path
        try OfficeFixture.docx(bodyXML: body).write(to: URL(fileURLWithPath: input))
        let store = folder.appendingPathComponent("so.sqlite").path
        let result = try KienNghiBinary.run(
            ["case", "import", input, "--dialogue", "D", "--store", store, "--lang", "en"], logs: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let added = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(added.contains("added 6 petitions") && added.contains(", 0 already in the register"), "\(added)")
        let groups = try KienNghiBinary.run(["case", "groups", "--store", store, "--lang", "en"], logs: folder)
        #expect(groups.status == 0, "\(groups.stderr)")
        let listed = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(listed.contains("6 petitions"), "\(listed)")
    }

    /// A file refused before any petition (a byte that is not UTF-8) left an empty import
    /// behind and printed "added 0": the same file, read leniently into another dialogue,
    /// was then refused as "already imported" though nothing of it was in the register.
    @Test func aRefusedImportLeavesNoImportBehind() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("dot1.txt").path
        let text = "Công ty nợ lương công nhân ba tháng, đề nghị can thiệp.\nNhà trọ thu tiền điện \u{FF}cao.\n"
        var bytes = Array(text.utf8)
        // U+00FF is C3 BF in UTF-8: drop the lead byte, leaving a lone continuation byte.
        bytes.remove(at: bytes.firstIndex(of: 0xBF)! - 1)
        _ = FileManager.default.createFile(atPath: input, contents: Data(bytes))
        let store = folder.appendingPathComponent("so.sqlite").path
        let refused = try KienNghiBinary.run(
            ["case", "import", input, "--dialogue", "D1", "--date", "2019-05-15", "--store", store, "--lang", "en"],
            logs: folder)
        #expect(refused.status == 11, "\(refused.stderr)")
        let said = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(!said.contains("added 0"), "\(said)")
        let lenient = try KienNghiBinary.run(
            [
                "case", "import", input, "--dialogue", "D2", "--date", "2019-06-15", "--store", store, "--lenient",
                "--lang", "en",
            ], logs: folder)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let added = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(added.contains("added 2 petitions"), "\(added)")
    }

    @Test func statsKeepsTheRejectedRowsOfEveryPileAndExitsAsClassifyDoes() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let first = Self.pile(named: "dot1", bad: 2, in: folder)
        let second = Self.pile(named: "dot2", bad: 3, in: folder)
        let list = folder.appendingPathComponent("bi-loai.csv").path
        let result = try KienNghiBinary.run(
            ["stats", first, second, "--rejected", list, "--lang", "en"], logs: folder)
        #expect(result.status == 3, "\(result.stderr)")
        let rows = try Self.listed(list)
        #expect(rows.filter { $0.hasPrefix(first + ",") }.count == 2, "\(rows)")
        #expect(rows.filter { $0.hasPrefix(second + ",") }.count == 3, "\(rows)")
        // One pile, same exit code.
        let one = try KienNghiBinary.run(["stats", first, "--lang", "en"], logs: folder)
        #expect(one.status == 3, "\(one.stderr)")
    }

    @Test func anAnswerSheetWithABadRowRecordsNothing() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("so.sqlite").path
        for arguments in [
            ["case", "import", Golden.corpus("petitions-2019.csv"), "--dialogue", "D", "--date", "2019-05-15"],
            ["case", "assign", "--all", "--dialogue", "D", "--on", "2019-05-20"],
        ] {
            let step = try KienNghiBinary.run(arguments + ["--store", store], logs: folder)
            #expect(step.status == 0, "\(arguments): \(step.stderr)")
        }
        let sheet = folder.appendingPathComponent("tra-loi.csv").path
        let answers = """
            group,agency,date,text
            1,so-ldtbxh,2019-06-01,Đã làm việc với công ty.
            2,so-ldtbxh,2019-06-02,Đã kiểm tra.
            9999,so-ldtbxh,2019-06-03,Nhóm không có.
            3,so-ldtbxh,2019-06-04,Đã trả lời.

            """
        _ = FileManager.default.createFile(atPath: sheet, contents: Data(answers.utf8))
        let result = try KienNghiBinary.run(
            ["case", "answer", "--from", sheet, "--store", store, "--lang", "en"], logs: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(sheet):4: No group #9999"), "\(result.stderr)")
        #expect(result.stderr.contains("No answer of \(sheet) was recorded"), "\(result.stderr)")
        let groups = try KienNghiBinary.run(["case", "groups", "--json", "--store", store], logs: folder)
        #expect(groups.status == 0)
        let json = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(json.contains("\"assigned_agency\":\""), "\(json)")
        #expect(!json.contains("\"status\":\"answered\""), "answers were recorded: \(json)")
    }
}
