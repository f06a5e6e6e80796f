import ArgumentParser
import Foundation
import Testing
import ZIPFoundation

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

@Suite("Bulk commands", .serialized)
struct PileCommandTests {
    func classify(_ arguments: [String]) throws -> String {
        let folder = temporaryFolder()
        let output = folder.appendingPathComponent("out.\(arguments.last!)").path
        let command = try ClassifyCommand.parse(Array(arguments.dropLast()) + ["-o", output])
        _ = try command.execute()
        return String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    }

    /// Files with other columns in one pile: every cell under its own column's name, never
    /// shifted under the first file's header (hostile pass, 2026-12-08).
    @Test func filesWithOtherColumnsKeepEachCellUnderItsName() throws {
        let folder = temporaryFolder()
        let first = folder.appendingPathComponent("first.csv").path
        try "Mã,Nội dung kiến nghị,Địa chỉ\nA1,Đường ngõ 7 bị ngập nặng,Phố Huế\n".write(
            toFile: first, atomically: true, encoding: .utf8)
        let pile = [first, Golden.corpus("petitions-2019.csv"), Golden.corpus("petitions-2019.docx")]
        let csv = try classify(pile + ["--lang", "en", "csv"])
        var parser = DelimitedTextParser(delimiter: UInt8(ascii: ","))
        var rows = parser.feed(Array(csv.dropFirst().utf8)).map(\.cells)
        if let last = parser.finish().record { rows.append(last.cells) }
        let header = rows.removeFirst()
        #expect(Set(rows.map(\.count)) == [header.count], "every row as wide as the header")
        func cell(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        #expect(header.filter { $0 == "Nội dung kiến nghị" }.count == 1, "one column per name")
        let fromSecond = try #require(rows.first { cell($0, "file").hasSuffix("petitions-2019.csv") })
        #expect(cell(fromSecond, "Nội dung kiến nghị").hasPrefix("Công ty nợ đóng BHXH"))
        #expect(cell(fromSecond, "Người gửi") == "CĐCS Công ty TNHH may Thăng Long")
        #expect(cell(fromSecond, "Ngày nhận") == "15/4/2019")
        #expect(cell(fromSecond, "Mã").isEmpty && cell(fromSecond, "Địa chỉ").isEmpty)
        let fromFirst = try #require(rows.first { cell($0, "file").hasSuffix("first.csv") })
        #expect(cell(fromFirst, "Địa chỉ") == "Phố Huế" && cell(fromFirst, "Người gửi").isEmpty)
        #expect(rows.contains { cell($0, "file").hasSuffix(".docx") && cell($0, "text").hasPrefix("1. CĐCS") })
        // The JSON Lines output names each cell by its own column too.
        let jsonl = try classify(pile + ["jsonl"])
        let second = try #require(jsonl.split(separator: "\n").dropFirst().first)
        let columns = try #require(
            (try JSONSerialization.jsonObject(with: Data(second.utf8)) as? [String: Any])?["columns"]
                as? [String: String])
        #expect(columns["Người gửi"] == "CĐCS Công ty TNHH may Thăng Long" && columns["Ngày nhận"] == "15/4/2019")
    }

    @Test func csvInCSVOut() throws {
        let csv = try classify([Golden.corpus("petitions-2019.csv"), "csv"])
        #expect(csv.hasPrefix("\u{FEFF}STT,"))
        Golden.check(csv, named: "classify-csv.csv")
    }

    @Test func xlsxInJSONLinesOut() throws {
        let jsonl = try classify([Golden.corpus("petitions-2019.xlsx"), "jsonl"])
        Golden.check(jsonl, named: "classify-xlsx.jsonl")
    }

    @Test func docxInJSONLinesOut() throws {
        let jsonl = try classify([Golden.corpus("petitions-2019.docx"), "jsonl"])
        Golden.check(jsonl, named: "classify-docx.jsonl")
    }

