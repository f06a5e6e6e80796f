import Testing

@testable import KienNghiCore

/// A summary copied out of an office document into plain text keeps the document's heading
/// above the petitions. Those lines had been read as petitions (sent to review and counted);
/// they are reported as a document's heading. Petitions in capitals, or opening as a title
/// does, stay petitions (a first version of this rule dropped them: hostile round, 2026-12-07).
@Suite("Document headings above plain-text lists")
struct DocumentHeadingTests {
    static let heading = [
        "ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM", "Số:     /BC-MTTQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "---------------", "Bắc Từ Liêm, ngày 12 tháng 3 năm 2019", "BÁO CÁO",
        "Tổng hợp ý kiến, kiến nghị của cử tri", "trước kỳ họp thứ 7, HĐND thành phố khóa XV",
        "Kính gửi:", "- Thường trực HĐND thành phố;", "- Ủy ban nhân dân thành phố.",
    ]
    static let petitions = [
        // A petition in capitals opening with a body's name, right under the heading.
        "XÃ VÂN NỘI THIẾU NƯỚC SẠCH",
        "Đề nghị sửa đường ngõ 12 phố Trần Bình bị xuống cấp, nhiều ổ gà.",
        "Công ty nợ tiền đóng BHXH của công nhân 6 tháng nay.",
    ]

    func read(_ text: String, name: String, header: HeaderRowChoice = .detect) throws -> TextPetitionsRead {
        try readTextPetitions(text, name: name, header: header, rejectedFor: .heading)
    }

    @Test func aDocumentsHeadingIsNoPetition() throws {
        let lines = Self.heading + Self.petitions
        let plain = try read(lines.joined(separator: "\n"), name: "tong-hop.txt")
        #expect(plain.texts == Self.petitions)
        #expect(plain.ids == ["1", "2", "3"])
        #expect(plain.rejected == Array(1...Self.heading.count))
        // Blocks between blank lines: the heading's blocks are titles, the petitions' are read.
        let blocks = try read(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                + Self.petitions.map { $0 + "\ndòng thứ hai của kiến nghị" }.joined(separator: "\n\n"),
            name: "a.txt")
        #expect(blocks.texts == Self.petitions.map { $0 + "\ndòng thứ hai của kiến nghị" })
        #expect(blocks.rejected == [1])
        // A list of one column (no commas or semicolons, colons kept) without header, saved as CSV.
        func unquoted(_ line: String) -> String { line.filter { $0 != "," && $0 != ";" } }
        let csv = try read(lines.map(unquoted).joined(separator: "\n"), name: "a.csv")
        #expect(csv.texts == Self.petitions.map(unquoted))
        #expect(csv.rejected == Array(1...Self.heading.count))
        // --header none reads every line.
        #expect(try read(lines.joined(separator: "\n"), name: "a.txt", header: .absent).texts == lines)
        // Without an anchor (national name, motto, number, date), only a first line naming a list is a title.
        let titled = try read(
            (["TỔNG HỢP KIẾN NGHỊ CỦA CỬ TRI PHƯỜNG MAI DỊCH"] + Self.petitions).joined(separator: "\n"), name: "a.txt")
        #expect(titled.texts == Self.petitions && titled.rejected == [1])
    }

    /// Long petitions settle the heading before forty lines are held (memory: forty near the
    /// 1 MiB limit were held at once); the heading is still found, no petition is lost.
    @Test func longPetitionsSettleTheHeadingEarly() throws {
        // Commas and semicolons would split lines into cells when read as CSV.
        let lines = (Self.heading + Self.petitions.map { String(repeating: $0 + " ", count: 2000) }).map {
            $0.filter { $0 != "," && $0 != ";" }.trimmingWhitespace()
        }
        #expect(lines.suffix(3).allSatisfy { $0.utf8.count > DocumentHeading.lookaheadBytes })
        // Padding and line separators count for nothing: a heading line padded past 64 KiB is
        // still a heading line (a hostile round found the rest of the heading read as petitions).
        // (A CSV whose first cell holds line separators is not read as a heading's list, as before.)
        var cases = [(lines, "a.txt"), (lines, "a.csv")]
        for (padding, names) in [
            (String(repeating: " ", count: 70_000), ["a.txt", "a.csv"]),
            (String(repeating: "\u{2028}", count: 25_000), ["a.txt"]),
        ] {
            var padded = lines
            padded[0] += padding
            cases += names.map { (padded, $0) }
        }
        for (lines, name) in cases {
            let read = try read(lines.joined(separator: "\n"), name: name)
            #expect(read.texts == Array(lines.suffix(3)), "\(name)")
            #expect(read.rejected == Array(1...Self.heading.count), "\(name)")
        }
    }

