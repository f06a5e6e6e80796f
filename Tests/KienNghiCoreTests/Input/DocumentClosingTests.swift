import Foundation
import Testing

@testable import KienNghiCore

/// A summary copied out of an office document into plain text keeps the document's closing
/// below the petitions: recipients, place and date, who signs. Those lines had been read as
/// petitions (sent to review and counted); they are reported as a document's closing.
/// Petitions that end a file as a closing line might (a "- " line, a thank-you, a name, a
/// bracket) stay petitions unless a line no petition is anchors the block.
@Suite("Document closings below plain-text lists")
struct DocumentClosingTests {
    static let petitions = [
        "Đề nghị sửa đường ngõ 12 phố Trần Bình bị xuống cấp, nhiều ổ gà.",
        "Công ty nợ tiền đóng BHXH của công nhân 6 tháng nay.",
        // A "- " petition right above the closing, with no "Nơi nhận:" above it.
        "- Đề nghị lắp đèn chiếu sáng ngõ 5.",
    ]
    static let closing = [
        "Trân trọng cảm ơn!", "Hà Nội, ngày 12 tháng 3 năm 2019", "Nơi nhận:", "- Thường trực HĐND thành phố;",
        "- Lưu: VT.", "TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "(Đã ký)", "Nguyễn Văn An",
    ]

    func read(_ text: String, name: String, header: HeaderRowChoice = .detect) throws -> TextPetitionsRead {
        try readTextPetitions(text, name: name, header: header, rejectedFor: .closing)
    }

    @Test func aDocumentsClosingIsNoPetition() throws {
        let lines = Self.petitions + Self.closing
        let expected = Array(Self.petitions.count + 1...lines.count)
        let plain = try read(lines.joined(separator: "\n"), name: "tong-hop.txt")
        #expect(plain.texts == Self.petitions)
        #expect(plain.ids == ["1", "2", "3"])
        #expect(plain.rejected == expected)
        // Blocks between blank lines: the closing's blocks are reported, the petitions' are read.
        let blocks = try read(
            Self.petitions.map { $0 + "\ndòng thứ hai" }.joined(separator: "\n\n") + "\n\nNơi nhận:\n- Lưu: VT.\n\n"
                + "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nNguyễn Văn An\n",
            name: "a.txt")
        #expect(blocks.texts == Self.petitions.map { $0 + "\ndòng thứ hai" })
        #expect(blocks.rejected.count == 3)
        // The closing's blocks, each alone between blank lines, no longer outvote the petitions'
        // blocks: a petition of two lines had been read as two (second hostile round).
        let voted = try read(
            "Đường ngõ 5 xuống cấp\nnhiều ổ gà\n\nĐèn đường hỏng\n\nCống ngõ 7 tắc\ngây mùi hôi\n\n"
                + "Trân trọng cảm ơn!\n\nNơi nhận:\n\nHà Nội, ngày 12/3/2019\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\n"
                + "Nguyễn Văn An\n",
            name: "a.txt")
        #expect(voted.texts == ["Đường ngõ 5 xuống cấp\nnhiều ổ gà", "Đèn đường hỏng", "Cống ngõ 7 tắc\ngây mùi hôi"])
        #expect(voted.rejected == [9, 11, 13, 17])
        // A list of one column (no commas or semicolons) without header, saved as CSV.
        func unquoted(_ line: String) -> String { line.filter { $0 != "," && $0 != ";" } }
        let csv = try read(lines.map(unquoted).joined(separator: "\n"), name: "a.csv")
        #expect(csv.texts == Self.petitions.map(unquoted))
        #expect(csv.rejected == expected)
        // --header none reads every line.
        #expect(try read(lines.joined(separator: "\n"), name: "a.txt", header: .absent).texts == lines)
        // More petitions than the lines held back: all read, in order, numbered in order.
        let many = (1...40).map { "Kiến nghị số \($0) về đường ngõ \($0) bị ngập." }
        let long = try read((many + Self.closing).joined(separator: "\n"), name: "a.txt")
        #expect(long.texts == many && long.ids == (1...40).map(String.init))
        #expect(long.rejected.count == Self.closing.count)
    }

