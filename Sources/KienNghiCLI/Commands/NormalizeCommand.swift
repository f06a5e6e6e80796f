import ArgumentParser
import Foundation
import KienNghiCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kiennghi normalize`: prints the text as KienNghi sees it.
///
/// Streams: the input is read in chunks of whole lines and the output written
/// as it is produced, so memory stays bounded whatever the input size.
struct NormalizeCommand: StreamingTextCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "In văn bản đã chuẩn hoá: Unicode NFC, một kiểu đặt dấu thanh, sửa bảng mã cũ, giữ chữ hoa/thường.")

    @OptionGroup var input: TextInputOptions

    @Option(name: .shortAndLong, help: "Ghi kết quả vào tệp này (mặc định: stdout). Tệp chỉ xuất hiện khi đã ghi xong.")
    var output: String?

    func stream(to sink: ByteSink) throws {
        let analyzer = Analyzer()
        var cache = NormalizationCache()
        try StreamingTextInput(options: input).forEachChunk { chunk in
            var text = chunk.text
            text.withUTF8 { analyzer.normalize($0, appendingTo: &sink.buffer, cache: &cache) }
            try sink.flushIfFull()
        }
    }
}

/// One decoded piece of a streamed input: whole lines.
struct TextChunk {
    var text: String
    /// UTF-8 byte offset of `text` in the whole decoded text (spans add it).
    var offset: Int
    var encoding: TextEncoding
    var confidence: Double
}

/// Reads a `normalize`/`tokenize` input (a file or standard input) as decoded
/// chunks cut at line ends, with the same detection, warnings and error
/// messages as a whole-file read. The encoding is decided on the first chunk.
/// UTF-16 input (line ends are not single bytes) is re-cut on whole code units.
struct StreamingTextInput {
    let options: TextInputOptions
    var blockSize = 1 << 20

    func forEachChunk(_ body: (TextChunk) throws -> Void) throws {
        let l = options.language.lang
        let name = options.displayName
        let path = options.input == "-" ? "/dev/stdin" : options.input
        if options.input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(
                    l.pick(
                        "Không tìm thấy tệp \(path). Kiểm tra lại đường dẫn.",
                        "File not found: \(path). Check the path."), code: .noInput)
            }
            guard !isDirectory.boolValue else {
                throw CLIError(
                    l.pick("\(path) là thư mục, không phải tệp.", "\(path) is a folder, not a file."), code: .noInput)
            }
        }
        var decoder = TextDecoder(lenient: options.lenient)
        if let encoding = options.encoding {
            guard let parsed = TextEncoding(name: encoding) else {
                throw CLIError(
                    TextDecodingFailure.unknownEncoding(encoding).message(file: name, language: l), code: .usage)
            }
            decoder.encoding = parsed
        }
        var decodedOffset = 0
        var replaced = 0
        var first = true
        // UTF-16 bytes not yet decoded, their offset in the file, and the byte order.
        var utf16: (pending: [UInt8], offset: Int, bigEndian: Bool)? = nil
        func emit(_ bytes: [UInt8], at offset: Int) throws {
            // Later chunks of a UTF-8 file: the standard library's validating
            // copy is one pass; the decoder (for its error message) only on failure.
            // Valid UTF-8 without a byte-order mark is what detection would decide too.
            let plainUTF8 = decoder.encoding == .utf8 || decoder.encoding == nil && !Self.hasByteOrderMark(bytes)
            // NULs are valid UTF-8: a first chunk that looks binary (a run of NULs, /dev/zero, a
            // PDF) goes to the decoder, which refuses it as `classify` does, instead of coming
            // out as nothing once control characters are filtered.
            let looksBinary = first && options.encoding == nil && BinarySniffer.format(of: bytes) != nil
            if plainUTF8, !looksBinary, let text = String(validating: bytes, as: UTF8.self) {
                first = false
                decoder.encoding = .utf8
                let chunk = TextChunk(text: text, offset: decodedOffset, encoding: .utf8, confidence: 1)
                decodedOffset += bytes.count
                try body(chunk)
                return
            }
            let decoded: DecodedText
            do {
                decoded = try decoder.decode(bytes)
            } catch {
                throw options.failure(error.shifted(by: offset))
            }
            if first {
                first = false
                decoder.encoding = decoded.encoding
                if options.encoding == nil, decoded.encoding != .utf8 || decoded.confidence < 1 {
                    let percent = Int((decoded.confidence * 100).rounded())
                    Terminal.warn(
                        l.pick(
                            "\(name): nhận là bảng mã \(decoded.encoding) (độ tin cậy \(percent)%). Nếu sai, chỉ rõ bằng --encoding.",
                            "\(name): detected \(decoded.encoding) (confidence \(percent)%). If wrong, name it with --encoding."
                        ))
                }
            }
            replaced += decoded.replacedSequences
            let chunk = TextChunk(
                text: decoded.text, offset: decodedOffset, encoding: decoded.encoding, confidence: decoded.confidence)
            decodedOffset += decoded.text.utf8.count
            try body(chunk)
        }
        // Decodes the UTF-16 bytes held so far up to their last line end (or other ``TextCut``
        // point once a block's worth has no line end); at the end of the input, all of them.
        func emitUTF16(final: Bool) throws {
            while var held = utf16, !held.pending.isEmpty {
                var end: Int? = nil
                if held.pending.count < blockSize {
                    guard final else { return }
                    end = held.pending.count
                } else {
                    end = TextCut.utf16Piece(held.pending, bigEndian: held.bigEndian)
                    if end == nil || end == 0 {
                        guard final else { return }
                        end = held.pending.count
                    }
                }
                let cut = end!
                let piece = Array(held.pending[..<cut])
                held.pending.removeSubrange(..<cut)
                utf16 = (held.pending, held.offset + cut, held.bigEndian)
                try emit(piece, at: held.offset)
            }
        }
        do {
            try LineChunkReader(path: path, blockSize: blockSize).forEachChunk { bytes, offset in
                if utf16 != nil {
                    utf16!.pending.append(contentsOf: bytes)
                    try emitUTF16(final: false)
                    return
                }
                if first, let bigEndian = Self.utf16ByteOrder(bytes, named: decoder.encoding) {
                    utf16 = (bytes, offset, bigEndian)
                    try emitUTF16(final: false)
                    return
                }
                try emit(bytes, at: offset)
            }
        } catch let error as CLIError {
            throw error
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw CLIError(
                l.pick("Không đọc được tệp \(path) (kiểm tra quyền đọc).", "Cannot read \(path) (check permissions)."),
                code: .noInput)
        }
        if utf16 != nil { try emitUTF16(final: true) }
        if replaced > 0 {
            Terminal.warn(
                l.pick(
                    "\(name): đã thay \(replaced) chuỗi byte lỗi bằng �.",
                    "\(name): replaced \(replaced) invalid byte sequences with �."))
        }
    }

    private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// For UTF-16 input (named, or starting with a byte-order mark), whether it is big-endian; nil otherwise.
    private static func utf16ByteOrder(_ bytes: [UInt8], named encoding: TextEncoding?) -> Bool? {
        if let encoding {
            let resolved = encoding.resolved(for: bytes)
            return resolved == .utf16BigEndian ? true : resolved == .utf16LittleEndian ? false : nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return false }
        return bytes.starts(with: [0xFE, 0xFF]) ? true : nil
    }
}

/// Where a streaming command writes: standard output, a file renamed into
/// place only when complete (``AtomicOutputFile``), or memory (tests).
/// Writers append bytes to ``buffer``; it is handed on every 256 KiB.
final class ByteSink {
    var buffer: [UInt8] = []
    private let file: AtomicOutputFile?
    private let toStandardOutput: Bool
    private var language: Language = .vi
    private var kept: [UInt8] = []
    private static let flushSize = 256 << 10

    /// In memory; read the result with ``text``.
    init() {
        file = nil
        toStandardOutput = false
        buffer.reserveCapacity(Self.flushSize)
    }

    /// To `output` (a file path) or, when nil or "-", to standard output.
    init(output: String?, input: String, language: Language) throws {
        buffer.reserveCapacity(Self.flushSize + (64 << 10))
        self.language = language
        if let output, output != "-" {
            // Ctrl-C, SIGTERM or SIGHUP must remove the unfinished temporary file.
            Terminal.cleanUpOnInterrupt()
            do {
                file = try AtomicOutputFile(path: output, inputs: [input])
            } catch let failure as AtomicOutputFile.Failure {
                throw CLIError(failure, language)
            }
            toStandardOutput = false
        } else {
            file = nil
            toStandardOutput = true
        }
    }

    var text: String { String(decoding: kept + buffer, as: UTF8.self) }

    @inline(__always)
    func flushIfFull() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws {
        if let file {
            do { try file.write(bytes: buffer) } catch let failure as AtomicOutputFile.Failure {
                throw CLIError(failure, language)
            }
        } else if toStandardOutput {
            try Self.writeAll(buffer, to: 1, language: language)
        } else {
            kept.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left; a file output is renamed into place.
    func finish() throws {
        try flush()
        do {
            try file?.commit()
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure, language)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, language: Language) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Terminal.standardOutputFailure(errno, language)
                }
                offset += written
            }
        }
    }
}

/// Appending numbers and JSON strings as UTF-8 bytes, without building Strings.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            append(0x2D)
            appendDecimal(-value)
            return
        }
        if value < 10 {
            append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = 20
            var rest = value
            while rest > 0 {
                index -= 1
                digits[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
        }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// `bytes` as a JSON string (quotes included): escapes ", \ and control
    /// characters; everything else, Vietnamese included, is copied as is.
    mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(0x22)
        var start = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            default:
                append("\\u00")
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { digits in
                    append(digits[Int(b >> 4)])
                    append(digits[Int(b & 0xF)])
                }
            }
            start = i + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        append(0x22)
    }
}