    /// A second hostile round: petitions in capitals above a letter's closing date, around
    /// record numbers, "- " petitions under "Kính gửi:" or a subject, subjects and bracketed
    /// petitions after a title, were taken for the heading.
    @Test func aHeadingNeedsItsAnchorAndAsksNothing() throws {
        let closing = [
            "XÃ VÂN NỘI THIẾU NƯỚC SẠCH SINH HOẠT", "ĐƯỜNG NGÕ 5 PHỐ TRẦN DUY HƯNG XUỐNG CẤP",
            "Hà Nội, ngày 12 tháng 3 năm 2019",
        ]
        #expect(DocumentHeading.headingCount(closing) == 0)
        let records = ["Số: 123/PA", "ĐƯỜNG NGÕ 5 XUỐNG CẤP NGHIÊM TRỌNG", "Số: 124/PA", "KÊNH BỐC MÙI HÔI"]
        #expect(DocumentHeading.headingCount(records) == 1)
        #expect(DocumentHeading.headingCount(["ĐƯỜNG NGÕ 5 XUỐNG CẤP", "SỐ: 45/2019/TT-BTC", "Cử tri đề nghị"]) == 0)
        let motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        let addressed =
            motto + [
                "Kính gửi:", "- Thường trực HĐND quận;", "- UBND quận Cầu Giấy.",
                "- Đề nghị lắp đèn chiếu sáng ngõ 12.",
            ]
        #expect(DocumentHeading.headingCount(addressed) == 5)
        let asked = motto + ["Kính gửi: Ủy ban nhân dân quận Cầu Giấy", "- Cử tri đề nghị sửa đường ngõ 5."]
        #expect(DocumentHeading.headingCount(asked) == 3)
        let subjects =
            motto + ["V/v tổng hợp kiến nghị cử tri", "V/v đề nghị sửa đường ngõ 5", "- Cử tri đề nghị lắp đèn."]
        #expect(DocumentHeading.headingCount(subjects) == 3)
        let bracketed = motto + ["BÁO CÁO", "(Cử tri phường Mai Dịch đề nghị sửa đường ngõ 5 đã xuống cấp)"]
        #expect(DocumentHeading.headingCount(bracketed) == 3)
        let full =
            ["ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM", "-----"] + motto + [
                "Bắc Từ Liêm, ngày 12 tháng 3 năm 2019", "BÁO CÁO", "(Kèm theo Báo cáo số 12/BC-MTTQ ngày 12/3/2019)",
                "XÃ VÂN NỘI THIẾU NƯỚC SẠCH",
            ]
        #expect(DocumentHeading.headingCount(full) == full.count - 1)
    }

