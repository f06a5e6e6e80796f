#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// An input opened once and read forward with read(2): a regular file, a
/// named pipe, or standard input ("-"); or bytes already in memory (tests,
/// fuzzing, a package read whole from a pipe). Nothing is ever read twice from
/// the operating system: bytes looked at ahead (``peek(_:)``) are kept and
/// handed out again, so a pipe works like a file.
package final class ByteInput {
    package let path: String
    private let descriptor: Int32
    /// Bytes read ahead (or the whole input, in memory), handed out first.
    private var pending: [UInt8]
    private var pendingStart = 0
    /// No more bytes from the descriptor (always true in memory).
    private var drained: Bool

    package init(path: String) throws(InputFailure) {
        self.path = path
        pending = []
        drained = false
        if path == "-" {
            descriptor = dup(0)
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .missing(path: path) : .unreadable(path: path)
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .isDirectory(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing(path: path) : .unreadable(path: path) }
        self.descriptor = descriptor
    }

    /// Bytes held in memory; `name` is what messages call them.
    package init(bytes: [UInt8], name: String) {
        path = name
        pending = bytes
        descriptor = -1
        drained = true
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether `path` names a regular file (not a pipe, a device, a folder or standard input).
    package static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The next `count` bytes (fewer only at the end), without consuming them:
    /// the following ``read(upTo:)`` calls hand them out again.
    package func peek(_ count: Int) throws(InputFailure) -> ArraySlice<UInt8> {
        if pending.count - pendingStart < count && !drained {
            pending.removeSubrange(0..<pendingStart)
            pendingStart = 0
            pending += try readDescriptor(upTo: count - pending.count)
        }
        return pending[pendingStart..<min(pending.count, pendingStart + count)]
    }

    /// Up to `count` bytes; fewer only at the end of the input (empty then).
    package func read(upTo count: Int) throws(InputFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        if pendingStart < pending.count {
            let end = min(pending.count, pendingStart + count)
            bytes = Array(pending[pendingStart..<end])
            pendingStart = end
            if pendingStart == pending.count {
                pending = []
                pendingStart = 0
            }
            if bytes.count == count || drained { return bytes }
        }
        return bytes + (try readDescriptor(upTo: count - bytes.count))
    }

    /// Everything left, up to `limit` bytes; nil when the input holds more
    /// (only for inputs that must be held whole anyway: an Office package from a pipe).
    package func readAll(limit: Int) throws(InputFailure) -> [UInt8]? {
        let step = InputLimits.blockBytes * 16
        var bytes: [UInt8] = []
        while true {
            let block = try read(upTo: step)
            bytes += block
            if bytes.count > limit { return nil }
            if block.count < step { return bytes }
        }
    }

    private func readDescriptor(upTo count: Int) throws(InputFailure) -> [UInt8] {
        guard !drained, count > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let got = systemRead(descriptor, buffer.baseAddress! + filled, count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if got == 0 {
                    drained = true
                    break
                }
                filled += got
            }
        }
        if failed { throw .unreadable(path: path) }
        return bytes
    }
}
