import Foundation
import KienNghiCore

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
    let limits: Limits
    private let bytes: ZipBytes
    private let directory: ZipDirectory
    /// Each entry by its name as Office compares names (see ``key(_:)``); unique.
    private let index: [[UInt8]: Int]
    private var extracted: UInt64 = 0

    /// A package file; opened without following it into a FIFO or device.
    convenience init(path: String, limits: Limits = Limits()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFailure.missing(path: path)
        }
        guard !isDirectory.boolValue else { throw InputFailure.unreadable(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw InputFailure.unreadable(path: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            _ = close(descriptor)
            throw InputFailure.unreadable(path: path)
        }
        guard status.st_size > 0 else {
            _ = close(descriptor)
            throw InputFailure.empty(path: path)
        }
        let bytes = ZipBytes.file(descriptor: descriptor, size: UInt64(status.st_size))
        do {
            try self.init(bytes: bytes, name: path, limits: limits)
        } catch {
            _ = close(descriptor)
            throw error
        }
        owned = descriptor
    }

    /// A package held in memory (a pipe, tests, fuzzing); `name` is used in messages.
    convenience init(data: Data, name: String, limits: Limits = Limits()) throws {
        if data.isEmpty { throw InputFailure.empty(path: name) }
        try self.init(bytes: .memory(data), name: name, limits: limits)
    }

    private var owned: Int32 = -1

    private init(bytes: ZipBytes, name: String, limits: Limits) throws {
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(bytes)
        } catch {
            let problem: OfficeFailure.Problem =
                switch error {
                case .notAPackage: .notAPackage
                case .damagedPackage: .damagedPackage
                case .passwordProtected: .passwordProtected
                }
            throw InputFailure.office(path: name, OfficeFailure(problem: problem))
        }
        var index: [[UInt8]: Int] = [:]
        for (position, part) in directory.parts.enumerated() where !part.name.hasSuffix("/") {
            // Two entries with one name as Office compares them (case-insensitively,
            // `\` as `/`), a link among them too: Excel or Word might read the other
            // one, so any reading would be a guess.
            guard index.updateValue(position, forKey: Self.key(part.name)) == nil else {
                throw InputFailure.office(
                    path: name, OfficeFailure(part: part.name, problem: .duplicatePart(name: part.name)))
            }
        }
        self.bytes = bytes
        self.directory = directory
        self.index = index
        self.path = name
        self.limits = limits
    }

    deinit {
        if owned >= 0 { _ = close(owned) }
    }

    func contains(_ name: String) -> Bool { index[Self.key(name)] != nil }

    /// A part name as Office compares them: ASCII letters case-insensitively, `\` as
    /// `/`, every other byte as it is (so no Unicode folding makes two names one).
    private static func key(_ name: String) -> [UInt8] {
        name.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
            case UInt8(ascii: "\\"): UInt8(ascii: "/")
            default: byte
            }
        }
    }

    func failure(_ part: String, offset: Int? = nil, _ problem: OfficeFailure.Problem, sheet: String? = nil)
        -> InputFailure
    {
        .office(path: path, OfficeFailure(part: part, sheet: sheet, offset: offset, problem: problem))
    }

    /// Hands on the part's bytes chunk by chunk; false if there is no such part.
    /// Input is read only within the entry's compressed size, so a truncated or
    /// damaged entry ends in an error, never in a loop waiting for more bytes.
    func stream(_ name: String, sheet: String? = nil, _ consume: (Data) throws -> Void) throws -> Bool {
        guard let position = index[Self.key(name)] else { return false }
        let part = directory.parts[position]
        // A link or other non-file entry under a part's name is not that part.
        guard part.isFile else { throw failure(name, .damagedEntry, sheet: sheet) }
        let compressed = UInt64(max(1, part.compressedSize))
        var produced: UInt64 = 0
        let limits = self.limits
        let already = extracted
        defer { extracted += produced }
        func counted(_ chunk: Data) throws {
            produced += UInt64(chunk.count)
            if produced > limits.maximumEntryBytes {
                throw self.failure(name, .partTooLarge(limit: limits.maximumEntryBytes), sheet: sheet)
            }
            if already + produced > limits.maximumTotalBytes {
                throw self.failure(name, .packageTooLarge(limit: limits.maximumTotalBytes), sheet: sheet)
            }
            if produced > limits.ratioFreeBytes, produced / compressed > limits.maximumRatio {
                throw self.failure(
                    name, .compressionRatio(ratio: produced / compressed, limit: limits.maximumRatio), sheet: sheet)
            }
            try consume(chunk)
        }
        do {
            // A part zipped with a password, or by a method Office never uses, is said so.
            guard !part.isEncrypted else { throw failure(name, .passwordProtected, sheet: sheet) }
            if case .other(let method) = part.method {
                throw failure(name, .unsupportedCompression(method: Int(method)), sheet: sheet)
            }
            guard
                part.method != .stored || part.compressedSize == part.uncompressedSize,
                let start = directory.dataOffset(of: part, in: bytes)
            else { throw failure(name, .damagedEntry, sheet: sheet) }
            var read: UInt64 = 0
            let bytes = self.bytes
            func next(_ wanted: Int) throws -> Data {
                guard read < part.compressedSize else { throw EntryEnded() }
                let count = Int(min(UInt64(wanted), part.compressedSize - read))
                guard let chunk = bytes.read(at: start + read, count: count) else { throw EntryEnded() }
                read += UInt64(count)
                return chunk
            }
            var checksum: UInt32 = 0
            if part.method == .stored {
                while read < part.compressedSize {
                    let chunk = try next(Self.chunkBytes)
                    checksum = RawInflater.checksum(chunk, continuing: checksum)
                    try counted(chunk)
                }
            } else {
                let inflater = try RawInflater(outputBytes: Self.chunkBytes)
                while !inflater.ended {
                    try inflater.feed(try next(Self.chunkBytes)) { decoded in
                        checksum = RawInflater.checksum(decoded, continuing: checksum)
                        try counted(decoded)
                    }
                }
            }
            // The data must be what the directory says: its checksum and its size.
            if checksum != part.checksum || produced != part.uncompressedSize {
                throw failure(name, .damagedEntry, sheet: sheet)
            }
        } catch let failure as InputFailure {
            throw failure
        } catch let stop as StopReading {
            throw stop
        } catch let xml as XMLStreamError {
            throw xml
        } catch {
            throw failure(name, .damagedEntry, sheet: sheet)
        }
        return true
    }

    private static let chunkBytes = 64 << 10

    /// An entry's compressed bytes ran out before its data did.
    private struct EntryEnded: Error {}

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
