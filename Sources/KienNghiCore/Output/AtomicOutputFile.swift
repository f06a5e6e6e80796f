import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
#endif

/// An output written to a temporary file beside its destination and renamed
/// into place only when complete: an interrupted run never leaves a
/// half-written file, and an input is never overwritten.
public final class AtomicOutputFile {
    public let destination: URL
    public let temporary: URL
    private let descriptor: Int32
    private var closed = false
    private var buffer: [UInt8] = []
    private var committed = false

    public enum Failure: Error, Sendable {
        case wouldOverwriteInput(String)
        case cannotCreate(String, String)
    }

    public init(path: String, inputs: [String]) throws {
        destination = URL(fileURLWithPath: path).standardizedFileURL
        let resolved = destination.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == resolved {
            throw Failure.wouldOverwriteInput(path)
        }
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).kiennghi-tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw Failure.cannotCreate(path, "không tạo được tệp trong \(folder.path) / cannot create a file in \(folder.path)")
        }
        self.descriptor = descriptor
        AtomicOutputFile.register(temporary)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes the buffer with write(2): FileHandle on Linux kept memory growing with output size.
    private func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure.cannotCreate(destination.path, String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func closeDescriptor() {
        if !closed { _ = systemClose(descriptor); closed = true }
    }

    /// Flushes, closes and renames into place.
    public func commit() throws {
        try flush()
        closeDescriptor()
        if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
        try FileManager.default.moveItem(at: temporary, to: destination)
        committed = true
        AtomicOutputFile.unregister(temporary)
    }

    /// Removes the temporary file (on failure).
    public func discard() {
        closeDescriptor()
        try? FileManager.default.removeItem(at: temporary)
        AtomicOutputFile.unregister(temporary)
    }

    deinit {
        if !committed { discard() }
    }

    // Temporary files still open, removed if the process is interrupted.
    nonisolated(unsafe) private static var pending: Set<String> = []
    private static let lock = NSLock()
    private static func register(_ url: URL) { lock.lock(); pending.insert(url.path); lock.unlock() }
    private static func unregister(_ url: URL) { lock.lock(); pending.remove(url.path); lock.unlock() }

    /// Deletes every unfinished temporary file: call from a signal handler path.
    public static func removeUnfinished() {
        lock.lock()
        for path in pending { unlink(path) }
        pending.removeAll()
        lock.unlock()
    }
}
