import ArgumentParser
import Foundation
import KienNghiCore

/// `kiennghi tokenize`: shows every token with its span and keys.
///
/// Streams like `normalize`: each chunk of whole lines is analysed and its
/// tokens written at once, as bytes, so memory stays bounded.
struct TokenizeCommand: RenderingCommand {
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

    func run() throws {
        try reportingErrors {
            let sink = try ByteSink(output: output, input: input.input, language: input.language.lang)
            try stream(to: sink)
            try sink.finish()
        }
    }

    /// The command's whole output, in memory (for tests).
    func render() throws -> String {
        let sink = ByteSink()
        try stream(to: sink)
        return sink.text
    }

    private func stream(to sink: ByteSink) throws {
        let analyzer = try LexiconLocation.analyzer(lexicons, language: input.language.lang)
        var printer = TokenPrinter(json: json)
        try StreamingTextInput(options: input).forEachChunk { chunk in
            let analyzed = analyzer.analyze(chunk.text)
            printer.write(analyzed, chunk: chunk, to: &sink.buffer)
            try sink.flushIfFull()
        }
        printer.finish(to: &sink.buffer)
    }
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
                            writeJSONToken(index, analyzed, offset: chunk.offset, first: index == sentence.tokens.lowerBound, source: sourceBytes, arena: arena, to: &out)
                        } else {
                            writeTableToken(index, analyzed, offset: chunk.offset, source: sourceBytes, arena: arena, to: &out)
                        }
                    }
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

    private func writeTableToken(
        _ index: Int, _ analyzed: AnalyzedText, offset: Int, source: UnsafeBufferPointer<UInt8>,
        arena: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
    ) {
        let token = analyzed.tokens[index]
        out.appendDecimal(token.span.start + offset)
        out.append(0x09)
        out.appendDecimal(token.span.end + offset)
        out.append(0x09)
        out.append(token.kind.nameBytes)
        out.append(0x09)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[token.span.start..<token.span.end]))
        out.append(0x09)
        out.append(contentsOf: Self.slice(arena, analyzed.tokenKeys[index]))
        out.append(0x09)
        out.append(contentsOf: Self.slice(arena, analyzed.tokenPlainKeys[index]))
        let terms = analyzed.tokenTerms[index]
        var firstPart = true
        for term in Int(terms.lowerBound)..<Int(terms.upperBound) where analyzed.terms[term].isExpansion {
            out.append(firstPart ? "\t→ " : " ")
            out.append(contentsOf: Self.slice(arena, analyzed.terms[term].key))
            firstPart = false
        }
        out.append(0x0A)
    }

    private func writeJSONToken(
        _ index: Int, _ analyzed: AnalyzedText, offset: Int, first: Bool, source: UnsafeBufferPointer<UInt8>,
        arena: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
    ) {
        let token = analyzed.tokens[index]
        out.append(first ? "\n        {\"end\" : " : ",\n        {\"end\" : ")
        out.appendDecimal(token.span.end + offset)
        let terms = analyzed.tokenTerms[index]
        var expansion: [UInt8]? = nil  // rare: built only for abbreviations
        for term in Int(terms.lowerBound)..<Int(terms.upperBound) where analyzed.terms[term].isExpansion {
            if expansion == nil { expansion = [] } else { expansion!.append(0x20) }
            expansion!.append(contentsOf: Self.slice(arena, analyzed.terms[term].key))
        }
        if let expansion {
            out.append(", \"expansion\" : ")
            expansion.withUnsafeBufferPointer { out.appendJSONString($0) }
        }
        out.append(", \"key\" : ")
        out.appendJSONString(Self.slice(arena, analyzed.tokenKeys[index]))
        out.append(", \"kind\" : \"")
        out.append(token.kind.nameBytes)
        out.append("\", \"plain\" : ")
        out.appendJSONString(Self.slice(arena, analyzed.tokenPlainKeys[index]))
        out.append(", \"start\" : ")
        out.appendDecimal(token.span.start + offset)
        out.append(", \"surface\" : ")
        out.appendJSONString(UnsafeBufferPointer(rebasing: source[token.span.start..<token.span.end]))
        out.append(0x7D)
    }

    @inline(__always)
    private static func slice(_ arena: UnsafeBufferPointer<UInt8>, _ range: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: arena[Int(range.lowerBound)..<Int(range.upperBound)])
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
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
