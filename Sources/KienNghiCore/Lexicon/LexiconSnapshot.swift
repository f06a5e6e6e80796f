import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes, read only when it is a regular file: a FIFO, device or
/// socket is refused from `stat(2)` before any `open(2)` (opening a FIFO blocks
/// until a writer comes), and the open itself is non-blocking and checked
/// again, so one swapped in meanwhile is not read either.
package enum RegularFile {
    /// Why a file was not read.
    package enum Failure: Error, Sendable, Equatable {
        /// Nothing there, or it could not be opened or read (errno).
        case unreadable(errno: Int32)
        /// Something other than a regular file (or, with `followLinks: false`, a symbolic link).
        case notRegular(AtomicOutputFile.FileKind)
        /// Larger than the limit.
        case tooLarge
    }

    /// The whole file, at most `limit` bytes; `followLinks: false` refuses a symbolic link.
    package static func read(
        _ path: String, limit: Int = 256 << 20, followLinks: Bool = true
    ) throws(Failure) -> [UInt8] {
        var status = stat()
        guard (followLinks ? stat(path, &status) : lstat(path, &status)) == 0 else {
            throw .unreadable(errno: errno)
        }
        let kind = AtomicOutputFile.FileKind(mode: status.st_mode)
        guard kind == .regular else { throw .notRegular(kind) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { throw .unreadable(errno: errno) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(errno: errno) }
        let opened = AtomicOutputFile.FileKind(mode: status.st_mode)
        guard opened == .regular else { throw .notRegular(opened) }
        guard Int(status.st_size) <= limit else { throw .tooLarge }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while done < size {
                let count = systemRead(descriptor, buffer.baseAddress! + done, size - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
        guard complete else { throw .unreadable(errno: EIO) }
        return bytes
    }
}

/// The bytes of every lexicon file (`.tsv`, `.txt`) in a lexicon folder, read
/// once: the cache key is hashed from, and the loader compiles, the very same
/// bytes, so an edit during a run can never store an old lexicon under the new
/// key. Only regular files are read, at most 256 MiB in all (a folder holding
/// backups or a `.git` costs nothing: hidden entries and other files are not
/// read); anything else (a FIFO, a device, a socket) is listed in ``special``
/// and never opened.
package struct LexiconSnapshot: Sendable {
    /// Relative path (`themes/traffic.tsv`) → bytes.
    package private(set) var files: [String: [UInt8]] = [:]
    /// Relative path → what sits there, for entries that are neither a regular file nor a folder.
    package private(set) var special: [String: AtomicOutputFile.FileKind] = [:]
    /// Regular files that could not be read (permissions, over 64 MiB, past 256 MiB in all).
    package private(set) var unreadable: Set<String> = []
    private var bytesRead = 0
    private static let totalLimit = 256 << 20

    /// Reads `directory` (four levels deep at most, symbolic links followed to what they name).
    package init(reading directory: URL) {
        walk(directory.path, "", depth: 0)
    }

    private mutating func walk(_ root: String, _ relative: String, depth: Int) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard depth < 4, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : relative + "/" + name
            let isTable = name.hasSuffix(".tsv") || name.hasSuffix(".txt")
            var status = stat()
            guard stat(root + "/" + child, &status) == 0 else {
                // A dangling or looping link: a table named so is missing its contents, not absent.
                if isTable { unreadable.insert(child) }
                continue
            }
            switch AtomicOutputFile.FileKind(mode: status.st_mode) {
            case .directory where isTable:
                special[child] = .directory
            case .directory:
                walk(root, child, depth: depth + 1)
            case .regular:
                guard isTable else { continue }
                do {
                    let limit = min(64 << 20, Self.totalLimit - bytesRead)
                    let bytes = try RegularFile.read(root + "/" + child, limit: limit)
                    bytesRead += bytes.count
                    files[child] = bytes
                } catch .notRegular(let kind) {
                    special[child] = kind
                } catch {
                    unreadable.insert(child)
                }
            case let kind:
                special[child] = kind
            }
        }
    }

    /// Names of the entries directly in `folder` (`themes`), sorted: files read, files that could
    /// not be read and special ones, so that a loader names the last two instead of missing them.
    package func names(in folder: String) -> [String] {
        let prefix = folder + "/"
        return (Array(files.keys) + Array(unreadable) + Array(special.keys)).filter {
            $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/")
        }
        .map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// Relative paths of the regular files read, sorted.
    package var paths: [String] { files.keys.sorted() }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
