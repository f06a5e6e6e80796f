import Foundation
import Testing

@testable import KienNghiCLI

@Suite("normalize and tokenize")
struct TextCommandTests {
    static let encodedFixtures = [
        "utf8.txt", "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "nfd.txt", "windows-1258.txt",
        "vni.txt", "viscii.txt", "vps.txt", "vni-lookalike.txt",
    ]

    @Test(arguments: encodedFixtures)
    func everyVariantNormalizesToTheSameText(file: String) throws {
        let command = try NormalizeCommand.parse([Golden.fixture(file)])
        Golden.check(try command.render(), named: "normalize.txt")
    }

    @Test(arguments: ["tcvn3.txt", "tcvn3-lookalike.txt"])
    func lowerCaseTCVN3Variants(file: String) throws {
        let command = try NormalizeCommand.parse([Golden.fixture(file)])
        Golden.check(try command.render(), named: "normalize-lower.txt")
    }

    @Test func tokenizeText() throws {
        Golden.check(try TokenizeCommand.parse([Golden.fixture("utf8.txt")]).render(), named: "tokenize.txt")
    }

    @Test func tokenizeJSON() throws {
        Golden.check(
            try TokenizeCommand.parse([Golden.fixture("vni.txt"), "--json"]).render(), named: "tokenize-vni.json")
    }

    /// A file of NULs is binary for normalize and tokenize as for classify: refused (13), not
    /// turned into an empty output with exit 0 (hostile pass, 2026-12-08).
    @Test func aFileOfNULsIsRefusedAsBinary() throws {
        let path = temporaryFolder().appendingPathComponent("zeros.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(count: 200_000))
        for render in [{ try NormalizeCommand.parse([path]).render() }, { try TokenizeCommand.parse([path]).render() }]
        {
            #expect { _ = try render() } throws: { error in
                (error as? CLIError)?.code.rawValue == 13 && (error as? CLIError)?.message.contains("NUL") == true
            }
        }
    }

    @Test func mixedEncodingIsRefusedWithAnOffset() throws {
        let command = try NormalizeCommand.parse([Golden.fixture("mixed.txt")])
        #expect { try command.render() } throws: { error in
            let message = (error as? CLIError)?.message ?? ""
            return message.contains("byte 257") && (error as? CLIError)?.code == .encoding
        }
    }

    /// The README's exit-code table: invalid bytes or an undetectable encoding is 11, a binary
    /// file 13, for `normalize` and `tokenize` as for `classify` (they used to say 65).
    @Test(arguments: [
        ("bad-bytes.txt", [UInt8]("Công ty nợ ".utf8) + [0xFF, 0xFE] + [UInt8](" đóng BHXH\n".utf8), Int32(11)),
        ("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], 13),
    ])
    func decodingFailuresExitAsTheTableSays(name: String, bytes: [UInt8], expected: Int32) throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let out = folder.appendingPathComponent("out").path
        #expect(exitCode { try ClassifyCommand.parse([path, "-o", out + ".csv"]).run() } == expected)
        #expect(exitCode { try NormalizeCommand.parse([path]).run() } == expected)
        #expect(exitCode { try TokenizeCommand.parse([path, "-o", out + ".txt"]).run() } == expected)
        #expect(exitCode { try TokenizeCommand.parse([path, "--json", "--lang", "en"]).run() } == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name], "no output left")
    }

    @Test func missingFileIsReported() throws {
        let command = try NormalizeCommand.parse(["/no/such/file.txt"])
        #expect { try command.render() } throws: { ($0 as? CLIError)?.code == .noInput }
    }
    /// `evaluate` never measures part of a gold file, nor labels the lexicons do not
    /// know: an unreadable line or a misspelt theme or agency id is an error (65), not a warning.
    @Test func evaluateRefusesUnreadableLinesAndUnknownLabels() throws {
        let folder = temporaryFolder()
        let good = #"{"text":"Công ty nợ BHXH ba tháng","themes":["social-insurance"],"agency":"bhxh"}"#
        for (name, lines) in [
            ("unreadable.jsonl", [good, "not json"]),
            ("theme.jsonl", [good, #"{"text":"Đường ngập","themes":["trafic"]}"#]),
            ("agency.jsonl", [good, #"{"text":"Đường ngập","themes":["traffic"],"agency":"so-giao-thong"}"#]),
        ] {
            let path = folder.appendingPathComponent(name).path
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            #expect(exitCode { try EvaluateCommand.parse(["--gold", path]).run() } == 65, "\(name)")
        }
        let path = folder.appendingPathComponent("good.jsonl").path
        try Data((good + "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(exitCode { try EvaluateCommand.parse(["--gold", path]).run() } == 0)
    }
    /// A file named twice (the same path, another spelling, a hard link) is read once,
    /// so no petition is counted or routed twice.
    @Test func aFileNamedTwiceIsReadOnce() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("don.txt").path
        try Data("Công ty nợ BHXH ba tháng.\nĐường vào KCN ngập sâu.\n".utf8).write(to: URL(fileURLWithPath: path))
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.linkItem(atPath: path, toPath: link)
        let spelledAgain = folder.appendingPathComponent(".").appendingPathComponent("don.txt").path
        let output = folder.appendingPathComponent("out.jsonl").path
        try ClassifyCommand.parse([path, spelledAgain, link, path, "-o", output]).run()
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }
}