    @Test func aClosingNeedsItsAnchor() {
        // A thank-you, a name, a "- " line, a place: nothing anchors them.
        #expect(DocumentClosing.closingCount(Self.petitions + ["Trân trọng cảm ơn!"]) == 0)
        #expect(DocumentClosing.closingCount(Self.petitions + ["Nguyễn Văn An"]) == 0)
        #expect(DocumentClosing.closingCount(Self.petitions + ["Trân trọng cảm ơn!", "Nguyễn Văn An"]) == 0)
        // A name above the signature is a petition's line; below it, the signer's.
        #expect(DocumentClosing.closingCount(["Nguyễn Văn An", "CHỦ TỊCH", "Trần Thị Bình"]) == 2)
        // "- " lines are recipients only under "Nơi nhận:".
        #expect(DocumentClosing.closingCount(["- Đèn đường ngõ 12 hỏng", "- Cống ngõ 7 tắc", "(Đã ký)"]) == 1)
        #expect(DocumentClosing.closingCount(["Nơi nhận:", "- Như trên;", "- Lưu VT."]) == 3)
        // "(Kỳ họp thứ 7)" folds as "(Ký …)" does, and is no signature.
        #expect(DocumentClosing.closingCount(["(Kỳ họp thứ 7)"]) == 0)
        #expect(DocumentClosing.closingCount(["(Ký, ghi rõ họ tên)", "Lê Văn Cường"]) == 2)
    }

    @Test func petitionsEndingLikeAClosingStayPetitions() throws {
        let endings = [
            "CHỦ TỊCH UBND XÃ KHÔNG TIẾP DÂN", "GIÁM ĐỐC CÔNG TY NỢ LƯƠNG CÔNG NHÂN", "TM. BAN QUẢN LÝ CHẬM TRẢ LỜI",
            "Hà Nội ngập nặng ngày 12 tháng 3 năm 2019", "(Cống thoát nước ngõ 7 bị tắc)",
            "Nơi ở của công nhân quá chật",
            "Chủ tịch phường hứa sửa đường ngõ 5 nhưng chưa làm", "Lê Văn Lương ngập sâu sau mưa",
            "Người làm đơn bị công ty nợ lương", "Ký hợp đồng lao động nhưng không được đóng BHXH",
        ]
        for ending in endings {
            #expect(DocumentClosing.closingCount(Self.petitions + [ending]) == 0, "\(ending)")
            let read = try read((Self.petitions + [ending]).joined(separator: "\n"), name: "a.txt")
            #expect(read.texts == Self.petitions + [ending], "\(ending)")
        }
    }

