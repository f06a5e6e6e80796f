import ArgumentParser
import Foundation
import KienNghiCore

/// `kiennghi tokenize`: shows every token with its span and keys.
struct TokenizeCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Tách từ: in từng token với vị trí (byte UTF-8), loại, khoá có dấu, khoá không dấu.")

    @OptionGroup var input: TextInputOptions

    @Flag(help: "In JSON thay vì bảng chữ.")
    var json = false

    @Option(help: "Tệp từ viết tắt (mặc định: từ điển đi kèm).")
    var lexicons: String?

    /// The command's whole output.
    func render() throws -> String {
        let decoded = try input.read()
        let analyzer = try LexiconLocation.analyzer(lexicons, language: input.language.lang)
        let analyzed = analyzer.analyze(decoded.text)
        return json ? TokenPrinter.json(analyzed, decoded: decoded) : TokenPrinter.table(analyzed)
    }
}

/// Renders analysed text for `tokenize`.
enum TokenPrinter {
    static func table(_ analyzed: AnalyzedText) -> String {
        var out = ""
        for (sentenceNumber, sentence) in analyzed.sentences.enumerated() {
            out += "# \(sentenceNumber + 1) [\(sentence.span)]\n"
            for index in sentence.tokens {
                let token = analyzed.tokens[index]
                var line = "\(token.span.start)\t\(token.span.end)\t\(token.kind.rawValue)\t\(analyzed.surface(index))\t\(analyzed.key(index))\t\(analyzed.plainKey(index))"
                if let expansion = analyzed.expansion(index) { line += "\t→ \(expansion)" }
                out += line + "\n"
            }
        }
        return out
    }

    struct TokenRecord: Encodable {
        var kind: String
        var surface: String
        var start: Int
        var end: Int
        var key: String
        var plain: String
        var expansion: String?
        var sentence: Int
    }

    struct Document: Encodable {
        var encoding: String
        var confidence: Double
        var tokens: [TokenRecord]
        var sentences: [SourceSpan]
    }

    static func json(_ analyzed: AnalyzedText, decoded: DecodedText) -> String {
        var records: [TokenRecord] = []
        for (sentenceNumber, sentence) in analyzed.sentences.enumerated() {
            for index in sentence.tokens {
                let token = analyzed.tokens[index]
                records.append(TokenRecord(
                    kind: token.kind.rawValue, surface: analyzed.surface(index), start: token.span.start, end: token.span.end,
                    key: analyzed.key(index), plain: analyzed.plainKey(index), expansion: analyzed.expansion(index), sentence: sentenceNumber))
            }
        }
        let document = Document(encoding: decoded.encoding.description, confidence: decoded.confidence, tokens: records, sentences: analyzed.sentences.map(\.span))
        return JSONText.encode(document, pretty: true) + "\n"
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
