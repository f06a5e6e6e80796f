import Foundation
import GRDB
import KienNghiCore
import Testing

/// `--store` pointing at something that is not a register (hostile findings,
/// 2026-12-08): another application's SQLite file was converted by `case
/// status`; an empty file became a register; a symbolic link named
/// `REGISTER-wal` was deleted; a refused `case import` left a new register behind.
@Suite("Case store safety", .serialized)
struct CaseStoreSafetyTests {
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasSuffix(".log") }.sorted()
    }

    @Test func anotherApplicationsDatabaseIsRefusedByReadersAndImportAlike() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        for table in ["notes", "petitions"] {
            let store = folder.appendingPathComponent("\(table).db").path
            let queue = try DatabaseQueue(path: store)
            try queue.write { try $0.execute(sql: "CREATE TABLE \(table) (x)") }
            try queue.close()
            let before = try #require(Self.bytes(store))
            let pile = Golden.corpus("petitions-2019.csv")
            for arguments in [
                ["case", "status", "--store", store], ["case", "groups", "--store", store],
                ["case", "import", pile, "--dialogue", "D", "--store", store],
            ] {
                let result = try KienNghiBinary.run(arguments + ["--lang", "en"], logs: folder)
                #expect(result.status == 73, "\(arguments): \(result.stderr)")
                #expect(
                    result.stderr.contains(
                        "\(store) is a SQLite database of another application, not a KienNghi register"),
                    "\(result.stderr)")
                #expect(Self.bytes(store) == before, "\(arguments) changed \(store)")
            }
        }
        #expect(try Self.entries(folder) == ["notes.db", "petitions.db"])
        let vietnamese = try KienNghiBinary.run(
            ["case", "status", "--store", folder.appendingPathComponent("notes.db").path], logs: folder)
        #expect(vietnamese.stderr.contains("của ứng dụng khác, không phải sổ KienNghi"), "\(vietnamese.stderr)")
    }

    @Test func readersFindNoRegisterInAnEmptyFileAndLeaveItEmpty() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("so.sqlite").path
        _ = FileManager.default.createFile(atPath: store, contents: Data())
        for command in [["status"], ["groups"], ["history", "1"], ["recurring"]] {
            let result = try KienNghiBinary.run(["case"] + command + ["--store", store, "--lang", "en"], logs: folder)
            #expect(result.status == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("There is no register at \(store)"), "\(result.stderr)")
            #expect(Self.bytes(store) == Data(), "case \(command) wrote to the empty file")
        }
        for (kind, output) in [("export", "out.csv"), ("report", "out.html")] {
            let result = try KienNghiBinary.run(
                ["case", kind, "-o", folder.appendingPathComponent(output).path, "--store", store, "--lang", "en"],
                logs: folder)
            #expect(result.status == 66, "\(kind): \(result.stderr)")
            #expect(Self.bytes(store) == Data(), "case \(kind) wrote to the empty file")
        }
        #expect(try Self.entries(folder) == ["so.sqlite"])
    }

    @Test func aLinkedSideFileIsRefusedNamedAndKept() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("so.sqlite").path
        let pile = Golden.corpus("petitions-2019.csv")
        let made = try KienNghiBinary.run(
            ["case", "import", pile, "--dialogue", "D", "--date", "2019-05-15", "--store", store], logs: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let target = folder.appendingPathComponent("target.txt").path
        _ = FileManager.default.createFile(atPath: target, contents: Data("giữ nguyên".utf8))
        for suffix in ["-wal", "-shm"] {
            let side = store + suffix
            try? FileManager.default.removeItem(atPath: side)
            try FileManager.default.createSymbolicLink(atPath: side, withDestinationPath: target)
            let before = Self.bytes(store)
            for arguments in [
                ["case", "status", "--store", store], ["case", "import", pile, "--dialogue", "D", "--store", store],
            ] {
                let result = try KienNghiBinary.run(arguments + ["--lang", "en"], logs: folder)
                #expect(result.status == 73, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("\(side) (a SQLite side file"), "\(result.stderr)")
                #expect(AtomicOutputFile.FileKind.of(side) == .symbolicLink, "\(side) was removed")
                #expect(Self.bytes(target) == Data("giữ nguyên".utf8))
                #expect(Self.bytes(store) == before)
            }
            try FileManager.default.removeItem(atPath: side)
        }
        // A link beside a register not yet made: no register is left behind.
        let fresh = folder.appendingPathComponent("moi.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: fresh + "-shm", withDestinationPath: target)
        let refused = try KienNghiBinary.run(
            ["case", "import", pile, "--dialogue", "D", "--store", fresh, "--lang", "en"], logs: folder)
        #expect(refused.status == 73, "\(refused.stderr)")
        #expect(AtomicOutputFile.FileKind.of(fresh) == nil)
    }

    @Test func aRefusedImportLeavesNoRegisterItWouldHaveCreated() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("zz.sqlite").path
        let binary = folder.appendingPathComponent("anh.bin").path
        _ = FileManager.default.createFile(atPath: binary, contents: Data((0..<4096).map { UInt8($0 % 7) }))
        for input in ["/dev/zero", binary, folder.appendingPathComponent("missing.csv").path] {
            let result = try KienNghiBinary.run(
                ["case", "import", input, "--dialogue", "X", "--store", store, "--lang", "en"], logs: folder)
            #expect(result.status != 0, "\(input): \(result.stderr)")
            #expect(AtomicOutputFile.FileKind.of(store) == nil, "\(input) left \(store) behind")
        }
        #expect(try Self.entries(folder) == ["anh.bin"])
    }
}
