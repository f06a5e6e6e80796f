import Foundation
import KienNghiCore
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// Safe, streaming reading of Office packages (XLSX and DOCX are ZIP files).
/// Parts are decompressed in chunks and parsed as they arrive, so memory does
/// not grow with a part's size; the bytes actually produced (not the sizes the
/// ZIP headers claim) are counted against the limits, so a crafted "zip bomb"
/// is stopped as soon as it exceeds them.
final class ZipPackage {
    /// Limits on what one package may expand to.
    struct Limits: Sendable {
        /// One part (a sheet's XML can be large: 500,000 rows ≈ 100 MB).
        var maximumEntryBytes: UInt64 = 2 << 30
        /// All parts read, summed over every pass.
        var maximumTotalBytes: UInt64 = 8 << 30
        /// Uncompressed / compressed, checked once a part passes `ratioFreeBytes`;
        /// real Office XML stays far below this, zero-filled bombs far above.
        var maximumRatio: UInt64 = 400
        var ratioFreeBytes: UInt64 = 1 << 20
        /// A part read whole into memory (workbook, relationships, styles).
        var maximumWholePartBytes: Int = 64 << 20
    }

    let path: String
    let archive: Archive
    let limits: Limits
    private var extracted: UInt64 = 0

    init(path: String, limits: Limits = Limits()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFailure.missing(path: path)
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            throw InputFailure.unreadable(path: path)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw InputFailure.empty(path: path) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4)) ?? nil
            throw InputFailure.office(path: path, OfficeFailure(problem: Self.unopenable(head.map(Array.init) ?? [])))
        }
        self.path = path
        self.limits = limits
        try refuseDuplicateParts()
    }

    /// A package held in memory (a pipe, tests, fuzzing); `name` is used in messages.
    /// ZIPFoundation's in-memory archives trust the offsets a package claims (a
    /// damaged one makes them trap), so the bytes go to an unnamed file that no
    /// other process can see and that vanishes when closed, read like any file.
    init(data: Data, name: String, limits: Limits = Limits()) throws {
        if data.isEmpty { throw InputFailure.empty(path: name) }
        let file = try UnnamedFile(data, name: name)
        defer { file.close() }
        do {
            archive = try Archive(url: URL(fileURLWithPath: file.path), accessMode: .read)
        } catch {
            throw InputFailure.office(path: name, OfficeFailure(problem: Self.unopenable(Array(data.prefix(4)))))
        }
        self.path = name
        self.limits = limits
        try refuseDuplicateParts()
    }

    /// Refuses a package where two entries share a name as Office compares
    /// them (case-insensitively, `\\` as `/`): ZIPFoundation would read the
    /// first, Excel or Word perhaps the other, so any reading would be a guess.
    private func refuseDuplicateParts() throws {
        var seen = Set<String>()
        for entry in archive where entry.type == .file {
            let name = entry.path.replacingOccurrences(of: "\\", with: "/").lowercased()
            if !seen.insert(name).inserted {
                throw failure(entry.path, .duplicatePart(name: entry.path))
            }
        }
    }

    /// Why a package could not be opened, from its first bytes: a ZIP signature
    /// means a damaged or truncated package, anything else is not a package at all.
    static func unopenable(_ head: [UInt8]) -> OfficeFailure.Problem {
        head.starts(with: [0x50, 0x4B]) ? .damagedPackage : .notAPackage
    }

    func contains(_ name: String) -> Bool { archive[name] != nil }

    func failure(_ part: String, offset: Int? = nil, _ problem: OfficeFailure.Problem, sheet: String? = nil)
        -> InputFailure
    {
        .office(path: path, OfficeFailure(part: part, sheet: sheet, offset: offset, problem: problem))
    }

    /// Hands on the part's bytes chunk by chunk; false if there is no such part.
    func stream(_ name: String, sheet: String? = nil, _ consume: (Data) throws -> Void) throws -> Bool {
        guard let entry = archive[name], entry.type == .file else { return false }
        let compressed = UInt64(max(1, entry.compressedSize))
        var produced: UInt64 = 0
        let limits = self.limits
        let already = extracted
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 << 10) { chunk in
                produced += UInt64(chunk.count)
                if produced > limits.maximumEntryBytes {
                    throw failure(name, .partTooLarge(limit: limits.maximumEntryBytes), sheet: sheet)
                }
                if already + produced > limits.maximumTotalBytes {
                    throw failure(name, .packageTooLarge(limit: limits.maximumTotalBytes), sheet: sheet)
                }
                if produced > limits.ratioFreeBytes, produced / compressed > limits.maximumRatio {
                    throw failure(
                        name, .compressionRatio(ratio: produced / compressed, limit: limits.maximumRatio), sheet: sheet)
                }
                try consume(chunk)
            }
            if checksum != entry.checksum { throw failure(name, .damagedEntry, sheet: sheet) }
        } catch let failure as InputFailure {
            extracted += produced
            throw failure
        } catch let stop as StopReading {
            extracted += produced
            throw stop
        } catch let xml as XMLStreamError {
            extracted += produced
            throw xml
        } catch {
            extracted += produced
            throw failure(name, .damagedEntry, sheet: sheet)
        }
        extracted += produced
        return true
    }

    /// Streams the part through the XML reader; false if there is no such part.
    /// Throw ``StopReading`` from `handle` to stop early (the caller catches it).
    func parse(_ name: String, sheet: String? = nil, _ handle: (XMLEvent) throws -> Void) throws -> Bool {
        var reader = XMLStreamReader()
        do {
            guard try stream(name, sheet: sheet, { chunk in try reader.feed(chunk, handle) }) else { return false }
            try reader.finish(handle)
        } catch let error as XMLStreamError {
            throw failure(name, offset: error.offset, Self.problem(error.problem, reader), sheet: sheet)
        }
        return true
    }

    /// Reads a small part whole (bounded by `maximumWholePartBytes`); nil if absent.
    func data(_ name: String) throws -> Data? {
        var data = Data()
        let limit = limits.maximumWholePartBytes
        guard
            try stream(
                name,
                { chunk in
                    data.append(chunk)
                    if data.count > limit { throw failure(name, .partTooLarge(limit: UInt64(limit))) }
                })
        else { return nil }
        return data
    }

    /// Parses a small part whole; nil if absent.
    func parseWhole(_ name: String, _ handle: (XMLEvent) throws -> Void) throws -> Bool {
        guard let data = try data(name) else { return false }
        do {
            try XMLStreamReader.parse(data, handle)
        } catch let error as XMLStreamError {
            throw failure(name, offset: error.offset, Self.problem(error.problem, XMLStreamReader()))
        }
        return true
    }

    private static func problem(_ problem: XMLStreamError.Problem, _ reader: XMLStreamReader) -> OfficeFailure.Problem {
        switch problem {
        case .invalidUTF8: .invalidUTF8
        case .notUTF8: .notUTF8
        case .malformed, .mismatchedEnd: .malformedXML
        case .truncated: .truncatedXML
        case .tooDeep: .nestingTooDeep(limit: reader.maximumDepth)
        case .tokenTooLarge: .tokenTooLarge(limit: reader.maximumTokenBytes)
        }
    }
}

