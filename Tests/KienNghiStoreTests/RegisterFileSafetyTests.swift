import Foundation
import GRDB
import KienNghiCore
import Testing

@testable import KienNghiStore

/// Hostile findings of 2026-12-08 on the register file: another application's
/// SQLite file was turned into a register (tables added, journal switched to
/// WAL) even by a read-only `case status`; an empty file became a register; a
/// symbolic link named `REGISTER-wal` was deleted by SQLite on close.
@Suite(.serialized) struct RegisterFileSafetyTests {
    static func path(_ name: String = "r.sqlite") -> String {
        StoreTestSupport.temporaryDirectory().appendingPathComponent(name).path
    }

    /// A SQLite file of another application.
    static func foreignDatabase(_ sql: String, at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func folderEntries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).sorted()
    }

    @Test(arguments: [
        "CREATE TABLE notes (x)", "CREATE TABLE petitions (x)", "PRAGMA application_id = 42",
        "PRAGMA journal_mode = WAL; CREATE TABLE notes (x)",
    ])
    func anotherApplicationsDatabaseIsRefusedAndUnchanged(sql: String) throws {
        let path = Self.path("other.db")
        try Self.foreignDatabase(sql, at: path)
        let before = try #require(Self.bytes(path))
        for creating in [true, false] {
            #expect(throws: StoreFailure.notARegister(store: path, why: .otherApplication)) {
                _ = try SQLiteCaseStore(path: path, creating: creating)
            }
        }
        #expect(Self.bytes(path) == before)
        #expect(try Self.folderEntries(path) == ["other.db"])
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndUnchanged() throws {
        let path = Self.path("notes.txt")
        let text = Data(String(repeating: "Ghi chú cuộc họp, không phải sổ.\n", count: 10).utf8)
        _ = FileManager.default.createFile(atPath: path, contents: text)
        #expect(throws: StoreFailure.notARegister(store: path, why: .notSQLite)) {
            _ = try SQLiteCaseStore(path: path)
        }
        #expect(Self.bytes(path) == text)
    }

    /// A name with no room for SQLite's `-journal` beside it is refused before anything is made
    /// (it failed midway, leaving an empty file; hostile pass, 2026-12-08).
    @Test func aNameWithNoRoomForItsJournalIsRefusedAndNothingMade() throws {
        let path = Self.path(String(repeating: "c", count: 245) + ".db")
        #expect(throws: StoreFailure.nameTooLong(store: path, bytes: 248, limit: 247)) {
            _ = try SQLiteCaseStore(path: path)
        }
        #expect(AtomicOutputFile.FileKind.of(path) == nil)
        let longest = Self.path(String(repeating: "c", count: 244) + ".db")
        let store = try SQLiteCaseStore(path: longest)
        store.close()
        #expect(AtomicOutputFile.FileKind.of(longest) == .regular)
    }

    @Test func aNewRegisterIsMarkedAndAnUnmarkedOneOfAnEarlierVersionStillOpens() throws {
        let path = Self.path()
        let store = try SQLiteCaseStore(path: path)
        store.close()
        let header = try #require(Self.bytes(path)).prefix(72)
        let id = header.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(Int32(bitPattern: id) == SQLiteCaseStore.applicationID)
        // Registers made before the mark: the same tables, application_id 0.
        let register = CaseRegister(
            store: try SQLiteCaseStore(path: path), analyzer: StoreTestSupport.classifier.analyzer)
        _ = try CaseImporter(register: register, processor: StoreTestSupport.processor())
            .run([StoreTestSupport.sample2019], dialogue: "Đối thoại 2019", heldOn: CaseDate("2019-05-15"))
        try register.store.transaction { try $0.execute("PRAGMA application_id = 0") }
        register.store.close()
        #expect(try SQLiteCaseStore.inspect(path) == .earlierRegister)
        let reopened = CaseRegister(
            store: try SQLiteCaseStore(path: path, creating: false), analyzer: StoreTestSupport.classifier.analyzer)
        #expect(try reopened.status(today: CaseDate("2019-06-30")!).petitions == 50)
        reopened.store.close()
        #expect(try SQLiteCaseStore.inspect(path) == .register)
    }

    @Test func anEmptyFileIsNoRegisterForAReaderAndStaysEmpty() throws {
        let path = Self.path()
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreFailure.noRegister(store: path)) { _ = try SQLiteCaseStore(path: path, creating: false) }
        #expect(Self.bytes(path) == Data())
        #expect(try Self.folderEntries(path) == ["r.sqlite"])
        let missing = Self.path("missing.sqlite")
        #expect(throws: StoreFailure.noRegister(store: missing)) {
            _ = try SQLiteCaseStore(path: missing, creating: false)
        }
        #expect(AtomicOutputFile.FileKind.of(missing) == nil)
    }

    @Test(arguments: ["-wal", "-shm", "-journal"])
    func aSideFileThatIsNotARegularFileIsRefusedAndKept(suffix: String) throws {
        for existing in [true, false] {
            let path = Self.path()
            let folder = (path as NSString).deletingLastPathComponent
            if existing { try SQLiteCaseStore(path: path).close() }
            let before = Self.bytes(path)
            let target = folder + "/target.txt"
            _ = FileManager.default.createFile(atPath: target, contents: Data("giữ nguyên".utf8))
            let side = path + suffix
            let kinds: [(AtomicOutputFile.FileKind, () throws -> Void)] = [
                (
                    .symbolicLink,
                    { try FileManager.default.createSymbolicLink(atPath: side, withDestinationPath: target) }
                ),
                (
                    .symbolicLink,
                    {
                        try FileManager.default.createSymbolicLink(
                            atPath: side, withDestinationPath: folder + "/nowhere")
                    }
                ),
                (
                    .directory,
                    { try FileManager.default.createDirectory(atPath: side, withIntermediateDirectories: false) }
                ),
                (.fifo, { #expect(mkfifo(side, 0o600) == 0) }),
            ]
            for (kind, make) in kinds {
                try make()
                #expect(throws: StoreFailure.sideFile(store: path, file: side, kind: kind)) {
                    _ = try SQLiteCaseStore(path: path)
                }
                #expect(AtomicOutputFile.FileKind.of(side) == kind, "\(suffix) \(kind) was removed")
                #expect(Self.bytes(target) == Data("giữ nguyên".utf8))
                #expect(Self.bytes(path) == before, "the register changed or was created")
                try FileManager.default.removeItem(atPath: side)
            }
        }
    }
}
