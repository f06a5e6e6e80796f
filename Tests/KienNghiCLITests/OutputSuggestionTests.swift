import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore

/// The new name suggested when an output path is refused must be usable there.
@Suite("Refused output: suggested name")
struct OutputSuggestionTests {
    @Test(arguments: [
        ("/dev/null", AtomicOutputFile.FileKind.device, "ket-qua.csv"),
        ("out/bao-cao.xlsx", .symbolicLink, "out/ket-qua.xlsx"),
        ("odir", .directory, "odir/ket-qua.csv"),
        ("/", .directory, "/ket-qua.csv"),
        ("pipe", .fifo, "ket-qua.csv"),
        ("", .directory, "ket-qua.csv"),
    ])
    func suggestionKeepsTheExtensionAndAWritablePlace(path: String, kind: AtomicOutputFile.FileKind, expected: String) {
        #expect(AtomicOutputFile.Failure.suggestion(path, kind: kind) == expected)
    }

    @Test(arguments: [
        ("odir", AtomicOutputFile.FileKind.directory, "xlsx", "odir/ket-qua.xlsx"),
        ("out/bao-cao.csv", .symbolicLink, "jsonl", "out/ket-qua.jsonl"),
        ("/dev/null", .device, "XLSX", "ket-qua.xlsx"),
    ])
    func suggestionFollowsTheChosenFormat(
        path: String, kind: AtomicOutputFile.FileKind, format: String, expected: String
    ) {
        #expect(AtomicOutputFile.Failure.suggestion(path, kind: kind, format: format) == expected)
    }

    /// `-o ""` is an empty name, not a folder, and the name suggested is in the current folder
    /// (it used to say "is a folder" and suggest `/ket-qua.csv`).
    @Test(arguments: Language.allCases)
    func anEmptyOutputNameIsNamedAsSuch(language: Language) throws {
        let message = AtomicOutputFile.Failure.notARegularFile(path: "", kind: .directory).message(language)
        #expect(message.contains(language.pick("trống", "empty")), "\(message)")
        #expect(message.contains(" ket-qua.csv") && !message.contains("/ket-qua"), "\(message)")
        #expect(exitCode { try ClassifyCommand.parse([Golden.corpus("petitions-2019.csv"), "-o", ""]).run() } == 73)
    }

    /// `classify in.csv -o DIR --format xlsx` is refused with an `.xlsx` name to use instead.
    @Test func refusedFolderOutputSuggestsTheFormatsExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.csv").path
        try "id,noi_dung\n1,Công ty nợ lương\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("odir").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (format, name) in [("xlsx", "ket-qua.xlsx"), ("jsonl", "ket-qua.jsonl")] {
            let command = try ClassifyCommand.parse([input, "-o", out, "--format", format, "--lang", "en"])
            #expect {
                _ = try command.execute()
            } throws: { error in
                let message = (error as? CLIError)?.message ?? ""
                return message.contains("\(out)/\(name)") && !message.contains("ket-qua.csv")
            }
        }
    }
}
