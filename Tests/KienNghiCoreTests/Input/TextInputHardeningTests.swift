import Foundation
import Testing

@testable import KienNghiCore

/// Hostile text inputs (issue 10): each fixture is generated here, small, and
/// each test fails if the old behaviour comes back.
@Suite("Text input hardening")
struct TextInputHardeningTests {
    static let petitions = [
        "Công ty nợ lương công nhân ba tháng liền, đề nghị can thiệp.",
        "Đường vào khu công nghiệp bị ngập mỗi khi mưa lớn.",
        "Nhà trọ tăng giá điện nước quá cao so với quy định.",
    ]

    static func csv(lineEnd: String) -> [UInt8] {
        Array(
            ("id,text" + lineEnd
                + petitions.enumerated().map { "\($0.offset + 1),\"\($0.element)\"" }.joined(separator: lineEnd)
                + lineEnd).utf8)
    }

    func write(_ bytes: [UInt8], named name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kiennghi-input-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Reads a pile with a source of the given kind; returns petitions and rejected rows.
    func read(_ source: any PetitionSource) throws -> ([PetitionRecord], [RejectedRow]) {
        var records: [PetitionRecord] = []
        var rejected: [RejectedRow] = []
        try source.read(batchSize: 2, { records += $0 }, rejected: { rejected.append($0) })
        return (records, rejected)
    }

    /// A quote left open to the end names the lines it swallowed, and no line past
    /// the end: a 4-line file ending in a line break has no line 5.
    @Test(arguments: [
        ("id,text\n1,\"ok\"\n2,\"never closed\nline four\n", 4, "các dòng 3–4"),
        ("id,text\n1,\"ok\"\n2,\"never closed\nline four", 4, "các dòng 3–4"),
        ("id,text\n1,\"ok\"\n2,\"never closed\n", 3, "dòng 3 không đọc được"),
    ])
    func anOpenQuoteAtTheEndNamesTheLinesItTook(text: String, lastLine: Int, wording: String) throws {
        let path = write(Array(text.utf8), named: "open-quote.csv")
        let (records, rejected) = try read(DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil))
        #expect(records.map(\.id) == ["1"])
        #expect(rejected.map(\.detail) == [.unclosedQuote(lastLine: lastLine)])
        let message = FailurePresenter(language: .vi).rejection(rejected[0])
        #expect(message.contains(wording), "\(message)")
    }

    // MARK: 1. line ends

