import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

/// The QA cases of issue 10 that failed on the last pass (qa.md #35, #36, #58,
/// #59, #64 and the remarks), each on a fixture generated here.
@Suite("Hostile inputs (QA)", .serialized)
struct HostileInputTests {
    struct Read {
        var records: [PetitionRecord] = []
        var rejected: [RejectedRow] = []
        var rows: Int { records.count + rejected.count }
    }

    static func read(_ source: any PetitionSource) throws -> Read {
        var result = Read()
        try source.read(batchSize: 5, { result.records += $0 }, rejected: { result.rejected.append($0) })
        return result
    }

    static func write(_ bytes: [UInt8], _ name: String, in folder: URL = temporaryFolder()) -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// A CSV of `rows` petitions with `byte` placed inside the text of row `dirty` (1-based, after the header).
    static func csv(rows: Int, dirty: Int, byte: UInt8) -> (bytes: [UInt8], rowOffset: Int) {
        var bytes = Array("STT,Nội dung kiến nghị\n".utf8)
        var rowOffset = 0
        for row in 1...rows {
            if row == dirty { rowOffset = bytes.count }
            bytes += Array("\(row),\"Công nhân phản ánh công ty nợ lương tháng \(row % 12 + 1)".utf8)
            if row == dirty { bytes += [byte] + Array(" và chưa đóng bảo hiểm".utf8) }
            bytes += Array("\"\n".utf8)
        }
        return (bytes, rowOffset)
    }

    // MARK: #36 control characters inside a row

