import Foundation
import Testing

@testable import KienNghiCore
@testable import KienNghiOffice

/// Petition lists as offices lay them out in Word, Excel and CSV: with or without
/// a header, numbered, split into sections, under column numbers, after a small
/// information table. Every petition is read and nothing else is; the rest is
/// reported as a title.
@Suite("Petition table shapes")
struct PetitionTableShapeTests {
    /// Short petitions, the length that made header guessing hard.
    static let petitions = [
        "Đường liên xã bị hư hỏng nặng", "Nhà trọ thu tiền điện cao hơn giá", "Thiếu trường mầm non gần KCN",
        "Cử tri phản ánh ô nhiễm khói bụi", "Mất trộm xe máy ở khu trọ",
    ]
    static let agencies = ["Sở GTVT", "Sở Công Thương", "Sở GD&ĐT", "Sở TN&MT", "Công an"]
    static let numbered = petitions.indices.map { [String($0 + 1), petitions[$0], agencies[$0]] }

    struct Read: Equatable {
        var texts: [String] = []
        var titles = 0
        var otherRejections: [RejectedRow.Reason] = []
    }

    func read(_ bytes: Data, name: String, header: HeaderRowChoice = .detect) throws -> Read {
        let source = try PetitionSources.open(bytes: Array(bytes), name: name, options: .init(header: header))
        var result = Read()
        try source.read(
            batchSize: 2, { result.texts += $0.map(\.text) },
            rejected: {
                if $0.reason == .title { result.titles += 1 } else { result.otherRejections.append($0.reason) }
            })
        return result
    }

