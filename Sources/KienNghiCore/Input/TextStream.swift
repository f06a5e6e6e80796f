import Foundation

/// Reads a text file of any size as decoded chunks cut at line ends. The
/// encoding is decided once, from the first chunk (or given); UTF-16 files are
/// decoded whole, since their line ends are not single bytes.
public struct TextStream: Sendable {
    public let path: String
    public let encoding: TextEncoding?
    public let lenient: Bool
    public var chunkSize = 4 << 20

    public init(path: String, encoding: TextEncoding? = nil, lenient: Bool = false) {
        self.path = path
        self.encoding = encoding
        self.lenient = lenient
    }

    /// Calls `body` with each decoded chunk (whole lines) and its first line number.
    public func forEachChunk(_ body: (String, Int) throws -> Void) throws {
        do { try readChunks(body) } catch is StopReading {}
    }

    /// The reading loop; a UTF-16 file is decoded whole from the first chunk and
    /// the loop then stops early with ``StopReading``.
    private func readChunks(_ body: (String, Int) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputFailure.missing(path: path) }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else { throw InputFailure.unreadable(path: path) }
        var decoder = TextDecoder(encoding: encoding, lenient: lenient)
        var line = 1
        var sawBytes = false
        var firstChunk = true
        try LineChunkReader(path: path, blockSize: chunkSize).forEachChunk { bytes, offset in
            sawBytes = sawBytes || !bytes.isEmpty
            var chunk = bytes
            if firstChunk {
                firstChunk = false
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                    // UTF-16: read the rest and decode the whole file at once.
                    chunk = Array(FileManager.default.contents(atPath: path) ?? Data())
                }
                let decoded = try decode(chunk, with: decoder, at: 0)
                decoder.encoding = decoded.encoding
                try body(decoded.text, line)
                line += Self.lineCount(decoded.text)
                if decoded.encoding == .utf16LittleEndian || decoded.encoding == .utf16BigEndian { throw StopReading() }
                return
            }
            let decoded = try decode(chunk, with: decoder, at: offset)
            try body(decoded.text, line)
            line += Self.lineCount(decoded.text)
        }
        if !sawBytes { throw InputFailure.empty(path: path) }
    }

    private struct StopReading: Error {}

    /// Decodes one chunk; an invalid byte is reported at its offset in the file.
    private func decode(_ chunk: [UInt8], with decoder: TextDecoder, at offset: Int) throws -> DecodedText {
        do {
            return try decoder.decode(chunk)
        } catch .invalidUTF8(let at, let byte, let mixed) {
            throw InputFailure.decoding(path: path, .invalidUTF8(offset: offset + at, byte: byte, looksMixed: mixed))
        } catch {
            throw InputFailure.decoding(path: path, error)
        }
    }

    static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == 0x0A { count += 1 }
        return count
    }
}
