import Foundation
import Testing

/// Every numeric option has a documented range, checked before any work:
/// `lexicon suggest --per-theme=-1` and `case assign --days 9223372036854775807`
/// trapped, a negative `--days` was accepted (hostile findings, 2026-12-05).
@Suite("Numeric option ranges", .serialized)
struct NumericOptionRangeTests {
    static let pile = Golden.corpus("petitions-2019.csv")
    static let gold = Golden.corpus("labelled/petitions-dev.jsonl")

    /// A register holding the sample pile, in a fresh folder.
    func register(in folder: URL) throws -> String {
        let store = folder.appendingPathComponent("so.sqlite").path
        let imported = try KienNghiBinary.run(
            ["case", "import", Self.pile, "--dialogue", "D", "--date", "2019-05-15", "--store", store], logs: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test func theTrappingValuesAreRefusedWithTheirRange() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = try register(in: folder)
        let suggest = try KienNghiBinary.run(["lexicon", "suggest", "--per-theme=-1", Self.pile], logs: folder)
        #expect(suggest.status == 64, "\(suggest.stderr)")
        #expect(suggest.stderr.contains("Giá trị -1 của --per-theme không hợp lệ: dùng một số nguyên từ 1 đến 1000."))
        for days in ["9223372036854775807", "-5", "0", "366"] {
            let assign = try KienNghiBinary.run(
                ["case", "assign", "--all", "--dialogue", "D", "--on", "2019-05-20", "--days", days, "--store", store],
                logs: folder)
            #expect(assign.status == 64, "--days \(days): \(assign.stderr)")
            #expect(assign.stderr.contains("--days") && assign.stderr.contains("từ 1 đến 365"), "\(assign.stderr)")
        }
        // Nothing was assigned by the refused runs.
        let groups = try KienNghiBinary.run(["case", "groups", "--json", "--store", store], logs: folder)
        #expect(groups.status == 0)
        let listed = try String(contentsOf: folder.appendingPathComponent("stdout.log"), encoding: .utf8)
        #expect(!listed.contains("\"status\":\"assigned\""))
    }

    @Test func everyNumericOptionNamesItsRangeInEnglishToo() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = try register(in: folder)
        let cases: [(arguments: [String], option: String, range: String)] = [
            (["lexicon", "suggest", Self.pile, "--per-theme", "1001"], "--per-theme", "from 1 to 1000"),
            (["lexicon", "suggest", Self.pile, "--min-count", "0"], "--min-count", "from 1 to 1000000"),
            (["evaluate", "--gold", Self.gold, "--folds", "1001"], "--folds", "from 2 to 1000"),
            (["case", "assign", "1", "--urgent-days=-1", "--store", store], "--urgent-days", "from 1 to 365"),
            (["case", "groups", "--group", "0", "--store", store], "--group", "1 or more"),
            (["case", "status", "--group=-2", "--set", "closed", "--store", store], "--group", "1 or more"),
            (["case", "split", "1", "--petition", "0", "--store", store], "--petition", "1 or more"),
        ]
        for (arguments, option, range) in cases {
            let result = try KienNghiBinary.run(arguments + ["--lang", "en"], logs: folder)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains("Invalid value") && result.stderr.contains(option)
                    && result.stderr.contains(range), "\(arguments): \(result.stderr)")
        }
        // In range, the same options still work.
        let fine = try KienNghiBinary.run(
            [
                "case", "assign", "--all", "--dialogue", "D", "--days", "365", "--urgent-days", "1", "--on",
                "2019-05-20", "--store", store,
            ],
            logs: folder)
        #expect(fine.status == 0, "\(fine.stderr)")
    }
}
