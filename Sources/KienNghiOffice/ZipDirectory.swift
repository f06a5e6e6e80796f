import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a package's bytes are: an open regular file (read with `pread`, so
/// nothing is held in memory) or bytes already in memory (a pipe, tests).
/// Every read is bounded by the caller; none trusts an offset the package claims.
enum ZipBytes {
    case file(descriptor: Int32, size: UInt64)
    case memory(Data)

    var size: UInt64 {
        switch self {
        case .file(_, let size): size
        case .memory(let data): UInt64(data.count)
        }
    }

    /// Exactly `count` bytes at `offset`, or nil when they are not all there.
    func read(at offset: UInt64, count: Int) -> Data? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        switch self {
        case .memory(let data):
            let start = data.startIndex + Int(offset)
            return data.subdata(in: start..<start + count)
        case .file(let descriptor, _):
            var bytes = Data(count: count)
            let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
                var done = 0
                while done < count {
                    let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                    if got < 0 && errno == EINTR { continue }
                    if got <= 0 { return false }
                    done += got
                }
                return true
            }
            return complete ? bytes : nil
        }
    }
}

/// One entry of a ZIP package, as its central directory describes it.
struct ZipPart {
    enum Method { case stored, deflated, other }
    let name: String
    let method: Method
    let isEncrypted: Bool
    let isFile: Bool
    let checksum: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    let localHeaderOffset: UInt64
}

/// The central directory of a ZIP package, read by KienNghi itself so that every
/// read of an entry stops at the entry's compressed size. ZIPFoundation's reading
/// on Linux does not: it inflates the bytes after a truncated entry, then asks for
/// more at the end of the file forever (found by fuzzing).
struct ZipDirectory {
    enum Problem: Error { case notAPackage, damagedPackage }

    /// The most entries and directory bytes a package may declare; Office files have
    /// hundreds of parts, so these only stop a directory crafted to exhaust memory.
    static let maximumEntries = 1 << 20
    static let maximumDirectoryBytes = 64 << 20

    let parts: [ZipPart]

    init(_ bytes: ZipBytes) throws(Problem) {
        let head = bytes.read(at: 0, count: min(4, Int(bytes.size))).map(Array.init) ?? []
        let damaged: Problem = head.starts(with: [0x50, 0x4B]) ? .damagedPackage : .notAPackage
        guard let end = Self.endRecord(bytes) else { throw damaged }
        guard end.entries <= UInt64(Self.maximumEntries), end.directorySize <= UInt64(Self.maximumDirectoryBytes),
            end.directoryOffset <= bytes.size, end.directorySize <= bytes.size - end.directoryOffset,
            let directory = bytes.read(at: end.directoryOffset, count: Int(end.directorySize))
        else { throw damaged }
        var reader = LittleEndianReader(directory)
        var parts: [ZipPart] = []
        parts.reserveCapacity(Int(end.entries))
        for _ in 0..<end.entries {
            guard let part = Self.part(&reader) else { throw .damagedPackage }
            parts.append(part)
        }
        self.parts = parts
    }

    /// Where the entry's data starts (after its local header), checked to lie with
    /// its compressed size inside the package; nil when the local header is damaged.
    static func dataOffset(of part: ZipPart, in bytes: ZipBytes) -> UInt64? {
        guard let header = bytes.read(at: part.localHeaderOffset, count: 30) else { return nil }
        var reader = LittleEndianReader(header)
        guard reader.u32() == 0x0403_4B50 else { return nil }
        reader.skip(22)
        guard let nameLength = reader.u16(), let extraLength = reader.u16() else { return nil }
        let offset = part.localHeaderOffset + 30 + UInt64(nameLength) + UInt64(extraLength)
        guard offset <= bytes.size, part.compressedSize <= bytes.size - offset else { return nil }
        return offset
    }

    private struct EndRecord {
        var entries: UInt64
        var directorySize: UInt64
        var directoryOffset: UInt64
    }

