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
    enum Method: Equatable {
        case stored, deflated
        /// Another ZIP method (Deflate64, BZIP2, LZMA…), by its number.
        case other(UInt16)
    }
    let name: String
    /// The name as stored, to compare with the local header's.
    let nameBytes: [UInt8]
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
    enum Problem: Error { case notAPackage, damagedPackage, passwordProtected }

    /// The most entries and directory bytes a package may declare; Office files have
    /// hundreds of parts, so these only stop a directory crafted to exhaust memory
    /// (the directory is held twice while read: 32 MiB at most).
    static let maximumEntries = 1 << 18
    static let maximumDirectoryBytes = 16 << 20

    let parts: [ZipPart]
    /// Where the central directory starts: every entry's data lies before it.
    let directoryOffset: UInt64

    init(_ bytes: ZipBytes) throws(Problem) {
        let head = bytes.read(at: 0, count: min(4, Int(bytes.size))).map(Array.init) ?? []
        let damaged: Problem = head.starts(with: [0x50, 0x4B]) ? .damagedPackage : .notAPackage
        guard let end = Self.endRecord(bytes) else {
            throw Self.isEncryptedOfficeFile(bytes) ? .passwordProtected : damaged
        }
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
        // The records fill the directory exactly: bytes left over are records the
        // count does not declare, which another reader might see.
        guard reader.isAtEnd else { throw .damagedPackage }
        self.parts = parts
        directoryOffset = end.directoryOffset
    }

    /// Whether the bytes are an Office file encrypted with a password to open: Excel and
    /// Word then write an OLE compound file holding an `EncryptedPackage` stream instead
    /// of the ZIP package. Only the first sectors of the directory are looked at (where
    /// Office writes those streams' names), so a damaged file costs nothing to tell.
    static func isEncryptedOfficeFile(_ bytes: ZipBytes) -> Bool {
        guard let header = bytes.read(at: 0, count: 0x34),
            header.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        else { return false }
        var reader = LittleEndianReader(header)
        reader.skip(0x1E)
        guard let shift = reader.u16(), shift == 9 || shift == 12 else { return false }
        reader.skip(0x30 - 0x20)
        guard let sector = reader.u32(), sector < 0xFFFF_FFFA else { return false }
        let offset = (UInt64(sector) + 1) << UInt64(shift)
        guard offset < bytes.size,
            let directory = bytes.read(at: offset, count: Int(min(UInt64(8 << shift), bytes.size - offset)))
        else { return false }
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return directory.range(of: name) != nil
    }

    /// Where the entry's data starts (after its local header), checked to lie with
    /// its compressed size before the central directory; nil when the local header
    /// is damaged or tells another story than the directory (name, method, encryption),
    /// as a reader that streams the file from its start would read it.
    func dataOffset(of part: ZipPart, in bytes: ZipBytes) -> UInt64? {
        guard let header = bytes.read(at: part.localHeaderOffset, count: 30) else { return nil }
        var reader = LittleEndianReader(header)
        guard reader.u32() == 0x0403_4B50 else { return nil }
        reader.skip(2)
        guard let flags = reader.u16(), let method = reader.u16(),
            Self.method(method) == part.method, (flags & 1 != 0) == part.isEncrypted
        else { return nil }
        reader.skip(16)
        guard let nameLength = reader.u16(), let extraLength = reader.u16(),
            Int(nameLength) == part.nameBytes.count,
            bytes.read(at: part.localHeaderOffset + 30, count: Int(nameLength)).map(Array.init) == part.nameBytes
        else { return nil }
        let offset = part.localHeaderOffset + 30 + UInt64(nameLength) + UInt64(extraLength)
        guard offset <= directoryOffset, part.compressedSize <= directoryOffset - offset else { return nil }
        return offset
    }

    static func method(_ code: UInt16) -> ZipPart.Method {
        code == 0 ? .stored : code == 8 ? .deflated : .other(code)
    }

    private struct EndRecord {
        var entries: UInt64
        var directorySize: UInt64
        var directoryOffset: UInt64
    }

    /// The end-of-central-directory record: the last one in the file, whose comment
    /// must reach exactly the end of the file (a second record in it is damage), with
    /// its ZIP64 form when a ZIP64 locator sits right before it (whose values must
    /// then agree with every unsaturated field).
    /// The directory must end where the (ZIP64) record starts, on one disk, so no
    /// bytes between them can hold entries one reader sees and another does not.
    private static func endRecord(_ bytes: ZipBytes) -> EndRecord? {
        let window = Int(min(bytes.size, 22 + 0xFFFF))
        guard window >= 22, let tail = bytes.read(at: bytes.size - UInt64(window), count: window) else { return nil }
        let tailBytes = [UInt8](tail)
        // The last end-record signature in the file must be the record: one inside its
        // comment (another package's end) is what readers searching from the end take.
        guard
            let position = stride(from: window - 4, through: 0, by: -1).first(where: {
                tailBytes[$0] == 0x50 && tailBytes[$0 + 1] == 0x4B && tailBytes[$0 + 2] == 5 && tailBytes[$0 + 3] == 6
            }),
            position + 22 <= window,
            position + 22 + (Int(tailBytes[position + 20]) | Int(tailBytes[position + 21]) << 8) == window
        else { return nil }
        var reader = LittleEndianReader(Data(tailBytes[(position + 4)..<(position + 22)]))
        guard let disk = reader.u16(), let directoryDisk = reader.u16(), let entriesHere = reader.u16(),
            let entries = reader.u16(), let size = reader.u32(), let offset = reader.u32(),
            disk == directoryDisk || disk == 0xFFFF || directoryDisk == 0xFFFF,
            entriesHere == entries
        else { return nil }
        let recordOffset = bytes.size - UInt64(window) + UInt64(position)
        let locator = recordOffset >= 20 ? bytes.read(at: recordOffset - 20, count: 20) : nil
        var locatorReader = LittleEndianReader(locator ?? Data())
        guard locatorReader.u32() == 0x0706_4B50 else {
            guard disk == 0, directoryDisk == 0, UInt64(offset) + UInt64(size) == recordOffset else { return nil }
            return EndRecord(entries: UInt64(entries), directorySize: UInt64(size), directoryOffset: UInt64(offset))
        }
        let locatorOffset = recordOffset - 20
        guard locatorReader.u32() == 0, let zip64Offset = locatorReader.u64(), (locatorReader.u32() ?? 2) <= 1,
            zip64Offset <= locatorOffset, locatorOffset - zip64Offset >= 56,
            let zip64 = bytes.read(at: zip64Offset, count: 56)
        else { return nil }
        var zip64Reader = LittleEndianReader(zip64)
        guard zip64Reader.u32() == 0x0606_4B50, let recordSize = zip64Reader.u64(),
            recordSize == locatorOffset - zip64Offset - 12
        else { return nil }
        zip64Reader.skip(4)
        guard zip64Reader.u32() == 0, zip64Reader.u32() == 0, let entriesHere64 = zip64Reader.u64(),
            let entries64 = zip64Reader.u64(), let size64 = zip64Reader.u64(), let offset64 = zip64Reader.u64(),
            entriesHere64 == entries64, offset64 <= zip64Offset, size64 == zip64Offset - offset64,
            entries == 0xFFFF || UInt64(entries) == entries64,
            size == 0xFFFF_FFFF || UInt64(size) == size64,
            offset == 0xFFFF_FFFF || UInt64(offset) == offset64
        else { return nil }
        return EndRecord(entries: entries64, directorySize: size64, directoryOffset: offset64)
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
            nameBytes: nameBytes,
            method: Self.method(method),
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

    var isAtEnd: Bool { position == bytes.count }

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
