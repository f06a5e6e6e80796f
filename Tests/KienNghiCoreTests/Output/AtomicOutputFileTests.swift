import Foundation
import Testing

@testable import KienNghiCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system's temporary folder.
private func scratchFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-out-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

private func entries(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite("Atomic output file")
struct AtomicOutputFileTests {
    func expectRefused(
        _ path: String, kind: AtomicOutputFile.FileKind, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            throws: AtomicOutputFile.Failure.notARegularFile(path: path, kind: kind), sourceLocation: sourceLocation
        ) {
            _ = try AtomicOutputFile(path: path, inputs: [])
        }
    }

    @Test func twoOutputsOfOneRunNeverShareAPath() throws {
        let folder = scratchFolder()
        let first = try AtomicOutputFile(path: folder + "/ket-qua.csv", inputs: [])
        #expect(throws: AtomicOutputFile.Failure.sameAsAnotherOutput(path: folder + "/./ket-qua.csv")) {
            _ = try AtomicOutputFile(path: folder + "/./ket-qua.csv", inputs: [])
        }
        try first.write("a\n")
        try first.commit()
        // The path is free again once the first output is in place.
        let again = try AtomicOutputFile(path: folder + "/ket-qua.csv", inputs: [])
        again.discard()
    }

    @Test func aDirectoryIsNeverRemoved() throws {
        let folder = scratchFolder()
        let target = folder + "/ket-qua"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: target + "/keep.txt", contents: Data("giữ lại".utf8))
        expectRefused(target, kind: .directory)
        expectRefused(target + "/", kind: .directory)
        #expect(contents(target + "/keep.txt") == "giữ lại")
        #expect(entries(folder) == ["ket-qua"], "no temporary file left behind")
    }

    @Test func symbolicLinksAreNeverFollowedOrReplaced() throws {
        let folder = scratchFolder()
        let victim = folder + "/victim.txt"
        _ = FileManager.default.createFile(atPath: victim, contents: Data("nguyên vẹn".utf8))
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-file.csv", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-dir", withDestinationPath: folder + "/dir")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/dangling.csv", withDestinationPath: folder + "/nowhere.csv")
        for link in ["to-file.csv", "to-dir", "dangling.csv"] {
            expectRefused(folder + "/" + link, kind: .symbolicLink)
        }
        #expect(contents(victim) == "nguyên vẹn")
        #expect(!FileManager.default.fileExists(atPath: folder + "/nowhere.csv"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/to-file.csv") == victim)
        #expect(entries(folder) == ["dangling.csv", "dir", "to-dir", "to-file.csv", "victim.txt"])
    }

    @Test func fifosAndDevicesAreRefused() throws {
        let folder = scratchFolder()
        let fifo = folder + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        expectRefused(fifo, kind: .fifo)
        expectRefused("/dev/null", kind: .device)
        #expect(AtomicOutputFile.FileKind.of(fifo) == .fifo)
    }

    @Test func aRegularFileIsReplacedWholeAndOnlyOnCommit() throws {
        let folder = scratchFolder()
        let path = folder + "/out.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data("cũ".utf8))
        let file = try AtomicOutputFile(path: path, inputs: [])
        try file.write("mới")
        #expect(contents(path) == "cũ")
        #expect(InterruptCleanup.registered.contains(file.temporary))
        try file.commit()
        #expect(contents(path) == "mới")
        #expect(!InterruptCleanup.registered.contains(file.temporary))
        #expect(entries(folder) == ["out.csv"])
    }

    /// Replacing an owner-only pile keeps it owner-only (names and phone numbers must not
    /// become readable by others), and a wider mode stays as the owner set it.
    @Test func aReplacedFileKeepsItsPermissions() throws {
        let folder = scratchFolder()
        for mode: mode_t in [0o600, 0o640, 0o604] {
            let path = folder + "/out-\(String(mode, radix: 8)).csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data("cũ".utf8))
            #expect(chmod(path, mode) == 0)
            let file = try AtomicOutputFile(path: path, inputs: [])
            try file.write("mới")
            try file.commit()
            var info = stat()
            #expect(lstat(path, &info) == 0)
            #expect(info.st_mode & 0o7777 == mode, "\(String(mode, radix: 8))")
            #expect(contents(path) == "mới")
        }
    }

    /// A name longer than a file name may be is refused before any work, not after the whole pile.
    @Test func aNameTooLongIsRefusedAtOnce() throws {
        let folder = scratchFolder()
        let name = String(repeating: "đ", count: 128) + ".csv"  // 260 bytes
        #expect(throws: AtomicOutputFile.Failure.nameTooLong(path: folder + "/" + name, bytes: 260, limit: 255)) {
            _ = try AtomicOutputFile(path: folder + "/" + name, inputs: [])
        }
        #expect(entries(folder).isEmpty)
        let longest = String(repeating: "a", count: 251) + ".csv"
        let file = try AtomicOutputFile(path: folder + "/" + longest, inputs: [])
        try file.commit()
        #expect(entries(folder) == [longest])
    }

    @Test func temporaryNamesAreUnpredictableAndPermissionsFollowTheUmask() throws {
        let folder = scratchFolder()
        let b = try AtomicOutputFile(path: folder + "/out.csv", inputs: [])
        let earlier = b.temporary
        b.discard()
        let a = try AtomicOutputFile(path: folder + "/out.csv", inputs: [])
        #expect(a.temporary != earlier)
        #expect(!a.temporary.contains(String(getpid())))
        #expect(a.temporary.hasPrefix(folder + "/.out.csv.kiennghi-"))
        try a.commit()
        var info = stat()
        #expect(stat(folder + "/out.csv", &info) == 0)
        let mask = umask(0o022)
        umask(mask)
        #expect(UInt32(info.st_mode) & 0o777 == UInt32(0o666 & ~mask))
    }

    /// The README promises "mode 0600 until complete": a partial output (or one
    /// left by SIGKILL) is never readable by others; only the committed file
    /// gets 0666 less the umask.
    @Test func theTemporaryFileIs0600UntilCommit() throws {
        let mask = umask(0o022)
        umask(mask)
        let folder = scratchFolder()
        let file = try AtomicOutputFile(path: folder + "/out.csv", inputs: [])
        func mode(_ path: String) -> UInt32? {
            var info = stat()
            return lstat(path, &info) == 0 ? UInt32(info.st_mode) & 0o7777 : nil
        }
        #expect(mode(file.temporary) == 0o600, "from creation")
        try file.write(bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20))
        #expect(mode(file.temporary) == 0o600, "while being written")
        let temporary = file.temporary
        try file.commit()
        #expect(mode(temporary) == nil)
        #expect(mode(folder + "/out.csv") == UInt32(0o666 & ~mask))
    }

    @Test func anInputIsNeverOverwrittenEvenThroughAHardLink() throws {
        let folder = scratchFolder()
        let input = folder + "/pile.csv"
        _ = FileManager.default.createFile(atPath: input, contents: Data("gốc".utf8))
        #expect(link(input, folder + "/alias.csv") == 0)
        #expect(throws: AtomicOutputFile.Failure.wouldOverwriteInput(path: folder + "/alias.csv")) {
            _ = try AtomicOutputFile(path: folder + "/alias.csv", inputs: [input])
        }
        #expect(throws: AtomicOutputFile.Failure.wouldOverwriteInput(path: input)) {
            _ = try AtomicOutputFile(path: input, inputs: [folder + "/./pile.csv"])
        }
        #expect(contents(input) == "gốc")
    }

    @Test func aMissingFolderIsReported() {
        let folder = scratchFolder()
        #expect(throws: AtomicOutputFile.Failure.missingFolder(path: folder + "/no/out.csv", folder: folder + "/no")) {
            _ = try AtomicOutputFile(path: folder + "/no/out.csv", inputs: [])
        }
    }

    @Test func somethingAppearingBeforeCommitIsNotReplaced() throws {
        let folder = scratchFolder()
        let path = folder + "/out.csv"
        let file = try AtomicOutputFile(path: path, inputs: [])
        try file.write("dữ liệu")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: AtomicOutputFile.Failure.notARegularFile(path: path, kind: .directory)) { try file.commit() }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(entries(folder) == ["out.csv"], "the temporary file is removed")
    }

    @Test func anAbandonedOutputLeavesNothing() throws {
        let folder = scratchFolder()
        var temporary = ""
        do {
            let file = try AtomicOutputFile(path: folder + "/out.jsonl", inputs: [])
            temporary = file.temporary
            try file.write(bytes: [UInt8](repeating: 0x41, count: 3 << 20))
        }
        #expect(entries(folder).isEmpty)
        #expect(!InterruptCleanup.registered.contains(temporary))
    }
}