    @Test func legacyFontCellsAreDecoded() throws {
        let jsonl = try classify([Golden.corpus("petitions-2019.xlsx"), "jsonl"])
        let csv = try classify([Golden.corpus("petitions-2019.csv"), "jsonl"])
        // Rows 3, 12 and 26 were typed in .VnTime in the workbook: same decisions as the Unicode CSV.
        #expect(
            jsonl.split(separator: "\n").map {
                $0.replacingOccurrences(of: "\"start\":[0-9]+|\"end\":[0-9]+", with: "", options: .regularExpression)
            }.count == 50)
        let themes = { (text: String) in
            text.split(separator: "\n").map { line in
                line.range(of: "\"mainTheme\":\"[a-z-]+\"", options: .regularExpression).map { String(line[$0]) } ?? ""
            }
        }
        #expect(themes(jsonl) == themes(csv))
    }

    @Test func xlsxOutIsAValidWorkbook() throws {
        let folder = temporaryFolder()
        let output = folder.appendingPathComponent("out.xlsx").path
        _ = try ClassifyCommand.parse([Golden.corpus("petitions-2019.csv"), "-o", output]).execute()
        // Read our own output back as an input: 50 petitions, same columns plus ours.
        let source = try XLSXPetitionSource(path: output)
        var count = 0
        try source.read(batchSize: 100, { count += $0.count }, rejected: { _ in })
        #expect(count == 50)
        #expect(source.columns.prefix(4) == ["STT", "Người gửi", "Nội dung kiến nghị", "Ngày nhận"])
        #expect(source.columns.contains("cơ quan đề xuất"))
    }

    @Test func jsonLinesAndPlainTextInputs() throws {
        let jsonl = try classify([Golden.cliFixture("petitions.jsonl"), "jsonl"])
        Golden.check(jsonl, named: "classify-jsonl-input.jsonl")
        let text = try classify([Golden.cliFixture("lines.txt"), "csv"])
        #expect(text.split(separator: "\r\n").count == 3)
    }

    @Test func formulaInjectionIsDefused() {
        #expect(CSVPetitionWriter.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVPetitionWriter.escape("+84 912") == "'+84 912")
        #expect(CSVPetitionWriter.escape("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVPetitionWriter.escape("-5") == "'-5")
        #expect(CSVPetitionWriter.escape("bình thường") == "bình thường")
    }

    // MARK: bad inputs: a clear message and a distinct exit code each

    func runClassify(_ arguments: [String]) -> Int32 {
        let output = temporaryFolder().appendingPathComponent("out.csv").path
        return exitCode { try ClassifyCommand.parse(arguments + ["-o", output]).run() }
    }

    @Test func distinctExitCodes() {
        #expect(runClassify(["/no/such/pile.csv"]) == 66)
        #expect(runClassify([Golden.cliFixture("empty.csv")]) == 10)
        #expect(runClassify([Golden.cliFixture("no-text-column.csv")]) == 12)
        #expect(runClassify([Golden.cliFixture("corrupt.xlsx")]) == 14)
        #expect(runClassify([Golden.corpus("petitions-2019.csv"), "--encoding", "klingon"]) == 64)
        #expect(runClassify([Golden.cliFixture("malformed.csv")]) == 3)
        #expect(runClassify([Golden.corpus("petitions-2019.csv")]) == 0)
    }

    @Test func malformedRowsAreListedAndGoodRowsGoThrough() throws {
        let processor = try PileOptions.parse([Golden.cliFixture("malformed.csv")]).processor()
        var ids: [String] = []
        let summary = try processor.run([Golden.cliFixture("malformed.csv")]) { ids += $0.map(\.record.id) }
        #expect(ids == ["1", "4"])
        #expect(summary.rejected.map(\.location) == [3, 4, 6])
        #expect(summary.rejected.map(\.reason) == [.emptyText, .malformedRow, .malformedRow])
        #expect(summary.line(.vi).contains("loại bỏ 3 (dòng CSV sai: 2, nội dung trống: 1)"))
        // Each message names file:line, what is wrong and what to do, in one language.
        let message = summary.rejected[2].message(.vi)
        #expect(
            message.contains("malformed.csv:6") && message.contains("mở mà không đóng")
                && message.contains("Sửa dòng đó"))
        #expect(!message.contains("unterminated"))
    }

    @Test func unknownTextColumnIsNamed() throws {
        let processor = try PileOptions.parse([Golden.corpus("petitions-2019.csv"), "--text-column", "Ghi chú"])
            .processor()
        let summary = try processor.run([Golden.corpus("petitions-2019.csv")]) { _ in }
        guard case .unknownColumn(_, let name, let columns)? = summary.failedFiles.first?.failure else {
            Issue.record("expected an unknown-column failure")
            return
        }
        #expect(name == "Ghi chú")
        #expect(columns.contains("Nội dung kiến nghị"))
    }

    /// `--header`: auto, none or a row; a header the reader doubts is named with the way to read it.
    @Test func theHeaderOptionReachesTheReaders() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("list.csv").path
        let first = "Kiến nghị của cử tri thôn 2 về việc đường liên thôn xuống cấp nghiêm trọng"
        try Data((first + "\nĐề nghị sửa cống thoát nước khu dân cư\nCông ty nợ đóng BHXH\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        func run(_ header: String) throws -> (texts: [String], summary: PileProcessor.Summary) {
            var texts: [String] = []
            let summary = try PileOptions.parse([path, "--header", header]).processor().run([path]) {
                texts += $0.map(\.record.text)
            }
            return (texts, summary)
        }
        let detected = try run("auto")
        #expect(detected.texts.count == 2 && detected.summary.doubtfulHeaders.count == 1)
        let note = FailurePresenter.commandLine(.vi).message(
            detected.summary.doubtfulHeaders[0].header, file: "list.csv")
        #expect(note.contains("list.csv: dòng 1") && note.contains("--header none"))
        let none = try run("none")
        #expect(none.texts.first == first && none.texts.count == 3 && none.summary.doubtfulHeaders.isEmpty)
        #expect(try run("2").texts.count == 1)
        guard case .noHeaderRow(_, 7, 1...3)? = try run("7").summary.failedFiles.first?.failure else {
            Issue.record("expected a missing header row")
            return
        }
        #expect(throws: CLIError.self) { try PileOptions.parse([path, "--header", "0"]).processor() }
    }

    /// A run that read nothing (every input refused) leaves an earlier rejected-rows list
    /// as it was, as it leaves the output; a run that read rows replaces it.
    @Test func aRefusedRunKeepsTheEarlierRejectedList() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("bi-loai.csv").path
        try Data("earlier list\n".utf8).write(to: URL(fileURLWithPath: path))
        var refused = PileProcessor.Summary()
        refused.failedFiles.append(("a.csv", .noHeaderRow(path: "a.csv", row: 9, searched: 1...3)))
        try RejectedRowsFile(path: path, inputs: [], language: .vi).finish(refused)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier list\n")
        var read = PileProcessor.Summary()
        read.read = 1
        try RejectedRowsFile(path: path, inputs: [], language: .vi).finish(read)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("mã lý do"))
    }

    @Test func zipBombIsRefused() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("bomb.xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let huge = Data(count: 4 << 20)
        for name in ["xl/workbook.xml", "xl/worksheets/sheet1.xml"] {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(huge.count), compressionMethod: .deflate
            ) { position, size in
                huge.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var limits = ZipPackage.Limits()
        limits.maximumEntryBytes = 1 << 20
        #expect {
            try XLSXPetitionSource(path: path, sheet: nil, textColumn: nil, limits: limits)
        } throws: { error in
            if case .office(_, let failure) = error as? InputFailure { return failure.kind == .limit }
            return false
        }
        // With default limits the 4 MiB of zeros (≈1000:1) is refused as a bomb too.
        #expect(throws: InputFailure.self) { try XLSXPetitionSource(path: path) }
    }

    @Test func outputNeverOverwritesAnInput() throws {
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("pile.csv").path
        try FileManager.default.copyItem(atPath: Golden.corpus("petitions-2019.csv"), toPath: input)
        let before = FileManager.default.contents(atPath: input)
        #expect(exitCode { try ClassifyCommand.parse([input, "-o", input]).run() } == 73)
        #expect(FileManager.default.contents(atPath: input) == before)
    }

    @Test func anUnfinishedOutputLeavesNothingBehind() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("out.csv").path
        do {
            let file = try AtomicOutputFile(path: path, inputs: [])
            try file.write("half a file")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    // MARK: end to end

    @Test func xlsxToRoutedFilesAndReport() throws {
        let folder = temporaryFolder()
        let routed = folder.appendingPathComponent("routed").path
        #expect(
            exitCode {
                try RouteCommand.parse([Golden.corpus("petitions-2019.xlsx"), "-o", routed, "--as-of", "2025-07-01"])
                    .run()
            } == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: routed).sorted()
        #expect(files.contains("muc-luc.csv"))
        #expect(files.contains("home-affairs.csv"), "labour was taken over by home-affairs on 2025-03-01")
        #expect(!files.contains("labour.csv"))
        let index = String(decoding: FileManager.default.contents(atPath: routed + "/muc-luc.csv")!, as: UTF8.self)
        let total = index.split(separator: "\r\n").dropFirst().compactMap {
            Int($0.split(separator: ",").reversed()[1])
        }.reduce(0, +)
        #expect(total == 50)

        let report = folder.appendingPathComponent("report.html").path
        #expect(exitCode { try ReportCommand.parse([Golden.corpus("petitions-2019.xlsx"), "-o", report]).run() } == 0)
        let html = String(decoding: FileManager.default.contents(atPath: report)!, as: UTF8.self)
        #expect(html.contains("<svg"))
        #expect(html.contains("Cần xử lý gấp"))
        #expect(html.contains("<mark"))
        #expect(!html.contains("http://") || !html.contains("<script"))
        #expect(!html.contains("<script"))
    }

    /// Rows that never became petitions are counted where the figures are read, not only on
    /// standard error: a pile of 5 rows with 3 rejected must not read as "2 petitions" alone.
    @Test func statsAndReportCountRejectedRows() throws {
        let folder = temporaryFolder()
        let pile = folder.appendingPathComponent("pile.csv").path
        let rows = [
            "STT,Nội dung kiến nghị", "1,Đường ngõ 7 bị ngập nặng", "2,\"a\u{1}b\"", "3,", "4,Cống tổ 3 bị tắc",
        ]
        try (rows + ["5,\"c\u{1B}d\"", ""]).joined(separator: "\n").write(
            toFile: pile, atomically: true, encoding: .utf8)
        let table = try StatsCommand.parse([pile, "--lang", "en"]).render()
        #expect(table.contains("pile.csv: 2 petitions, 1 in review, 3 rows rejected"), "\(table)")
        let json = try StatsCommand.parse([pile, "--format", "json"]).render()
        #expect(json.contains("\"rejected\" : 3"), "\(json)")
        let report = folder.appendingPathComponent("r.html").path
        _ = try ReportCommand.parse([pile, "-o", report, "--lang", "en"]).execute()
        let html = String(decoding: try #require(FileManager.default.contents(atPath: report)), as: UTF8.self)
        #expect(html.contains("3 rows did not become petitions"))
    }

    /// One unreadable input among several does not take the others' statistics with it, and a
    /// FIFO named twice is read once (it would wait forever for a second reading).
    @Test func statsKeepTheReadablePilesAndAFIFONamedTwiceIsReadOnce() throws {
        let folder = temporaryFolder()
        let missing = folder.appendingPathComponent("missing.csv").path
        let (text, summary) = try StatsCommand.parse([Golden.corpus("petitions-2019.csv"), missing, "--lang", "en"])
            .statistics()
        #expect(text.contains("petitions-2019.csv: 50 petitions") && text.contains("missing.csv: 0 petitions"))
        #expect(text.contains("1 files not read") && summary.failedFiles.count == 1)
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try PileOptions.parse([fifo, fifo]).inputs == [fifo])
    }

    /// `--lenient` counts what it replaced, per input, as the exit-11 advice promises.
    @Test func lenientReadingCountsTheReplacedBytes() throws {
        let folder = temporaryFolder()
        let pile = folder.appendingPathComponent("mixed.txt").path
        // UTF-8 lines, then two in Windows-1258 bytes (0xF4 = ô, 0xEC = ì): not UTF-8.
        var bytes = Array("Đường ngõ 5 phường Láng bị ngập nặng\nĐèn đường phố Huế tắt cả tháng\n".utf8)
        bytes += Array("C".utf8) + [0xF4] + Array("ng ta\u{1}c\n".utf8).filter { $0 != 1 } + [0x54, 0xEC, 0x6D, 0x0A]
        _ = FileManager.default.createFile(atPath: pile, contents: Data(bytes))
        let options = try PileOptions.parse([pile, "--lenient"])
        let summary = try PileRun.read(options, try options.processor(), rejected: nil) { _ in }
        #expect(summary.replaced.map(\.path) == [pile] && summary.replaced.first?.count == 2, "\(summary.replaced)")
        #expect(summary.read == 4)
    }

    @Test func statsCompareTwoPiles() throws {
        let output = try StatsCommand.parse([Golden.corpus("petitions-2019.csv"), Golden.corpus("petitions-2019.docx")])
            .render()
        #expect(output.contains("petitions-2019.csv: 50"))
        #expect(output.contains("▲") || output.contains("▼") || output.contains("= 0"))
        let csv = try StatsCommand.parse([Golden.corpus("petitions-2019.csv"), "--format", "csv"]).render()
        Golden.check(csv, named: "stats.csv")
    }
}
