import ArgumentParser
import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small hostile fixtures, generated here.
enum HostileFixtures {
    /// A CSV whose cells try formula injection and bidi reordering.
    static func csv(in folder: URL) -> String {
        let path = folder.appendingPathComponent("hostile.csv").path
        let rows = [
            "STT,Ghi chú,Nội dung kiến nghị",
            "1,\" =HYPERLINK(\"\"http://x\"\")\",Công ty nợ lương công nhân 3 tháng chưa trả",
            "2,＝1+1,\"Lương \u{202E}tháng 5\u{202C} chưa trả, công nhân bức xúc\"",
            "3,\"\t@SUM(A1)\",Đường vào KCN Quang Minh ùn tắc giờ tan ca",
        ]
        _ = FileManager.default.createFile(atPath: path, contents: Data((rows.joined(separator: "\r\n") + "\r\n").utf8))
        return path
    }

    /// `count` plain-text petitions, one per line (for runs long enough to interrupt).
    static func largeText(in folder: URL, count: Int) -> String {
        let path = folder.appendingPathComponent("big.txt").path
        let lines = [
            "Công ty nợ đóng BHXH 7 tháng, nhiều công nhân nghỉ việc chưa được chốt sổ bảo hiểm xã hội.",
            "Đường vào KCN Quang Minh giờ tan ca ùn tắc kéo dài, đề nghị bố trí đèn tín hiệu.",
            "Chủ trọ ở huyện Đông Anh thu tiền điện quá cao so với giá quy định.",
        ]
        var text = ""
        for index in 0..<count { text += lines[index % lines.count] + " Số \(index).\n" }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// The built `kiennghi` executable, beside the test bundle.
enum KienNghiBinary {
    static var path: String? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Golden.repositoryRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            var url = folder
            for _ in 0..<4 {
                let binary = url.appendingPathComponent("kiennghi").path
                if FileManager.default.isExecutableFile(atPath: binary) { return binary }
                url = url.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Starts it with stdout and stderr going to files (nothing to drain, nothing to block on).
    /// `executable`: run that instead (a shell around the binary), with `arguments`.
    static func start(_ arguments: [String], logs folder: URL, executable: String? = nil) throws -> (
        Process, stderr: URL
    ) {
        let process = Process()
        let binary: String
        if let executable { binary = executable } else { binary = try #require(path) }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = folder.appendingPathComponent("stdout.log")
        let err = folder.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    /// Runs to the end: exit status and stderr.
    static func run(_ arguments: [String], logs folder: URL, executable: String? = nil) throws -> (
        status: Int32, stderr: String
    ) {
        let (process, err) = try start(arguments, logs: folder, executable: executable)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        return (
            process.terminationStatus,
            String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self)
        )
    }
}

@Suite("Output safety", .serialized)
struct OutputSafetyTests {
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// A folder holding one file the user cares about.
    func precious(in folder: URL, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path + "/keep.txt", contents: Data("đừng xoá".utf8))
        return path
    }

    func expectIntact(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(entries(folder) == ["keep.txt"], sourceLocation: sourceLocation)
        #expect(
            FileManager.default.contents(atPath: folder + "/keep.txt") == Data("đừng xoá".utf8),
            sourceLocation: sourceLocation)
    }

    // MARK: 1. outputs that are not regular files

    @Test func classifyAndReportNeverRemoveADirectory() throws {
        let folder = temporaryFolder()
        let input = Golden.corpus("petitions-2019.csv")
        let target = try precious(in: folder, "ket-qua")
        for arguments in [
            [input, "-o", target], [input, "-o", target + "/"], [input, "-o", target, "--format", "jsonl"],
        ] {
            #expect(exitCode { try ClassifyCommand.parse(arguments).run() } == 73)
            expectIntact(target)
        }
        #expect(exitCode { try ClassifyCommand.parse([input, "-o", target, "--format", "xlsx"]).run() } == 73)
        #expect(exitCode { try ReportCommand.parse([input, "-o", target]).run() } == 73)
        expectIntact(target)
        #expect(entries(folder.path) == ["ket-qua"], "no temporary file left beside it")
    }

    @Test func linksDevicesAndFifosAreRefused() throws {
        let folder = temporaryFolder()
        let input = Golden.corpus("petitions-2019.csv")
        let victim = folder.appendingPathComponent("victim.csv").path
        _ = FileManager.default.createFile(atPath: victim, contents: Data("nguyên vẹn".utf8))
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        let fifo = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for output in [link, fifo, "/dev/null"] {
            #expect(exitCode { try ClassifyCommand.parse([input, "-o", output]).run() } == 73, "\(output)")
            #expect(exitCode { try ReportCommand.parse([input, "-o", output]).run() } == 73, "\(output)")
        }
        #expect(FileManager.default.contents(atPath: victim) == Data("nguyên vẹn".utf8))
        #expect(AtomicOutputFile.FileKind.of(link) == .symbolicLink)
        #expect(AtomicOutputFile.FileKind.of(fifo) == .fifo)
        #expect(entries(folder.path) == ["link.csv", "pipe.csv", "victim.csv"])
    }

    @Test func routeWritesOnlyItsOwnFilesInsideAFolder() throws {
        let folder = temporaryFolder()
        let input = Golden.corpus("petitions-2019.csv")
        let routed = try precious(in: folder, "theo-co-quan")
        #expect(exitCode { try RouteCommand.parse([input, "-o", routed + "/"]).run() } == 0)
        let written = entries(routed)
        #expect(written.contains("keep.txt") && written.contains("muc-luc.csv") && written.count > 3)
        #expect(!written.contains { $0.hasPrefix(".") }, "no temporary file left")
        #expect(FileManager.default.contents(atPath: routed + "/keep.txt") == Data("đừng xoá".utf8))
        // Run again: its own files are replaced, nothing else touched.
        #expect(exitCode { try RouteCommand.parse([input, "-o", routed]).run() } == 0)
        #expect(entries(routed) == written)
    }

    /// `classify -` without `-o` writes `ket-qua.kiennghi.csv` in the current folder, and says so
    /// (it used to write `./-.kiennghi.csv`); a named input still gets `NAME.kiennghi.csv` beside it.
    @Test func classifyStandardInputWithoutOutputHasASensibleName() throws {
        #expect(ClassifyCommand.defaultOutput(for: "-") == "ket-qua.kiennghi.csv")
        #expect(ClassifyCommand.defaultOutput(for: "/a/don.xlsx") == "/a/don.kiennghi.csv")
        let folder = temporaryFolder()
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let input = folder.appendingPathComponent("don.txt").path
        _ = FileManager.default.createFile(atPath: input, contents: Data("Đề nghị sửa đường vào KCN\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(KienNghiBinary.path))
        process.arguments = ["classify", "-"]
        process.currentDirectoryURL = work
        let err = folder.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = try #require(FileHandle(forReadingAtPath: input))
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(entries(work.path) == ["ket-qua.kiennghi.csv"])
        let stderr = String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self)
        #expect(stderr.contains("ket-qua.kiennghi.csv trong thư mục hiện tại"), "\(stderr)")
    }

    /// A second `route` into the same folder deletes nothing, but says which agency files are
    /// left from the earlier run and marks them in the index, so no old petition is sent out.
    @Test func routeAgainNamesAgencyFilesLeftByAnEarlierRun() throws {
        let folder = temporaryFolder()
        let routed = try precious(in: folder, "theo-co-quan")
        _ = FileManager.default.createFile(atPath: routed + "/ghi-chu.csv", contents: Data("của người dùng".utf8))
        let first = try KienNghiBinary.run(["route", Golden.corpus("petitions-2019.csv"), "-o", routed], logs: folder)
        #expect(first.status == 0)
        #expect(!first.stderr.contains("không thuộc lần chia này"), "a fresh folder has nothing old")
        let firstRun = Set(entries(routed)).subtracting(["keep.txt", "ghi-chu.csv", "muc-luc.csv"])
        #expect(firstRun.count > 2)

        let one = folder.appendingPathComponent("mot-don.txt").path
        _ = FileManager.default.createFile(
            atPath: one, contents: Data("Công ty nợ đóng BHXH 6 tháng, chưa chốt sổ cho công nhân\n".utf8))
        /// Rows of the index: (agency cell, count cell, file cell); file names hold no comma.
        func rows(_ index: String) -> [(agency: String, count: String, file: String)] {
            let text = String(
                decoding: FileManager.default.contents(atPath: routed + "/" + index) ?? Data(), as: UTF8.self)
            return text.split(separator: "\r\n").dropFirst().map { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return (cells.dropLast(2).joined(separator: ","), cells[cells.count - 2], cells[cells.count - 1])
            }
        }
        for (language, index, words) in [
            (Language.vi, "muc-luc.csv", "không thuộc lần chia này"), (.en, "index.csv", "not part of this run"),
        ] {
            let present = Set(entries(routed)).subtracting(["keep.txt", "ghi-chu.csv", "muc-luc.csv", "index.csv"])
            let second = try KienNghiBinary.run(
                ["route", one, "-o", routed, "--lang", language.rawValue], logs: folder)
            #expect(second.status == 0)
            let listed = rows(index)
            let current = listed.filter { !$0.count.isEmpty }
            #expect(current.map { Int($0.count) ?? 0 }.reduce(0, +) == 1)
            let stale = present.subtracting(current.map(\.file)).sorted()
            #expect(!stale.isEmpty)
            #expect(second.stderr.contains(words), "\(second.stderr)")
            for file in stale { #expect(second.stderr.contains(file), "\(file) named as old") }
            #expect(!second.stderr.contains("ghi-chu.csv") && !second.stderr.contains("keep.txt"))
            let old = listed.filter { $0.count.isEmpty }
            #expect(old.map(\.file) == stale, "old files listed, marked, after this run's rows")
            #expect(old.allSatisfy { $0.agency.uppercased().contains(words.uppercased()) })
            #expect(
                Set(entries(routed)).isSuperset(of: firstRun.union(["keep.txt", "ghi-chu.csv"])), "nothing deleted")
        }
    }

    /// `route -o` on something that is not a folder says what it is, once, in the chosen language.
    @Test func routeNamesWhatItFoundInsteadOfAFolder() throws {
        let folder = temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let socketPath = folder.appendingPathComponent("sock").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        let file = folder.appendingPathComponent("file.csv").path
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        for (path, vi, en) in [
            (fifo, "là một đường ống có tên (FIFO), không phải thư mục", "is a named pipe (FIFO), not a folder"),
            (socketPath, "là một socket, không phải thư mục", "is a socket, not a folder"),
            (file, "là một tệp, không phải thư mục", "is a file, not a folder"),
        ] {
            for (language, words) in [(Language.vi, vi), (.en, en)] {
                do {
                    _ = try OutputFolder(path, language)
                    Issue.record("\(path) accepted as a folder")
                } catch let error as CLIError {
                    #expect(error.message.contains(words), "\(error.message)")
                    #expect(error.code == .cannotCreate)
                }
            }
        }
        #expect(AtomicOutputFile.FileKind.of(socketPath) == .socket)
    }

    @Test func routeRefusesLinksInsideAndALinkedFolder() throws {
        let folder = temporaryFolder()
        let input = Golden.corpus("petitions-2019.csv")
        let routed = folder.appendingPathComponent("routed").path
        try FileManager.default.createDirectory(atPath: routed, withIntermediateDirectories: false)
        let victim = folder.appendingPathComponent("victim.csv").path
        _ = FileManager.default.createFile(atPath: victim, contents: Data("nguyên vẹn".utf8))
        try FileManager.default.createSymbolicLink(atPath: routed + "/muc-luc.csv", withDestinationPath: victim)
        #expect(exitCode { try RouteCommand.parse([input, "-o", routed]).run() } == 73)
        #expect(FileManager.default.contents(atPath: victim) == Data("nguyên vẹn".utf8))
        #expect(entries(routed) == ["muc-luc.csv"])

        let elsewhere = try precious(in: folder, "elsewhere")
        let linkedFolder = folder.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: linkedFolder, withDestinationPath: elsewhere)
        #expect(exitCode { try RouteCommand.parse([input, "-o", linkedFolder + "/"]).run() } == 73)
        #expect(exitCode { try RouteCommand.parse([input, "-o", victim]).run() } == 73)
        expectIntact(elsewhere)
    }

    @Test func messagesSayWhatAndWhatToDoInBothLanguages() {
        let failure = AtomicOutputFile.Failure.notARegularFile(path: "ket-qua", kind: .directory)
        #expect(failure.message(.vi).contains("là một thư mục"))
        #expect(failure.message(.en).contains("is a folder"))
        #expect(failure.message(.en).contains("ket-qua/ket-qua.csv"))
        let link = AtomicOutputFile.Failure.notARegularFile(path: "/tmp/x/link.csv", kind: .symbolicLink)
        #expect(link.message(.en).contains("e.g. /tmp/x/ket-qua.csv"))
        #expect(link.message(.vi).contains("liên kết tượng trưng"))
        #expect(KienNghiCLI.ExitStatus(failure) == .cannotCreate)
        #expect(KienNghiCLI.ExitStatus(AtomicOutputFile.Failure.writeFailed(path: "x", errno: ENOSPC)) == .ioError)
    }

    // MARK: 5. bad options are usage errors

    @Test func badOptionValuesAreUsageErrors() throws {
        let input = Golden.corpus("petitions-2019.csv")
        let out = temporaryFolder()
        #expect(exitCode { try StatsCommand.parse([input, "--format", "banana"]).run() } == 64)
        #expect(exitCode { try RouteCommand.parse([input, "--format", "banana", "-o", out.path + "/r"]).run() } == 64)
        #expect(
            exitCode { try ClassifyCommand.parse([input, "--format", "banana", "-o", out.path + "/x"]).run() } == 64)
        #expect(exitCode { try ClassifyCommand.parse([input, "-o", out.path + "/x.txt"]).run() } == 64)
        #expect(entries(out.path).isEmpty)
        #expect(throws: CLIError.self) { try requireOneOf(StatsCommand.formats, "banana", option: "--format", .en) }
        do {
            try requireOneOf(StatsCommand.formats, "banana", option: "--format", .en)
        } catch let error as CLIError {
            #expect(error.message.contains("table, csv, json"))
            #expect(error.code == .usage)
        }
    }

    // MARK: 4. display safety end to end

    @Test func csvXlsxAndHtmlOutputsAreDisplaySafe() throws {
        let folder = temporaryFolder()
        let input = HostileFixtures.csv(in: folder)
        let csvPath = folder.appendingPathComponent("out.csv").path
        _ = try ClassifyCommand.parse([input, "-o", csvPath]).execute()
        let csv = String(decoding: FileManager.default.contents(atPath: csvPath)!, as: UTF8.self)
        #expect(csv.contains(",\"' =HYPERLINK(\"\"http://x\"\")\","), "leading space before =")
        #expect(csv.contains(",'＝1+1,"))
        #expect(csv.contains(",'\t@SUM(A1),"))
        #expect(csv.contains("Lương [U+202E]tháng 5[U+202C] chưa trả"))
        #expect(!csv.unicodeScalars.contains("\u{202E}"))

        let reportPath = folder.appendingPathComponent("report.html").path
        _ = try ReportCommand.parse([input, "-o", reportPath]).execute()
        let html = String(decoding: FileManager.default.contents(atPath: reportPath)!, as: UTF8.self)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("<bdi>"))
        #expect(html.contains("<p dir=\"auto\">"))

        let xlsxPath = folder.appendingPathComponent("out.xlsx").path
        _ = try ClassifyCommand.parse([input, "-o", xlsxPath]).execute()
        var texts: [String] = []
        try XLSXPetitionSource(path: xlsxPath).read(batchSize: 10, { texts += $0.map(\.text) }, rejected: { _ in })
        #expect(texts.contains { $0.contains("[U+202E]") })
        #expect(!texts.joined().unicodeScalars.contains("\u{202E}"))
    }