    /// A hostile round (2026-12-07, second session): lines opening as a closing's do but
    /// complaining had been taken for it: "Nơi nhận hồ sơ…", complaints in capitals under a
    /// bare date or a position read as names, "(Đã ký) …" with text after the mark, "- …"
    /// complaints under "Nơi nhận:", a signatory mark over a complaint, a position asking.
    @Test func closingShapedComplaintsStayPetitions() {
        let petition = Self.petitions[0]
        for ending in [
            "Nơi nhận hồ sơ quá xa, đề nghị bố trí thêm điểm.", "Nơi nhận trợ cấp thất nghiệp ở đâu?",
            "NƠI NHẬN HỒ SƠ QUÁ XA", "Noi nhan ho so qua xa, de nghi bo tri them",
            "Nơi nhận: Công ty ABC nợ lương công nhân ba tháng, đề nghị Sở LĐTBXH kiểm tra.",
            "(Đã ký) công ty nợ lương công nhân", "(Đã ký)Công ty nợ lương", "(Ký, ghi rõ họ tên) công ty nợ",
            "(đã ký hợp đồng)", "KT. CÔNG NHÂN NỢ LƯƠNG BA THÁNG", "TL. CÔNG TY NỢ LƯƠNG", "THAY MẶT CÔNG NHÂN",
            "Chủ tịch?", "GIÁM ĐỐC!",
            // A third round: a body's name followed by what it protests.
            "THAY MẶT CÔNG ĐOÀN CÔNG TY PHẢN ĐỐI CẮT THƯỞNG TẾT", "THAY MẶT TỔ DÂN PHỐ 5 PHẢN ĐỐI XÂY TRẠM BTS",
            "THAY MẶT HỘI CỰU CHIẾN BINH PHẢN ĐỐI THU HỒI ĐẤT", "TM. CÁC HỘ DÂN BỊ THU HỒI ĐẤT",
        ] {
            #expect(DocumentClosing.closingCount([petition, ending]) == 0, "\(ending)")
        }
        // A log grouped by date: complaints in capitals under a date are no signer's name.
        let log = [
            "Ngày 10 tháng 3 năm 2019", "Công ty ABC nợ lương công nhân ba tháng.", "Ngày 15 tháng 3 năm 2019",
            "TĂNG LƯƠNG TỐI THIỂU", "LƯƠNG HƯU THẤP", "ĐƯỜNG NGẬP NẶNG",
        ]
        #expect(DocumentClosing.closingCount(log) == 0)
        #expect(DocumentClosing.closingCount(["Ngày 15 tháng 3 năm 2019", "Phạm Văn Đồng", "Hoàng Quốc Việt"]) == 0)
        // Signers whose body's name reads like a complaint's words still sign.
        for signer in [
            "THAY MẶT BAN CHẤP HÀNH CÔNG ĐOÀN", "TM. HỘI CỰU CHIẾN BINH PHƯỜNG",
            "TM. ỦY BAN NHÂN DÂN PHƯỜNG PHAN CHU TRINH",
        ] {
            #expect(DocumentClosing.closingCount([petition, signer, "Nguyễn Văn An"]) == 2, "\(signer)")
        }
        for complaint in ["LƯƠNG THẤP", "Lương Thấp Quá", "CAO ỐC XẢ RÁC"] {
            #expect(DocumentClosing.closingCount([petition, "Người làm đơn", complaint]) == 0, "\(complaint)")
        }
        for recipient in ["- Công ty nợ lương;", "- Công ty chưa đóng BHXH cho công nhân;", "+ Đường ngập;"] {
            let lines = [petition, "Nơi nhận:", "- Như trên;", recipient]
            #expect(DocumentClosing.closingCount(lines) == 0, "\(recipient)")
        }
    }

    /// A second hostile round: a complaint dated after a comma read as a place and date, the
    /// lines a petition lists under its colon read as positions, a name kept apart from the
    /// position a numbered row holds.
    @Test func listsAndDatesInPetitionsStayPetitions() {
        let petition = Self.petitions[0]
        for dated in [
            "Mất điện, ngày 12/3/2019", "Đơn khiếu nại, ngày 12/3/2019", "ĐỀ NGHỊ SỬA ĐƯỜNG, NGÀY 12/3/2019",
            "Cháy chợ Đồng Xuân, ngày 12/3/2019", "Mat dien, ngay 12/3/2019",
        ] {
            #expect(DocumentClosing.closingCount([petition, dated]) == 0, "\(dated)")
        }
        let listed = ["2. Đề nghị làm rõ trách nhiệm của:", "Giám đốc", "Trưởng thôn"]
        #expect(DocumentClosing.closingCount(listed) == 0)
        #expect(DocumentClosing.closingCount(listed + ["Hà Nội, ngày 12/5/2019", "Người làm đơn"]) == 2)
        var tail = DocumentClosingTail<[String]>(texts: { $0 })
        for row in [[petition], ["3", "CHỦ TỊCH"], ["Nguyễn Văn An"]] { _ = tail.hold(row) }
        #expect(tail.settle().closing.isEmpty)
    }