    func csv(_ rows: [[String]]) -> Data {
        Data(rows.map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n").utf8)
    }

    func xlsx(_ rows: [[String]]) throws -> Data {
        try OfficeFixture.xlsx(rowsXML: rows.enumerated().map { OfficeFixture.row($0.offset + 1, $0.element) }.joined())
    }

    func docx(_ tables: [[String]]...) throws -> Data {
        try OfficeFixture.docx(bodyXML: tables.map(OfficeFixture.table).joined())
    }

    /// Every reader, on the same rows.
    func readEverywhere(_ rows: [[String]], header: HeaderRowChoice = .detect) throws -> [String: Read] {
        [
            "csv": try read(csv(rows), name: "a.csv", header: header),
            "xlsx": try read(try xlsx(rows), name: "a.xlsx", header: header),
            "docx": try read(try docx(rows), name: "a.docx", header: wordHeader(header, rows)),
        ]
    }

    /// `choice` for the Word table ``docx(_:)`` makes of `rows`: a row is named by the number
    /// messages give it, its first paragraph's, counted through the document (one per cell).
    func wordHeader(_ choice: HeaderRowChoice, _ rows: [[String]]) -> HeaderRowChoice {
        guard case .row(let row) = choice else { return choice }
        return .row(1 + rows.prefix(row - 1).reduce(0) { $0 + max(1, $1.count) } + max(0, row - 1 - rows.count))
    }

    /// The header a reader detected and doubts, per format.
    func doubtfulHeaders(_ rows: [[String]]) throws -> [String: DoubtfulHeader?] {
        [
            "csv": try PetitionSources.open(bytes: Array(csv(rows)), name: "a.csv", options: .init()).doubtfulHeader,
            "xlsx": try PetitionSources.open(bytes: Array(try xlsx(rows)), name: "a.xlsx", options: .init())
                .doubtfulHeader,
            "docx": try PetitionSources.open(bytes: Array(try docx(rows)), name: "a.docx", options: .init())
                .doubtfulHeader,
        ]
    }

    /// "Sở GD&ĐT" once folded like the column name "Số", and a short cell holding
    /// "phản ánh" scored as a header name: a petition row became the header and the
    /// petitions above it titles, or the whole table was passed over.
    @Test func aHeaderlessNumberedListLosesNoPetition() throws {
        for (format, result) in try readEverywhere(Self.numbered) {
            #expect(result == Read(texts: Self.petitions), "\(format)")
        }
        // Numbered from 15 (the list goes on from another page), in a two-column table too.
        let later = Self.numbered.map { [String(Int($0[0])! + 14) + ".", $0[1]] }
        for (format, result) in try readEverywhere(later) {
            #expect(result == Read(texts: Self.petitions), "\(format)")
        }
    }

    @Test func aHeaderInUnusualWordsStaysTheHeader() throws {
        let rows = [["TT", "Vấn đề cử tri quan tâm", "Cơ quan giải quyết"]] + Self.numbered
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: Self.petitions), "\(format)")
        }
    }

    /// The column numbers printed under an official form's header, and section rows
    /// ("I | Lĩnh vực …" in two cells, or one merged title) are titles, not petitions
    /// and not empty petitions.
    @Test func columnNumbersAndSectionRowsAreTitles() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"]
        for numbers in [["1", "2", "3"], ["(1)", "(2)", "(3)"]] {
            for (format, result) in try readEverywhere([header, numbers] + Self.numbered) {
                #expect(result == Read(texts: Self.petitions, titles: 1), "\(format) \(numbers)")
            }
        }
        let sections =
            [header, ["I", "Lĩnh vực lao động, việc làm", ""]] + Self.numbered.prefix(2)
            + [["II. LĨNH VỰC GIAO THÔNG, ĐÔ THỊ"]] + Self.numbered.dropFirst(2).prefix(2)
            + [["Lĩnh vực an ninh trật tự"]] + Self.numbered.suffix(1)
        for (format, result) in try readEverywhere(sections) {
            #expect(result == Read(texts: Self.petitions, titles: 3), "\(format)")
        }
        // Without a header the first section row does not become one.
        for (format, result) in try readEverywhere(Array(sections.dropFirst())) {
            #expect(result == Read(texts: Self.petitions, titles: 3), "\(format)")
        }
    }

    /// A row naming someone beside a long petition that "phản ánh" something is no header.
    @Test func aFirstPetitionBesideANameOrDateIsNoHeader() throws {
        let long = Self.petitions.map {
            "Cử tri phường Đông Ngạc phản ánh: \($0), đề nghị thành phố sớm kiểm tra và xử lý dứt điểm"
        }
        for first in ["Ông Nguyễn Văn An", "15/6/2019"] {
            let rows = long.map { [first, $0] }
            let result = try read(try docx(rows), name: "a.docx")
            #expect(result == Read(texts: long), "\(first)")
        }
        // Short requests in a single column, no header.
        let requests = [
            "Đề nghị mở thêm tuyến xe buýt vào KCN", "Đề nghị sửa đường liên xã bị hư hỏng",
            "Đề nghị tăng phụ cấp độc hại cho công nhân",
        ]
        #expect(try read(try docx(requests.map { [$0] }), name: "a.docx") == Read(texts: requests))
    }

    /// A small table above the list ("Đơn vị | Thời gian | Địa điểm") is not the list;
    /// its rows are reported as another table's, the list is read.
    @Test func anInformationTableAboveTheListIsNotTheList() throws {
        let information = [
            ["Đơn vị", "Công ty TNHH may Thăng Long"], ["Thời gian", "Ngày 15 tháng 6 năm 2019"],
            ["Địa điểm", "Hội trường Ban quản lý các KCN"],
        ]
        for list in [[["STT", "Nội dung kiến nghị", "Cơ quan trả lời"]] + Self.numbered, Self.numbered] {
            let result = try read(try docx(information, list), name: "a.docx")
            #expect(result.texts == Self.petitions)
            #expect(result.otherRejections == Array(repeating: .otherTable, count: 3))
        }
    }

    /// A list broken over two tables goes on when the second repeats the header or
    /// continues the numbers; a table of column names alone is a title before its list.
    @Test func aListSplitOverTablesIsReadWhole() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"]
        let split = try docx([header] + Self.numbered.prefix(3), Array(Self.numbered.dropFirst(3)))
        #expect(try read(split, name: "a.docx") == Read(texts: Self.petitions))
        let paragraphs = Self.numbered.map { OfficeFixture.paragraph("\($0[0]). \($0[1])") }.joined()
        let headerOnly = try OfficeFixture.docx(bodyXML: OfficeFixture.table([header]) + paragraphs)
        #expect(
            try read(headerOnly, name: "a.docx")
                == Read(texts: Self.numbered.map { "\($0[0]). \($0[1])" }, titles: 1))
    }

    /// Petitions numbered with roman numerals or letters, even short or in capitals, are
    /// petitions: a section's name is a few words, "Lĩnh vực…" or capitals, never a request.
    @Test func petitionsNumberedLikeSectionsStayPetitions() throws {
        let roman = ["I", "II", "III"].enumerated().map { [$0.element, "Đề nghị sửa cầu thôn \($0.offset + 2)"] }
        for (format, result) in try readEverywhere([["STT", "Nội dung kiến nghị"]] + roman) {
            #expect(result == Read(texts: roman.map { $0[1] }), "\(format)")
        }
        let short = [["I", "Sửa cầu Bến Tre"], ["II", "Nâng cấp trạm y tế"], ["III", "Xây trường mầm non"]]
        for (format, result) in try readEverywhere([["STT", "Nội dung kiến nghị"]] + short) {
            #expect(result == Read(texts: short.map { $0[1] }), "\(format)")
        }
        let capitals = ["A) ĐỀ NGHỊ SỬA CHỮA ĐƯỜNG LIÊN XÃ", "B) ĐỀ NGHỊ NẠO VÉT KÊNH TIÊU"]
        for (format, result) in try readEverywhere([["Nội dung kiến nghị"]] + capitals.map { [$0] }) {
            #expect(result == Read(texts: capitals), "\(format)")
        }
    }

    /// Rows before the list that are not its header: a title in capitals above a list
    /// without one (it was taken as the header, leaving the text column "1", "2"…),
    /// numbered lines of a preamble above the header.
    @Test func titlesAndPreamblesAboveTheListAreNotItsHeader() throws {
        let titled = [["DANH SÁCH KIẾN NGHỊ CỦA CỬ TRI", "", ""]] + Self.numbered
        for (format, result) in try readEverywhere(titled) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format)")
        }
        let preamble =
            [["1", "Thời gian: ngày 15/3/2024", ""], ["2", "Địa điểm: Hội trường UBND xã", ""]]
            + [["STT", "Nội dung kiến nghị", "Cơ quan giải quyết"]] + Self.numbered
        for (format, result) in try readEverywhere(preamble) {
            #expect(result == Read(texts: Self.petitions, titles: 2), "\(format)")
        }
        for longHeader in [
            ["STT", "Kiến nghị của cử tri gửi đến kỳ họp thứ 5 HĐND tỉnh", "Cơ quan trả lời"],
            ["STT", "Yêu cầu, kiến nghị của công dân tại buổi tiếp công dân", "Đơn vị xử lý"],
            ["STT", "Kiến nghị, đề xuất của cử tri và Nhân dân", "Đơn vị xử lý"],
        ] {
            for (format, result) in try readEverywhere([longHeader] + Self.numbered) {
                #expect(result == Read(texts: Self.petitions), "\(format) \(longHeader[1])")
            }
        }
        let titleLine =
            [["Tổng hợp kiến nghị cử tri xã An Bình tháng 3/2024", ""]] + Self.numbered.map { [$0[1], $0[2]] }
        for (format, result) in try readEverywhere(titleLine) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format)")
        }
        let letters = [["STT", "Nội dung kiến nghị", "Cơ quan trả lời"], ["A", "B", "C"]]
        for (format, result) in try readEverywhere(letters + Self.numbered) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format)")
        }
    }

    /// A list without a header whose first row is written the usual way (place, hamlet,
    /// "Cử tri kiến nghị…"), or whose second row holds a short "phản ánh", keeps every row.
    @Test func aPetitionNeverHeadsAListWithoutHeader() throws {
        let long = Self.petitions.prefix(3).map { "Cử tri kiến nghị: \($0.lowercased()), đề nghị sớm xử lý" }
        let rows = long.map { ["Xã An Bình", "Thôn 2", $0] }
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: long), "\(format)")
        }
        let request = "Đề nghị thành phố sớm sửa chữa đường liên xã bị hư hỏng nặng"
        let mixed = [
            ["UBND xã", "Trạm y tế", request], ["UBND xã", "Trạm y tế", "Người dân phản ánh thiếu thuốc"],
            ["UBND huyện", "Phòng GD", "Đề nghị xây thêm phòng học cho trường tiểu học xã An Bình"],
        ]
        // In either order: the short "phản ánh" opens a petition, it names no column.
        for rows in [mixed, [mixed[1], mixed[0], mixed[2]]] {
            for (format, result) in try readEverywhere(rows) {
                #expect(result == Read(texts: rows.map { $0[2] }), "\(format)")
            }
        }
        // A one-cell first row opening as a petition (its agency not filled in yet) is a petition.
        let unfinished = [["Cử tri đề nghị sửa cầu treo thôn 5", ""]] + Self.numbered.map { [$0[1], $0[2]] }
        for (format, result) in try readEverywhere(unfinished) {
            #expect(result == Read(texts: unfinished.map { $0[0] }), "\(format)")
        }
    }

    /// Of a Word document's tables, the list is the one named as petitions: not a larger
    /// summary ("Nội dung | Số lượng"), not counts under "Số kiến nghị", not a speakers' table.
    @Test func theWordListIsTheTableNamedForPetitions() throws {
        let list = [["STT", "Nội dung kiến nghị", "Cơ quan giải quyết"]] + Self.numbered.prefix(3)
        let summary =
            [["STT", "Nội dung", "Số lượng"]]
            + ["Giao thông", "Môi trường", "Đất đai", "Y tế", "Giáo dục", "Lao động"].enumerated().map {
                [String($0.offset + 1), $0.element, String($0.offset + 2)]
            }
        let counts =
            [["STT", "Lĩnh vực", "Số kiến nghị"]]
            + ["Giao thông", "Môi trường", "Đất đai", "Y tế", "Giáo dục"].enumerated().map {
                [String($0.offset + 1), $0.element, String($0.offset + 2)]
            }
        let replies =
            [["STT", "Họ và tên", "Ý kiến"]]
            + ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"].map {
                ["", $0, "Đồng ý"]
            }
        for (first, second) in [(list, summary), (summary, list), (counts, list), (replies, list)] {
            let result = try read(try docx(first, second), name: "a.docx")
            #expect(result.texts == Array(Self.petitions.prefix(3)))
            #expect(result.otherRejections.allSatisfy { $0 == .otherTable })
        }
        // A list going on in a table that lacks the agency column still goes on, as does one
        // opening with a section row, or repeating the header with more rows than the first.
        let shorter = Self.numbered.dropFirst(3).map { Array($0.prefix(2)) }
        #expect(try read(try docx(list, shorter), name: "a.docx") == Read(texts: Self.petitions))
        let section = [["II", "LĨNH VỰC Y TẾ", ""]] + Self.numbered.dropFirst(3)
        #expect(try read(try docx(list, section), name: "a.docx") == Read(texts: Self.petitions, titles: 1))
        let longer = Array(Self.numbered.prefix(2))
        let both = try docx([list[0]] + longer, [list[0]] + Self.numbered.dropFirst(2))
        #expect(try read(both, name: "a.docx") == Read(texts: Self.petitions, titles: 1))
        // After text between two tables, numbers go on with petitions ("Trang 2"), not with a
        // list of people ("Danh sách đại biểu dự họp:").
        let people = try OfficeFixture.docx(
            bodyXML: OfficeFixture.table(list) + OfficeFixture.paragraph("Danh sách đại biểu dự họp:")
                + OfficeFixture.table([["4", "Nguyễn Văn An", "Trưởng thôn"]]))
        #expect(try read(people, name: "a.docx").texts == Array(Self.petitions.prefix(3)))
        let long = Self.numbered.dropFirst(3).map { [$0[0], $0[1] + " đã lâu chưa được giải quyết", $0[2]] }
        let page = try OfficeFixture.docx(
            bodyXML: OfficeFixture.table(list) + OfficeFixture.paragraph("Trang 2") + OfficeFixture.table(long))
        #expect(try read(page, name: "a.docx").texts == Array(Self.petitions.prefix(3)) + long.map { $0[1] })
    }

    /// A first row is a header only when it names a column, in Word too: a short petition
    /// ("Sửa cầu Bến Tre | Sở GTVT", "Kiến nghị làm đường") is read, never taken as the
    /// header; request words alone or with who asks ("Thôn | Kiến nghị cử tri") name one.
    @Test func aHeaderNamesAColumn() throws {
        for first in [
            ["Sửa cầu Bến Tre", "Sở GTVT"], ["Kiến nghị làm đường", "UBND xã"], ["Ý kiến về giá điện", "EVN"],
        ] {
            let rows = [first] + Self.numbered.map { [$0[1], $0[2]] }
            for (format, result) in try readEverywhere(rows) {
                #expect(result == Read(texts: rows.map { $0[0] }), "\(format) \(first)")
            }
        }
        for header in [
            ["Thôn", "Kiến nghị cử tri"], ["Thôn", "Phản ánh của cử tri"], ["Số hiệu", "Sơ lược nội dung kiến nghị"],
        ] {
            for (format, result) in try readEverywhere([header] + Self.numbered.map { [$0[2], $0[1]] }) {
                #expect(result == Read(texts: Self.petitions), "\(format) \(header)")
            }
        }
        // In a list numbered 1, 2, 3…, a roman numeral before a short name is a section.
        let sections =
            [["STT", "Nội dung kiến nghị"], ["I", "Giao thông"]] + Self.numbered.prefix(3).map { [$0[0], $0[1]] }
            + [["II", "Y tế"]] + Self.numbered.suffix(2).map { [$0[0], $0[1]] }
        for (format, result) in try readEverywhere(sections) {
            #expect(result == Read(texts: Self.petitions, titles: 2), "\(format)")
        }
    }

    /// A first petition whose agency is not filled in yet, opening with a title's word
    /// ("Bảng giá…", "Kết quả…") but saying what is wrong or wanted, or right above a list
    /// numbered from 2 (its own number missing), is a petition: it was reported as a title.
    @Test func aFirstPetitionOpeningLikeATitleIsNoTitle() throws {
        let rest = Self.numbered.map { [$0[1], $0[2]] }
        for first in [
            "Bảng giá đất mới ban hành quá cao so với thực tế, đề nghị điều chỉnh lại",
            "Kết quả bồi thường giải phóng mặt bằng dự án đường tỉnh 8 chưa thỏa đáng",
            // Opening as a column name does ("Tổng hợp…"): it was taken for the header, unreported.
            "Tổng hợp các khoản thu đầu năm học ở trường tiểu học xã quá nhiều, đề nghị kiểm tra",
        ] {
            for (format, result) in try readEverywhere([[first, ""]] + rest) {
                #expect(result == Read(texts: [first] + Self.petitions), "\(format) \(first)")
            }
        }
        let fromTwo = Self.numbered.map { [String(Int($0[0])! + 1), $0[1], $0[2]] }
        let unnumbered = "Tình trạng xe quá tải chạy qua cầu treo gây hư hỏng mặt cầu nghiêm trọng"
        for (format, result) in try readEverywhere([["", unnumbered, ""]] + fromTwo) {
            #expect(result == Read(texts: [unnumbered] + Self.petitions), "\(format)")
        }
        // Titles stay titles: in capitals or going on from a page before above a list from 2, or
        // naming the list (a status or a request word as a noun is no judgement).
        for title in [
            ["DANH SÁCH KIẾN NGHỊ CỬ TRI", "", ""], ["", "Tổng hợp kiến nghị cử tri xã An Bình (tiếp theo)", ""],
        ] {
            for (format, result) in try readEverywhere([title] + fromTwo) {
                #expect(result == Read(texts: Self.petitions, titles: 1), "\(format) \(title)")
            }
        }
        for named in [
            "Tổng hợp ý kiến, kiến nghị của cử tri gửi tới kỳ họp thứ 9 HĐND xã",
            "Danh sách kiến nghị chưa được giải quyết của cử tri xã An Bình", "Tổng hợp ý kiến, đề nghị của cử tri",
            "Báo cáo quá trình giải quyết các kiến nghị không thuộc thẩm quyền",
            "Tổng hợp kiến nghị cử tri (đề nghị các cơ quan trả lời trước ngày 15/7)",
        ] {
            for (format, result) in try readEverywhere([[named, ""]] + rest) {
                #expect(result == Read(texts: Self.petitions, titles: 1), "\(format) \(named)")
            }
        }
    }

    /// An official report's letterhead, number, place and date, title and "Kính gửi…"
    /// above its table: eleven lines of one cell pushed the header out of the rows
    /// looked at (Excel asked for --text-column, CSV and Word read the lines as petitions).
    @Test func aLongLetterheadAboveTheHeaderIsTitles() throws {
        let letterhead = [
            "ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/BC-UBND", "An Bình, ngày 15 tháng 3 năm 2024", "BÁO CÁO",
            "Tổng hợp ý kiến, kiến nghị của cử tri", "Kính gửi: Thường trực HĐND huyện",
            "Thực hiện Kế hoạch số 5/KH-HĐND", "UBND xã tổng hợp như sau:", "Tổng số ý kiến: 5", "Thời gian: tháng 3",
        ].map { [$0, "", ""] }
        let header = [["STT", "Nội dung kiến nghị", "Cơ quan giải quyết"]]
        for (format, result) in try readEverywhere(letterhead + header + Self.numbered) {
            #expect(result == Read(texts: Self.petitions, titles: letterhead.count), "\(format)")
        }
        // The usual two halves side by side: agency left, the national motto right.
        let halves = [
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""],
            ["XÃ AN BÌNH", "Độc lập - Tự do - Hạnh phúc", ""],
            ["Số: 12/BC-UBND", "An Bình, ngày 15 tháng 3 năm 2024", ""],
        ]
        let twoColumns = halves + letterhead.dropFirst(4) + header + Self.numbered
        for (format, result) in try readEverywhere(twoColumns) {
            #expect(result == Read(texts: Self.petitions, titles: halves.count + letterhead.count - 4), "\(format)")
        }
    }

    /// Sections whose items are numbered from 1 again under each ("I | Giao thông", "1 | …",
    /// "II | Y tế", "1 | …"), and sections lettered in a cell of their own ("A | CÁC KIẾN
    /// NGHỊ THUỘC THẨM QUYỀN TỈNH"), are titles: they were read as petitions.
    @Test func sectionsNumberingTheirItemsAfreshAreTitles() throws {
        let header = [["STT", "Nội dung kiến nghị", "Cơ quan giải quyết"]]
        let items = Self.numbered.map { [$0[1], $0[2]] }
        let roman = header + [["I", "Giao thông", ""], ["1"] + items[0], ["II", "Y tế", ""], ["1"] + items[1]]
        for (format, result) in try readEverywhere(roman) {
            #expect(result == Read(texts: Array(Self.petitions.prefix(2)), titles: 2), "\(format)")
        }
        let lettered =
            header + [["A", "CÁC KIẾN NGHỊ THUỘC THẨM QUYỀN TỈNH", ""], ["1"] + items[0], ["2"] + items[1]]
            + [["B", "CÁC KIẾN NGHỊ THUỘC THẨM QUYỀN HUYỆN", ""], ["1"] + items[2], ["2"] + items[3]]
        for (format, result) in try readEverywhere(lettered) {
            #expect(result == Read(texts: Array(Self.petitions.prefix(4)), titles: 2), "\(format)")
        }
    }

    /// A header whose answer column is explained at length ("… (đã trả lời, chưa trả lời,
    /// không thuộc thẩm quyền)") stays the header: read as a petition, its answers took
    /// the petitions' place, unreported.
    @Test func aLongHeaderExplainingItsColumnsStaysTheHeader() throws {
        let answers = "Kết quả trả lời của cơ quan có thẩm quyền (đã trả lời, chưa trả lời, không thuộc thẩm quyền)"
        let rows = [["STT", "Nội dung kiến nghị", answers]] + Self.numbered.map { [$0[0], $0[1], "Đã trả lời"] }
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: Self.petitions), "\(format)")
        }
        let alone = "Nội dung kiến nghị, đề xuất của cử tri và nhân dân các xã, thị trấn trong huyện"
        for (format, result) in try readEverywhere([[alone]] + Self.petitions.map { [$0] }) {
            #expect(result == Read(texts: Self.petitions), "\(format)")
        }
    }

    /// A tab-separated file under a title line of one field was split on commas: every
    /// petition holding a comma was a malformed row, and the exit said "no petitions".
    /// A comma-separated one under "Tổng hợp ý kiến, kiến nghị…" stays comma-separated
    /// when one petition holds a semicolon or a tab.
    @Test func aTitleLineDoesNotHideTheTabs() throws {
        for other in [";", "\t"] {
            let lines =
                ["Tổng hợp ý kiến, kiến nghị của cử tri xã An Bình", "STT,Nội dung kiến nghị,Cơ quan giải quyết"]
                + Self.numbered.map { "\($0[0]),\"\($0[1])\(other) đề nghị sớm xử lý\",\($0[2])" }
            let result = try read(Data(lines.joined(separator: "\n").utf8), name: "a.csv")
            #expect(result.texts.count == Self.petitions.count && result.titles == 1, "\(other.debugDescription)")
        }
        let rows =
            [["Tổng hợp kiến nghị cử tri"], ["STT", "Nội dung kiến nghị", "Cơ quan"]]
            + Self.numbered.map {
                [$0[0], $0[1] + ", đề nghị sớm xử lý", $0[2]]
            }
        let tsv = Data(rows.map { $0.joined(separator: "\t") }.joined(separator: "\r\n").utf8)
        #expect(
            try read(tsv, name: "a.tsv") == Read(texts: Self.petitions.map { $0 + ", đề nghị sớm xử lý" }, titles: 1))
    }

    /// A one-column list whose first petition opens like a column name ("Kiến nghị của cử
    /// tri…") loses it to the header: the reader says so (the CLI prints it), and
    /// `--header none` reads it; a header the reader cannot recognise is named by its row.
    @Test func theHeaderRowCanBeDeniedOrNamed() throws {
        let header3 = ["STT", "Nội dung kiến nghị", "Cơ quan"]
        let first = "Kiến nghị của cử tri thôn 2 về việc đường liên thôn xuống cấp nghiêm trọng"
        let list = [[first]] + Self.petitions.map { [$0] }
        for (format, result) in try readEverywhere(list) {
            #expect(result == Read(texts: Self.petitions), "\(format): detected header")
        }
        for (format, header) in try doubtfulHeaders(list) {
            #expect(header == DoubtfulHeader(location: 1, cell: first), "\(format)")
        }
        for (format, result) in try readEverywhere(list, header: .absent) {
            #expect(result == Read(texts: [first] + Self.petitions), "\(format): no header")
        }
        // Usual column names are not doubted.
        let named = [header3] + Self.numbered
        for (format, header) in try doubtfulHeaders(named) { #expect(header == nil, "\(format)") }
        // Column names in words no reader knows, under a title: named as row 2, the title is reported.
        let foreign = [["Danh sách"], ["No", "Issue raised", "Owner"]] + Self.numbered
        for (format, result) in try readEverywhere(foreign, header: .row(2)) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format): header named")
        }
        for (format, result) in try readEverywhere(foreign, header: .absent) {
            #expect(result.texts.count == Self.petitions.count + 1 && result.titles == 0, "\(format): no header")
        }
        for (format, rows) in [("csv", try csv(foreign)), ("xlsx", try xlsx(foreign)), ("docx", try docx(foreign))] {
            func named(_ row: Int) -> HeaderRowChoice { format == "docx" ? wordHeader(.row(row), foreign) : .row(row) }
            #expect(throws: InputFailure.self, "\(format)") {
                try read(rows, name: "a.\(format)", header: named(40))
            }
            // The title line named as the header: refused, not read under a wrong text column.
            #expect(throws: InputFailure.self, "\(format): title named") {
                try read(rows, name: "a.\(format)", header: named(1))
            }
            // A row inside the list: refused, the petitions above it are not made titles.
            #expect(throws: InputFailure.self, "\(format): row inside the list") {
                try read(rows, name: "a.\(format)", header: named(5))
            }
            #expect(throws: InputFailure.self, "\(format): item 1 named") {
                try read(rows, name: "a.\(format)", header: named(3))
            }
        }
        // A numbered preamble above a header named is no list: its lines are titles.
        let preamble = [["1", "Thời gian: 8 giờ ngày 5/6/2024", ""], ["2", "Địa điểm: Hội trường UBND xã", ""]]
        for (format, result) in try readEverywhere(preamble + [header3] + Self.numbered, header: .row(3)) {
            #expect(result == Read(texts: Self.petitions, titles: 2), "\(format): numbered preamble")
        }
        // One cell naming the text column alone is a header when named.
        let textOnly = [["", "Nội dung kiến nghị", ""]] + Self.numbered
        for (format, result) in try readEverywhere(textOnly, header: .row(1)) {
            #expect(result == Read(texts: Self.petitions), "\(format): text column named alone")
        }
        // A long header in capitals over the text column, named: a header; repeated at a page break: a title.
        let long = "NỘI DUNG Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI GỬI TỚI KỲ HỌP THỨ 7"
        let repeated = [["", long, ""]] + Self.numbered.prefix(2) + [["", long, ""]] + Self.numbered.dropFirst(2)
        for (format, result) in try readEverywhere(repeated, header: .row(1)) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format): long header repeated")
        }
        // A petition sent twice, the first copy taken for a one-column list's header: the second is read.
        for (format, result) in try readEverywhere(list + [[first]]) {
            #expect(result == Read(texts: Self.petitions + [first]), "\(format): petition sent twice")
        }
    }

    /// A Word summary grouped by topic, each topic in a table of its own with other columns:
    /// only the best table was read, the others' petitions were "paragraphs outside the
    /// table" (exit 0). Every table whose header names its text column as a petition's is
    /// a list; their columns are merged by name, and every row has a number of its own.
    @Test func everyListTableOfAWordDocumentIsRead() throws {
        let first = [["STT", "Nội dung kiến nghị", "Ghi chú"]] + Self.numbered.prefix(3).map { [$0[0], $0[1], ""] }
        let second =
            [["TT", "Ý kiến cử tri", "Địa bàn", "Cơ quan trả lời"]]
            + Self.numbered.dropFirst(3).enumerated().map {
                [
                    String($0.offset + 1), $0.element[1] + ", đề nghị các cấp sớm kiểm tra xử lý", "Đông Anh",
                    $0.element[2],
                ]
            }
        let body =
            OfficeFixture.paragraph("I. Bảo hiểm, đời sống") + OfficeFixture.table(first)
            + OfficeFixture.paragraph("II. Các vấn đề khác") + OfficeFixture.table(second)
        let source = try DOCXPetitionSource(data: try OfficeFixture.docx(bodyXML: body), name: "a.docx")
        var records: [PetitionRecord] = []
        var rejected: [RejectedRow] = []
        try source.read(batchSize: 2, { records += $0 }, rejected: { rejected.append($0) })
        #expect(
            records.map(\.text)
                == Self.petitions.prefix(3)
                + Self.petitions.dropFirst(3).map { $0 + ", đề nghị các cấp sớm kiểm tra xử lý" })
        #expect(rejected.map(\.reason) == [.outsideTable, .outsideTable], "the two section paragraphs")
        #expect(source.columns == ["STT", "Nội dung kiến nghị", "Ghi chú", "Địa bàn", "Cơ quan trả lời"])
        #expect(records[3].cells == ["1", records[3].text, "", "Đông Anh", Self.agencies[3]])
        #expect(records[0].cells == ["1", Self.petitions[0], "", "", ""], "padded to the document's columns")
        // Locations are unique through the document (a register keys petitions by them).
        #expect(Set(records.map(\.location)).count == records.count, "\(records.map(\.location))")
        // An agenda under a bare "Nội dung" (short items) is not a list; its rows stay outside.
        let agenda = [["TT", "Thời gian", "Nội dung"], ["1", "8h00", "Khai mạc"], ["2", "8h15", "Phát biểu"]]
        let withAgenda = try OfficeFixture.docx(bodyXML: OfficeFixture.table(agenda) + OfficeFixture.table(first))
        #expect(
            try read(withAgenda, name: "a.docx")
                == Read(
                    texts: Array(Self.petitions.prefix(3)), otherRejections: [.otherTable, .otherTable, .otherTable]))
        // Nor is a meeting's programme, its items as long as petitions ("Thời gian", "Người thực hiện").
        let programme = [
            ["TT", "Thời gian", "Nội dung", "Người thực hiện"],
            ["1", "8h00", "Tuyên bố lý do, giới thiệu đại biểu tham dự hội nghị tiếp xúc cử tri", "Ban tổ chức"],
            ["2", "8h10", "Báo cáo kết quả kỳ họp thứ năm Hội đồng nhân dân tỉnh khóa mười sáu", "Đại biểu"],
        ]
        #expect(try read(try docx(programme, first), name: "a.docx").texts == Array(Self.petitions.prefix(3)))
        // Nor are a minute's other tables whose long texts sit under a bare "Nội dung" or under
        // directives, delegates' views or fields, with items of a plan as long as petitions.
        let tasks = [
            "Triển khai thực hiện kế hoạch chuyển đổi số của xã trong quý ba năm nay",
            "Tổ chức kiểm tra, đôn đốc tiến độ giải ngân vốn đầu tư công trên địa bàn",
        ]
        for header in [
            ["STT", "Nội dung", "Đơn vị"], ["STT", "Ý kiến chỉ đạo", "Đơn vị thực hiện"],
            ["STT", "Ý kiến đại biểu", "Đơn vị"],
            ["STT", "Lĩnh vực phản ánh", "Số lượng"], ["STT", "Ý kiến cử tri", "Tỷ lệ (%)"],
        ] {
            let other = [header] + tasks.enumerated().map { [String($0.offset + 1), $0.element, "x"] }
            #expect(
                try read(try docx(first, other), name: "a.docx").texts == Array(Self.petitions.prefix(3)), "\(header)")
        }
        // Topics alternating between two lists (A, B, A, B): each table goes on with its own list.
        let alternating = try docx(
            first, second, [first[0]] + [["3", Self.petitions[4], ""]], [second[0]] + [second[1]])
        let alternated = try read(alternating, name: "a.docx")
        #expect(alternated.texts.count == 7, "\(alternated)")
        // Tables naming more than 1024 columns together: refused, as a CSV too wide is, not read in part.
        let wide = [["TT", "Nội dung kiến nghị"] + (1...1030).map { "Cột \($0)" }, ["1", Self.petitions[0]]]
        do {
            _ = try read(try docx(first, wide), name: "a.docx")
            Issue.record("expected the document refused")
        } catch InputFailure.tooManyTableColumns(_, let limit) {
            #expect(limit == InputLimits.maxColumns)
        }
        // The same list continued in a second table under its header: one list, numbers unique.
        let continued = try docx([first[0]] + Self.numbered.prefix(2), [first[0]] + Self.numbered.dropFirst(2))
        let list = try DOCXPetitionSource(data: continued, name: "a.docx")
        var locations: [Int] = []
        try list.read(batchSize: 2, { locations += $0.map(\.location) }, rejected: { _ in })
        #expect(locations.count == Self.petitions.count && Set(locations).count == locations.count, "\(locations)")
    }

    /// The header repeated inside the list (lists pasted together) is a title in every
    /// format: it had been read as a petition from CSV and Excel, dropped uncounted from Word.
    @Test func aRepeatedHeaderIsATitle() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan"]
        let rows = [header] + Self.numbered.prefix(2) + [header] + Self.numbered.dropFirst(2)
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format)")
        }
    }

    /// A page's header copied with changes, "(tiếp)" after a name, a cell left blank, the
    /// names in another order, is a title too: it had been read as a petition (sent to review).
    /// Rows under a copy in another order (lists pasted together) are read in its order.
    /// Petitions that are one name of the header, or a name beside a number, stay petitions.
    @Test func aHeaderCopiedWithChangesIsATitle() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan"]
        let copies = [["STT", "Nội dung kiến nghị (tiếp theo)", "Cơ quan"], ["STT", "NỘI DUNG KIẾN NGHỊ", ""]]
        let rows = [header] + Self.numbered.prefix(2) + copies + Self.numbered.dropFirst(2)
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: Self.petitions, titles: copies.count), "\(format)")
        }
        let reordered =
            [header] + Self.numbered.prefix(2) + [["Nội dung kiến nghị", "", "STT"]]
            + Self.numbered.dropFirst(2).map { [$0[1], $0[2], $0[0]] }
        #expect(try read(csv(reordered), name: "a.csv") == Read(texts: Self.petitions, titles: 1))
        #expect(try read(xlsx(reordered), name: "a.xlsx") == Read(texts: Self.petitions, titles: 1))
        #expect(try read(docx(reordered), name: "a.docx") == Read(texts: Self.petitions, titles: 1))
        // A banner under a copy in another order keeps that order; a column the header leaves
        // unnamed may be named by the copy.
        let bannered = reordered.prefix(4) + [["Nội dung kiến nghị (tiếp)", "", ""]] + reordered.dropFirst(4)
        let unnamed =
            [header + [""]] + Self.numbered.prefix(2).map { $0 + ["x"] } + [
                ["Cơ quan", "", "STT", "Nội dung kiến nghị"]
            ]
            + Self.numbered.dropFirst(2).map { [$0[2], "x", $0[0], $0[1]] }
        for (name, rows) in [("bannered", Array(bannered)), ("unnamed", unnamed)] {
            #expect(
                try read(csv(rows), name: "a.csv") == Read(texts: Self.petitions, titles: rows.count - 6), "\(name)")
            #expect(
                try read(xlsx(rows), name: "a.xlsx") == Read(texts: Self.petitions, titles: rows.count - 6), "\(name)")
        }
        // A copy with a column more, one petition above it: it had become the header, and the
        // petition above a title (exit 0). The sheet reads on under it; CSV rows that wide are
        // malformed for the header's three columns, and said so.
        let wider = [header, Self.numbered[0], header + ["Ghi chú"], Self.numbered[1] + ["khẩn"]]
        #expect(try read(xlsx(wider), name: "a.xlsx") == Read(texts: Array(Self.petitions.prefix(2)), titles: 1))
        #expect(
            try read(csv(wider), name: "a.csv")
                == Read(texts: [Self.petitions[0]], titles: 1, otherRejections: [.malformedRow]))
        let namesOnly = [header, ["6", "Cơ quan", ""], ["7", "Nội dung kiến nghị", "Cơ quan"]]
        for (format, result) in try readEverywhere(namesOnly) {
            #expect(result == Read(texts: ["Cơ quan", "Nội dung kiến nghị"]), "\(format)")
        }
        // A Word list going on in a second table under "(tiếp)", or under a banner of one cell:
        // the same list, its columns kept.
        for banner in [["STT", "Nội dung kiến nghị (tiếp)", ""], ["Nội dung kiến nghị (tiếp)"]] {
            let split = try docx([header] + Self.numbered.prefix(3), [banner] + Self.numbered.dropFirst(3))
            #expect(try read(split, name: "a.docx") == Read(texts: Self.petitions, titles: 1), "\(banner)")
        }
        // Or under its header in another order, a name left blank: read in that order.
        let turned = try docx(
            [header] + Self.numbered.prefix(3),
            [["Cơ quan", "", "STT"]] + Self.numbered.dropFirst(3).map { [$0[2], $0[1], $0[0]] })
        #expect(try read(turned, name: "a.docx") == Read(texts: Self.petitions, titles: 1))
    }

    /// A header in two rows, a name spread over two columns above its parts: the second row
    /// is a title, not a petition with no text (which said one may have been lost, exit 3).
    /// A row under the header with no text but a number, or under named columns, still is.
    @Test func theSecondRowOfAHeaderInTwoRowsIsATitle() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan trả lời", ""]
        let rows = [header, ["", "", "Sở", "Quận"]] + Self.numbered.map { $0 + [""] }
        for (format, result) in try readEverywhere(rows) {
            #expect(result == Read(texts: Self.petitions, titles: 1), "\(format)")
        }
        for lost in [["1", "", "Sở", "Quận"], ["", "", "Sở", ""], ["", "", "UBND quận", "Đề nghị sửa đường ngõ 5"]] {
            for (format, result) in try readEverywhere([header, lost] + Self.numbered.map { $0 + [""] }) {
                #expect(result == Read(texts: Self.petitions, otherRejections: [.emptyText]), "\(format) \(lost)")
            }
        }
    }

    /// `--header none` reads every filled row, column numbers and section rows too; a
    /// header row may be named far below the usual window (a long preamble).
    @Test func noHeaderReadsEveryRowAndANamedHeaderMayLieDeep() throws {
        let rows = [["I", "LĨNH VỰC GIAO THÔNG", ""]] + Self.numbered
        for (format, result) in try readEverywhere(rows, header: .absent) {
            #expect(result == Read(texts: ["LĨNH VỰC GIAO THÔNG"] + Self.petitions), "\(format)")
        }
        let preamble = (1...59).map { ["Dòng thuyết minh số \($0) của báo cáo", "", ""] }
        let deep = preamble + [["STT", "Vấn đề", "Đơn vị"]] + Self.numbered
        for (format, data) in [("csv", try csv(deep)), ("xlsx", try xlsx(deep))] {
            #expect(
                try read(data, name: "a.\(format)", header: .row(60)) == Read(texts: Self.petitions, titles: 59),
                "\(format)")
        }
    }

    /// A sheet's or Word table's rejected rows show their cells in the rejected-rows
    /// file as a CSV's show their bytes: the title, and the row whose text cell is empty.
    /// An Excel summary ends with its place and date, recipients and signature in the rows
    /// under the list: the date had been read as a petition and the signature rows, with the
    /// text column empty, reported as empty petitions (exit 3, "a petition may have been lost").
    @Test func aSignatureUnderTheListIsNoPetition() throws {
        let header = ["STT", "Nội dung kiến nghị", "Cơ quan trả lời"]
        let signature = [
            ["", "Hà Nội, ngày 12 tháng 3 năm 2019", ""], ["Nơi nhận:", "", "TM. BAN THƯỜNG TRỰC"],
            ["- Như trên;", "", "CHỦ TỊCH"], ["- Lưu: VT.", "", ""], ["", "", "Nguyễn Văn An"],
        ]
        let closing = [RejectedRow.Reason](repeating: .closing, count: signature.count)
        for (format, rows) in [
            ("csv", try read(csv([header] + Self.numbered + signature), name: "a.csv")),
            ("xlsx", try read(try xlsx([header] + Self.numbered + signature), name: "a.xlsx")),
        ] {
            #expect(rows == Read(texts: Self.petitions, otherRejections: closing), "\(format)")
        }
        // A row with no text above the signature is still reported empty; a numbered row is a petition.
        let gap = [header] + Self.numbered + [["6", "", "Sở GTVT"]] + signature
        #expect(try read(try xlsx(gap), name: "a.xlsx").otherRejections == [.emptyText] + closing)
        // Word: the paragraphs of a list, a numbered list whose last item runs on into the
        // closing, a signature table after paragraphs.
        let lines = ["Hà Nội, ngày 12 tháng 3 năm 2019", "Nơi nhận:", "- Như trên;", "TM. BAN THƯỜNG TRỰC", "(Đã ký)"]
        let plain = (Self.petitions + lines).map { OfficeFixture.paragraph($0) }.joined()
        #expect(
            try read(try OfficeFixture.docx(bodyXML: plain), name: "a.docx")
                == Read(texts: Self.petitions, otherRejections: [RejectedRow.Reason](repeating: .closing, count: 5)))
        let numbered = Self.petitions.indices.map { "\($0 + 1). \(Self.petitions[$0])" }
        let list = (numbered + ["dòng thứ hai của kiến nghị"] + lines).map { OfficeFixture.paragraph($0) }.joined()
        #expect(
            try read(try OfficeFixture.docx(bodyXML: list), name: "a.docx")
                == Read(
                    texts: numbered.dropLast() + [numbered.last! + "\ndòng thứ hai của kiến nghị"],
                    otherRejections: [RejectedRow.Reason](repeating: .closing, count: 5)))
        // A signature in the first column (merged across the sheet), read as section rows before.
        let merged = [["Hà Nội, ngày 12 tháng 3 năm 2019"], ["TM. BAN THƯỜNG TRỰC"], ["CHỦ TỊCH"], ["Nguyễn Văn An"]]
        #expect(
            try read(try xlsx([header] + Self.numbered + merged), name: "a.xlsx")
                == Read(texts: Self.petitions, otherRejections: Array(closing.prefix(4))))
        // A borderless signature table after paragraphs had become the document's list, and
        // the petitions paragraphs outside it (second hostile round).
        let borderless = OfficeFixture.table([["", "CHỦ TỊCH"], ["", "Nguyễn Văn An"]])
        #expect(
            try read(
                try OfficeFixture.docx(
                    bodyXML: Self.petitions.map { OfficeFixture.paragraph($0) }.joined() + borderless),
                name: "a.docx") == Read(texts: Self.petitions, otherRejections: [.closing, .closing]))
        // Third round: a table of dated incidents is a list; a document holding only a
        // signature table reads it (every row accounted for); a numbered item's listed
        // officials stay its own; --header none reads the closing.
        let incidents = OfficeFixture.table([["Cháy Chợ Mơ, ngày 12/3/2019"], ["Trạm Y Tế Đóng Cửa, ngày 15/3/2019"]])
        #expect(
            try read(
                try OfficeFixture.docx(bodyXML: OfficeFixture.paragraph("Cử tri phản ánh:") + incidents), name: "a.docx"
            )
            .texts == ["Cháy Chợ Mơ, ngày 12/3/2019", "Trạm Y Tế Đóng Cửa, ngày 15/3/2019"])
        let alone = OfficeFixture.table([["KT. CHỦ TỊCH"], ["PHÓ CHỦ TỊCH"]])
        #expect(
            try read(try OfficeFixture.docx(bodyXML: alone), name: "a.docx").texts == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        let officials = [
            "1. Đề nghị sửa đường Nguyễn Trãi.", "2. Đề nghị làm rõ trách nhiệm của:", "Chủ tịch UBND xã",
            "Trưởng thôn",
        ]
        let signed = officials + ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"]
        #expect(
            try read(
                try OfficeFixture.docx(bodyXML: signed.map { OfficeFixture.paragraph($0) }.joined()), name: "a.docx")
                == Read(
                    texts: [officials[0], officials[1...].joined(separator: "\n")],
                    otherRejections: [.closing, .closing, .closing]))
        #expect(
            try read(try OfficeFixture.docx(bodyXML: plain), name: "a.docx", header: .absent).texts
                == Self.petitions + lines)
        // Fourth round: Word keeps a list's numbers apart from the text; a numbered last item
        // naming an official is the list's, with or without a closing under it.
        let items = ["Đề nghị sửa đường Nguyễn Trãi.", "Ô nhiễm KCN Thăng Long.", "Trưởng thôn"]
        let numberedItems = items.map {
            OfficeFixture.paragraph($0).replacingOccurrences(
                of: "<w:p>", with: #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#)
        }.joined()
        for closingLines in [[], ["Hà Nội, ngày 12/3/2019", "TM. UBND XÃ", "CHỦ TỊCH"]] {
            let body = numberedItems + closingLines.map { OfficeFixture.paragraph($0) }.joined()
            #expect(
                try read(try OfficeFixture.docx(bodyXML: body), name: "a.docx")
                    == Read(texts: items, otherRejections: closingLines.map { _ in .closing }), "\(closingLines)")
        }
        // Fifth round: a list numbered by its style ("List Number", as python-docx writes it,
        // with no w:numPr of its own) is a list too; a numbered heading style stays a heading.
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles \
            xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>\
            <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>\
            <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>
            """
        let styled = items.map { OfficeFixture.paragraph($0, style: "ListNumber") }.joined()
        let protest = "THAY MẶT CÔNG ĐOÀN CÔNG TY PHẢN ĐỐI CẮT THƯỞNG TẾT"
        for closingLines in [[], ["Hà Nội, ngày 12/3/2019", "TM. UBND XÃ", "CHỦ TỊCH"]] {
            let body =
                OfficeFixture.paragraph("KIẾN NGHỊ CỬ TRI", style: "Heading1") + styled
                + closingLines.map { OfficeFixture.paragraph($0) }.joined()
            #expect(
                try read(try OfficeFixture.docx(bodyXML: body, styles: styles), name: "a.docx")
                    == Read(texts: items, titles: 1, otherRejections: closingLines.map { _ in .closing }),
                "\(closingLines)")
        }
        let protesting = (Self.petitions + [protest]).map { OfficeFixture.paragraph($0) }.joined()
        #expect(
            try read(try OfficeFixture.docx(bodyXML: protesting), name: "a.docx").texts == Self.petitions + [protest])
        // Review: a paragraph with a control character is reported in its place, never as a
        // closing, and the lines above it close nothing.
        let damaged =
            [Self.petitions[0], "CHỦ TỊCH"].map { OfficeFixture.paragraph($0) }.joined()
            + "<w:p><w:r><w:t>Nguyễn Văn&#x1F;An</w:t></w:r></w:p>"
        #expect(
            try read(try OfficeFixture.docx(bodyXML: damaged), name: "a.docx")
                == Read(texts: [Self.petitions[0], "CHỦ TỊCH"], otherRejections: [.controlCharacter]))
        let table = OfficeFixture.table([["Nơi nhận:", "NGƯỜI LẬP BIỂU"], ["- Lưu: VT.", "Nguyễn Văn An"]])
        #expect(
            try read(
                try OfficeFixture.docx(bodyXML: Self.petitions.map { OfficeFixture.paragraph($0) }.joined() + table),
                name: "a.docx")
                == Read(texts: Self.petitions, otherRejections: [.closing, .closing]))
    }

    @Test func rejectedTableRowsShowTheirCells() throws {
        let rows =
            [["DANH SÁCH KIẾN NGHỊ CỬ TRI"], ["STT", "Nội dung kiến nghị", "Cơ quan"]] + Self.numbered
            + [["6", "", "Sở Y tế"]]
        for (format, data) in [("xlsx", try xlsx(rows)), ("docx", try docx(rows))] {
            var excerpts: [RejectedRow.Reason: String] = [:]
            try PetitionSources.open(bytes: Array(data), name: "a.\(format)", options: .init())
                .read(batchSize: 8, { _ in }, rejected: { excerpts[$0.reason] = $0.excerpt })
            #expect(
                excerpts == [.title: "DANH SÁCH KIẾN NGHỊ CỬ TRI", .emptyText: "6 | Sở Y tế"], "\(format)")
        }
    }

    @Test func columnNamesFoldWithoutLosingWhatTellsThemApart() {
        #expect(InputSchema.fold("Sở GD&ĐT") != InputSchema.fold("Số"))
        #expect(InputSchema.fold("Ngày 15/6/2019") != InputSchema.fold("Ngày"))
        #expect(InputSchema.fold("  NỘI   dung ") == "noi dung")
        #expect(InputSchema.headerScore(["Cử tri xã Vân Nội phản ánh đường ngõ 12 bị ngập sâu sau mưa"]) <= 1)
        #expect(InputSchema.headerScore(["Ông Nguyễn Văn An", "Cử tri xã Vân Nội phản ánh đường ngõ 12 bị ngập"]) <= 1)
        #expect(InputSchema.headerScore(["TT", "Vấn đề cử tri quan tâm", "Cơ quan giải quyết"]) >= 8)
        #expect(
            InputSchema.headerScore(["Nội dung ý kiến, kiến nghị của công nhân lao động gửi Hội nghị", "Ghi chú"]) > 1)
    }

    @Test func sectionAndColumnNumberRowsAreTold() {
        for row in [["II"], ["IV.", "GIAO THÔNG"], ["B) Lĩnh vực y tế"], ["C. LĨNH VỰC GIÁO DỤC"]] {
            #expect(InputSchema.isSectionRow(row), "\(row)")
        }
        // A title alone in the first cell is a section beside an empty text column, never the text itself.
        #expect(InputSchema.isSectionRow(["LĨNH VỰC GIÁO DỤC", "", ""], textColumn: 1))
        #expect(!InputSchema.isSectionRow(["LĨNH VỰC GIÁO DỤC", "", ""]))
        #expect(!InputSchema.isSectionRow(["ĐỀ NGHỊ SỬA ĐƯỜNG NGÕ 5", "", ""], textColumn: 0))
        #expect(!InputSchema.isSectionRow(["A. Đề nghị sửa đường ngõ 5"]))
        for row in [
            ["In ấn tài liệu không đúng quy định"], ["IV.", "Sửa cầu Bến Tre"], ["Nguyễn Văn An", "", ""],
            ["", "LĨNH VỰC Y TẾ"],
            ["1", "Lĩnh vực"],
            ["I", "Đề nghị thành phố sớm đầu tư xây dựng tuyến đường nối khu công nghiệp Thăng Long với quốc lộ 23"],
        ] {
            #expect(!InputSchema.isSectionRow(row), "\(row)")
        }
        #expect(InputSchema.isColumnNumberRow(["1", "2", "3"]))
        #expect(InputSchema.isColumnNumberRow(["(1)", "(2)"]))
        #expect(!InputSchema.isColumnNumberRow(["1", "3"]))
        #expect(!InputSchema.isColumnNumberRow(["1"]))
        #expect(InputSchema.numberedListStart(in: [["TT"], ["7", "a"], [""], ["8", "b"]]) == 1)
        #expect(InputSchema.numberedListStart(in: [["1", "2"], ["1", "a"]]) == nil)
    }
}