    /// The end-of-central-directory record (searched backwards over the longest
    /// possible comment), followed to its ZIP64 form when a field is saturated.
    private static func endRecord(_ bytes: ZipBytes) -> EndRecord? {
        let window = Int(min(bytes.size, 22 + 0xFFFF))
        guard window >= 22, let tail = bytes.read(at: bytes.size - UInt64(window), count: window) else { return nil }
        let tailBytes = [UInt8](tail)
        var position = window - 22
        while position >= 0 {
            if tailBytes[position] == 0x50, tailBytes[position + 1] == 0x4B, tailBytes[position + 2] == 5,
                tailBytes[position + 3] == 6
            {
                break
            }
            position -= 1
        }
        guard position >= 0 else { return nil }
        var reader = LittleEndianReader(Data(tailBytes[(position + 4)..<(position + 22)]))
        reader.skip(6)
        guard let entries = reader.u16(), let size = reader.u32(), let offset = reader.u32() else { return nil }
        var record = EndRecord(entries: UInt64(entries), directorySize: UInt64(size), directoryOffset: UInt64(offset))
        guard entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF else { return record }
        let recordOffset = bytes.size - UInt64(window) + UInt64(position)
        guard recordOffset >= 20, let locator = bytes.read(at: recordOffset - 20, count: 20) else { return nil }
        var locatorReader = LittleEndianReader(locator)
        guard locatorReader.u32() == 0x0706_4B50 else { return nil }
        locatorReader.skip(4)
        guard let zip64Offset = locatorReader.u64(), let zip64 = bytes.read(at: zip64Offset, count: 56) else {
            return nil
        }
        var zip64Reader = LittleEndianReader(zip64)
        guard zip64Reader.u32() == 0x0606_4B50 else { return nil }
        zip64Reader.skip(28)
        guard let entries64 = zip64Reader.u64(), let size64 = zip64Reader.u64(), let offset64 = zip64Reader.u64()
        else { return nil }
        record = EndRecord(entries: entries64, directorySize: size64, directoryOffset: offset64)
        return record
    }

    /// One central directory record, with ZIP64 sizes and offset taken from its extra field.
    private static func part(_ reader: inout LittleEndianReader) -> ZipPart? {
        guard reader.u32() == 0x0201_4B50, let madeBy = reader.u16() else { return nil }
        reader.skip(2)
        guard let flags = reader.u16(), let method = reader.u16() else { return nil }
        reader.skip(4)
        guard let checksum = reader.u32(), let compressed32 = reader.u32(), let uncompressed32 = reader.u32(),
            let nameLength = reader.u16(), let extraLength = reader.u16(), let commentLength = reader.u16()
        else { return nil }
        reader.skip(4)
        guard let externalAttributes = reader.u32(), let offset32 = reader.u32(),
            let nameBytes = reader.bytes(Int(nameLength)), let extra = reader.bytes(Int(extraLength)),
            reader.bytes(Int(commentLength)) != nil
        else { return nil }
        // A saturated size or offset is in the ZIP64 extra field (id 1), in this order.
        var zip64 = LittleEndianReader([UInt8]())
        var fields = LittleEndianReader(extra)
        while let id = fields.u16(), let length = fields.u16(), let body = fields.bytes(Int(length)) {
            if id == 0x0001 {
                zip64 = LittleEndianReader(body)
                break
            }
        }
        func widened(_ value: UInt32) -> UInt64? { value == 0xFFFF_FFFF ? zip64.u64() : UInt64(value) }
        guard let uncompressed = widened(uncompressed32), let compressed = widened(compressed32),
            let offset = widened(offset32)
        else { return nil }
        let name =
            String(validating: nameBytes, as: UTF8.self)
            ?? String(String.UnicodeScalarView(nameBytes.map { Unicode.Scalar($0) }))
        let isUnixLink = madeBy >> 8 == 3 && (externalAttributes >> 16) & 0o170000 == 0o120000
        return ZipPart(
            name: name,
            method: method == 0 ? .stored : method == 8 ? .deflated : .other,
            isEncrypted: flags & 1 != 0,
            isFile: !name.hasSuffix("/") && !isUnixLink,
            checksum: checksum,
            compressedSize: compressed,
            uncompressedSize: uncompressed,
            localHeaderOffset: offset)
    }
}

/// Reads little-endian fields from bytes, returning nil past the end.
private struct LittleEndianReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func skip(_ count: Int) { position += count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard position >= 0, count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let field = bytes(MemoryLayout<T>.size) else { return nil }
        return field.reversed().reduce(T(0)) { $0 << 8 | T($1) }
    }

    mutating func u16() -> UInt16? { integer(UInt16.self) }
    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }
}
