import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Outputs that would have destroyed what the user did not name as an output,
/// found by a hostile pass over every command (2026-12-04).
@Suite("Hostile outputs", .serialized)
struct HostileOutputTests {
    /// Runs the built binary with standard input read from `stdin` (a file, or a pipe kept open).
    func run(_ arguments: [String], stdin: FileHandle, in folder: URL) throws -> (Process, stderr: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(KienNghiBinary.path))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let err = folder.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = stdin
        try process.run()
        return (process, err)
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A fresh folder holding a copy of the sample pile as `don.csv`; nil (recorded as an
    /// issue) when the binary has not been built.
    func folderWithPile() throws -> (folder: URL, input: String)? {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return nil
        }
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("don.csv").path
        try FileManager.default.copyItem(atPath: Golden.corpus("petitions-2019.csv"), toPath: input)
        return (folder, input)
    }

    @Test func standardInputRedirectedFromTheOutputIsAnInput() throws {
        guard let (folder, input) = try folderWithPile() else { return }
        let original = try #require(contents(input))
        for arguments in [
            ["classify", "-", "-o", input], ["normalize", "-o", input], ["tokenize", "-", "-o", input],
        ] {
            let (process, _) = try run(
                arguments + ["--lang", "en"], stdin: try FileHandle(forReadingFrom: URL(fileURLWithPath: input)),
                in: folder)
            process.waitUntilExit()
            #expect(process.terminationStatus == 73, "\(arguments)")
            #expect(contents(input) == original, "\(arguments) replaced its own standard input")
        }
    }

    /// `-` with standard input redirected from a file also named is that file: read once.
    @Test func standardInputRedirectedFromANamedInputIsReadOnce() throws {
        guard let (folder, input) = try folderWithPile() else { return }
        let (process, stderr) = try run(
            ["classify", "-", input, "-o", "out.csv", "--lang", "en"],
            stdin: try FileHandle(forReadingFrom: URL(fileURLWithPath: input)), in: folder)
        process.waitUntilExit()
        let message = String(decoding: try #require(contents(stderr.path)), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(message.contains("Read 50 rows") && message.contains("it is read once"), "\(message)")
    }

    /// Standard output on a full disk: every command that prints its result says so and exits 74,
    /// in the chosen language, instead of exit 0 with the output lost (hostile pass, 2026-12-08).
    @Test func aFullStandardOutputIsAnError() throws {
        guard let binary = KienNghiBinary.path else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let pile = Golden.corpus("petitions-2019.csv")
        for (arguments, english) in [
            (["stats", pile], false), (["stats", pile, "--format", "json", "--lang", "en"], true),
            (["classify-text", "Đường ngõ 5 bị ngập nặng"], false), (["lexicon", "check", "--lang", "en"], true),
            (["normalize", pile, "--lang", "en"], true), (["tokenize", pile], false),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let err = folder.appendingPathComponent("stderr.log")
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: try #require(contents(err.path)), as: UTF8.self)
            #expect(process.terminationStatus == 74, "\(arguments): \(message)")
            #expect(
                message.contains(english ? "Cannot write to standard output" : "Không ghi được ra đầu ra chuẩn"),
                "\(arguments): \(message)")
        }
    }

    @Test(arguments: ["normalize", "tokenize"])
    func streamingCommandsRemoveTheirTemporaryFileOnSignals(command: String) throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: false)
        // Standard input stays open, so the run waits with its temporary file created.
        let pipe = Pipe()
        let (process, _) = try run(
            [command, "-o", outputs.path + "/result.txt"], stdin: pipe.fileHandleForReading, in: folder)
        pipe.fileHandleForWriting.write(Data("Công ty nợ đóng BHXH 7 tháng.\n".utf8))
        let deadline = Date().addingTimeInterval(60)
        func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: outputs.path)) ?? [] }
        while entries().isEmpty && process.isRunning && Date() < deadline { usleep(5_000) }
        usleep(100_000)
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try? pipe.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143)
        #expect(entries().isEmpty, "temporary file left behind: \(entries())")
    }

    @Test func theRegisterIsNeverReplacedByItsOwnReportOrExport() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("so.csv").path
        let imported = try KienNghiBinary.run(
            [
                "case", "import", Golden.corpus("petitions-2019.csv"), "--dialogue", "D", "--date", "2019-05-15",
                "--store", store,
            ],
            logs: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let before = try #require(contents(store))
        for arguments in [
            ["case", "report", "--store", store, "-o", store],
            ["case", "export", "--store", store, "-o", store],
            ["case", "report", "--store", store, "-o", store + "-wal"],
        ] {
            let result = try KienNghiBinary.run(arguments + ["--lang", "en"], logs: folder)
            #expect(result.status == 73, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is one of the inputs"), "\(result.stderr)")
        }
        #expect(contents(store) == before)
        let status = try KienNghiBinary.run(["case", "status", "--store", store], logs: folder)
        #expect(status.status == 0, "the register no longer opens: \(status.stderr)")
    }

    @Test func aDanglingLinkIsNotARegister() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let link = folder.appendingPathComponent("kiennghi.sqlite").path
        let target = folder.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try KienNghiBinary.run(["case", "status", "--store", link], logs: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target), "SQLite followed the dangling link")
    }

    /// Only `case import` creates a register: `case status --store typo.sqlite` used to
    /// create an empty one and report on it; merging a group into itself was recorded.
    @Test func aMistypedRegisterIsNotCreatedAndAGroupIsNotMergedIntoItself() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let typo = folder.appendingPathComponent("kiennghi.sqltie").path
        for command in [["case", "status"], ["case", "groups"], ["case", "export", "-o", folder.path + "/x.csv"]] {
            let result = try KienNghiBinary.run(command + ["--store", typo], logs: folder)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: typo), "\(command) created a register")
        }
        let merge = try KienNghiBinary.run(["case", "merge", "1", "1", "--store", typo], logs: folder)
        #expect(merge.status == 64, "\(merge.stderr)")
    }

    @Test func lexiconFitWritesBothFilesOrNeither() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let output = folder.appendingPathComponent("learned")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        #expect(mkfifo(output.appendingPathComponent("proposed-phrases.tsv").path, 0o644) == 0)
        let result = try KienNghiBinary.run(
            [
                "lexicon", "fit", "--gold", Golden.corpus("labelled/petitions-dev.jsonl"), "-o", output.path,
                "--lang", "en",
            ], logs: folder)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("named pipe (FIFO)"), "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(left == ["proposed-phrases.tsv"], "\(left)")
    }
}