/// Thrown by a part's event handler to stop reading early (e.g. once a sheet's
/// header and sample rows are known); callers catch it.
struct StopReading: Error {}

/// Bytes in a file without a name (Linux `O_TMPFILE`, in RAM under /dev/shm when
/// there is one), reachable as /proc/self/fd/N while open. Where unnamed files are
/// not supported, a private temporary file is created exclusively and unlinked
/// as soon as the archive holds it open.
private struct UnnamedFile {
    let descriptor: Int32
    let path: String
    private let unlinkAfterOpen: String?

    init(_ data: Data, name: String) throws {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        #if os(Linux)
            let unnamedFlag: Int32 = 0o20200000  // O_TMPFILE (with O_DIRECTORY), not imported by Glibc
            var descriptor = open(folder, unnamedFlag | O_RDWR | O_CLOEXEC, 0o600)
        #else
            var descriptor: Int32 = -1
        #endif
        var named: String?
        if descriptor < 0 {
            let candidate = folder + "/.kiennghi-package-\(UUID().uuidString)"
            descriptor = open(candidate, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            named = candidate
        }
        guard descriptor >= 0 else { throw InputFailure.unreadable(path: name) }
        self.descriptor = descriptor
        unlinkAfterOpen = named
        path = named ?? "/proc/self/fd/\(descriptor)"
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard written else {
            close()
            throw InputFailure.unreadable(path: name)
        }
    }

    /// Closes (and, for a named fallback, removes) the file; an archive that opened it keeps reading it.
    func close() {
        if let unlinkAfterOpen { unlink(unlinkAfterOpen) }
        #if canImport(Glibc)
            Glibc.close(descriptor)
        #else
            Darwin.close(descriptor)
        #endif
    }
}