    @Test(arguments: [(4, 2), (3_200, 1_610)])
    func aNulInARowRejectsThatRowWherever(rows: Int, dirty: Int) throws {
        let (bytes, offset) = Self.csv(rows: rows, dirty: dirty, byte: 0)
        let path = Self.write(bytes, "nul.csv")
        let result = try Self.read(try PetitionSources.open(path, options: .init()))
        #expect(result.records.count == rows - 1)
        let rejected = try #require(result.rejected.first)
        #expect(result.rejected.count == 1 && rejected.reason == .controlCharacter && rejected.reason.losesPetition)
        #expect(rejected.location == dirty + 1 && rejected.byteOffset == offset)
        #expect(rejected.detail == .controlCharacter(code: 0, column: "Nội dung kiến nghị"))
        #expect(
            rejected.message(.en).contains("nul.csv:\(dirty + 1) (byte \(offset))")
                && rejected.message(.en).contains("U+0000 (NUL)"))
        #expect(!rejected.excerpt.utf8.contains(0) && rejected.excerpt.contains("\u{2400}"))
        #expect(result.records.allSatisfy { RejectedRow.controlCharacter(in: $0.text) == nil })
    }

    @Test func noNulReachesAnOutputFile() throws {
        let folder = temporaryFolder()
        let path = Self.write(Self.csv(rows: 3_200, dirty: 1_610, byte: 0).bytes, "nul_late.csv", in: folder)
        for format in ["csv", "jsonl", "xlsx"] {
            let output = folder.appendingPathComponent("out.\(format)").path
            let rejected = folder.appendingPathComponent("rej-\(format).csv").path
            let code = exitCode { try ClassifyCommand.parse([path, "-o", output, "--rejected", rejected]).run() }
            #expect(code == 3)
            for file in [output, rejected] {
                let data = try #require(FileManager.default.contents(atPath: file))
                // A ZIP: binary by nature, its XML is checked by the writer tests.
                if format == "xlsx" && file == output { continue }
                #expect(!data.contains(0), "\(file) holds a NUL byte")
            }
        }
    }

    @Test func otherControlBytesAreRejectedButTabsAndLineBreaksAreNot() throws {
        for byte: UInt8 in [0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F] {
            let result = try Self.read(
                try PetitionSources.open(
                    bytes: Self.csv(rows: 4, dirty: 3, byte: byte).bytes, name: "c.csv", options: .init()))
            #expect(result.records.count == 3 && result.rejected.map(\.reason) == [.controlCharacter], "byte \(byte)")
        }
        for byte: UInt8 in [0x09, 0x0A, 0x0D] {
            let result = try Self.read(
                try PetitionSources.open(
                    bytes: Self.csv(rows: 4, dirty: 3, byte: byte).bytes, name: "c.csv", options: .init()))
            #expect(result.records.count == 4 && result.rejected.isEmpty, "byte \(byte)")
        }
    }

    @Test func controlCharactersInJSONTextAndPlainTextAreRejected() throws {
        let lines = [
            #"{"text":"Công ty nợ lương"}"#, #"{"text":"Nợ \u0000 lương"}"#, #"{"id":"a\u0007","text":"Đường ngập"}"#,
        ]
        let json = try Self.read(
            try PetitionSources.open(
                bytes: Array((lines.joined(separator: "\n") + "\n").utf8), name: "c.jsonl", options: .init()))
        #expect(json.records.map(\.text) == ["Công ty nợ lương"])
        #expect(json.rejected.map(\.location) == [2, 3] && json.rejected.allSatisfy { $0.reason == .controlCharacter })
        #expect(
            json.rejected.map(\.byteOffset) == [lines[0].utf8.count + 1, lines[0].utf8.count + lines[1].utf8.count + 2])
        #expect(
            json.rejected.map(\.detail) == [
                .controlCharacter(code: 0, column: "text"), .controlCharacter(code: 7, column: "id"),
            ])
        let text = Array("Công ty nợ lương\nĐường\u{1} ngập\nThiếu nước sạch\n".utf8)
        let plain = try Self.read(try PetitionSources.open(bytes: text, name: "c.txt", options: .init()))
        #expect(plain.records.count == 2 && plain.rejected.map(\.location) == [2])
        #expect(plain.rejected.first?.byteOffset == "Công ty nợ lương\n".utf8.count)
    }

    @Test func controlCharactersInOfficeCellsRejectTheRow() throws {
        let rows =
            OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"]) + OfficeFixture.row(2, ["1", "Công ty nợ lương"])
            + #"<row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c><c r="B3" t="inlineStr"><is><t>Nợ&#1;lương</t></is></c></row>"#
        let sheet = try Self.read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows), name: "c.xlsx"))
        #expect(sheet.records.map(\.text) == ["Công ty nợ lương"])
        #expect(sheet.rejected.map(\.reason) == [.controlCharacter] && sheet.rejected.first?.location == 3)
        let document = try OfficeFixture.docx(
            bodyXML: OfficeFixture.paragraph("Công ty nợ lương") + "<w:p><w:r><w:t>Nợ&#x1F;lương</w:t></w:r></w:p>")
        let word = try Self.read(try DOCXPetitionSource(data: document))
        #expect(word.records.map(\.text) == ["Công ty nợ lương"])
        #expect(word.rejected.map(\.reason) == [.controlCharacter])
    }

    @Test func aControlCharacterInAHeaderIsShownNotCopied() throws {
        let bytes = Array("STT,Nội dung kiến nghị,Ghi\u{0}chú\n1,Công ty nợ lương,\n".utf8)
        let source = try PetitionSources.open(bytes: bytes, name: "h.csv", options: .init())
        #expect(source.columns == ["STT", "Nội dung kiến nghị", "Ghi\u{2400}chú"])
        #expect(try Self.read(source).records.map(\.text) == ["Công ty nợ lương"])
    }

    @Test func clearlyBinaryFilesAreStillRefusedByName() throws {
        // Known magic numbers, and many NULs that UTF-16 does not explain.
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0x41, count: 200)
        var noise: [UInt8] = []
        for index in 0..<4096 { noise.append(index % 7 == 0 ? 0 : UInt8(0x41 + index % 26)) }
        noise[1] = 0x80
        for (bytes, format) in [(png, BinaryFormat.png), (noise, .unknown)] {
            #expect(throws: (any Error).self) {
                _ = try Self.read(try PetitionSources.open(bytes: bytes, name: "b.csv", options: .init()))
            }
            #expect(BinarySniffer.format(of: bytes) == format)
        }
        // One stray NUL in text is not binary.
        #expect(BinarySniffer.format(of: Self.csv(rows: 4, dirty: 2, byte: 0).bytes) == nil)
    }

    // MARK: #35 a header and no petition

    @Test func aHeaderWithoutRowsSaysSoAndExitsTen() throws {
        let folder = temporaryFolder()
        let csv = Self.write(
            Array("DANH SÁCH KIẾN NGHỊ\n\nSTT,Nội dung kiến nghị,Đơn vị\r\n,,\n".utf8), "header.csv", in: folder)
        #expect {
            _ = try PetitionSources.open(csv, options: .init())
        } throws: { error in
            guard case InputFailure.headerOnly(_, let columns, let titles)? = error as? InputFailure else {
                return false
            }
            return columns == ["STT", "Nội dung kiến nghị", "Đơn vị"] && titles == 1
                && (error as! InputFailure).message(.en).contains(
                    "only a header row (STT, Nội dung kiến nghị, Đơn vị) and 1 title row, no petition")
        }
        let xlsx = Self.write(
            Array(try OfficeFixture.xlsx(rowsXML: OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"]))), "header.xlsx",
            in: folder)
        for path in [csv, xlsx] {
            let output = folder.appendingPathComponent("out.csv").path
            let summary = try PileOptions.parse([path]).processor().run([path]) { _ in }
            let failure = try #require(summary.failedFiles.first?.failure, "\(path)")
            #expect(
                failure.exitStatus == 10 && failure.message(.en).contains("only a header row"),
                "\(failure.message(.en))")
            #expect(exitCode { try ClassifyCommand.parse([path, "-o", output]).run() } == 10)
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    // MARK: #58 Office packages through a pipe

    /// Writes `bytes` into a new FIFO from another thread (a watchdog closes it if nobody reads).
    static func fifo(_ bytes: [UInt8], _ name: String, in folder: URL) -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(mkfifo(path, 0o600) == 0)
        Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            try? handle.write(contentsOf: Data(bytes))
            try? handle.close()
        }.start()
        return path
    }

    static let sheetRows =
        OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"])
        + OfficeFixture.row(2, ["1", "Công ty nợ lương công nhân hai tháng"])
        + OfficeFixture.row(3, ["2", "Đường vào khu công nghiệp ngập nước"])

    @Test func officePackagesThroughAPipeAreRead() throws {
        let folder = temporaryFolder()
        let xlsx = Array(try OfficeFixture.xlsx(rowsXML: Self.sheetRows))
        let docx = Array(
            try OfficeFixture.docx(
                bodyXML: OfficeFixture.paragraph("Công ty nợ lương") + OfficeFixture.paragraph("Đường ngập nước")))
        // Named by extension, and sniffed (no extension).
        for (bytes, name) in [(xlsx, "pipe.xlsx"), (docx, "pipe.docx"), (xlsx, "pipe-xlsx"), (docx, "pipe-docx")] {
            let path = Self.fifo(bytes, name, in: folder)
            let result = try Self.read(try PetitionSources.open(path, options: .init()))
            #expect(result.records.count == 2, "\(name)")
        }
        // Through classify: columns(of:) and run share the one read.
        let path = Self.fifo(xlsx, "again.xlsx", in: folder)
        let summary = try ClassifyCommand.parse([path, "-o", folder.appendingPathComponent("out.csv").path]).execute()
        #expect(summary.read == 2 && summary.rows == 2)
    }

    @Test func aPipedPackageIsBoundedAndNeverCalledEmpty() throws {
        let input = ByteInput(bytes: [UInt8](repeating: 7, count: 3_000_000), name: "-")
        #expect(try input.readAll(limit: 2_000_000) == nil)
        let small = ByteInput(bytes: [1, 2, 3], name: "-")
        #expect(try small.readAll(limit: 2_000_000) == [1, 2, 3])
        let message = InputFailure.pipedPackageTooLarge(path: "-", limit: InputLimits.maxPipedPackageBytes).message(.en)
        #expect(message.contains("128 MiB") && message.contains("regular file") && !message.contains("empty"))
        #expect(InputFailure.pipedPackageTooLarge(path: "-", limit: 1).exitStatus == 15)
        // A truncated package is called damaged, not "not an Office file".
        let whole = Array(try OfficeFixture.xlsx(rowsXML: Self.sheetRows))
        for bytes in [Array(whole.prefix(whole.count / 2)), Array(whole.dropLast(30))] {
            #expect {
                _ = try PetitionSources.open(bytes: bytes, name: "cut.xlsx", options: .init())
            } throws: { error in
                guard case InputFailure.office(_, let failure)? = error as? InputFailure else { return false }
                return failure.problem == .damagedPackage
                    && failure.message(file: "cut.xlsx", language: .en).contains("cut short")
            }
        }
    }

    // MARK: #59 standard input and the format option

    static let csvText =
        "STT,Nội dung kiến nghị\n1,\"Công ty nợ lương, chưa trả\"\n2,Đường vào khu công nghiệp ngập nước\n"

    @Test func formatsAreSniffedFromContent() throws {
        let xlsx = Array(try OfficeFixture.xlsx(rowsXML: Self.sheetRows))
        let docx = Array(try OfficeFixture.docx(bodyXML: OfficeFixture.paragraph("Công ty nợ lương")))
        var utf16 = [UInt8]()
        for unit in Self.csvText.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let cases: [([UInt8], InputFormat)] = [
            (Array(Self.csvText.utf8), .csv),
            (Array(("\u{FEFF}" + Self.csvText).utf8), .csv),
            (utf16, .csv),
            (Array("STT;Nội dung\n1;Công ty nợ lương\n".utf8), .csv),
            (Array("id\ttext\n1\tCông ty nợ lương\n2\tĐường ngập\n".utf8), .tsv),
            (Array("{\"text\":\"Công ty nợ lương\"}\n\n  {\"id\":2,\"text\":\"Đường ngập\"}\r\n".utf8), .jsonl),
            (Array("Công ty nợ lương, chưa trả tháng 5\nĐường ngập nước, đi lại khó khăn\n".utf8), .txt),
            (Array("Công nhân đề nghị tăng lương\n".utf8), .txt),
            (Array("{ không phải JSON\nCông ty nợ lương\n".utf8), .txt),
            (xlsx, .xlsx), (docx, .docx),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100), .txt),
        ]
        for (bytes, expected) in cases {
            #expect(
                InputFormat.sniff(bytes, complete: true) == expected,
                "\(String(decoding: bytes.prefix(30), as: UTF8.self))")
        }
        // A first line longer than the sniffed prefix.
        let long = Array(("{\"text\":\"" + String(repeating: "Nợ lương ", count: 10_000)).utf8)
        #expect(InputFormat.sniff(long.prefix(InputLimits.sniffBytes), complete: false) == .jsonl)
    }

    @Test func aPipedCSVIsReadAsATableNotAsText() throws {
        let folder = temporaryFolder()
        let path = Self.fifo(Array(Self.csvText.utf8), "stdin-like", in: folder)
        let source = try PetitionSources.open(path, options: .init())
        #expect(source.columns == ["STT", "Nội dung kiến nghị"])
        let result = try Self.read(source)
        #expect(result.records.map(\.text) == ["Công ty nợ lương, chưa trả", "Đường vào khu công nghiệp ngập nước"])
        #expect(result.records.map(\.id) == ["1", "2"])
        let jsonl = Self.fifo(Array("{\"id\":\"a\",\"text\":\"Công ty nợ lương\"}\n".utf8), "stdin-jsonl", in: folder)
        #expect(try Self.read(try PetitionSources.open(jsonl, options: .init())).records.map(\.id) == ["a"])
    }

    @Test func theInputFormatOptionOverridesExtensionAndSniffing() throws {
        let folder = temporaryFolder()
        let text = Self.write(Array("{\"text\":\"Công ty nợ lương\"}\n".utf8), "lines.txt", in: folder)
        let named = try PileOptions.parse([text, "--input-format", "jsonl"]).processor()
        var texts: [String] = []
        _ = try named.run([text]) { texts += $0.map(\.record.text) }
        #expect(texts == ["Công ty nợ lương"])
        let asText = try Self.read(
            try PetitionSources.open(bytes: Array(Self.csvText.utf8), name: "-", options: .init(format: .txt)))
        #expect(asText.records.count == 3)
        // An extension KienNghi does not read is refused (not guessed at) unless the format is named;
        // a file without an extension is sniffed.
        let table = Array(Self.csvText.utf8)
        let markdown = Self.write(table, "notes.md", in: folder)
        #expect {
            _ = try PetitionSources.open(markdown, options: .init())
        } throws: { error in
            guard case InputFailure.unsupportedFormat? = error as? InputFailure else { return false }
            return (error as! InputFailure).message(.en).contains("--input-format")
        }
        #expect(try Self.read(try PetitionSources.open(markdown, options: .init(format: .csv))).records.count == 2)
        #expect(
            try PetitionSources.open(Self.write(table, "no-extension", in: folder), options: .init()).columns == [
                "STT", "Nội dung kiến nghị",
            ])
        let output = folder.appendingPathComponent("out.csv").path
        #expect(exitCode { try ClassifyCommand.parse([text, "--input-format", "banana", "-o", output]).run() } == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: #64 duplicate JSON keys

    @Test func aDuplicatedKeyRejectsTheLine() throws {
        let lines = [
            #"{"text":"one","text":"two công ty nợ lương"}"#,
            #"{"id":"1","text":"Công ty nợ lương","id":"2"}"#,
            #"{"te\u0078t":"a","text":"b"}"#,
            #"{"text":"Đường ngập","note":{"text":"x"},"tags":["text","text"]}"#,
            #"{"note":"a","note":"b","text":"Thiếu nước sạch"}"#,
        ]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let result = try Self.read(try PetitionSources.open(bytes: bytes, name: "dup.jsonl", options: .init()))
        #expect(result.records.map(\.text) == ["Đường ngập", "Thiếu nước sạch"])
        #expect(result.rejected.map(\.location) == [1, 2, 3])
        #expect(result.rejected.map(\.detail) == [.duplicateKey("text"), .duplicateKey("id"), .duplicateKey("text")])
        #expect(
            result.rejected.map(\.byteOffset) == [
                0, lines[0].utf8.count + 1, lines[0].utf8.count + lines[1].utf8.count + 2,
            ])
        let message = try #require(result.rejected.first).message(.en)
        #expect(message.contains("dup.jsonl:1 (byte 0)") && message.contains("key \"text\" appears twice"))
    }

    // MARK: JSON Lines ids

    /// A JSON object without a `text` string says which fields it has, so a `Text` or a
    /// number is found at once (hostile pass, 2026-12-08).
    @Test func aJSONLineWithoutATextStringNamesItsFields() throws {
        let lines = [#"{"Text":"Đường ngập"}"#, #"{"text":5,"id":"7"}"#, "{}", #"["text"]"#, #"{"text":"Đèn tắt"}"#]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let result = try Self.read(try PetitionSources.open(bytes: bytes, name: "t.jsonl", options: .init()))
        #expect(result.records.map(\.text) == ["Đèn tắt"])
        #expect(
            result.rejected.map(\.detail) == [
                .missingText(keys: ["Text"]), .missingText(keys: ["text", "id"]), .missingText(keys: []), .none,
            ])
        let message = result.rejected[0].message(.en)
        #expect(message.contains(#"no "text" string field; it has: "Text""#), "\(message)")
    }

    /// A numeric id is kept as written (a number beyond Int64 came out as `1.2345678901234568e+29`);
    /// an id that is neither a string nor a number rejects its line (it was replaced by the line
    /// number, which can collide with a real id).
    @Test func aJSONLinesIdIsKeptAsWrittenOrItsLineRejected() throws {
        let text = #""text":"Công ty nợ lương""#
        let lines = [
            #"{"id": 123456789012345678901234567890, \#(text)}"#,
            #"{"id":true,\#(text)}"#,
            #"{"id": null ,\#(text)}"#,
            #"{"id":{"so":1},\#(text)}"#,
            #"{"id":[1,2],\#(text)}"#,
            #"{"id":1.50,\#(text)}"#,
            #"{"id" : -7e2 ,\#(text)}"#,
            #"{"id":"A-12",\#(text)}"#,
            #"{\#(text)}"#,
            #"{"\u0069d":5,\#(text)}"#,
            #"{"meta":{"id":false},"note":"\"id\": []",\#(text),"id":99}"#,
            #"{\#(text),"id":false}"#,
        ]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let result = try Self.read(try PetitionSources.open(bytes: bytes, name: "ids.jsonl", options: .init()))
        #expect(result.records.map(\.id) == ["123456789012345678901234567890", "1.50", "-7e2", "A-12", "9", "5", "99"])
        #expect(result.records.map(\.location) == [1, 6, 7, 8, 9, 10, 11])
        // Other fields are columns of their own (2026-12-08); a nested `id` stays in its field.
        #expect(result.records.first?.cells == ["123456789012345678901234567890", "Công ty nợ lương", "", ""])
        #expect(result.records.last?.cells == ["99", "Công ty nợ lương", #"{"id":false}"#, #""id": []"#])
        #expect(result.rejected.map(\.location) == [2, 3, 4, 5, 12])
        #expect(result.rejected.allSatisfy { $0.reason == .badID && $0.reason.losesPetition })
        #expect(result.rejected.map(\.detail) == ["true", "null", #"{"so":1}"#, "[1,2]", "false"].map { .excerpt($0) })
        func offset(_ line: Int) -> Int { lines.prefix(line - 1).map { $0.utf8.count + 1 }.reduce(0, +) }
        #expect(result.rejected.map(\.byteOffset) == [2, 3, 4, 5, 12].map(offset))
        let rejected = try #require(result.rejected.first)
        #expect(rejected.reason.rawValue == "bad-id")
        #expect(rejected.message(.vi).contains("ids.jsonl:2") && rejected.message(.vi).contains("chuỗi hoặc số"))
        #expect(rejected.message(.en).contains("a string or a number"))
    }

    // MARK: remarks

    @Test func aFolderGivenAsInputIsCalledAFolder() throws {
        let folder = temporaryFolder()
        for name in ["plain", "looks.csv", "looks.xlsx"] {
            let path = folder.appendingPathComponent(name).path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            #expect {
                _ = try PetitionSources.open(path, options: .init())
            } throws: { error in
                guard case InputFailure.isDirectory? = error as? InputFailure else { return false }
                return (error as! InputFailure).message(.en).contains("is a folder, not a file")
                    && (error as! InputFailure).exitStatus == 66
            }
        }
    }

    @Test func aUTF16LexiconFileIsNamedAsUTF16() throws {
        var withoutMark: [UInt8] = []
        for unit in "phrase\tweight\nbảo hiểm\t3\n".utf16 { withoutMark += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for bytes in [withoutMark, [0xFF, 0xFE] + withoutMark] {
            #expect(TabularFile.validate(bytes)?.kind == .utf16)
        }
        #expect(TabularFile.validate(Array("phrase\tweight\nbảo\0 hiểm\t3\n".utf8))?.kind == .nulByte)
        let parsed = try TabularFile.parse(Array("# note\nPhrase\tWeight\nbảo hiểm\t3\n".utf8), path: "x.tsv")
        #expect(parsed.header == ["phrase", "weight"] && parsed.rows.map(\.line) == [3])
    }

    // MARK: accounting on the new paths

    @Test func rowsReadEqualClassifiedPlusReviewPlusRejectedOnNewPaths() throws {
        let folder = temporaryFolder()
        let inputs = [
            Self.write(Self.csv(rows: 40, dirty: 17, byte: 0).bytes, "nul.csv", in: folder),
            Self.write(
                Array("{\"text\":\"a\",\"text\":\"b\"}\n{\"text\":\"Công ty nợ lương\"}\n".utf8), "dup.jsonl",
                in: folder),
            Self.fifo(Array(try OfficeFixture.xlsx(rowsXML: Self.sheetRows)), "pipe.xlsx", in: folder),
            Self.fifo(Array(Self.csvText.utf8), "pipe-csv", in: folder),
        ]
        let list = folder.appendingPathComponent("rej.csv").path
        let output = folder.appendingPathComponent("out.jsonl").path
        let summary = try ClassifyCommand.parse(inputs + ["-o", output, "--rejected", list]).execute()
        #expect(summary.failedFiles.isEmpty)
        #expect(summary.rows == 40 + 2 + 2 + 2)
        #expect(summary.read == 39 + 1 + 2 + 2 && summary.rejectedCount == 2)
        #expect((summary.classified - summary.review) + summary.review + summary.rejectedCount == summary.rows)
        let written = String(decoding: try #require(FileManager.default.contents(atPath: output)), as: UTF8.self)
        #expect(written.split(separator: "\n").count == summary.read)
        var parser = DelimitedTextParser(delimiter: 0x2C)
        #expect(
            parser.feed(Array(try #require(FileManager.default.contents(atPath: list))).dropFirst(3)).count == summary
                .rejectedCount + 1)
    }
}