    // MARK: 6. JSONL is lossless

    @Test func jsonLinesKeepEveryColumnAndTheExactText() throws {
        let folder = temporaryFolder()
        let input = HostileFixtures.csv(in: folder)
        let output = folder.appendingPathComponent("out.jsonl").path
        _ = try ClassifyCommand.parse([input, "-o", output]).execute()
        let lines = String(decoding: FileManager.default.contents(atPath: output)!, as: UTF8.self).split(
            separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let columns = objects.compactMap { $0["columns"] as? [String: String] }
        try #require(columns.count == 3 && objects.count == 3)
        #expect(
            columns[0] == [
                "STT": "1", "Ghi chú": " =HYPERLINK(\"http://x\")",
                "Nội dung kiến nghị": "Công ty nợ lương công nhân 3 tháng chưa trả",
            ])
        #expect(objects[1]["text"] as? String == "Lương \u{202E}tháng 5\u{202C} chưa trả, công nhân bức xúc")
        #expect(columns[2]["Ghi chú"] == "\t@SUM(A1)")
    }

    @Test func jsonLinesFromSeveralInputsSayWhichFile() throws {
        let folder = temporaryFolder()
        let input = HostileFixtures.csv(in: folder)
        let output = folder.appendingPathComponent("out.jsonl").path
        _ = try ClassifyCommand.parse([input, Golden.corpus("petitions-2019.csv"), "-o", output]).execute()
        let lines = String(decoding: FileManager.default.contents(atPath: output)!, as: UTF8.self).split(
            separator: "\n")
        #expect(lines.count == 53)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        #expect(last["file"] as? String == Golden.corpus("petitions-2019.csv"))
    }

