#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// An input opened once and read forward with read(2): a regular file, a
/// named pipe, or standard input ("-"). Nothing is ever read twice, so a pipe
/// works like a file.
final class ByteInput {
    let path: String
    private let descriptor: Int32
    private var ended = false

    init(path: String) throws(InputFailure) {
        self.path = path
        if path == "-" { descriptor = dup(0); return }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .missing(path: path) : .unreadable(path: path)
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing(path: path) : .unreadable(path: path) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes; fewer only at the end of the input (empty then).
    func read(upTo count: Int) throws(InputFailure) -> [UInt8] {
        guard !ended else { return [] }
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
                if got == 0 { ended = true; break }
                filled += got
            }
        }
        if failed { throw .unreadable(path: path) }
        return bytes
    }
}
