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
}
