import Foundation
import KienNghiCore
import Testing

@testable import KienNghiCLI

/// `normalize` and `tokenize` stream their input in chunks: a file several
/// chunks long must give the same text, and spans counted from the start of
/// the file, as analysing it whole.
@Suite("Streaming normalize and tokenize")
struct StreamingCommandTests {
    /// About 1.2 MB of mixed lines (two chunks of `normalize`, five of `tokenize`) (NFC, NFD, old tone placement, no diacritics).
    static func generatedText() -> String {
        let lines = [
            "Công nhân KCN Thăng Long đề nghị hoà giải tranh chấp, thuý nhận lương ngày 11/5/2019.",
            "Người lao động được hưởng chế độ thai sản theo Công văn số 644/TB-UBND"
                .decomposedStringWithCanonicalMapping,
            "cong nhan de nghi tang luong, lien he 0912 345 678 hoac congdoan@example.vn",
            "Đề nghị BHXH quận Hoàng Mai giải quyết sớm!",
        ]
        var text = ""
        var n = 0
        while text.utf8.count < 1_200_000 {
            text += lines[n % lines.count] + " \(n)\n"
            n += 1
        }
        return text
    }

    @Test func normalizeOfManyChunksEqualsWholeText() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.generatedText()
        let input = folder.appendingPathComponent("in.txt").path
        let output = folder.appendingPathComponent("out.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        try NormalizeCommand.parse([input, "-o", output]).run()
        let streamed = try String(contentsOfFile: output, encoding: .utf8)
        #expect(streamed == Analyzer().normalize(text))
    }

    @Test func tokenizeSpansCountFromTheStartOfTheFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.generatedText()
        let source = Array(text.utf8)
        let input = folder.appendingPathComponent("in.txt").path
        let output = folder.appendingPathComponent("tokens.tsv").path
        try Data(source).write(to: URL(fileURLWithPath: input))
        try TokenizeCommand.parse([input, "-o", output]).run()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        var sentences = 0
        var tokens = 0
        var lastEnd = 0
        for line in lines {
            if line.hasPrefix("# ") {
                sentences += 1
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            let start = Int(cells[0])!
            let end = Int(cells[1])!
            #expect(start >= lastEnd)
            #expect(String(decoding: source[start..<end], as: UTF8.self) == String(cells[3]))
            lastEnd = end
            tokens += 1
        }
        let whole = Analyzer().analyze(text)
        #expect(sentences == whole.sentences.count)
        #expect(tokens == whole.tokens.count)
        #expect(lastEnd == whole.tokens.last!.span.end)
    }
    /// Inputs with no line feed for more than a block (a file with CR line ends,
    /// one line of 1.2 MB) and UTF-16 input are cut into pieces too, and give
    /// the same text as normalising the whole.
    @Test func normalizeOfCROnlyOneLongLineAndUTF16EqualsWholeText() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = Self.generatedText().split(separator: "\n").map(String.init)
        let carriageReturns = lines.joined(separator: "\r") + "\r"
        let oneLine = lines.joined(separator: " ")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(Self.generatedText().data(using: .utf16LittleEndian)!)
        for (name, bytes, text) in [
            ("cr.txt", Data(carriageReturns.utf8), carriageReturns), ("line.txt", Data(oneLine.utf8), oneLine),
            ("utf16.txt", utf16, Self.generatedText()),
        ] {
            let input = folder.appendingPathComponent(name).path
            let output = folder.appendingPathComponent("out-" + name).path
            try bytes.write(to: URL(fileURLWithPath: input))
            try NormalizeCommand.parse([input, "-o", output]).run()
            let streamed = try String(contentsOfFile: output, encoding: .utf8)
            #expect(streamed == Analyzer().normalize(text), "\(name)")
        }
    }

    /// The tokens of one 1.2 MB line read in pieces are the tokens of the whole line
    /// (a piece ends at a space; only the sentence count may differ there).
    @Test func tokenizeOfOneLongLineGivesTheWholeLinesTokens() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.generatedText().split(separator: "\n").joined(separator: " ")
        let input = folder.appendingPathComponent("line.txt").path
        let output = folder.appendingPathComponent("tokens.tsv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        try TokenizeCommand.parse([input, "-o", output]).run()
        let spans = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("# ") }
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).prefix(2).map { Int($0)! } }
        let whole = Analyzer().analyze(text).tokens.map { [$0.span.start, $0.span.end] }
        #expect(spans == whole)
    }
}
