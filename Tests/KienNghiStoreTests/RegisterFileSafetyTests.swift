import Foundation
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

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

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
