import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore

/// `normalize` and `tokenize` on Word and Excel files.
@Suite("Office files given to text commands", .serialized)
struct OfficeInputToTextCommandTests {
    /// `normalize` and `tokenize` read plain text: on a Word or Excel file they say
    /// so and point to `classify`, instead of advising to rename a .docx to .docx.
    @Test func officeFilesGiveNormalizeAndTokenizeTheRightAdvice() throws {
        let folder = temporaryFolder()
        let docx = folder.appendingPathComponent("don.docx").path
        let xlsx = folder.appendingPathComponent("don.xlsx").path
        _ = FileManager.default.createFile(
            atPath: docx, contents: try OfficeFixture.docx(bodyXML: OfficeFixture.paragraph("Công ty nợ lương")))
        _ = FileManager.default.createFile(
            atPath: xlsx,
            contents: try OfficeFixture.xlsx(
                rowsXML: OfficeFixture.row(1, ["Nội dung"]) + OfficeFixture.row(2, ["Nợ lương"])))
        for path in [docx, xlsx] {
            for lang in ["vi", "en"] {
                for command in [
                    { try NormalizeCommand.parse([path, "--lang", lang]).render() },
                    { try TokenizeCommand.parse([path, "--lang", lang]).render() },
                ] as [() throws -> String] {
                    #expect {
                        _ = try command()
                    } throws: { error in
                        let message = (error as? CLIError)?.message ?? ""
                        return (error as? CLIError)?.code == .unsupportedFormat
                            && message.contains("kiennghi classify \(path)")
                            && !message.contains(lang == "en" ? "Rename" : "Đổi đuôi")
                    }
                }
            }
        }
    }
}
