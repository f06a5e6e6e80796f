import Testing

@testable import KienNghiCLI

@Suite("classify-text and lexicon check")
struct ClassifyTextCommandTests {
    static let petition =
        "Công nhân KCN Thăng Long phản ánh công ty nợ đóng BHXH 6 tháng, chưa chốt sổ; giám đốc bỏ trốn."

    @Test func explanation() throws {
        Golden.check(try ClassifyTextCommand.parse([Self.petition]).render(), named: "classify-text.txt")
    }

    @Test func explanationInEnglish() throws {
        Golden.check(
            try ClassifyTextCommand.parse([Self.petition, "--lang", "en"]).render(), named: "classify-text-en.txt")
    }

    @Test func json() throws {
        let json = try ClassifyTextCommand.parse([Self.petition, "--json", "--as-of", "2025-07-01"]).render()
        Golden.check(json, named: "classify-text.json")
        for key in [
            "\"themes\"", "\"agency\"", "\"district\"", "\"urgency\"", "\"evidence\"", "\"label\"", "\"score\"",
            "\"reason\"",
        ] {
            #expect(json.contains(key))
        }
    }

    @Test func reviewQueueHasNullAgency() throws {
        let json = try ClassifyTextCommand.parse(["Xin chân thành cảm ơn.", "--json"]).render()
        #expect(json.contains("\"agency\" : null"))
    }

    @Test func badDateIsAUsageError() throws {
        let command = try ClassifyTextCommand.parse([Self.petition, "--as-of", "1/7/2025"])
        #expect { try command.render() } throws: { ($0 as? CLIError)?.code == .usage }
    }

    /// Nothing to classify is said so (10), and a NUL byte marks a binary file pasted or piped in (11),
    /// instead of an explanation of an empty petition.
    @Test func emptyOrBinaryTextIsRefused() throws {
        // A byte order mark, zero-width spaces and joiners are invisible: still nothing to classify.
        for empty in ["", "   ", "\n\t ", "\u{FEFF}", "\u{200B}\u{200D} \u{FEFF}", "\u{00AD}"] {
            let command = try ClassifyTextCommand.parse([empty])
            #expect { try command.render() } throws: { ($0 as? CLIError)?.code == .emptyInput }
        }
        let binary = try ClassifyTextCommand.parse(["PK\u{0}\u{3}\u{4} Đề nghị sửa đường"])
        #expect { try binary.render() } throws: { ($0 as? CLIError)?.code == .encoding }
    }

    @Test func lexiconCheckPassesOnTheDefaults() {
        let (output, failed) = try! LexiconCheckCommand.parse([]).render()
        #expect(!failed)
        #expect(output.contains("0 lỗi, 0 cảnh báo"))
    }
}
