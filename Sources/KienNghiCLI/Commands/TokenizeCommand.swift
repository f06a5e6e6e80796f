import ArgumentParser
import Foundation
import KienNghiCore

#if canImport(Glibc)
    import Glibc
#endif

/// `kiennghi tokenize`: shows every token with its span and keys.
///
/// Streams like `normalize`: each chunk of whole lines is analysed and its
/// tokens written at once, as bytes, so memory stays bounded.
struct TokenizeCommand: StreamingTextCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Tách từ: in từng token với vị trí (byte UTF-8), loại, khoá có dấu, khoá không dấu.")

    @OptionGroup var input: TextInputOptions

    @Flag(help: "In JSON thay vì bảng chữ.")
    var json = false

    @Option(help: "Tệp từ viết tắt (mặc định: từ điển đi kèm).")
    var lexicons: String?

    @Option(name: .shortAndLong, help: "Ghi kết quả vào tệp này (mặc định: stdout). Tệp chỉ xuất hiện khi đã ghi xong.")
    var output: String?

    func stream(to sink: ByteSink) throws {
        let analyzer = try LexiconLocation.analyzer(lexicons, language: input.language.lang)
        keepChunkBuffersInHeap()
        var printer = TokenPrinter(json: json)
        // Smaller chunks than `normalize`: an analysed chunk holds tokens, terms and keys.
        try StreamingTextInput(options: input, blockSize: 256 << 10).forEachChunk { chunk in
            let analyzed = analyzer.analyze(chunk.text)
            printer.write(analyzed, chunk: chunk, to: &sink.buffer)
            try sink.flushIfFull()
        }
        printer.finish(to: &sink.buffer)
    }
}

/// Each chunk's analysis is a few arrays of hundreds of KiB: by default glibc
/// maps and unmaps every one, and faulting in the fresh pages cost a fifth of
/// `tokenize`. Raising the mmap and trim thresholds keeps them in the heap
/// (memory stays bounded by one chunk's analysis). `mallopt` is looked up at
/// run time (Glibc's module map leaves out malloc.h); elsewhere nothing happens.
func keepChunkBuffersInHeap() {
    #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
    #endif
}

/// Renders analysed chunks for `tokenize`, straight into bytes.
///
/// Table: `# N [start..<end]` per sentence, then per token
/// `start end kind surface key plain [→ expansion]`, tab-separated.
/// JSON: one document, `{"confidence", "encoding", "sentences": [{"end",
/// "start", "tokens": [...]}]}` with one token object per line, so it can be
/// written as the input is read.
struct TokenPrinter {
    let json: Bool
    private let scratch = ScratchBuffer()
    private var sentenceCount = 0
    private var wroteHeader = false

    init(json: Bool) { self.json = json }

    mutating func write(_ analyzed: AnalyzedText, chunk: TextChunk, to out: inout [UInt8]) {
        if json && !wroteHeader { writeHeader(encoding: chunk.encoding, confidence: chunk.confidence, to: &out) }
        var source = analyzed.source
        source.withUTF8 { sourceBytes in
            analyzed.keyArena.withUnsafeBufferPointer { arena in
                for sentence in analyzed.sentences {
                    let start = sentence.span.start + chunk.offset
                    let end = sentence.span.end + chunk.offset
                    if json {
                        out.append(sentenceCount == 0 ? "\n    {\n      \"end\" : " : ",\n    {\n      \"end\" : ")
                        out.appendDecimal(end)
                        out.append(",\n      \"start\" : ")
                        out.appendDecimal(start)
                        out.append(",\n      \"tokens\" : [")
                    } else {
                        out.append("# ")
                        out.appendDecimal(sentenceCount + 1)
                        out.append(" [")
                        out.appendDecimal(start)
                        out.append("..<")
                        out.appendDecimal(end)
                        out.append("]\n")
                    }
                    for index in sentence.tokens {
                        if json {
                            writeJSONToken(
                                index, analyzed, offset: chunk.offset, first: index == sentence.tokens.lowerBound,
                                source: sourceBytes, arena: arena, to: &out)
                        } else {
                            writeTableToken(
                                index, analyzed, offset: chunk.offset, source: sourceBytes, arena: arena, to: &out)
                        }
                    }
                    scratch.drain(into: &out)
                    if json { out.append("\n      ]\n    }") }
                    sentenceCount += 1
                }
            }
        }
    }

