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
}
