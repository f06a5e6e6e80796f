import Foundation
import Testing

/// `evaluate`, `lexicon fit` and `lexicon suggest` counted a file named twice
/// twice (hostile finding, 2026-12-05): now refused with 64, naming it.
@Suite("Repeated inputs", .serialized)
struct RepeatedInputTests {
    @Test func aFileNamedTwiceIsRefused() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let gold = folder.appendingPathComponent("gold.jsonl").path
        try FileManager.default.copyItem(atPath: Golden.corpus("labelled/petitions-dev.jsonl"), toPath: gold)
        let link = folder.appendingPathComponent("link.jsonl").path
        try FileManager.default.linkItem(atPath: gold, toPath: link)
        let pile = Golden.corpus("petitions-2019.csv")
        let output = folder.appendingPathComponent("learned").path
        let samePile = pile.replacingOccurrences(of: "/Corpus/", with: "/Corpus/./")
        let cases: [(arguments: [String], named: String)] = [
            (["evaluate", "--gold", gold, "--gold", gold], "--gold \(gold)"),
            (["evaluate", "--gold", gold, "--gold", link], "--gold \(link)"),
            (["lexicon", "fit", "--gold", gold, "--gold", link, "-o", output], "--gold \(link)"),
            (["lexicon", "suggest", pile, samePile], samePile),
        ]
        for (arguments, named) in cases {
            let result = try KienNghiBinary.run(arguments + ["--lang", "en"], logs: folder)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(named): this file was already named"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        // Standard input redirected from a file named as well.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(KienNghiBinary.path))
        process.arguments = ["lexicon", "suggest", "-", pile]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: pile))
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        // Different files are fine.
        let two = try KienNghiBinary.run(
            ["lexicon", "suggest", pile, Golden.corpus("petitions-2020.csv"), "--min-count", "2"], logs: folder)
        #expect(two.status == 0, "\(two.stderr)")
    }
}