    @Test(arguments: ["\r", "\n", "\r\n"])
    func everyLineEndSplitsRows(lineEnd: String) throws {
        let path = write(Self.csv(lineEnd: lineEnd), named: "pile.csv")
        let source = try DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil)
        let (records, rejected) = try read(source)
        #expect(records.map(\.text) == Self.petitions)
        #expect(records.map(\.location) == [2, 3, 4])
        #expect(rejected.isEmpty)
    }

    /// Office exports: a title and a row of empty cells above a header whose text
    /// column has a long name. The title is reported, the header never becomes a petition.
    @Test func titleRowsAboveALongHeaderAreSkipped() throws {
        let csv =
            "DANH SÁCH KIẾN NGHỊ CỦA CÔNG NHÂN NĂM 2019,,\n,,\n"
            + "STT,Đơn vị,Nội dung kiến nghị của công nhân lao động gửi tới Hội nghị đối thoại\n"
            + "1,Công ty A,\"\(Self.petitions[0])\"\n2,Công ty B,\"\(Self.petitions[1])\"\n"
        let path = write(Array(csv.utf8), named: "title.csv")
        let source = try DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil)
        #expect(source.columns.first == "STT")
        let (records, rejected) = try read(source)
        #expect(records.map(\.text) == Array(Self.petitions.prefix(2)))
        #expect(records.map(\.id) == ["1", "2"])
        #expect(rejected.map(\.reason) == [.title])
        #expect(rejected.first?.location == 1)
    }

    @Test func lineBreaksInsideQuotesAreKeptAndCounted() {
        for lineEnd in ["\r", "\n", "\r\n"] {
            var parser = DelimitedTextParser(delimiter: 0x2C)
            let text = "a,\"x\(lineEnd)y\"\(lineEnd)b,c\(lineEnd)"
            var records = parser.feed(Array(text.utf8))
            if let last = parser.finish().record { records.append(last) }
            #expect(
                records.map(\.cells) == [["a", "x\(lineEnd)y"], ["b", "c"]], "line end \(lineEnd.debugDescription)")
            #expect(records.map(\.line) == [1, 3])
        }
    }

    @Test func crlfSplitAcrossBlocksIsOneLineEnd() {
        var parser = DelimitedTextParser(delimiter: 0x2C)
        var records = parser.feed(Array("a,b\r".utf8))
        records += parser.feed(Array("\nc,d\r\n".utf8))
        #expect(records.map(\.cells) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [1, 2])
        var lines: [String] = []
        var splitter = LineSplitter()
        splitter.feed(Array("một\r".utf8)) { lines.append(String(decoding: $0.bytes, as: UTF8.self)) }
        splitter.feed(Array("\nhai\rba".utf8)) { lines.append(String(decoding: $0.bytes, as: UTF8.self)) }
        splitter.finish { lines.append(String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(lines == ["một", "hai", "ba"])
    }

    /// The splitter finds breaks a word at a time and copies runs whole: it must
    /// give exactly the lines of a byte-by-byte reading, whatever the blocks,
    /// line breaks (LF, CR, CRLF split across blocks) and length limit.
    @Test func lineSplitterMatchesByteByByteReading() {
        struct Reference {
            var lines: [(bytes: [UInt8], number: Int, offset: Int, length: Int)] = []
            init(_ input: [UInt8], limit: Int) {
                var current: [UInt8] = []
                var length = 0
                var number = 1
                var start = 0
                var afterCR = false
                for (position, byte) in input.enumerated() {
                    if byte == 0x0A || byte == 0x0D {
                        if byte == 0x0A && afterCR {
                            afterCR = false
                            start = position + 1
                            continue
                        }
                        lines.append((current, number, start, length))
                        current = []
                        length = 0
                        number += 1
                        start = position + 1
                        afterCR = byte == 0x0D
                        continue
                    }
                    afterCR = false
                    length += 1
                    if current.count < limit { current.append(byte) }
                }
                if length > 0 { lines.append((current, number, start, length)) }
            }
        }
        // Deterministic: a linear congruential generator, so a failure reproduces.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [UInt8] = [0x61, 0x20, 0xC3, 0xA9, 0x0A, 0x0D, 0x0A, 0x0D, 0x62, 0x63, 0x64, 0x65]
        for _ in 0..<2000 {
            let input = (0..<next(120)).map { _ in alphabet[next(next(4) == 0 ? alphabet.count : 4)] }
            let limit = 1 + next(24)
            var splitter = LineSplitter(limit: limit)
            var got: [(bytes: [UInt8], number: Int, offset: Int, length: Int)] = []
            var at = 0
            while at < input.count {
                let end = min(input.count, at + 1 + next(20))
                splitter.feed(Array(input[at..<end])) { got.append(($0.bytes, $0.number, $0.offset, $0.length)) }
                at = end
            }
            splitter.finish { got.append(($0.bytes, $0.number, $0.offset, $0.length)) }
            let expected = Reference(input, limit: limit).lines
            #expect(got.count == expected.count, "\(input) limit \(limit)")
            for (line, want) in zip(got, expected) {
                #expect(
                    line.bytes == want.bytes && line.number == want.number && line.offset == want.offset
                        && line.length == want.length, "\(input) limit \(limit)")
            }
        }
    }

    @Test func plainTextAndJSONLinesWithCROnly() throws {
        let text = write(Array(Self.petitions.joined(separator: "\r").utf8), named: "pile.txt")
        #expect(try read(PlainTextPetitionSource(stream: TextStream(path: text))).0.map(\.text) == Self.petitions)
        let jsonl = Self.petitions.map { "{\"text\": \"\($0)\"}" }.joined(separator: "\r")
        let (records, rejected) = try read(
            try JSONLinesPetitionSource(stream: TextStream(path: write(Array(jsonl.utf8), named: "pile.jsonl"))))
        #expect(records.map(\.text) == Self.petitions)
        #expect(records.map(\.location) == [1, 2, 3])
        #expect(rejected.isEmpty)
    }

    /// JSON Lines fields besides id and text are kept as columns, never dropped: those of the
    /// head by name, one first seen later in a last column (hostile pass, 2026-12-08).
    @Test func jsonLinesKeepEveryField() throws {
        var lines = [
            #"{"id":1,"text":"Đường ngõ 5 bị ngập nặng","sender":"Ông A"}"#,
            #"{"id":2,"text":"Đèn đường phố Huế tắt","phone":"0912345678","n":3,"x":null,"o":{"a":[1]},"sender":"B"}"#,
        ]
        let short = try JSONLinesPetitionSource(
            stream: TextStream(path: write(Array(lines.joined(separator: "\n").utf8), named: "f.jsonl")))
        #expect(short.columns == ["id", "text", "sender", "phone", "n", "x", "o"])
        let (records, _) = try read(short)
        #expect(
            records.map(\.cells) == [
                ["1", "Đường ngõ 5 bị ngập nặng", "Ông A", "", "", "", ""],
                ["2", "Đèn đường phố Huế tắt", "B", "0912345678", "3", "", #"{"a":[1]}"#],
            ])
        // Past the sampled head, a new field goes to the last column, named with its value.
        lines += (0..<2000).map { #"{"text":"Cống thoát nước tổ \#($0) bị tắc","sender":"C"}"# }
        lines.append(#"{"text":"Rác ở chợ Mơ","address":"số 5 ngõ 7","sender":"D"}"#)
        let long = try JSONLinesPetitionSource(
            stream: TextStream(path: write(Array(lines.joined(separator: "\n").utf8), named: "g.jsonl")))
        #expect(long.columns.last == JSONLinesPetitionSource.otherFields)
        let (all, rejected) = try read(long)
        #expect(rejected.isEmpty && all.count == lines.count)
        let last = try #require(all.last)
        #expect(last.cells[2] == "D" && last.cells.last == "address: số 5 ngõ 7")
        #expect(all.allSatisfy { $0.cells.count == long.columns.count })
        // A field name's control characters are shown as markers, never passed on (an ESC in a header).
        let named = try JSONLinesPetitionSource(
            stream: TextStream(path: write(Array(#"{"text":"Đèn tắt","k\u001bey":"x"}"#.utf8), named: "k.jsonl")))
        #expect(named.columns.count == 3 && RejectedRow.controlCharacter(in: named.columns[2]) == nil)
        #expect(try read(named).0.map(\.cells) == [["1", "Đèn tắt", "x"]])
    }

    // MARK: 2. a very wide header

    @Test func aHundredThousandColumnHeaderIsRefusedByName() throws {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let path = write(Array((header + "\n" + header + "\n").utf8), named: "wide.csv")
        #expect {
            try DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil)
        } throws: { error in
            guard case .tooManyColumns(_, let found, let limit)? = error as? InputFailure else { return false }
            return found == 100_000 && limit == InputLimits.maxColumns
        }
        let message = FailurePresenter(language: .en).message(
            InputFailure.tooManyColumns(path: "wide.csv", found: 100_000, limit: InputLimits.maxColumns))
        #expect(message.contains("100000 columns") && message.contains("delimiter"))
    }

    @Test func aWideButAllowedHeaderWorks() throws {
        let header = (1..<300).map { "cột \($0)" }.joined(separator: ",") + ",nội dung"
        let row = (1..<300).map { String($0) }.joined(separator: ",") + ",Công ty nợ lương công nhân"
        let path = write(Array((header + "\n" + row + "\n").utf8), named: "wide.csv")
        let (records, _) = try read(DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil))
        #expect(records.map(\.text) == ["Công ty nợ lương công nhân"])
        #expect(records.first?.cells.count == 300)
    }

    @Test func aHeaderLongerThanTheSniffPrefixIsReadWhole() throws {
        // 1000 columns of ~100 bytes: the header alone is longer than the 64 KiB sniffing prefix.
        let names = (0..<1000).map { "cột \($0) " + String(repeating: "ộ", count: 30) } + ["nội dung"]
        let row = Array(repeating: "x", count: 1000) + ["Công ty nợ lương công nhân"]
        let csv = names.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        #expect(csv.utf8.count > InputLimits.sniffBytes)
        let source = try DelimitedPetitionSource(
            stream: TextStream(path: write(Array(csv.utf8), named: "wide.csv")), textColumn: nil)
        #expect(source.columns.count == 1001)
        let (records, rejected) = try read(source)
        #expect(records.map(\.text) == ["Công ty nợ lương công nhân"])
        #expect(rejected.isEmpty)
    }

    @Test func aQuotedMultiLineFirstRowLongerThanTheSniffPrefix() throws {
        let long = String(repeating: "Công nhân phản ánh việc nợ lương.\n", count: 2500)
        let csv = "1,\"\(long)\"\n2,\"Đường vào khu công nghiệp bị ngập mỗi khi mưa\"\n"
        #expect(csv.utf8.count > InputLimits.sniffBytes)
        let (records, rejected) = try read(
            DelimitedPetitionSource(
                stream: TextStream(path: write(Array(csv.utf8), named: "long.csv")), textColumn: nil))
        #expect(records.map(\.location) == [1, 2502])
        #expect(rejected.isEmpty)
    }

    // MARK: 3. UTF-16

    static let utf16Text = "id,text\n1,\"Công nhân 😀 nợ lương\"\n2,\"Đường ngập nước ở khu công nghiệp\"\n"

    @Test func utf16WithoutByteOrderMarkIsDetected() throws {
        for (encoding, bytes) in [
            (TextEncoding.utf16LittleEndian, Array(Self.utf16Text.data(using: .utf16LittleEndian)!)),
            (.utf16BigEndian, Array(Self.utf16Text.data(using: .utf16BigEndian)!)),
        ] {
            let decoded = try TextDecoder().decode(bytes)
            #expect(decoded.encoding == encoding)
            #expect(decoded.text == Self.utf16Text)
            let (records, _) = try read(
                DelimitedPetitionSource(stream: TextStream(path: write(bytes, named: "u16.csv")), textColumn: nil))
            #expect(records.count == 2)
        }
    }

    @Test func streamingDecoderNeverSplitsACharacter() throws {
        let cases: [(TextEncoding?, [UInt8])] = [
            (.utf16LittleEndian, Array(Self.utf16Text.data(using: .utf16LittleEndian)!)),
            (.utf16BigEndian, [0xFE, 0xFF] + Array(Self.utf16Text.data(using: .utf16BigEndian)!)),
            (nil, Array(Self.utf16Text.utf8)),
            (.utf8, [0xEF, 0xBB, 0xBF] + Array(Self.utf16Text.utf8)),
        ]
        for (encoding, bytes) in cases {
            for blockSize in [1, 2, 3, 5, 7] {
                var decoder = StreamingTextDecoder(encoding: encoding)
                var output: [UInt8] = []
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + blockSize)
                    output += try decoder.decode(Array(bytes[start..<end]), isFinal: end == bytes.count)
                    start = end
                }
                #expect(
                    String(decoding: output, as: UTF8.self) == Self.utf16Text,
                    "\(String(describing: encoding)) in blocks of \(blockSize)")
            }
        }
    }

    @Test func namedUTF16OnAFileLargerThanABlock() throws {
        // Several read blocks, a line feed's 0x0A at odd offsets: once reported "odd byte count".
        let text = String(repeating: "Công nhân đề nghị tăng lương 😀\n", count: 8000)
        let path = write(Array(text.data(using: .utf16LittleEndian)!), named: "big.txt")
        let (records, rejected) = try read(
            PlainTextPetitionSource(stream: TextStream(path: path, encoding: .utf16LittleEndian)))
        #expect(records.count == 8000)
        #expect(rejected.isEmpty)
        #expect(records.last?.text == "Công nhân đề nghị tăng lương 😀")
    }

    @Test func oddUTF16IsTruncatedOnlyAtTheVeryEnd() {
        var decoder = StreamingTextDecoder(encoding: .utf16LittleEndian)
        #expect(throws: TextDecodingFailure.truncatedUTF16(length: 3)) {
            try decoder.decode([0x41, 0x00, 0x42], isFinal: true)
        }
    }

    // MARK: 4. a named pipe is read once

    @Test func aNamedPipeIsReadOnceAndCompletely() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in [
            ("pipe.csv", Self.csv(lineEnd: "\n")),
            ("pipe.jsonl", Array(Self.petitions.map { "{\"text\":\"\($0)\"}" }.joined(separator: "\n").utf8)),
            ("pipe.txt", Array(Self.petitions.joined(separator: "\n").utf8)),
        ] {
            let path = folder.appendingPathComponent(name).path
            #expect(mkfifo(path, 0o600) == 0)
            let writer = Thread {
                let handle = FileHandle(forWritingAtPath: path)!  // blocks until the reader opens
                handle.write(Data(bytes))
                try? handle.close()
            }
            writer.start()
            // A second open of the pipe would block for ever: after 20 s a watchdog writer unblocks it.
            let finished = Locked(false)
            let watchdog = Thread {
                Thread.sleep(forTimeInterval: 20)
                if !finished.value, let handle = FileHandle(forWritingAtPath: path) { try? handle.close() }
            }
            watchdog.start()
            let stream = TextStream(path: path)
            let source: any PetitionSource
            if name.hasSuffix(".csv") {
                source = try DelimitedPetitionSource(stream: stream, textColumn: nil)
            } else if name.hasSuffix(".jsonl") {
                source = try JSONLinesPetitionSource(stream: stream)
            } else {
                source = PlainTextPetitionSource(stream: stream)
            }
            let (records, _) = try read(source)
            finished.value = true
            #expect(records.map(\.text) == Self.petitions, "\(name)")
        }
    }

    // MARK: 5. binary files

    @Test func binaryFilesAreNamed() throws {
        let zipHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]
        let cases: [([UInt8], BinaryFormat)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x41, count: 100), .png),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 500), .oldOffice),
            (zipHeader + Array(repeating: 0, count: 20) + Array("xl/workbook.xml".utf8), .xlsx),
            (zipHeader + Array(repeating: 0, count: 20) + Array("word/document.xml".utf8), .docx),
            (Array("%PDF-1.7\n%âãÏÓ\n".utf8) + [0x80, 0x81, 0xFF], .pdf),
            ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 60), .elf),
            ([0x1F, 0x8B, 0x08, 0x00] + Array(repeating: 0xAB, count: 60), .gzip),
            ((0..<255).map { UInt8($0 % 7 == 0 ? 0 : 0x80 + $0 % 100) }, .unknown),
        ]
        for (bytes, format) in cases {
            #expect(throws: TextDecodingFailure.binary(format)) { try TextDecoder().decode(bytes) }
            let path = write(bytes, named: "renamed.csv")
            #expect {
                try DelimitedPetitionSource(stream: TextStream(path: path), textColumn: nil)
            } throws: { error in
                guard case .decoding(_, .binary(let found))? = error as? InputFailure else { return false }
                return found == format
            }
        }
        let message = FailurePresenter(language: .en).message(TextDecodingFailure.binary(.oldOffice), file: "don.csv")
        #expect(
            message.contains("old Excel .xls") && message.contains("save it as .xlsx")
                && !message.contains("mixes two encodings"))
        #expect(
            FailurePresenter(language: .vi).message(TextDecodingFailure.binary(.png), file: "scan.csv").contains(
                "ảnh PNG"))
    }

    @Test func vietnameseTextIsNeverCalledBinary() throws {
        let text = TextInputHardeningTests.petitions.joined(separator: "\r\n")
        #expect(BinarySniffer.format(of: Array(text.utf8)) == nil)
        #expect(BinarySniffer.format(of: LegacyCodecTestBytes.tcvn3(text)) == nil)
        #expect(BinarySniffer.format(of: Array(text.data(using: .utf16LittleEndian)!)) == .unknown)
        #expect(BinarySniffer.utf16WithoutMark(Array(text.data(using: .utf16LittleEndian)!)) == .utf16LittleEndian)
    }

    // MARK: 6. limits

    @Test func aPetitionAboveTheLimitIsRejectedWithItsOffsetAndTheRestGoesOn() throws {
        let long = String(repeating: "Công nhân ", count: InputLimits.maxPetitionBytes / 10 + 10)
        let csv = "id,text\n1,\"\(long)\"\n2,Đường ngập nước\n"
        let (records, rejected) = try read(
            DelimitedPetitionSource(
                stream: TextStream(path: write(Array(csv.utf8), named: "long.csv")), textColumn: nil))
        #expect(records.map(\.text) == ["Đường ngập nước"])
        #expect(rejected.map(\.reason) == [.tooLong])
        #expect(rejected.first?.location == 2)
        #expect(rejected.first?.byteOffset == 8)
        #expect(rejected.first?.excerpt.hasPrefix("1,Công nhân") == true)
        #expect(
            rejected.first.map { FailurePresenter(language: .en).rejection($0) }?.contains("long.csv:2 (byte 8)")
                == true)

        let jsonl =
            "{\"text\":\"Đường ngập\"}\n{\"text\":\"\(String(repeating: "x", count: InputLimits.maxRecordBytes + 5))\"}\n{\"text\":\"Nợ lương\"}\n"
        let (lines, rejectedLines) = try read(
            try JSONLinesPetitionSource(stream: TextStream(path: write(Array(jsonl.utf8), named: "long.jsonl"))))
        #expect(lines.map(\.text) == ["Đường ngập", "Nợ lương"])
        #expect(rejectedLines.map(\.location) == [2])
        #expect(rejectedLines.first?.reason == .tooLong)

        let txt = "Đường ngập\n\(long)\nNợ lương\n"
        let (paragraphs, rejectedText) = try read(
            PlainTextPetitionSource(stream: TextStream(path: write(Array(txt.utf8), named: "long.txt"))))
        #expect(paragraphs.map(\.text) == ["Đường ngập", "Nợ lương"])
        #expect(rejectedText.map(\.location) == [2])
        #expect(rejectedText.first?.byteOffset == Array("Đường ngập\n".utf8).count)
    }

    @Test func parserMemoryIsBoundedWhateverTheCell() {
        var parser = DelimitedTextParser(delimiter: 0x2C)
        parser.maxCellBytes = 10
        let records = parser.feed(Array("abcdefghijklmnop,x\nok,y\n".utf8))
        #expect(records.map(\.tooLong) == [true, false])
        #expect(records[0].cells[0] == "abcdefghij")
        #expect(records[0].length == 18)
        #expect(records[1].offset == 19)
    }

    @Test func anySplitOfTheInputGivesTheSameRecords() {
        // Seeded: a failure names the seed and the input.
        let alphabet: [String] = ["a", "ệ", ",", "\"", "\r", "\n", "\r\n", " ", "😀"]
        var generator = SeededGenerator(seed: 20_261_203)
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            let bytes = Array(text.utf8)
            func parse(_ pieces: [ArraySlice<UInt8>]) -> [[String]] {
                var parser = DelimitedTextParser(delimiter: 0x2C)
                var records: [[String]] = []
                for piece in pieces {
                    parser.feed(Array(piece)) { records.append($0.cells + ["@\($0.line):\($0.offset)"]) }
                }
                if let last = parser.finish().record { records.append(last.cells + ["@\(last.line):\(last.offset)"]) }
                return records
            }
            let cut = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            let split = parse([bytes[..<cut], bytes[cut...]])
            let bytewise = parse(bytes.indices.map { bytes[$0...$0] })
            #expect(split == parse([bytes[...]]) && bytewise == split, "input \(text.debugDescription), cut \(cut)")
        }
    }

    // MARK: single entry points the fuzz targets call

    @Test func entryPointsAcceptAnyBytes() throws {
        let inputs: [[UInt8]] = [
            [], [0x22], [0x0D, 0x0A, 0x0D], [0xFF, 0xFE, 0x00], Array("\"a\"\"b\",\r\n\"".utf8), [0xE1, 0xBA],
        ]
        for bytes in inputs {
            var parser = DelimitedTextParser(delimiter: DelimitedTextParser.sniffDelimiter(bytes))
            _ = parser.feed(bytes)
            _ = parser.finish()
            var splitter = LineSplitter()
            splitter.feed(bytes) { _ in }
            splitter.finish { _ in }
            var decoder = StreamingTextDecoder()
            _ = try? decoder.decode(bytes, isFinal: true)
        }
    }
}

/// A value shared with a watchdog thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }
}

enum LegacyCodecTestBytes {
    /// Encodes Vietnamese text in TCVN3 (for checking the binary sniffer lets it through).
    static func tcvn3(_ text: String) -> [UInt8] {
        var reverse: [UInt32: UInt8] = [:]
        for byte in 0..<256 where reverse[LegacyTables.tcvn3[byte]] == nil {
            reverse[LegacyTables.tcvn3[byte]] = UInt8(byte)
        }
        return text.precomposedStringWithCanonicalMapping.unicodeScalars.map { reverse[$0.value] ?? 0x3F }
    }
}

/// A small deterministic generator (SplitMix64) so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
