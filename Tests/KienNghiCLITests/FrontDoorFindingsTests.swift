import Foundation
import KienNghiCore
import Testing

@testable import KienNghiCLI

/// The newcomer findings of issue 11, each held by a test.
@Suite("Newcomer findings")
struct FrontDoorFindingsTests {
    static let bus = "Đề nghị mở thêm tuyến xe buýt từ trung tâm huyện đến KCN Phú Nghĩa."

    /// A pipe holding `text`, closed for writing (what `echo ... |` gives).
    func pipe(_ text: String) throws -> FileHandle {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        return pipe.fileHandleForReading
    }

    @Test(arguments: [["-"], []])
    func classifyTextReadsStandardInput(arguments: [String]) throws {
        let fromArgument = try ClassifyTextCommand.parse([Self.bus]).render()
        let fromPipe = try ClassifyTextCommand.parse(arguments).render(standardInput: pipe(Self.bus))
        #expect(fromPipe == fromArgument)
    }

    /// `classify-text -` takes one petition: at most 1 MiB, the limit of a petition in a pile,
    /// and the README says so (it used to promise 32 MiB).
    @Test func classifyTextStandardInputHoldsOnePetitionAsTheREADMESays() throws {
        #expect(ClassifyTextCommand.maximumInput == InputLimits.maxPetitionBytes)
        let folder = temporaryFolder()
        let line = "Đề nghị sửa đường. "
        let text = String(repeating: line, count: ClassifyTextCommand.maximumInput / line.utf8.count)
        func file(_ content: String) throws -> FileHandle {
            let path = folder.appendingPathComponent(UUID().uuidString).path
            _ = FileManager.default.createFile(atPath: path, contents: Data(content.utf8))
            return try #require(FileHandle(forReadingAtPath: path))
        }
        let padded = text + String(repeating: " ", count: ClassifyTextCommand.maximumInput - text.utf8.count)
        _ = try ClassifyTextCommand.parse(["-"]).render(standardInput: file(padded))
        #expect { try ClassifyTextCommand.parse(["-"]).render(standardInput: file(padded + " ")) } throws: {
            ($0 as? CLIError)?.message.contains("kiennghi classify") == true
        }
        let readme = try String(
            contentsOf: Golden.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let sizes = readme.components(separatedBy: "- **Sizes.**").dropFirst().first?
            .components(separatedBy: "\n- **").first?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            sizes?.contains(
                "`classify-text` classifies one petition, so its standard input holds at most \(ClassifyTextCommand.maximumInput >> 20) MiB too"
            ) == true, "\(sizes ?? "")")
    }

    /// Invalid bytes exit 11, as the README's table and `classify` say.
    @Test func classifyTextRefusesInvalidUTF8OnStandardInput() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data([0x43, 0xF4, 0x6E, 0x67]))
        try pipe.fileHandleForWriting.close()
        #expect { try ClassifyTextCommand.parse(["-"]).render(standardInput: pipe.fileHandleForReading) } throws: {
            ($0 as? CLIError)?.code == .encoding
        }
    }

    @Test(arguments: Language.allCases)
    func asOfReasonNamesAgenciesByLabel(language: Language) throws {
        let json = try ClassifyTextCommand.parse([
            Self.bus, "--as-of", "2025-07-01", "--json", "--lang", language.rawValue,
        ]).render()
        let reason = try #require(json.split(separator: "\n").first { $0.contains("\"reason\"") })
        let expected = language.pick(
            "; sau ngày 2025-02-28, Sở Giao thông vận tải chuyển giao cho Sở Xây dựng",
            "; after 2025-02-28, Department of Transport was taken over by Department of Construction")
        #expect(reason.contains(expected), "\(reason)")
        #expect(
            !reason.contains(" ? ") && !reason.contains(", transport ") && !reason.contains("cho construction")
                && !reason.contains("by construction"))
    }

    @Test func asOfReasonWithoutAnEndDateSaysNoQuestionMark() throws {
        let pipeline = try PetitionPipeline(options: .init(asOf: RoutingDate(year: 2025, month: 7, day: 1)))
        var decision = pipeline.classify(Self.bus)
        var agency = try #require(decision.agency)
        agency.reasons = [.takenOver(former: "transport", until: nil, successor: "construction")]
        decision.agency = agency
        let text = ClassificationPresenter(language: .vi, pipeline: pipeline).reason(agency, asOf: decision.asOf)
        #expect(text == "; Sở Giao thông vận tải đã chuyển giao cho Sở Xây dựng")
    }

    /// A copy of the bundled lexicons with one more example, which fails.
    func lexiconsWithExample(_ row: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexicons-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BundledLexicons.directory, to: folder)
        let examples = folder.appendingPathComponent("examples.tsv")
        let handle = try FileHandle(forWritingTo: examples)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((row + "\n").utf8))
        try handle.close()
        return folder
    }

    @Test func lexiconCheckRunsTheExamples() throws {
        let clean = try LexiconCheckCommand.parse([]).render()
        #expect(!clean.1)
        #expect(clean.0.contains("ví dụ trong examples.tsv, 0 sai khác"))
        let folder = try lexiconsWithExample("\(Self.bus)\tlabour\ttraffic\tbhxh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOf: folder.appendingPathComponent("examples.tsv"), encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let line = lines.count - 1
        let (output, failed) = try LexiconCheckCommand.parse(["--lexicons", folder.path, "--lang", "en"]).render()
        #expect(failed)
        #expect(
            output.contains("examples.tsv:\(line): error: main theme is traffic, the example says labour"), "\(output)")
        #expect(
            output.contains("examples.tsv:\(line): error: theme traffic was accepted though the example rules it out"))
        #expect(output.contains("examples.tsv:\(line): error: agency is transport, the example says bhxh"))
        #expect(output.contains("3 mismatches"))
    }
}
