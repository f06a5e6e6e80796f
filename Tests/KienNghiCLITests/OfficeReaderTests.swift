import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

/// XLSX and DOCX readers on small hostile or unusual packages built in memory.
@Suite("Office readers")
struct OfficeReaderTests {
    struct Read {
        var records: [PetitionRecord] = []
        var rejected: [RejectedRow] = []
        var texts: [String] { records.map(\.text) }
    }

    func read(_ source: some PetitionSource) throws -> Read {
        var result = Read()
        try source.read(batchSize: 3, { result.records += $0 }, rejected: { result.rejected.append($0) })
        return result
    }

    func officeFailure(_ body: () throws -> Void) -> OfficeFailure? {
        do { try body() } catch InputFailure.office(_, let failure) { return failure } catch { return nil }
        return nil
    }

    static let header = OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"])

    // MARK: XLSX cells

    @Test(arguments: ["5", "-1", "99999999999999999999", "x"])
    func danglingSharedStringRejectsTheRow(index: String) throws {
        let rows =
            Self.header + #"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>\#(index)</v></c></row>"#
            + #"<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>0</v></c></row>"#
        let source = try XLSXPetitionSource(
            data: try OfficeFixture.xlsx(rowsXML: rows, shared: ["Đề nghị tăng lương cho công nhân"]),
            name: "dangling.xlsx")
        let result = try read(source)
        #expect(result.texts == ["Đề nghị tăng lương cho công nhân"])
        #expect(result.rejected.count == 1)
        let rejected = try #require(result.rejected.first)
        #expect(rejected.location == 2 && rejected.reason == .badCell && rejected.reason.losesPetition)
        guard case .cell(let sheet, let reference, .missingSharedString(_, let count)) = rejected.detail else {
            Issue.record("expected a missing shared string, got \(rejected.detail)")
            return
        }
        #expect(sheet == "Sheet1" && reference == "B2" && count == 1)
        let message = rejected.message(.vi)
        #expect(
            message.contains("dangling.xlsx:2") && message.contains("B2") && message.contains("Sheet1")
                && message.contains("LibreOffice"))
        #expect(rejected.message(.en).contains("shared string"))
    }

    /// A sheet without a header row (petitions from A1, with or without a number
    /// column) loses no petition: the first row is one, not the header, as in CSV.
    @Test func aSheetWithoutAHeaderRowKeepsItsFirstPetition() throws {
        let texts = (1...6).map {
            "Kiến nghị \($0): công nhân khu công nghiệp đề nghị công ty đóng đủ bảo hiểm xã hội tháng \($0)"
        }
        for numbered in [false, true] {
            let rows = texts.enumerated().map {
                OfficeFixture.row($0.offset + 1, (numbered ? ["\($0.offset + 1)"] : []) + [$0.element])
            }
            let sheet = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows.joined())))
            #expect(sheet.records.map(\.text) == texts, "numbered: \(numbered)")
            #expect(sheet.rejected.isEmpty)
            let csv = texts.enumerated().map { (numbered ? "\($0.offset + 1)," : "") + "\"\($0.element)\"" }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kn-noheader-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("p.csv").path
            try Data((csv.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let text = try read(try PetitionSources.open(path, options: .init()))
            #expect(text.records.map(\.text) == texts, "CSV, numbered: \(numbered)")
        }
    }

    @Test func anOverLongSharedStringRejectsOnlyItsRow() throws {
        // Excel keeps every text in the shared-string table: a string over the cell limit
        // used to refuse the whole workbook (exit 15) instead of one row.
        let long = String(repeating: "Công ty nợ BHXH ", count: 70_000)
        let shared = ["STT", "Nội dung kiến nghị", long, "Công nhân đề nghị sửa nhà vệ sinh phân xưởng"]
        func cell(_ reference: String, _ index: Int) -> String { #"<c r="\#(reference)" t="s"><v>\#(index)</v></c>"# }
        let rows =
            #"<row r="1">\#(cell("A1", 0))\#(cell("B1", 1))</row>"# + #"<row r="2">\#(cell("B2", 2))</row>"#
            + #"<row r="3">\#(cell("B3", 3))</row>"#
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows, shared: shared)))
        #expect(result.texts == [shared[3]])
        #expect(result.rejected.count == 1)
        if case .cell(_, let reference, .tooLong) = result.rejected.first?.detail {
            #expect(reference == "B2")
        } else {
            Issue.record("expected a too-long cell B2: \(String(describing: result.rejected.first?.detail))")
        }
    }

    @Test func cellReferencesBeyondExcelsGridAreRejectedNotAllocated() throws {
        let rows =
            Self.header + #"<row r="2"><c r="ZZZZZZZZZZ2" t="inlineStr"><is><t>xa</t></is></c></row>"#
            + #"<row r="3"><c r="XFE3" t="inlineStr"><is><t>xb</t></is></c></row>"#
            + #"<row r="99999999"><c r="B4" t="inlineStr"><is><t>xc</t></is></c></row>"#
            + #"<row><c r="B5" t="inlineStr"><is><t>Công nhân đề nghị sửa nhà vệ sinh phân xưởng</t></is></c></row>"#
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows)))
        #expect(result.records.count == 1)
        #expect(result.rejected.map(\.reason) == [.badCell, .badCell, .badCell])
        let references = result.rejected.compactMap { row -> String? in
            if case .cell(_, let reference, .beyondGrid) = row.detail { return reference }
            return nil
        }
        #expect(references == ["ZZZZZZZZZZ2", "XFE3", "99999999"])
        #expect(XLSXPetitionSource.column(of: "XFD1048576") == .success(16_383))
        #expect(XLSXPetitionSource.column(of: "A0") == .failure(.badReference))
    }

    /// A phonetic reading (<rPh>) in an inline string is not text, and Word's non-breaking
    /// hyphen is a hyphen: neither glues words (hostile pass, 2026-12-08).
    @Test func phoneticRunsAndNonBreakingHyphensReadAsShown() throws {
        let rows =
            Self.header
            + #"<row r="2"><c r="B2" t="inlineStr"><is><r><t>Đường ngõ 7 bị ngập</t></r>"#
            + #"<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c></row>"#
        #expect(
            try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows))).texts == [
                "Đường ngõ 7 bị ngập"
            ])
        let body =
            #"<w:p><w:r><w:t>Tuyến Hà Nội</w:t></w:r><w:r><w:noBreakHyphen/><w:t>Hải Phòng ngập nặng</w:t></w:r></w:p>"#
        let texts = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))).texts
        #expect(texts == ["Tuyến Hà Nội-Hải Phòng ngập nặng"])
    }

    /// A row numbered at or before one already read, or a second cell for a column, is a
    /// damaged sheet: the row is rejected and named, never dropped as the header's copy nor
    /// overwritten (hostile pass, 2026-12-08).
    @Test func rowsAndCellsOutOfOrderAreRejectedNotDroppedOrOverwritten() throws {
        let first = "Đường vào KCN Quang Minh giờ tan ca ùn tắc kéo dài"
        let second = "Công ty nợ đóng BHXH bảy tháng"
        let third = "Đèn đường ngõ 5 tắt cả tháng"
        func inline(_ reference: String, _ text: String) -> String {
            #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
        }
        let rows =
            Self.header + OfficeFixture.row(2, ["1", first])
            + #"<row r="1">\#(inline("A1", "2"))\#(inline("B1", second))</row>"#
            + #"<row r="3">\#(inline("A3", "3"))\#(inline("B3", third))\#(inline("B3", "16/4/2019"))</row>"#
            + OfficeFixture.row(4, ["4", "Cống thoát nước tổ 3 bị tắc"])
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows)))
        #expect(result.texts == [first, "Cống thoát nước tổ 3 bị tắc"])
        let problems = result.rejected.compactMap { row -> String? in
            if case .cell(_, let reference, .outOfOrder) = row.detail { return reference }
            return nil
        }
        #expect(problems == ["1", "B3"], "\(result.rejected)")
        #expect(result.records.count + result.rejected.count == 4, "every row read is accounted for")
    }

    /// One stray filled cell far to the right (XFD) neither widens every row to 16,384 columns
    /// nor passes unseen: its row is rejected; in the header the sheet is refused.
    @Test func aStrayCellBeyondTheColumnLimitRejectsItsRow() throws {
        let stray = #"<c r="XFD2" t="inlineStr"><is><t>42</t></is></c>"#
        let rows =
            Self.header
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c>"#
            + #"<c r="B2" t="inlineStr"><is><t>Đường ngõ 7 bị ngập nặng</t></is></c>\#(stray)</row>"#
            + OfficeFixture.row(3, ["2", "Cống thoát nước tổ 3 bị tắc"])
            + #"<row r="4"><c r="B4" t="inlineStr"><is><t>Rác ở chợ Mơ</t></is></c><c r="AMK4"><v>7</v></c></row>"#
        let source = try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows))
        #expect(source.columns.count == 2)
        let result = try read(source)
        #expect(result.texts == ["Cống thoát nước tổ 3 bị tắc"])
        let references = result.rejected.compactMap { row -> String? in
            if case .cell(_, let reference, .beyondColumnLimit(1024)) = row.detail { return reference }
            return nil
        }
        #expect(references == ["XFD2", "AMK4"])
        // Column 1,024 (AMJ) is still read.
        let widest =
            Self.header + #"<row r="2"><c r="B2" t="inlineStr"><is><t>Đường ngõ 7 bị ngập</t></is></c>"#
            + #"<c r="AMJ2"><v>7</v></c></row>"#
        let kept = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: widest)))
        #expect(kept.records.first?.cells.count == 1024 && kept.rejected.isEmpty)
        let strayHeader =
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>"#
            + #"<c r="B1" t="inlineStr"><is><t>Nội dung kiến nghị</t></is></c>"#
            + #"<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>"#
        #expect(throws: (any Error).self) {
            _ = try XLSXPetitionSource(
                data: try OfficeFixture.xlsx(rowsXML: strayHeader + OfficeFixture.row(2, ["1", "Đường ngõ 7 bị ngập"])))
        }
    }

    @Test func negativeOrUnknownStyleIndexReadsWithTheDefaultFont() throws {
        let styles =
            #"<styleSheet><fonts><font><name val="Calibri"/></font></fonts><cellXfs><xf fontId="-4"/><xf fontId="0"/></cellXfs></styleSheet>"#
        let rows =
            Self.header
            + #"<row r="2"><c r="B2" s="-1" t="inlineStr"><is><t>Đề nghị cấp đủ bảo hộ lao động</t></is></c></row>"#
            + #"<row r="3"><c r="B3" s="70000" t="inlineStr"><is><t>Đề nghị tăng phụ cấp ca đêm</t></is></c></row>"#
            + #"<row r="4"><c r="B4" s="0" t="inlineStr"><is><t>Đề nghị sửa quạt</t></is></c></row>"#
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows, styles: styles)))
        #expect(result.texts == ["Đề nghị cấp đủ bảo hộ lao động", "Đề nghị tăng phụ cấp ca đêm", "Đề nghị sửa quạt"])
    }

    static let invalidUTF8Rows: [([UInt8], String)] = {
        let inName: [UInt8] = Array("<row r=\"2\"><c".utf8) + [0xC3, 0x28] + Array(" r=\"B2\"/></row>".utf8)
        let inAttribute: [UInt8] =
            Array("<row r=\"2\"><c r=\"B2\" ".utf8) + [0xFF, 0xFE] + Array("=\"1\"/></row>".utf8)
        let inText: [UInt8] =
            Array("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>".utf8) + [0xE1, 0xBB]
            + Array("</t></is></c></row>".utf8)
        return [(inName, "element name"), (inAttribute, "attribute name"), (inText, "text")]
    }()

    @Test(arguments: invalidUTF8Rows)
    func invalidUTF8IsACorruptFileWithItsOffset(rows: [UInt8], place: String) throws {
        let data = try OfficeFixture.xlsx(rowsXML: Array(Self.header.utf8) + rows)
        let failure = officeFailure { _ = try XLSXPetitionSource(data: data, name: "bad.xlsx") }
        #expect(failure?.problem == .invalidUTF8, "\(place)")
        #expect(failure?.part == "xl/worksheets/sheet1.xml" && failure?.sheet == "Sheet1")
        let offset = try #require(failure?.offset)
        #expect(offset > OfficeFixture.sheetOpen.utf8.count + Self.header.utf8.count)
        let message = InputFailure.office(path: "bad.xlsx", failure!).message(.vi)
        #expect(message.contains("bad.xlsx") && message.contains("byte \(offset)") && message.contains("lưu lại"))
        #expect(InputFailure.office(path: "bad.xlsx", failure!).message(.en).contains("not UTF-8"))
    }

    @Test func malformedAndTruncatedSheetsAreCorruptNotCrashes() throws {
        for rows in ["<row><c></row>", "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0", "<row <c/></row>"] {
            let failure = officeFailure {
                _ = try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: Self.header + rows))
            }
            #expect(failure?.kind == .damaged, "\(rows)")
        }
    }

    // MARK: XLSX header

    @Test func titleRowsAboveTheHeaderAreSkippedAndReported() throws {
        let long = "Nội dung kiến nghị của công nhân lao động gửi tới Hội nghị đối thoại"
        let rows =
            OfficeFixture.row(1, ["DANH SÁCH KIẾN NGHỊ CỦA CÔNG NHÂN LAO ĐỘNG NĂM 2024"])
            + OfficeFixture.row(2, ["(Kèm theo Công văn số 12/CĐ ngày 03/01/2024)"])
            + OfficeFixture.row(3, ["STT", "Họ tên", "Đơn vị", long, "Ngày"])
            + OfficeFixture.row(
                4,
                [
                    "1", "Nguyễn Văn An", "Phân xưởng 2", "Đề nghị công ty trả lương đúng hạn vào ngày 5 hằng tháng",
                    "02/01/2024",
                ])
            + OfficeFixture.row(
                5,
                [
                    "2", "Trần Thị Bình", "Tổ may 3", "Nhà ăn cần thêm rau xanh và nước uống mát cho ca chiều",
                    "02/01/2024",
                ])
        let source = try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows))
        #expect(source.columns == ["STT", "Họ tên", "Đơn vị", long, "Ngày"])
        let result = try read(source)
        #expect(result.records.map(\.id) == ["1", "2"])
        #expect(result.records.first?.text.hasPrefix("Đề nghị công ty") == true)
        #expect(result.records.first?.cells[1] == "Nguyễn Văn An")
        #expect(result.rejected.map(\.location) == [1, 2])
        #expect(result.rejected.allSatisfy { $0.reason == .title && !$0.reason.losesPetition })
    }

    @Test func aHeaderWithoutRowsIsNoPetitionFound() {
        let rows = OfficeFixture.row(1, ["DANH SÁCH KIẾN NGHỊ"]) + OfficeFixture.row(2, ["STT", "Nội dung kiến nghị"])
        let failure = officeFailure { _ = try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows)) }
        #expect(failure?.problem == .noPetitions(skipped: 2) && failure?.sheet == "Sheet1")
    }

    @Test func headerGuessing() {
        let long = "Nội dung kiến nghị của công nhân lao động gửi tới Hội nghị đối thoại"
        #expect(InputSchema.guess(header: ["STT", "Họ tên", long], sample: [], named: nil).text == 2)
        #expect(
            InputSchema.guess(header: ["STT", "Nội dung trả lời", "Nội dung kiến nghị của tổ"], sample: [], named: nil)
                .text == 2)
        #expect(InputSchema.guess(header: ["STT", "Nội dung"], sample: [], named: nil) == (1, 0))
        // "Số TT" (số thứ tự) numbers the rows as "STT" does: the petitions keep the list's numbers as ids.
        #expect(InputSchema.guess(header: ["Số TT", "Nội dung kiến nghị"], sample: [], named: nil) == (1, 0))
        #expect(InputSchema.headerRow(in: [["DANH SÁCH KIẾN NGHỊ"], [], ["STT", "Nội dung"], ["1", "Đề nghị"]]) == 2)
        #expect(InputSchema.headerRow(in: [["STT", "Nội dung"], ["1", "Đề nghị tăng lương"]]) == 0)
        // Nothing header-like: the first filled row, as before.
        #expect(
            InputSchema.headerRow(in: [
                [], ["a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s"],
            ]) == 1)
        #expect(
            InputSchema.headerScore(["STT", "Nội dung kiến nghị", "Ngày"])
                > InputSchema.headerScore([
                    "1", "Đề nghị tăng lương cho công nhân may ở phân xưởng 2 từ tháng sau", "01/02/2024",
                ]))
    }

    // MARK: XLSX streaming

    /// A size test (60,000 rows, 10 MB of sheet XML): run when `KIENNGHI_SIZE_TESTS` is
    /// set, as `.ci/run` does, so the everyday suite stays quick.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KIENNGHI_SIZE_TESTS"] != nil))
    func aSheetAboveTenMegabytesStreams() throws {
        var rows = Self.header
        let text = "Đề nghị công ty bố trí thêm xe đưa đón công nhân ca đêm về khu trọ an toàn hơn"
        for number in 2...60_001 {
            rows +=
                "<row r=\"\(number)\"><c r=\"A\(number)\"><v>\(number - 1)</v></c><c r=\"B\(number)\" t=\"inlineStr\"><is><t>\(text) \(number)</t></is></c></row>"
        }
        #expect(rows.utf8.count > 10 << 20)
        let source = try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows))
        var count = 0
        var last = ""
        try source.read(
            batchSize: 4096,
            {
                count += $0.count
                last = $0.last?.text ?? last
            }, rejected: { Issue.record("rejected \($0)") })
        #expect(count == 60_000)
        #expect(last == "\(text) 60001")
    }

    @Test func chunkBoundariesDoNotChangeEvents() throws {
        let xml = Array(
            #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a k='v&amp;1' j="&#x1EA1;>"><!-- c --><b>Lộ &e; &lt;x&gt; &#7901;</b><![CDATA[<raw>]]><c/></a>"#
                .utf8)
        func events(chunk: Int) throws -> [String] {
            var reader = XMLStreamReader()
            var seen: [String] = []
            let record = { (event: XMLEvent) in
                switch event {
                case .start(let name, let attributes):
                    seen.append("<\(name) " + attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
                case .end(let name): seen.append("</\(name)")
                case .text(let text): seen.append("'" + text)
                }
            }
            var start = 0
            while start < xml.count {
                try reader.feed(xml[start..<min(xml.count, start + chunk)], record)
                start += chunk
            }
            try reader.finish(record)
            return seen.reduce(into: []) { merged, event in
                if event.hasPrefix("'"), let last = merged.last, last.hasPrefix("'") {
                    merged[merged.count - 1] = last + event.dropFirst()
                } else {
                    merged.append(event)
                }
            }
        }
        let whole = try events(chunk: xml.count)
        #expect(whole == ["<a k=v&1 j=ạ>", "<b ", "'Lộ &e; <x> ờ", "</b", "'<raw>", "<c ", "</c", "</a"])
        for chunk in [1, 2, 3, 7, 13] { #expect(try events(chunk: chunk) == whole, "chunk \(chunk)") }
    }

    // MARK: DOCX

    @Test func textBoxKeepsBothTextsOnceInOrder() throws {
        let box = #"<w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent>"#
        let body =
            #"<w:p><w:r><w:t xml:space="preserve">Trước hộp </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>\#(box)</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>\#(box)</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> sau hộp</w:t></w:r></w:p>"#
            + OfficeFixture.paragraph("Đoạn cuối")
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body)))
        #expect(result.texts == ["Trước hộp  sau hộp", "Trong hộp", "Đoạn cuối"])
    }

    @Test func unknownEntitiesAreKeptAndNeverResolved() throws {
        let prolog =
            #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#
        let body = "<w:p><w:r><w:t>Lộ dữ liệu: &xxe; hết &amp; đủ</w:t></w:r></w:p>"
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body, prolog: prolog)))
        #expect(result.texts == ["Lộ dữ liệu: &xxe; hết & đủ"])
    }

    @Test func onlyAHeadingIsNoPetitionFound() throws {
        for body in [
            OfficeFixture.paragraph("Danh sách kiến nghị", style: "Heading1"),
            OfficeFixture.paragraph("DANH SÁCH KIẾN NGHỊ NĂM 2024"),
        ] {
            let failure = officeFailure {
                _ = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body), name: "heading.docx")
            }
            #expect(failure?.problem == .noPetitions(skipped: 1))
            let input = InputFailure.office(path: "heading.docx", failure ?? OfficeFailure(problem: .missingPart))
            #expect(input.exitStatus == 10)
            #expect(input.message(.vi).contains("không tìm thấy kiến nghị"))
            #expect(input.message(.en).contains("no petition found"))
        }
        // A heading styled through styles.xml by a localised name is still a heading.
        let styles =
            #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/></w:style></w:styles>"#
        let body =
            OfficeFixture.paragraph("Kiến nghị của công nhân", style: "u1")
            + OfficeFixture.paragraph("Đề nghị tăng lương")
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body, styles: styles)))
        #expect(result.texts == ["Đề nghị tăng lương"])
        #expect(result.rejected.map(\.reason) == [.title])
    }

    @Test func aWordTableIsReadAsRowsWithColumns() throws {
        let body =
            OfficeFixture.paragraph("DANH SÁCH KIẾN NGHỊ")
            + OfficeFixture.table([
                ["STT", "Đơn vị", "Nội dung kiến nghị"],
                ["1", "Phân xưởng 1", "Đề nghị lắp thêm quạt thông gió trong xưởng"],
                ["2", "Tổ bảo vệ", "Đề nghị cấp áo mưa cho ca đêm"],
                ["3", "Tổ may", ""],
            ])
            + OfficeFixture.paragraph("Người lập biểu")
        let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))
        #expect(source.columns == ["STT", "Đơn vị", "Nội dung kiến nghị"])
        let result = try read(source)
        #expect(result.texts == ["Đề nghị lắp thêm quạt thông gió trong xưởng", "Đề nghị cấp áo mưa cho ca đêm"])
        #expect(result.records.map(\.id) == ["1", "2"])
        #expect(result.records.first?.cells == ["1", "Phân xưởng 1", "Đề nghị lắp thêm quạt thông gió trong xưởng"])
        #expect(result.rejected.map(\.reason) == [.title, .emptyText, .outsideTable])
    }

    /// A list broken into tables (a heading or a page between them) goes on in a later table that
    /// repeats the header; a table without that header is not read as petitions but listed.
    @Test func aLaterTableRepeatingTheHeaderContinuesTheList() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"]
        let body =
            OfficeFixture.table([
                ["TỔNG HỢP KIẾN NGHỊ"], header,
                ["1", "Đề nghị bố trí thêm tuyến xe buýt vào khu công nghiệp", "Sở Giao thông vận tải"],
                header,  // repeated inside the table (two tables pasted together): a title, not a petition
            ])
            + OfficeFixture.paragraph("II. Lĩnh vực nhà ở")
            + OfficeFixture.table([
                ["\u{AD}", "", ""],  // a row of a soft hyphen alone is empty, the header still first
                ["stt", "Nội  dung\u{200B} kiến nghị ", "Cơ quan trả lời", ""],
                ["2", "Đề nghị xây nhà ở xã hội cho công nhân thuê", "Sở Xây dựng"],
            ])
            + OfficeFixture.table([["Người lập biểu", "Trưởng ban", "Ký tên"]])
        let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))
        let result = try read(source)
        #expect(
            result.texts == [
                "Đề nghị bố trí thêm tuyến xe buýt vào khu công nghiệp", "Đề nghị xây nhà ở xã hội cho công nhân thuê",
            ])
        #expect(result.records.map(\.id) == ["1", "2"])
        // The title, the header repeated inside the first table and atop the second (titles too), the heading, the signatures.
        #expect(result.rejected.map(\.reason) == [.title, .title, .outsideTable, .title, .otherTable])
    }

    /// A Word table without a header row keeps its first petition, as a sheet does.
    @Test func aWordTableWithoutAHeaderRowKeepsItsFirstPetition() throws {
        let texts = [
            "Đường vào khu công nghiệp ùn tắc giờ tan ca, đề nghị bố trí đèn tín hiệu tại ngã ba",
            "Đề nghị xây nhà ở xã hội cho công nhân thuê với giá phù hợp thu nhập",
            "Đề nghị cơ quan bảo hiểm xã hội giải quyết chế độ thai sản đúng hạn cho lao động nữ",
        ]
        let body = OfficeFixture.table(texts.enumerated().map { ["\($0.offset + 1)", $0.element] })
        let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))
        #expect(source.columns == ["cột 1", "cột 2"])
        let result = try read(source)
        #expect(result.texts == texts && result.rejected.isEmpty)
        #expect(result.records.map(\.id) == ["1", "2", "3"])
        // Short petitions too, when the list's numbers start on the first row.
        let short = OfficeFixture.table([["1.", "Sửa đường ngõ 5"], ["2.", "Lắp đèn ngõ 7"], ["3.", "Nạo vét cống"]])
        let numbered = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: short)))
        #expect(numbered.texts == ["Sửa đường ngõ 5", "Lắp đèn ngõ 7", "Nạo vét cống"])
    }

    /// Headers in other words than the usual ones, with a symbol for a column name, or under a
    /// title merged across the table, stay headers: a Word table nearly always has one.
    @Test func wordTableHeadersInUnusualWordsAreKept() throws {
        let rows = [
            [
                "1", "Đề nghị bố trí thêm tuyến xe buýt vào khu công nghiệp Thăng Long giờ tan ca",
                "Sở Giao thông vận tải",
            ],
            ["2", "Đề nghị xây nhà ở xã hội cho công nhân thuê với giá phù hợp thu nhập", "Sở Xây dựng"],
        ]
        for header in [
            ["TT", "Vấn đề cử tri quan tâm", "Cơ quan giải quyết"], ["#", "Nội dung kiến nghị", "Cơ quan trả lời"],
        ] {
            for title in [false, true] {
                let body = OfficeFixture.table((title ? [["TỔNG HỢP Ý KIẾN CỬ TRI"]] : []) + [header] + rows)
                let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))
                let result = try read(source)
                #expect(source.columns == header, "\(header) \(title)")
                #expect(result.texts == rows.map { $0[1] }, "\(header) \(title)")
                #expect(result.rejected.map(\.reason) == (title ? [.title] : []), "\(header) \(title)")
            }
        }
        // `--text-column` names the column in a Word table as in a sheet, and a name it lacks is an error.
        let data = try OfficeFixture.docx(
            bodyXML: OfficeFixture.table(
                [["TT", "Tóm tắt", "Vấn đề cử tri quan tâm"]] + rows.map { [$0[0], "x", $0[1]] }))
        let named = try PetitionSources.open(
            bytes: Array(data), name: "a.docx", options: .init(textColumn: "Vấn đề cử tri quan tâm"))
        #expect(try read(named).texts == rows.map { $0[1] })
        #expect(throws: InputFailure.self) {
            try PetitionSources.open(bytes: Array(data), name: "a.docx", options: .init(textColumn: "Nội dung"))
        }
    }

    /// Paragraphs of invisible marks alone are empty, as blank lines of a text file are.
    @Test func paragraphsOfInvisibleMarksAreNoPetitions() throws {
        let body = ["\u{AD}", "Đề nghị lắp đèn đường ngõ 12", "\u{FEFF}\u{200D}", "Đề nghị nạo vét kênh tiêu"]
            .map { OfficeFixture.paragraph($0) }.joined()
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body)))
        #expect(result.texts == ["Đề nghị lắp đèn đường ngõ 12", "Đề nghị nạo vét kênh tiêu"])
    }

    @Test func titleRowsInsideAWordTableAreReportedAndItsHeaderFound() throws {
        let body = OfficeFixture.table([
            ["TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CÔNG NHÂN LAO ĐỘNG NĂM 2019"],
            ["(kèm theo báo cáo số 12/BC-LĐLĐ)"],
            ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"],
            ["1", "Đề nghị bố trí thêm tuyến xe buýt vào khu công nghiệp", "Sở Giao thông vận tải"],
            ["2", "Đề nghị xây nhà ở xã hội cho công nhân thuê", "Sở Xây dựng"],
        ])
        let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body))
        #expect(source.columns == ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"])
        let result = try read(source)
        #expect(
            result.texts == [
                "Đề nghị bố trí thêm tuyến xe buýt vào khu công nghiệp", "Đề nghị xây nhà ở xã hội cho công nhân thuê",
            ])
        #expect(result.rejected.map(\.reason) == [.title, .title])
    }

    /// A paragraph or table cell over the 1 MiB petition limit, its text split over many runs,
    /// used to refuse the whole document (exit 15, no paragraph named): now only its row is rejected.
    @Test func anOverLongParagraphOrCellRejectsOnlyItsRow() throws {
        let piece = "Công nhân phản ánh công ty nợ lương. "
        let runs = String(repeating: "<w:r><w:t xml:space=\"preserve\">\(piece)</w:t></w:r>", count: 35_000)
        #expect(piece.utf8.count * 35_000 > 1_258_291)
        let first = "Đề nghị lắp thêm quạt thông gió trong xưởng"
        let last = "Đề nghị cấp áo mưa cho ca đêm"
        let paragraphs = OfficeFixture.paragraph(first) + "<w:p>\(runs)</w:p>" + OfficeFixture.paragraph(last)
        func row(_ cells: [String]) -> String {
            "<w:tr>" + cells.map { "<w:tc>\(OfficeFixture.paragraph($0))</w:tc>" }.joined() + "</w:tr>"
        }
        let table =
            "<w:tbl>" + row(["STT", "Nội dung kiến nghị"]) + row(["1", first])
            + "<w:tr><w:tc>\(OfficeFixture.paragraph("2"))</w:tc><w:tc><w:p>\(runs)</w:p></w:tc></w:tr>"
            + row(["3", last]) + "</w:tbl>"
        // A table row is numbered by its first paragraph, counted through the document (two per row here).
        for (body, location) in [(paragraphs, 2), (table, 5)] {
            let data = try OfficeFixture.docx(bodyXML: body)
            let result = try read(try DOCXPetitionSource(data: data, name: "long.docx"))
            #expect(result.texts == [first, last], "location \(location)")
            let rejected = try #require(result.rejected.first)
            #expect(result.rejected.count == 1 && rejected.reason == .tooLong && rejected.location == location)
            if case .length(let bytes, let limit) = rejected.detail {
                #expect(bytes >= piece.utf8.count * 35_000 - 2 && limit == 1 << 20)
            } else {
                Issue.record("expected a length, got \(rejected.detail)")
            }
            #expect(rejected.message(.vi).contains("long.docx:\(location)"))
            let folder = temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("long.docx").path
            try data.write(to: URL(fileURLWithPath: path))
            let output = folder.appendingPathComponent("out.csv").path
            #expect(exitCode { try ClassifyCommand.parse([path, "-o", output]).run() } == 3)
        }
        // A table with no petition column is read row by row: cells under the limit, joined over it.
        let half = String(repeating: "Công ty nợ lương ", count: 33_000)
        let wide = OfficeFixture.paragraph(first) + OfficeFixture.table([[half, half]])
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: wide)))
        #expect(result.texts == [first] && result.rejected.map(\.reason) == [.tooLong])
    }

    @Test func numberedItemsBeyondNineHundredNinetyNineStayApart() throws {
        #expect(DOCXPetitionSource.startsWithNumber("1000. Đề nghị sửa mái che"))
        #expect(!DOCXPetitionSource.startsWithNumber("Năm 2024. Đề nghị"))
        let body =
            (998...1001).map { OfficeFixture.paragraph("\($0). Đề nghị số \($0)") }.joined()
            + OfficeFixture.paragraph("Thêm ý cho mục 1001")
        let result = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body)))
        #expect(
            result.texts == [
                "998. Đề nghị số 998", "999. Đề nghị số 999", "1000. Đề nghị số 1000",
                "1001. Đề nghị số 1001\nThêm ý cho mục 1001",
            ])
    }

    @Test func invalidUTF8InADocumentIsCorrupt() throws {
        var document = Array((OfficeFixture.documentOpen + "<w:p><w:r><w:t>a</w:t></w:r></w:p><w:").utf8)
        document += [0xC0, 0x80] + Array("/></w:body></w:document>".utf8)
        let data = try OfficeFixture.zip([("word/document.xml", document)])
        let failure = officeFailure { _ = try DOCXPetitionSource(data: data) }
        #expect(failure?.problem == .invalidUTF8 && failure?.part == "word/document.xml")
    }

    @Test func notAZipIsSaidSo() {
        let failure = officeFailure {
            _ = try XLSXPetitionSource(data: Data("STT,Nội dung\n1,abc\n".utf8), name: "renamed.xlsx")
        }
        #expect(failure?.problem == .notAPackage)
    }

    // MARK: package oddities

    @Test(arguments: [
        ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("xl/workbook.xml", "XL/Workbook.xml"),
        ("xl/worksheets/sheet1.xml", #"xl\worksheets\sheet1.xml"#),
    ])
    func anOfficePartNamedTwiceIsRefusedNotGuessed(first: String, second: String) throws {
        var parts = OfficeFixture.xlsxParts(
            rowsXML: Array((Self.header + OfficeFixture.row(2, ["1", "Đề nghị sửa đường"])).utf8))
        #expect(parts.contains { $0.name == first })
        parts.append((second, Array("<worksheet/>".utf8)))
        let failure = officeFailure { _ = try XLSXPetitionSource(data: try OfficeFixture.zip(parts)) }
        #expect(failure?.problem == .duplicatePart(name: second))
    }

    /// A workbook whose sheets are `(name, state, sheetData XML)`.
    static func workbook(_ sheets: [(name: String, state: String?, rows: String)]) throws -> Data {
        var listed = ""
        var relations = ""
        var parts: [(String, [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.state.map { #" state="\#($0)""# } ?? ""
            listed += #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)"\#(state) r:id="rId\#(index + 1)"/>"#
            relations +=
                #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
            parts.append(
                (
                    "xl/worksheets/sheet\(index + 1).xml",
                    Array((OfficeFixture.sheetOpen + sheet.rows + OfficeFixture.sheetClose).utf8)
                ))
        }
        parts.append(
            (
                "xl/workbook.xml",
                Array(
                    #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(listed)</sheets></workbook>"#
                        .utf8)
            ))
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations)</Relationships>"#
                        .utf8)
            ))
        return try OfficeFixture.zip(parts)
    }

    @Test func aHiddenFirstSheetIsPassedOverForTheFirstVisibleOne() throws {
        let data = try Self.workbook([
            (
                "Danh mục", "hidden",
                OfficeFixture.row(1, ["Mã", "Nội dung"]) + OfficeFixture.row(2, ["BHXH", "Bảo hiểm xã hội"])
            ),
            ("Kiến nghị", nil, Self.header + OfficeFixture.row(2, ["1", "Đề nghị lắp đèn đường ngõ 12"])),
        ])
        #expect(try read(try XLSXPetitionSource(data: data)).texts == ["Đề nghị lắp đèn đường ngõ 12"])
        // Named, the hidden sheet is still read.
        #expect(try read(try XLSXPetitionSource(data: data, sheet: "Danh mục")).records.count == 1)
    }

    @Test func anEmptyFirstSheetNamesTheSheetsThatHoldData() throws {
        let data = try Self.workbook([
            ("Trống", nil, ""),
            ("Tổng hợp", nil, Self.header + OfficeFixture.row(2, ["1", "Đề nghị nạo vét mương"])),
            ("Ghi chú", nil, ""),
        ])
        let failure = officeFailure { _ = try XLSXPetitionSource(data: data) }
        #expect(failure?.problem == .emptySheet(name: "Trống", others: ["Tổng hợp"]))
        let words = FailurePresenter.commandLine(.vi).message(
            InputFailure.office(path: "a.xlsx", failure!))
        #expect(words.contains("\"Tổng hợp\"") && words.contains("--sheet"))
        // Every sheet empty: the file is empty, as before.
        let empty = try Self.workbook([("A", nil, ""), ("B", nil, "")])
        do {
            _ = try XLSXPetitionSource(data: empty)
            Issue.record("an empty workbook was read")
        } catch InputFailure.empty(let path) {
            #expect(path == "memory.xlsx")
        }
    }

    // MARK: dates

    @Test func dateStyledNumbersReadAsTheDatesTheOfficeSees() throws {
        let styles =
            ##"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$-42A]&quot;ngày&quot; d &quot;tháng&quot; m"/><numFmt numFmtId="166" formatCode="#,##0 &quot;đồng&quot;"/></numFmts><fonts><font><name val="Arial"/></font></fonts><cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="22" fontId="0"/><xf numFmtId="20" fontId="0"/><xf numFmtId="165" fontId="0"/><xf numFmtId="166" fontId="0"/></cellXfs></styleSheet>"##
        func row(_ number: Int, _ style: Int, _ value: String) -> String {
            #"<row r="\#(number)"><c r="A\#(number)"><v>\#(number - 1)</v></c><c r="B\#(number)" t="inlineStr"><is><t>Đề nghị trả lương tháng \#(number)</t></is></c><c r="C\#(number)" s="\#(style)"><v>\#(value)</v></c></row>"#
        }
        let rows =
            OfficeFixture.row(1, ["STT", "Nội dung kiến nghị", "Ngày nhận"])
            + row(2, 1, "43570") + row(3, 2, "43570") + row(4, 3, "43570.5") + row(5, 4, "0.354166666666667")
            + row(6, 5, "43570") + row(7, 6, "43570") + row(8, 0, "43570") + row(9, 2, "abc")
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows, styles: styles)))
        #expect(
            result.records.map { $0.cells[2] } == [
                "2019-04-15", "2019-04-15", "2019-04-15 12:00", "08:30", "2019-04-15", "43570", "43570", "abc",
            ])
    }

    @Test func serialsFollowExcelsCalendars() {
        let day = { (serial: String, date1904: Bool) in
            SpreadsheetDate.text(serial: serial, kind: .date, date1904: date1904)
        }
        #expect(day("1", false) == "1900-01-01")
        #expect(day("59", false) == "1900-02-28")
        #expect(day("61", false) == "1900-03-01")
        #expect(day("25569", false) == "1970-01-01")
        #expect(day("45839", false) == "2025-07-01")
        #expect(day("0", true) == "1904-01-01")
        #expect(day("42108", true) == "2019-04-15")
        #expect(day("-3", false) == nil && day("1e300", false) == nil && day("nan", false) == nil)
        #expect(SpreadsheetDate.text(serial: "0.999999", kind: .time, date1904: false) == "00:00")
        // The last half second of a day: a date stays on its day, a date and time rounds to midnight.
        #expect(day("43570.999999", false) == "2019-04-15")
        #expect(SpreadsheetDate.text(serial: "43570.999999", kind: .dateTime, date1904: false) == "2019-04-16")
        #expect(SpreadsheetDate.kind(formatCode: "[Red]#,##0") == .number)
        #expect(SpreadsheetDate.kind(formatCode: "[h]:mm") == .duration)
        #expect(SpreadsheetDate.kind(formatCode: "[$-42A]h:mm") == .time)
        // Currencies and colours in brackets are not hours or seconds (1234.5 stays a number).
        for money in ["[$USD-409]#,##0.00", "[$HKD] #,##0", "[$CHF]0.00", "[White]0", "[Blue][>=100]0"] {
            #expect(SpreadsheetDate.kind(formatCode: money) == .number, "\(money)")
        }
        // Elapsed time counts whole days as hours, as Excel shows it.
        #expect(SpreadsheetDate.text(serial: "1.5", kind: .duration, date1904: false) == "36:00")
        #expect(SpreadsheetDate.text(serial: "1.5", kind: .time, date1904: false) == "12:00")
        #expect(SpreadsheetDate.kind(builtinFormat: 46) == .duration)
        #expect(SpreadsheetDate.kind(formatCode: #"\d\a\y 0"#) == .number)
        #expect(SpreadsheetDate.kind(formatCode: "General") == .number)
        #expect(SpreadsheetDate.kind(formatCode: "d/m/yyyy h:mm") == .dateTime)
    }

    // MARK: namespace prefixes

    @Test func aWorkbookWrittenWithOtherPrefixesReadsLikeAnyOther() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        func cell(_ reference: String, _ text: String) -> String {
            #"<x:c r="\#(reference)" t="inlineStr"><x:is><x:t>\#(text)</x:t></x:is></x:c>"#
        }
        let sheet =
            #"<x:worksheet xmlns:x="\#(main)"><x:sheetData><x:row r="1">\#(cell("A1", "STT"))\#(cell("B1", "Nội dung kiến nghị"))</x:row><x:row r="2">\#(cell("A2", "1"))\#(cell("B2", "Đề nghị sửa cống ngõ 5"))</x:row></x:sheetData></x:worksheet>"#
        let workbook =
            #"<x:workbook xmlns:x="\#(main)" xmlns:rel="\#(relations)"><x:sheets><x:sheet name="Đơn" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>"#
        let rels =
            #"<p:Relationships xmlns:p="http://schemas.openxmlformats.org/package/2006/relationships"><p:Relationship Id="rId1" Type="\#(relations)/worksheet" Target="worksheets/sheet1.xml"/></p:Relationships>"#
        let data = try OfficeFixture.zip([
            ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
            ("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
        ])
        #expect(try read(try XLSXPetitionSource(data: data)).texts == ["Đề nghị sửa cống ngõ 5"])
    }

    @Test func aDocumentInTheDefaultNamespaceReadsLikeAnyOther() throws {
        let document =
            #"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>Đề nghị lắp biển báo</t></r></p><p><r><t xml:space="preserve">Đề nghị </t></r><r><t>nạo vét kênh</t></r></p></body></document>"#
        let data = try OfficeFixture.zip([("word/document.xml", Array(document.utf8))])
        #expect(try read(try DOCXPetitionSource(data: data)).texts == ["Đề nghị lắp biển báo", "Đề nghị nạo vét kênh"])
    }

    /// A declaration holds inside its element only: a nested `xmlns="urn:other"` (custom XML,
    /// maths) must not stop the paragraphs after it from being read.
    @Test func aNestedDefaultNamespaceEndsWithItsElement() throws {
        let document =
            #"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>Đề nghị lắp biển báo</t></r></p><extra xmlns="urn:other"><p><t>not Word</t></p></extra><p><r><t>Đề nghị nạo vét kênh</t></r></p><note xmlns="urn:other"/><p><r><t>Đề nghị sửa đèn đường</t></r></p></body></document>"#
        let data = try OfficeFixture.zip([("word/document.xml", Array(document.utf8))])
        #expect(
            try read(try DOCXPetitionSource(data: data)).texts == [
                "Đề nghị lắp biển báo", "Đề nghị nạo vét kênh", "Đề nghị sửa đèn đường",
            ])
    }

    @Test func prefixesAreRenamedOnlyForOfficeNamespaces() {
        var prefixes = OfficePrefixes()
        prefixes.declare("xmlns:x", "http://schemas.openxmlformats.org/spreadsheetml/2006/main", nested: false)
        prefixes.declare("xmlns:v", "urn:schemas-microsoft-com:vml", nested: false)
        #expect(prefixes.canonical(element: "x:row") == "row")
        #expect(prefixes.canonical(element: "v:textbox") == "v:textbox")
        #expect(prefixes.canonical(element: "row") == "row")
        #expect(prefixes.canonical(attribute: "r") == "r")
        prefixes.declare("xmlns:x", "urn:other", nested: true)
        #expect(!prefixes.renames)
        // At the root, an unknown default namespace is read as written.
        prefixes.declare("xmlns", "urn:draft", nested: false)
        #expect(!prefixes.renames)
        // Another vocabulary under an Office prefix inside the part is not Office markup.
        prefixes.declare("xmlns:w", "urn:other", nested: true)
        prefixes.declare("xmlns", "urn:other", nested: true)
        #expect(prefixes.canonical(element: "w:p") != "w:p" && prefixes.canonical(element: "row") != "row")
    }

    /// A cell of invisible marks only is empty in Excel and Word as in CSV.
    @Test func invisibleMarksAloneAreAnEmptyPetitionInOfficeFilesToo() throws {
        let rows =
            Self.header + OfficeFixture.row(2, ["1", "\u{200B}\u{FEFF} \u{AD}"])
            + OfficeFixture.row(3, ["2", "Đề nghị lắp đèn đường"])
        let sheet = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows), name: "zw.xlsx"))
        #expect(sheet.texts == ["Đề nghị lắp đèn đường"] && sheet.rejected.map(\.reason) == [.emptyText])
        let table = OfficeFixture.table([
            ["STT", "Nội dung kiến nghị"], ["1", "\u{200B}"], ["2", "Đề nghị lắp đèn đường"],
        ])
        let document = try read(try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: table)))
        #expect(document.texts == ["Đề nghị lắp đèn đường"] && document.rejected.map(\.reason) == [.emptyText])
    }

    /// Rows inside an element of another namespace (an extension list) are not the sheet's rows.
    @Test func rowsInAForeignDefaultNamespaceAreNotRead() throws {
        let rows =
            Self.header + OfficeFixture.row(2, ["1", "Đề nghị sửa cống ngõ 5"])
            + #"<ext xmlns="urn:other">\#(OfficeFixture.row(3, ["2", "not a petition"]))</ext>"#
            + OfficeFixture.row(4, ["3", "Đề nghị lắp đèn đường"])
        let result = try read(try XLSXPetitionSource(data: try OfficeFixture.xlsx(rowsXML: rows), name: "ext.xlsx"))
        #expect(result.texts == ["Đề nghị sửa cống ngõ 5", "Đề nghị lắp đèn đường"])
        // A sheet whose root names a draft namespace, or rows that undeclare it, are read as written.
        let petition = OfficeFixture.row(2, ["1", "Đề nghị sửa cống"])
        for (name, from, to) in [
            ("draft", "spreadsheetml/2006/main", "spreadsheetml/2006/7/main"),
            ("undeclared", "<row r=\"2\"", "<row r=\"2\" xmlns=\"\""),
        ] {
            var parts = OfficeFixture.xlsxParts(rowsXML: Array((Self.header + petition).utf8))
            let sheet = try #require(parts.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
            parts[sheet].bytes = Array(
                String(decoding: parts[sheet].bytes, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
            let source = try XLSXPetitionSource(data: try OfficeFixture.zip(parts), name: name + ".xlsx")
            #expect(try read(source).texts == ["Đề nghị sửa cống"], "\(name)")
        }
    }
}