    // MARK: 7. one table of exit codes

    @Test func inputFailuresMapToNamedExitCodes() {
        let cases: [(InputFailure, KienNghiCLI.ExitStatus)] = [
            (.missing(path: "x"), .noInput), (.unreadable(path: "x"), .noInput), (.empty(path: "x"), .emptyInput),
            (.decoding(path: "x", .unknownEncoding("x")), .encoding),
            (.noTextColumn(path: "x", columns: []), .noTextColumn),
            (.unknownColumn(path: "x", name: "y", columns: []), .noTextColumn),
            (.unsupportedFormat(path: "x"), .unsupportedFormat),
            (.corrupt(path: "x", detail: ""), .corrupt), (.tooLarge(path: "x", detail: ""), .tooLarge),
        ]
        for (failure, status) in cases { #expect(KienNghiCLI.ExitStatus(failure) == status, "\(failure)") }
        #expect(Set(KienNghiCLI.ExitStatus.allCases.map(\.rawValue)).count == KienNghiCLI.ExitStatus.allCases.count)
        #expect(
            KienNghiCLI.ExitStatus.terminated.rawValue == 128 + SIGTERM
                && KienNghiCLI.ExitStatus.interrupted.rawValue == 128 + SIGINT
                && KienNghiCLI.ExitStatus.hangUp.rawValue == 128 + SIGHUP)
    }