    mutating func finish(to out: inout [UInt8]) {
        guard json else { return }
        if !wroteHeader { writeHeader(encoding: .utf8, confidence: 1, to: &out) }
        out.append(sentenceCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }

    private mutating func writeHeader(encoding: TextEncoding, confidence: Double, to out: inout [UInt8]) {
        wroteHeader = true
        out.append("{\n  \"confidence\" : ")
        if confidence == confidence.rounded(), abs(confidence) < 1e15 {
            out.appendDecimal(Int(confidence))
        } else {
            out.append(contentsOf: "\(confidence)".utf8)
        }
        out.append(",\n  \"encoding\" : ")
        let name = encoding.description
        var nameBytes = Array(name.utf8)
        nameBytes.withUnsafeBufferPointer { out.appendJSONString($0) }
        nameBytes.removeAll()
        out.append(",\n  \"sentences\" : [")
    }

    /// Writes one token's line into the sentence's scratch buffer with raw
    /// stores: one capacity check per token, not per field, and one append to
    /// the output per sentence.
    private func writeTableToken(
        _ index: Int, _ analyzed: AnalyzedText, offset: Int, source: UnsafeBufferPointer<UInt8>,
        arena: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
    ) {
        let token = analyzed.tokens[index]
        let surface = UnsafeBufferPointer(rebasing: source[token.span.start..<token.span.end])
        let key = Self.slice(arena, analyzed.tokenKeys[index])
        let plain = Self.slice(arena, analyzed.tokenPlainKeys[index])
        let terms = analyzed.tokenTerms[index]
        var bound = 80 + surface.count + key.count + plain.count
        for term in Int(terms.lowerBound)..<Int(terms.upperBound) { bound += 2 + analyzed.terms[term].key.count }
        scratch.appendLine(upTo: bound, flushingInto: &out) { room in
            var line = LineWriter(room)
            line.decimal(token.span.start + offset)
            line.byte(0x09)
            line.decimal(token.span.end + offset)
            line.byte(0x09)
            line.text(token.kind.nameBytes)
            line.byte(0x09)
            line.bytes(surface)
            line.byte(0x09)
            line.bytes(key)
            line.byte(0x09)
            line.bytes(plain)
            var firstPart = true
            for term in Int(terms.lowerBound)..<Int(terms.upperBound) where analyzed.terms[term].isExpansion {
                line.text(firstPart ? "\t→ " : " ")
                line.bytes(Self.slice(arena, analyzed.terms[term].key))
                firstPart = false
            }
            line.byte(0x0A)
            return line.count
        }
    }

    private func writeJSONToken(
        _ index: Int, _ analyzed: AnalyzedText, offset: Int, first: Bool, source: UnsafeBufferPointer<UInt8>,
        arena: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
    ) {
        let token = analyzed.tokens[index]
        let surface = UnsafeBufferPointer(rebasing: source[token.span.start..<token.span.end])
        let key = Self.slice(arena, analyzed.tokenKeys[index])
        let plain = Self.slice(arena, analyzed.tokenPlainKeys[index])
        let terms = analyzed.tokenTerms[index]
        // Escaping at most sextuples a byte (\u00XX).
        var bound = 160 + 6 * (surface.count + key.count + plain.count)
        for term in Int(terms.lowerBound)..<Int(terms.upperBound) { bound += 6 * (1 + analyzed.terms[term].key.count) }
        scratch.appendLine(upTo: bound, flushingInto: &out) { room in
            var line = LineWriter(room)
            line.text(first ? "\n        {\"end\" : " : ",\n        {\"end\" : ")
            line.decimal(token.span.end + offset)
            var firstPart = true
            for term in Int(terms.lowerBound)..<Int(terms.upperBound) where analyzed.terms[term].isExpansion {
                if firstPart { line.text(", \"expansion\" : \"") } else { line.byte(0x20) }
                line.jsonEscaped(Self.slice(arena, analyzed.terms[term].key))
                firstPart = false
            }
            if !firstPart { line.byte(0x22) }
            line.text(", \"key\" : \"")
            line.jsonEscaped(key)
            line.text("\", \"kind\" : \"")
            line.text(token.kind.nameBytes)
            line.text("\", \"plain\" : \"")
            line.jsonEscaped(plain)
            line.text("\", \"start\" : ")
            line.decimal(token.span.start + offset)
            line.text(", \"surface\" : \"")
            line.jsonEscaped(surface)
            line.text("\"}")
            return line.count
        }
    }

    @inline(__always)
    private static func slice(_ arena: UnsafeBufferPointer<UInt8>, _ range: Range<Int32>) -> UnsafeBufferPointer<UInt8>
    {
        UnsafeBufferPointer(rebasing: arena[Int(range.lowerBound)..<Int(range.upperBound)])
    }
}

/// The lines of one sentence, written with raw stores and handed to the
/// output at once (a dynamically sized stack allocation asked the runtime
/// whether the stack had room, and an append per token cost a uniqueness and
/// capacity check each). Drained at 64 KiB at most, so memory stays bounded.
final class ScratchBuffer {
    private var storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
    private var used = 0
    private static let drainAt = 1 << 16

