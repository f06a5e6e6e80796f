import ArgumentParser
import Foundation
import Testing

@testable import KienNghiCLI

/// `lexicon suggest` on an unlabelled workbook (issue 11: it printed only a header).
@Suite("lexicon suggest on XLSX")
struct LexiconSuggestTests {
    static let texts = [
        "Công ty nợ lương công nhân ba tháng", "Đường vào khu trọ ngập nước mỗi khi mưa to",
        "Nhà trọ tăng giá điện nước quá cao", "Công ty không đóng bảo hiểm xã hội",
    ]

    /// A workbook with a header row and `texts`, written to a temporary file.
    static func workbook(_ texts: [String]) throws -> String {
        let rows =
            OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"])
            + texts.enumerated().map { OfficeFixture.row($0.offset + 2, [String($0.offset + 1), $0.element]) }.joined()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suggest-\(UUID().uuidString).xlsx")
            .path
        try OfficeFixture.xlsx(rowsXML: rows).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aSmallPileSaysWhyThereIsNoSuggestion() throws {
        let path = try Self.workbook(Self.texts)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (language, expected) in [("vi", "Không có đề xuất"), ("en", "No suggestions")] {
            let out = try LexiconSuggestCommand.parse([path, "--lang", language]).render()
            #expect(out.contains("4 "), "all four petitions are read")
            #expect(out.contains(expected) && out.contains("--min-count"), "\(out)")
        }
    }

    @Test func theWorkbooksPetitionsGiveSuggestions() throws {
        let path = try Self.workbook(Self.texts)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try LexiconSuggestCommand.parse([path, "--min-count", "1"]).render()
        #expect(out.contains("# themes/"), "\(out)")
        #expect(!out.contains("Không có đề xuất"))
        let lines = out.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.split(separator: "\t").count == 3 })
    }
}