    /// A unit no closing can take whole (a line longer than a closing's, or more lines than
    /// a closing is read over) hands back every unit above it at once: a file of petitions near
    /// the 1 MiB limit held sixteen of them (some 16 MB) waiting for its closing. What is
    /// decided stays as it was: the closing below is found, and a unit padded with blank space
    /// but of closing lines still waits.
    @Test func aLongUnitReleasesTheUnitsAboveIt() {
        let long = String(repeating: "Đề nghị sửa đường. ", count: 400)
        // Each line short enough to close, but more of them than a closing is read over.
        let signer = String(repeating: "Nguyễn Văn An ", count: 9)
        let manyLines = Array(repeating: signer, count: 2 * DocumentClosing.lookbehind + 8).joined(separator: "\n")
        for unit in [long, manyLines] {
            var tail = DocumentClosingTail<String>(texts: { [$0] })
            #expect(tail.hold(Self.petitions[0]).isEmpty)
            #expect(tail.hold(Self.petitions[1]).isEmpty)
            #expect(tail.hold(unit) == Array(Self.petitions[0...1]))
            for line in ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"] { #expect(tail.hold(line).isEmpty) }
            let settled = tail.settle()
            #expect(settled.read == [unit])
            #expect(settled.closing == ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"])
        }
        var tail = DocumentClosingTail<String>(texts: { [$0] })
        let padded = "Hà Nội, ngày 12/3/2019" + String(repeating: " ", count: 6000) + "\nCHỦ TỊCH"
        for unit in ["TM. BAN CHẤP HÀNH", padded, "Nguyễn Văn An"] { #expect(tail.hold(unit).isEmpty) }
        #expect(tail.settle().closing == ["TM. BAN CHẤP HÀNH", padded, "Nguyễn Văn An"])
    }

    /// A fifth hostile round: closings written as offices write them had been read as
    /// petitions — places with a lower-case kind or a dash, a date in figures only, a page
    /// number under the signature, several signers, a rule to sign on, a signatory mark in
    /// title case, "Q." (acting), "Đ/c" recipients, longer courtesy lines, a last petition
    /// whose final word, before its full stop, reads as one that calls for a list.
    @Test func closingsAsOfficesWriteThem() {
        let petitions = ["Đề nghị sửa đường Láng bị xuống cấp.", "Đề nghị lắp đèn."]
        let closings: [[String]] = [
            ["Thành phố Hồ Chí Minh, ngày 12 tháng 3 năm 2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["TP. Hồ Chí Minh, ngày 05 tháng 03 năm 2019", "GIÁM ĐỐC CÔNG TY", "Nguyễn Văn An"],
            ["Thành phố Hồ Chí Minh, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["thị xã Sơn Tây, ngày 12-3-2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["thị xã Sơn Tây, ngày 12 tháng 3 năm 2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["Bà Rịa - Vũng Tàu, ngày 12 tháng 3 năm 2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["Hà Nội, 05/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["Trân trọng kính chào!", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["Xin chân thành cảm ơn quý cơ quan!", "Người làm đơn", "Nguyễn Văn An"],
            ["T/M BCH CÔNG ĐOÀN", "CHỦ TỊCH", "Nguyễn Văn An"],
            ["TM. Ban chấp hành Công đoàn", "Chủ tịch", "Nguyễn Văn An"],
            ["Q. CHỦ TỊCH", "Nguyễn Văn An"], ["GIÁM ĐỐC CÔNG TY", "Nguyễn Văn An"],
            ["Người đề nghị", "Nguyễn Văn An"], ["Người khiếu nại", "Nguyễn Văn An"],
            ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An", "- 2 -"],
            ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An", "Trang 2/2"],
            ["ĐẠI DIỆN CÁC HỘ DÂN", "(Ký, ghi rõ họ tên)", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"],
            ["(Ký tên)", "______", "Nguyễn Văn An"],
            ["Nơi nhận:", "- Đ/c Chủ tịch UBND phường;", "- Các đ/c Ủy viên BTV;", "- Lưu: VT."],
        ]
        for closing in closings {
            #expect(DocumentClosing.closingCount(petitions + closing) == closing.count, "\(closing)")
        }
        // Still petitions: a district's "Q." before its name, a figure alone, a dated incident in figures.
        for ending in ["Q. Ba Đình xả rác", "Q. Tân Phú, 12/3/2019", "Cháy Chợ Mơ, 12/3/2019", "15"] {
            #expect(DocumentClosing.closingCount(petitions + [ending]) == 0, "\(ending)")
        }
        #expect(DocumentClosing.closingCount(petitions + ["Cháy Chợ Mơ, 12/3/2019", "CHỦ TỊCH"]) == 1)
        // A sixth round: what a body says after a colon, incidents dated above a signature.
        for ending in [
            "TM. Tổ dân phố 5: đèn đường tắt cả tháng", "TM. Hội người cao tuổi: đường ngõ 5 tối om",
            "THAY MẶT HỘI CỰU CHIẾN BINH: ĐƯỜNG NGÕ 5 TỐI OM",
        ] {
            #expect(DocumentClosing.closingCount(petitions + [ending]) == 0, "\(ending)")
        }
        for incident in [
            "Nước tràn phố Huế, 12/9/2019", "NƯỚC THẢI TRÀN PHỐ HUẾ, 12/9/2019", "RÁC THẢI PHƯỜNG 5, 12/9/2019",
            "Nước tràn phố Huế, ngày 12 tháng 9 năm 2019",
        ] {
            #expect(DocumentClosing.closingCount(petitions + [incident, "NGƯỜI TỔNG HỢP", "Nguyễn Văn An"]) == 2)
        }
        // A seventh round: in title case or after "Q.", a mark over anything but a position or
        // a body's name is a petition's start; a complaint's title dated in figures; a complaint
        // about a comrade under "Nơi nhận:".
        for ending in [
            "Q. Giám đốc Công an tỉnh bao che cấp dưới", "Q. Chủ tịch UBND phường gây khó dễ cho dân",
            "KT. Chủ tịch UBND phường đi vắng thường xuyên", "TM. Ban quản lý chợ thu phí cao gấp đôi",
            "TM Công ty Thương mại ABC xả thải ra kênh", "Q. Phường 5 rác thải tràn lan",
            "Q. GIÁM ĐỐC CÔNG AN TỈNH BAO CHE CẤP DƯỚI",
        ] {
            #expect(DocumentClosing.closingCount(petitions + [ending]) == 0, "\(ending)")
            #expect(DocumentClosing.closingCount(petitions + [ending, "Trân trọng cảm ơn!"]) == 0, "\(ending)")
        }
        for title in ["Giá Điện Tăng Vọt, 05/3/2019", "Tiền Điện Tăng Cao, 05/3/2019"] {
            #expect(DocumentClosing.closingCount(petitions + [title, "NGƯỜI TỔNG HỢP", "Nguyễn Văn An"]) == 2)
        }
        let recipients = ["Nơi nhận:", "- Như trên;", "- Đ/c Tổ trưởng tổ dân phố 5 thu tiền vệ sinh gấp đôi;"]
        #expect(DocumentClosing.closingCount(petitions + recipients + ["- Lưu: VT."]) == 0)
        // An eighth: complaint titles dated after "ngày", positions "bỏ dân", bodies that demand.
        for title in ["Đường Trần Phú Hư Hỏng, ngày 12/9/2019", "Ngõ Số Năm Tối Om, ngày 13/3/2019"] {
            #expect(DocumentClosing.closingCount(petitions + [title, "Người đề nghị", "Nguyễn Văn An"]) == 2)
        }
        for ending in [
            "Chủ tịch xã bỏ dân", "CHỦ TỊCH PHƯỜNG XA DÂN", "THAY MẶT CÔNG ĐOÀN ĐÒI TĂNG LƯƠNG",
            "THAY MẶT HỘI CCB TỐ CÁO CHỦ TỊCH XÃ THAM NHŨNG",
        ] {
            #expect(DocumentClosing.closingCount(petitions + [ending]) == 0, "\(ending)")
        }
        #expect(DocumentClosing.closingCount(petitions + ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Nguyễn Văn An"]) == 3)
    }

    /// A third hostile round: incidents dated after a capitalised place ("Cháy Chợ Mơ, ngày
    /// 12/3/2019"), a date alone, a petition ending on "của" above the officials it names, a
    /// signatory mark over a complaint.
    @Test func datedIncidentsAndNamedOfficialsStayPetitions() {
        let petition = Self.petitions[0]
        for dated in [
            "Cháy Chợ Mơ, ngày 12/3/2019", "Sập Cầu Chương Dương, ngày 12/3/2019", "Vỡ Đê Sông Hồng, ngày 12/3/2019",
            "Trạm Y Tế Đóng Cửa, ngày 12/3/2019", "UBND Phường Kim Liên, ngày 12/3/2019",
            "Hà Nội, ngày 12 tháng 3 năm 2019", "TM. UBND XÃ KÝ QUYẾT ĐỊNH SAI",
        ] {
            #expect(DocumentClosing.closingCount([petition, dated]) == 0, "\(dated)")
        }
        #expect(DocumentClosing.closingCount([petition, "Cháy Chợ Mơ, ngày 12/3/2019", "CHỦ TỊCH"]) == 1)
        let named = ["Đề nghị làm rõ trách nhiệm của", "CHỦ TỊCH UBND PHƯỜNG", "Nguyễn Văn Bình"]
        #expect(DocumentClosing.closingCount(named + ["Hà Nội, ngày 12/3/2019", "CHỦ TỊCH", "Lê Văn An"]) == 3)
    }

    /// A fourth hostile round: the last item of a bulleted list naming an official ("- Trưởng
    /// thôn"), a petition running on after "các ông".
    @Test func listItemsAreNoSignature() {
        let petition = "Cử tri phản ánh về cán bộ xã"
        for item in ["- Trưởng thôn", "+ Kế toán trưởng", "* GIÁM ĐỐC", "• Trưởng thôn", "- (Đã ký)", "- CHỦ TỊCH"] {
            #expect(DocumentClosing.closingCount([petition, "- Chủ tịch xã không tiếp dân", item]) == 0, "\(item)")
        }
        #expect(
            DocumentClosing.closingCount([
                "Đề nghị làm rõ trách nhiệm của các ông", "CHỦ TỊCH UBND XÃ", "Nguyễn Văn An",
            ])
                == 0)
    }

    /// Closings as Word exports them (no-break spaces, a zero-width space) and in the
    /// further shapes the round found unread.
    @Test func closingsInTheirUsualVariants() {
        let nbsp = [
            "Nơi\u{A0}nhận:", "-\u{A0}Như\u{A0}trên;", "TM.\u{A0}BAN\u{A0}THƯỜNG\u{A0}TRỰC", "CHỦ\u{200B} TỊCH",
        ]
        #expect(DocumentClosing.closingCount(nbsp) == 4)
        #expect(DocumentClosing.closingCount([Self.petitions[0], "Đống Đa, ngày 12/3/2019", "CHỦ TỊCH"]) == 2)
        for line in [
            "CHỦ TỊCH HĐND", "GIÁM ĐỐC SỞ", "Tổ trưởng tổ dân phố", "Bí thư chi bộ", "(ký)",
            "(Chữ ký)", "Ký tên", "Đã ký tên", "XÁC NHẬN CỦA UBND PHƯỜNG", "THỦ TRƯỞNG ĐƠN VỊ",
        ] {
            #expect(DocumentClosing.closingCount([Self.petitions[0], line]) == 1, "\(line)")
        }
        #expect(DocumentClosing.closingCount(["Kính đơn!", "Người làm đơn", "Nguyễn Thị Hồng"]) == 3)
    }

    /// No line of a real petition closes a document, at a file's end or alone.
    @Test(.enabled(if: TestData.shared("train-real.jsonl") != nil)) func realPetitionsAreNoClosing() throws {
        var texts: [String] = []
        for name in ["eval-dev.jsonl", "train-real.jsonl"] {
            let data = try Data(contentsOf: try #require(TestData.shared(name)))
            texts += GoldPetition.readJSONLines(data).petitions.map(\.text)
        }
        #expect(texts.count > 900)
        expectNoClosing(texts)
    }

    /// Nor does a line of the composed corpus (voices, abbreviations, unaccented text).
    @Test func composedPetitionsAreNoClosing() throws {
        var texts: [String] = []
        for name in ["petitions-dev.jsonl", "petitions-test.jsonl"] {
            let data = try Data(contentsOf: TestData.repositoryRoot.appendingPathComponent("Corpus/labelled/\(name)"))
            texts += GoldPetition.readJSONLines(data).petitions.map(\.text)
        }
        #expect(texts.count > 700)
        expectNoClosing(texts)
    }

    func expectNoClosing(_ texts: [String]) {
        for text in texts {
            let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
                .filter { !$0.isEmpty }
            #expect(DocumentClosing.closingCount([Self.petitions[0]] + lines) == 0, "\(text.prefix(80))")
            for line in lines {
                #expect(DocumentClosing.closingCount([line]) == 0, "\(line.prefix(80))")
            }
        }
    }
}