    /// A third hostile round: lines after a title opening as its meeting or period ("Năm…",
    /// "Đợt…", "Khóa…"), "- " lines after "Kính gửi:", a subject that asks, short complaints in
    /// brackets and capitals naming a place above an anchor were taken for the heading.
    @Test func aHeadingsFurtherLinesNameNoComplaint() throws {
        let top = ["ỦY BAN MTTQ VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        let titled = top + ["TỔNG HỢP KIẾN NGHỊ CỬ TRI"]
        for petition in [
            "Năm 2020 dự án treo chưa giải phóng mặt bằng", "Đợt này giá điện tăng quá cao",
            "Khóa cửa trường làm trẻ không vào được", "Năm nay chưa có nước sạch", "(Cống thoát nước ngõ 7 bị tắc)",
            "(Mất điện liên tục)",
        ] {
            #expect(DocumentHeading.headingCount(titled + [petition]) == titled.count, "\(petition)")
        }
        #expect(DocumentHeading.headingCount(titled + ["trước kỳ họp thứ 7, HĐND thành phố khóa XV"]) == 5)
        let chained = titled + (1...5).map { "Năm \(2000 + $0) đường ngõ \($0) chưa được trải nhựa" }
        #expect(DocumentHeading.headingCount(chained) == titled.count)
        for petition in [
            "- Cống thoát nước ngõ 7 bị tắc gây mùi hôi", "- Đèn đường ngõ 12 hỏng đã ba tháng",
            "+ Dự án treo 10 năm chưa giải phóng mặt bằng",
        ] {
            #expect(DocumentHeading.headingCount(top + ["Kính gửi: UBND quận Đống Đa", petition]) == 4, "\(petition)")
        }
        #expect(DocumentHeading.headingCount(top + ["V/v đường ngõ 5 xuống cấp, cử tri đề nghị sửa gấp"]) == 3)
        #expect(DocumentHeading.headingCount(top + ["V/v tổng hợp kiến nghị cử tri"]) == 4)
        #expect(DocumentHeading.headingCount(["PHƯỜNG LÁNG HẠ THIẾU NƯỚC BA NGÀY LIỀN"] + top.dropFirst()) == 0)
        #expect(DocumentHeading.headingCount(["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"] + top.dropFirst()) == 3)
    }

    /// Petitions that open as a heading's line does are read: capitals with a body's name
    /// and no anchor below, a list's or an opinion's name in a sentence, a date after the
    /// facts, a decision's number in a complaint.
    @Test func petitionsOpeningLikeAHeadingStayPetitions() throws {
        let hotline = [
            "XÃ VÂN NỘI THIẾU NƯỚC SẠCH", "QUẬN BẮC TỪ LIÊM THIẾU TRƯỜNG HỌC", "SỞ XÂY DỰNG CHẬM CẤP PHÉP",
            "BAN ĐÊM XE TẢI CHẠY ỒN", "SỐ 5 NGÕ 12 BỊ NGẬP", "SỐ 12/5 NGÕ 12 BỊ NGẬP",
            "DANH SÁCH HỘ NGHÈO KHÔNG CHÍNH XÁC",
            "ĐƯỜNG NGÕ 5 XUỐNG CẤP",
        ]
        #expect(try read(hotline.joined(separator: "\n"), name: "a.txt").texts == hotline)
        let first = [
            "Kiến nghị tăng lương cho giáo viên mầm non", "Ý kiến cử tri phản ánh đường ngõ 5 xuống cấp",
            "Ngập nặng ngày 12 tháng 3 năm 2019", "Hà Nội ngập nặng ngày 12 tháng 3 năm 2019",
            "Số 12/2019/QĐ-UBND chưa được thực hiện", "Số 5/12 ngõ 34 phố Tân Mai bị ngập sau mỗi trận mưa lớn",
            "Tổng hợp ý kiến đoàn viên công đoàn: nhà trọ tính tiền điện gấp đôi giá quy định",
            "Danh sách hộ nghèo của phường lập chưa đúng, nhiều ý kiến cử tri phản ánh.",
            "Ngày 12 tháng 3 năm 2019 công ty cho 40 công nhân nghỉ việc không báo trước",
        ]
        for petition in first {
            #expect(DocumentHeading.headingCount([petition, Self.petitions[1]]) == 0, "\(petition)")
            #expect(
                try read(petition + "\n" + Self.petitions[1], name: "a.txt").texts == [petition, Self.petitions[1]])
        }
        // A sixth hostile round: under the motto, incidents dated in figures or after a place,
        // and a sum of money, are petitions; a place with its kind in lower case and a date in
        // figures after a place in title case are the heading's.
        let motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        for incident in [
            "Cháy Chợ Đồng Xuân, 05/3/2019", "Ngập Quận 7, 12/9/2019", "NGẬP NẶNG Ở QUẬN 7, 12/9/2019",
            "MẤT ĐIỆN TOÀN PHƯỜNG 5, 05/3/2019", "Ngập quận 7, ngày 12 tháng 9 năm 2019",
            "NỢ LƯƠNG CÔNG NHÂN, 12.500.000", "MẤT ĐIỆN TOÀN PHƯỜNG, NGÀY 5 THÁNG 3 NĂM 2019",
            "Nước tràn phố Huế, ngày 12 tháng 9 năm 2019", "RÁC THẢI PHƯỜNG 5, 12/9/2019",
        ] {
            #expect(DocumentHeading.headingCount(motto + [incident, Self.petitions[1]]) == 2, "\(incident)")
        }
        for date in [
            "thị xã Sơn Tây, ngày 12 tháng 3 năm 2019", "Thành phố Hồ Chí Minh, ngày 12 tháng 3 năm 2019",
            "Bà Rịa - Vũng Tàu, ngày 12 tháng 3 năm 2019", "Hà Nội, 05/3/2019",
        ] {
            #expect(DocumentHeading.headingCount(motto + [date, Self.petitions[1]]) == 3, "\(date)")
        }
        let addressed =
            motto + ["Kính gửi: Chủ tịch UBND quận Đống Đa", "- Các đ/c địa chính phường đo sai đất nhà tôi"]
        #expect(DocumentHeading.headingCount(addressed + [Self.petitions[1]]) == 3)
        // A seventh: complaints bulleted under "Kính gửi:".
        let complaints = [
            "Kính gửi: UBND phường 5", "- UBND phường cấp phép xây dựng sai quy định",
            "- Công an phường thu tiền trái phép",
        ]
        #expect(DocumentHeading.headingCount(motto + complaints + [Self.petitions[1]]) == 3)
        // An eighth: more complaints bulleted there, a complaint's title dated in words.
        let more = [
            "Kính gửi: UBND phường 5", "- Công ty ABC nợ lương công nhân 3 tháng", "- Ban quản lý chợ thu phí quá cao",
            "- Công an phường bỏ qua lấn chiếm vỉa hè",
        ]
        #expect(DocumentHeading.headingCount(motto + more + [Self.petitions[1]]) == 3)
        let dated = "Tiền Điện Tăng Cao, ngày 5 tháng 3 năm 2019"
        #expect(DocumentHeading.headingCount(motto + [dated, Self.petitions[1]]) == 2)
    }
}