    /// Gives `body` room for `capacity` bytes after what is held; `body` returns how many it wrote.
    func appendLine(
        upTo capacity: Int, flushingInto out: inout [UInt8], _ body: (UnsafeMutablePointer<UInt8>) -> Int
    ) {
        if used >= Self.drainAt { drain(into: &out) }
        if storage.count - used < capacity {
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(used + capacity, storage.count * 2))
            if used > 0 { grown.baseAddress!.update(from: storage.baseAddress!, count: used) }
            storage.deallocate()
            storage = grown
        }
        used += body(storage.baseAddress! + used)
    }

    /// Appends what is held to `out` and empties the buffer.
    func drain(into out: inout [UInt8]) {
        guard used > 0 else { return }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: storage[0..<used]))
        used = 0
    }

    deinit { storage.deallocate() }
}

/// Raw stores into a buffer the caller sized (see the bounds above).
struct LineWriter {
    let start: UnsafeMutablePointer<UInt8>
    var count = 0

    init(_ start: UnsafeMutablePointer<UInt8>) { self.start = start }

    @inline(__always) mutating func byte(_ b: UInt8) {
        start[count] = b
        count += 1
    }

    @inline(__always) mutating func bytes(_ b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress else { return }
        (start + count).update(from: base, count: b.count)
        count += b.count
    }

    @inline(__always) mutating func text(_ s: StaticString) {
        (start + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        count += s.utf8CodeUnitCount
    }

    /// Two ASCII digits for each number 0...99.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Writes `value` in decimal, two digits per step (offsets have up to ten digits, two per token).
    @inline(__always) mutating func decimal(_ value: Int) {
        if value < 0 { byte(0x2D) }
        var v = UInt64(value.magnitude)
        var width = 1
        var power: UInt64 = 10
        // Ends by 10^19 at the latest: no UInt64 magnitude of an Int reaches it.
        while v >= power {
            width += 1
            power &*= 10
        }
        let pairs = Self.digitPairs.utf8Start
        var index = count + width
        while v >= 100 {
            let pair = Int(v % 100) &* 2
            v /= 100
            index -= 2
            start[index] = pairs[pair]
            start[index + 1] = pairs[pair + 1]
        }
        if v >= 10 {
            let pair = Int(v) &* 2
            start[index - 2] = pairs[pair]
            start[index - 1] = pairs[pair + 1]
        } else {
            start[index - 1] = UInt8(truncatingIfNeeded: v) &+ 0x30
        }
        count += width
    }

    /// The bytes of a JSON string's contents: ", \\ and control characters escaped.
    mutating func jsonEscaped(_ b: UnsafeBufferPointer<UInt8>) {
        for c in b {
            if c >= 0x20 && c != 0x22 && c != 0x5C {
                byte(c)
                continue
            }
            byte(0x5C)
            switch c {
            case 0x22: byte(0x22)
            case 0x5C: byte(0x5C)
            case 0x0A: byte(0x6E)
            case 0x0D: byte(0x72)
            case 0x09: byte(0x74)
            case 0x08: byte(0x62)
            case 0x0C: byte(0x66)
            default:
                let hex: StaticString = "0123456789abcdef"
                text("u00")
                byte(hex.utf8Start[Int(c >> 4)])
                byte(hex.utf8Start[Int(c & 0xF)])
            }
        }
    }
}

extension TokenKind {
    /// The kind's name as UTF-8, for byte-level writers.
    var nameBytes: StaticString {
        switch self {
        case .word: "word"
        case .number: "number"
        case .date: "date"
        case .documentNumber: "documentNumber"
        case .acronym: "acronym"
        case .punctuation: "punctuation"
        case .url: "url"
        case .email: "email"
        case .phone: "phone"
        case .symbol: "symbol"
        }
    }
}

/// JSON encoding with stable key order and unescaped Vietnamese.
enum JSONText {
    static func encode(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
