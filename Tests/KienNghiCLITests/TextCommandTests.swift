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

    @Test func mixedEncodingIsRefusedWithAnOffset() throws {
        let command = try NormalizeCommand.parse([Golden.fixture("mixed.txt")])
        #expect { try command.render() } throws: { error in
            let message = (error as? CLIError)?.message ?? ""
            return message.contains("byte 257") && (error as? CLIError)?.code == .dataError
        }
    }

    @Test func missingFileIsReported() throws {
        let command = try NormalizeCommand.parse(["/no/such/file.txt"])
        #expect { try command.render() } throws: { ($0 as? CLIError)?.code == .noInput }
    }
}
