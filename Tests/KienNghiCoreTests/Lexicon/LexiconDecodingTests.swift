import Foundation
import Testing

@testable import KienNghiCore

/// Lexicon files are UTF-8 only: a file saved as Windows-1258 or UTF-16 is an
/// error naming the file, line and byte, never a theme that silently loses phrases.
@Suite("lexicon decoding")
struct LexiconDecodingTests {
    /// "đường ngập\t3" in Windows-1258: đ is 0xF0, ư 0xFD, ơ 0xF5, tones are combining bytes (0xEC, 0xD2).
    static let windows1258: [UInt8] =
        Array("phrase\tweight\n".utf8) + [
            0xF0, 0xFD, 0xF5, 0xEC, 0x6E, 0x67, 0x20, 0x6E, 0x67, 0x61, 0xD2, 0x70, 0x09, 0x33, 0x0A,
        ]

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test func windows1258IsAnErrorAtTheFirstBadByte() throws {
        let failure = try #require(TabularFile.validate(Self.windows1258))
        #expect(failure.kind == .invalidUTF8)
        #expect(failure.line == 2)
        #expect(failure.byteOffset == 14)
    }

    @Test func utf16IsAnError() {
        #expect(TabularFile.validate(Self.utf16LE("phrase\tweight\nùn tắc\t3\n"))?.kind == .utf16)
    }

    @Test func utf8WithAndWithoutBOMLoads() throws {
        let text = "# comment\nphrase\tweight\n  ùn tắc \t 3\r\n\n"
        for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
            #expect(TabularFile.validate(bytes) == nil)
            let file = TabularFile(path: "x", validatedUTF8: bytes)
            #expect(file.header == ["phrase", "weight"])
            #expect(file.rows.count == 1)
            #expect(file.rows[0].cells == ["ùn tắc", "3"])
            #expect(file.rows[0].line == 3)
        }
    }

    @Test func overlongAndSurrogateEncodingsAreRefused() {
        #expect(TabularFile.validate([0x61, 0xC0, 0xAF]) != nil)
        #expect(TabularFile.validate([0xED, 0xA0, 0x80]) != nil)
        #expect(TabularFile.validate([0xE1, 0xBA]) != nil)
        #expect(TabularFile.validate([0x61, 0x00]) != nil)
    }

    @Test(arguments: ["windows-1258", "utf-16"])
    func theLoaderReportsTheFileAndLine(_ encoding: String) throws {
        let diagnostics = try checkBroken { folder in
            let bytes = encoding == "utf-16" ? Self.utf16LE("phrase\tweight\nùn tắc\t3\n") : Self.windows1258
            try Data(bytes).write(to: folder.appendingPathComponent("themes/traffic.tsv"))
        }
        let problem = try #require(diagnostics.first { $0.path == "L/themes/traffic.tsv" && $0.severity == .error })
        if encoding == "utf-16" {
            #expect(problem.problem == .savedAsUTF16)
        } else {
            guard case .invalidUTF8(let offset) = problem.problem else {
                Issue.record("\(problem.problem)")
                return
            }
            // The first byte that is not ASCII: Windows-1258 shares ASCII with UTF-8.
            #expect(offset == Self.windows1258.firstIndex { $0 >= 0x80 })
        }
        #expect(problem.line == (encoding == "utf-16" ? 1 : 2))
        #expect(problem.rendered(.en).contains("UTF-8"))
    }

    @Test func singleSyllablePhrasesWithoutContextAreWarned() throws {
        let diagnostics = try checkBroken { try append("mèo\t2", to: "themes/environment.tsv", in: $0) }
        #expect(
            diagnostics.contains { $0.severity == .warning && $0.problem == .contextlessSyllable(phrase: "mèo") })
        let withContext = try checkBroken { folder in
            try append("mèo\t2", to: "themes/environment.tsv", in: folder)
            try append("mèo rừng\twild cat", to: "stop-phrases.tsv", in: folder)
        }
        #expect(!withContext.contains { $0.problem == .contextlessSyllable(phrase: "mèo") })
    }
}
