import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written to a fresh temporary file in the destination's folder and
/// moved into place only when complete, so an interrupted or failed run never
/// leaves half a file.
///
/// What it never does: follow a symbolic link, write into or replace a
/// directory, a device, a FIFO, a socket or a symbolic link at the destination,
/// or replace one of the inputs (same file, hard links included). Only a
/// regular file at the destination is ever replaced, and only by `rename(2)`.
/// The temporary file has an unpredictable name and is created with
/// `O_CREAT|O_EXCL|O_NOFOLLOW` and mode 0600, so a link planted under any name
/// cannot make KienNghi write through it and nobody else can read a partial
/// output; the finished file gets 0666 less the umask at ``commit()``, just
/// before it is moved into place.
package final class AtomicOutputFile {
    /// The path the user named.
    package let destination: String
    /// The temporary file being written (in the destination's folder).
    package let temporary: String
    private let descriptor: Int32
    private var closed = false
    private var finished = false
    private var sealed = false
    private var buffer: [UInt8] = []
    private let claim: String
    private let group: OutputGroup?

    /// Why an output could not be written, as data: wording is the caller's.
    package enum Failure: Error, Sendable, Equatable {
        /// The destination is one of the inputs (or a hard link to one).
        case wouldOverwriteInput(path: String)
        /// Something that is not a regular file sits at the destination.
        case notARegularFile(path: String, kind: FileKind)
        /// The destination's folder does not exist or is not a folder.
        case missingFolder(path: String, folder: String)
        /// The temporary file could not be created in `folder` (errno).
        case cannotCreate(path: String, folder: String, errno: Int32)
        /// Writing, syncing or renaming failed (errno); nothing was left behind.
        case writeFailed(path: String, errno: Int32)
        /// Another output of the same run already writes to this path.
        case sameAsAnotherOutput(path: String)
        /// The format holds at most `limit` petitions (an XLSX sheet: Excel's row limit); nothing was left behind.
        case tooManyRows(path: String, limit: Int)
        /// A cell longer than the format holds (an XLSX cell: `limit` characters), in output row `row`,
        /// column `column`; nothing was left behind.
        case cellTooLong(path: String, row: Int, column: String, length: Int, limit: Int)
        /// The file name is `bytes` long, more than a file name may be (NAME_MAX, `limit` bytes).
        case nameTooLong(path: String, bytes: Int, limit: Int)

        /// The path concerned.
        package var path: String {
            switch self {
            case .wouldOverwriteInput(let path), .notARegularFile(let path, _), .missingFolder(let path, _),
                .cannotCreate(let path, _, _), .writeFailed(let path, _), .sameAsAnotherOutput(let path),
                .tooManyRows(let path, _), .cellTooLong(let path, _, _, _, _), .nameTooLong(let path, _, _):
                return path
            }
        }
    }

    /// What kind of file system entry a path names (without following links).
    package enum FileKind: String, Sendable, Equatable {
        case regular, directory
        case symbolicLink = "symbolic-link"
        case device, fifo, socket, other

        /// `lstat(2)`: nil when nothing is there.
        package static func of(_ path: String) -> FileKind? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return FileKind(mode: info.st_mode)
        }

        /// The kind a `stat(2)` mode says.
        package init(mode: mode_t) {
            self =
                switch UInt32(mode) & 0o170000 {
                case 0o100000: .regular
                case 0o040000: .directory
                case 0o120000: .symbolicLink
                case 0o020000, 0o060000: .device
                case 0o010000: .fifo
                case 0o140000: .socket
                default: .other
                }
        }
    }

    /// Checks the destination and creates the temporary file; nothing is
    /// written at `path` until ``commit()`` (or, for a member of `group`,
    /// until the group's ``OutputGroup/commit(last:)``).
    package init(path: String, inputs: [String], group: OutputGroup? = nil) throws {
        destination = path
        self.group = group
        try Self.checkDestination(path, inputs: inputs)
        let folder = Self.folder(of: path)
        guard FileKind.of(folder) == .directory || Self.isDirectoryFollowingLinks(folder) else {
            throw Failure.missingFolder(path: path, folder: folder)
        }
        let claim = Self.claimKey(path, folder: folder)
        self.claim = claim
        guard Self.claims.withLock({ $0.insert(claim).inserted }) else {
            throw Failure.sameAsAnotherOutput(path: path)
        }
        let name = Self.lastComponent(of: path)
        // Checked before the work: rename(2) would fail only at the end, after the whole pile.
        guard name.utf8.count <= Self.longestName else {
            Self.claims.withLock { _ = $0.remove(claim) }
            throw Failure.nameTooLong(path: path, bytes: name.utf8.count, limit: Self.longestName)
        }
        let prefix = path.utf8.contains(UInt8(ascii: "/")) ? (folder == "/" ? "/" : folder + "/") : ""
        var created: (String, Int32)?
        var lastError: Int32 = 0
        let stem = Self.temporaryStem(name)
        for _ in 0..<16 {
            let candidate = prefix + ".\(stem).kiennghi-\(Self.randomSuffix()).tmp"
            let fd = InterruptCleanup.creating(candidate) {
                open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            }
            if fd >= 0 {
                created = (candidate, fd)
                break
            }
            lastError = errno
            if lastError != EEXIST && lastError != EINTR { break }
        }
        guard let (temporaryPath, fd) = created else {
            Self.claims.withLock { _ = $0.remove(claim) }
            throw Failure.cannotCreate(path: path, folder: folder, errno: lastError)
        }
        temporary = temporaryPath
        descriptor = fd
        group?.add(self)
    }

    /// The destination's name as it appears in the temporary file's name, cut
    /// (at a character boundary) so that the whole name stays within NAME_MAX
    /// (255 bytes): a 250-byte output name must not be refused for its temporary.
    /// The longest file name most file systems take (NAME_MAX), in bytes.
    package static let longestName = 255

    static func temporaryStem(_ name: String) -> String {
        let room = 255 - ".".utf8.count - ".kiennghi-".utf8.count - 13 - ".tmp".utf8.count
        return SafeFileName.prefix(name, maximumBytes: room)
    }

    /// Appends text (buffered; written in 1 MiB blocks).
    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes (buffered; written in 1 MiB blocks).
    package func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes from a buffer the caller reuses.
    package func write(bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > 1 << 20 { try flush() }
        if bytes.count >= 1 << 20 { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = systemWrite(descriptor, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                discard()
                throw Failure.writeFailed(path: destination, errno: code)
            }
            offset += written
        }
    }

    /// Flushes, syncs, closes and moves the file into place. A regular file at
    /// the destination is replaced atomically; anything else there is refused.
    /// A member of an ``OutputGroup`` is only completed here (flushed, synced,
    /// closed) and moved into place with the rest of its group.
    package func commit() throws {
        guard !finished else { return }
        try seal()
        guard group == nil else { return }
        try InterruptCleanup.holdingOff { unregister in try publish(unregister: unregister) }
    }

    /// Whether the file is complete and waits to be moved into place.
    var isSealed: Bool { sealed && !finished }

    /// Flushes, gives the ordinary mode, syncs and closes: complete, not yet in place.
    func seal() throws {
        guard !sealed, !finished else { return }
        try flush()
        // Only the complete file gets its mode (synced with it); while written it stays 0600.
        _ = fchmod(descriptor, Self.mode(replacing: destination))
        if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            let code = errno
            discard()
            throw Failure.writeFailed(path: destination, errno: code)
        }
        closeDescriptor()
        sealed = true
    }

    /// Moves a sealed file into place; `unregister` drops its temporary from
    /// the interrupt cleanup (called with the cleanup held off).
    func publish(unregister: (String) -> Void) throws {
        guard sealed, !finished else { return }
        do { try moveIntoPlace() } catch {
            unlink(temporary)
            finished = true
            unregister(temporary)
            releaseClaim()
            throw error
        }
        finished = true
        unregister(temporary)
        releaseClaim()
        Self.syncFolder(Self.folder(of: destination))
    }

    /// Throws unless the destination still takes a new file (nothing there, or a regular file).
    func checkStillReplaceable() throws {
        switch FileKind.of(destination) {
        case nil, .regular?: return
        case let kind?: throw Failure.notARegularFile(path: destination, kind: kind)
        }
    }

    /// Removes the temporary file (on failure or when abandoned).
    package func discard() {
        closeDescriptor()
        if !finished {
            unlink(temporary)
            finished = true
            InterruptCleanup.unregister(temporary)
            releaseClaim()
        }
    }

    deinit { discard() }

    /// Frees the destination for another output of this run.
    private func releaseClaim() {
        let claim = claim
        Self.claims.withLock { _ = $0.remove(claim) }
    }

    /// Destinations of the outputs open in this process (real folder + name), so
    /// that two outputs of one run (`-o` and `--rejected`, say) never share a path;
    /// names compare as a case-insensitive disk (FAT, exFAT, macOS) compares them,
    /// so `LABOUR.csv` beside `labour.csv` is refused too.
    private static let claims = ClaimedPaths()

    private final class ClaimedPaths: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        func withLock<T>(_ body: (inout Set<String>) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&paths)
        }
    }

    private static func claimKey(_ path: String, folder: String) -> String {
        var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let real =
            realpath(folder, &resolved) != nil
            ? String(decoding: resolved.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : folder
        return real + "/" + nameKey(lastComponent(of: path))
    }

    /// A file name as a case- and normalisation-insensitive file system compares it.
    package static func nameKey(_ name: String) -> String { name.precomposedStringWithCanonicalMapping.lowercased() }

    // MARK: - Steps

    private func closeDescriptor() {
        if !closed {
            _ = close(descriptor)
            closed = true
        }
    }

    /// `link(2)` when nothing is at the destination (it never replaces what
    /// appeared meanwhile), `rename(2)` over a regular file.
    private func moveIntoPlace() throws {
        for _ in 0..<3 {
            switch FileKind.of(destination) {
            case nil:
                if link(temporary, destination) == 0 {
                    unlink(temporary)
                    return
                }
                let code = errno
                if code == EEXIST { continue }
                // File systems without hard links (FAT, some shares): rename.
                if rename(temporary, destination) == 0 { return }
                throw Failure.writeFailed(path: destination, errno: errno)
            case .regular?:
                if rename(temporary, destination) == 0 { return }
                throw Failure.writeFailed(path: destination, errno: errno)
            case let kind?:
                throw Failure.notARegularFile(path: destination, kind: kind)
            }
        }
        throw Failure.writeFailed(path: destination, errno: EEXIST)
    }

    /// Refuses anything but a missing path or a regular file that is not an input.
    static func checkDestination(_ path: String, inputs: [String]) throws {
        if path.isEmpty || path.hasSuffix("/") {
            throw Failure.notARegularFile(path: path, kind: .directory)
        }
        guard let kind = FileKind.of(path) else { return }
        guard kind == .regular else { throw Failure.notARegularFile(path: path, kind: kind) }
        var target = stat()
        guard lstat(path, &target) == 0 else { return }
        for input in inputs {
            var info = stat()
            // "-" is standard input, which may be redirected from the destination (`- -o F < F`).
            let found = input == "-" ? fstat(0, &info) == 0 : stat(input, &info) == 0
            if found && info.st_dev == target.st_dev && info.st_ino == target.st_ino {
                throw Failure.wouldOverwriteInput(path: path)
            }
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    package static func lastComponent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    private static func isDirectoryFollowingLinks(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && UInt32(info.st_mode) & 0o170000 == 0o040000
    }

    private static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let digits = String(value, radix: 36)
        return String(repeating: "0", count: max(0, 13 - digits.count)) + digits
    }

    /// 0666 less the process's umask, read once: the mode of a committed output
    /// (the temporary file is 0600 until then).
    private static let defaultMode: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()

    /// The mode of the file a new output replaces, so an owner-only pile stays owner-only
    /// (permission bits only); ``defaultMode`` when there is none.
    static func mode(replacing path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0, FileKind(mode: info.st_mode) == .regular else { return defaultMode }
        return info.st_mode & 0o777
    }

    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            _ = close(fd)
        }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// Outputs of one run that appear together or not at all (`route`'s agency
/// files and index, `lexicon fit`'s two files, `classify -o` with
/// `--rejected`): each member is written to its own temporary file; only when
/// all are complete does ``commit(last:)`` move them into place, in one step
/// that an interruption waits for. A failure before that removes every
/// temporary file and replaces nothing.
package final class OutputGroup {
    private var members: [AtomicOutputFile] = []

    package init() {}

    func add(_ file: AtomicOutputFile) { members.append(file) }

    /// Moves every complete member into place, `last` (an index or summary)
    /// after the others; members left unfinished (a writer that never
    /// finished, e.g. no petition was read) are discarded. Every destination
    /// is checked again first, so a refused one replaces nothing.
    package func commit(last: AtomicOutputFile? = nil) throws {
        let ready = members.filter { $0.isSealed && $0 !== last } + (last.map { $0.isSealed ? [$0] : [] } ?? [])
        for member in members where !member.isSealed { member.discard() }
        do {
            for member in ready { try member.checkStillReplaceable() }
            try InterruptCleanup.holdingOff { unregister in
                for member in ready { try member.publish(unregister: unregister) }
            }
        } catch {
            discard()
            throw error
        }
        members.removeAll()
    }

    /// Removes every temporary file not yet moved into place.
    package func discard() {
        for member in members { member.discard() }
        members.removeAll()
    }

    deinit { discard() }
}
