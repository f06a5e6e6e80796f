import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore

/// `--encoding` through the commands: every name of UTF-16 is checked as UTF-16.
@Suite("Encoding names (CLI)", .serialized)
struct EncodingNameCommandTests {
    /// `--encoding` with any name of UTF-16 refuses UTF-8 lines instead of reading one petition.
    @Test(arguments: ["utf-16", "UTF-16", "utf16", "unicode", "ucs-2", "UCS-2"])
    func anyNameOfUTF16RefusesSingleByteLines(name: String) throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("don.txt").path
        let lines = (1...20).map { "Công nhân số \($0) đề nghị trả lương." }
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        let summary = try PileOptions.parse([path, "--encoding", name]).processor().run([path]) { _ in }
        #expect(summary.failedFiles.count == 1, "\(name)")
        #expect(exitCode { try NormalizeCommand.parse([path, "--encoding", name]).run() } == 11)
    }
}