    // MARK: 1, 3. the real binary: defaulted paths, route's message, signals

    @Test func defaultedOutputAndRouteFolderAreSaid() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("pile.csv").path
        try FileManager.default.copyItem(atPath: Golden.corpus("petitions-2019.csv"), toPath: input)
        let classify = try KienNghiBinary.run(["classify", input, "--lang", "en"], logs: folder)
        #expect(classify.status == 0)
        #expect(classify.stderr.contains("No -o given: writing next to the input, to \(folder.path)/pile.kiennghi.csv"))
        let routed = folder.appendingPathComponent("routed").path
        let route = try KienNghiBinary.run(["route", input, "-o", routed + "//"], logs: folder)
        #expect(route.status == 0)
        #expect(route.stderr.contains("trong \(routed)/."))
        #expect(!route.stderr.contains("//"))
        let refused = try KienNghiBinary.run(["classify", input, "-o", routed, "--lang", "en"], logs: folder)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("is a folder"))
    }

    @Test func aClosedStandardOutputEndsQuietlyWith141() throws {
        guard let binary = KienNghiBinary.path else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["stats", Golden.corpus("petitions-2019.csv")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = try FileHandle(
            forWritingTo: { () -> URL in
                let url = folder.appendingPathComponent("stderr.log")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                return url
            }())
        try process.run()
        try pipe.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by SIGPIPE instead of exiting")
        #expect(process.terminationStatus == 141)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))])
    func signalsRemoveTheTemporaryFile(signal: Int32, expected: Int32) throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = HostileFixtures.largeText(in: folder, count: 60_000)
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: false)
        let (process, _) = try KienNghiBinary.start(
            ["classify", input, "-o", outputs.path + "/result.jsonl"], logs: folder)
        // Wait for the temporary file to exist, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while entries(outputs.path).isEmpty && process.isRunning && Date() < deadline { usleep(5_000) }
        let temporary = entries(outputs.path)
        #expect(temporary.count == 1 && temporary[0].hasPrefix(".result.jsonl.kiennghi-"), "\(temporary)")
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == expected)
        #expect(entries(outputs.path).isEmpty, "temporary file left behind: \(entries(outputs.path))")
    }
}
