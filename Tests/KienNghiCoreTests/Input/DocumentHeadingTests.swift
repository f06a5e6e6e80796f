import Testing

@testable import KienNghiCore

/// A summary copied out of an office document into plain text keeps the document's heading
/// above the petitions. Those lines had been read as petitions (sent to review and counted);
/// they are reported as a document's heading, and only while no petition has come yet.
@Suite("Document headings above plain-text lists")
struct DocumentHeadingTests {
    static let heading = [
        "ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 12/BC-MTTQ", "Bắc Từ Liêm, ngày 12 tháng 3 năm 2019",
        "TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
    ]
    static let petitions = [
        "Đề nghị sửa đường ngõ 12 phố Trần Bình bị xuống cấp, nhiều ổ gà.",
        "Công ty nợ tiền đóng BHXH của công nhân 6 tháng nay.",
        // A heading's words after the first petition are a petition's.
        "TỔNG HỢP CÁC KHOẢN THU Ở TRƯỜNG QUÁ NHIỀU",
    ]

    func read(_ text: String, name: String, header: HeaderRowChoice = .detect) throws -> (
        texts: [String], ids: [String], headings: [Int]
    ) {
        var records: [PetitionRecord] = []
        var headings: [Int] = []
        try PetitionReaders.text.open(bytes: Array(text.utf8), name: name, options: .init(header: header)).read(
            batchSize: 3, { records += $0 },
            rejected: {
                #expect($0.reason == .heading && !$0.reason.losesPetition)
                headings.append($0.location)
            })
        return (records.map(\.text), records.map(\.id), headings)
    }

    @Test func aDocumentsHeadingIsNoPetition() throws {
        let lines = Self.heading + Self.petitions
        let plain = try read(lines.joined(separator: "\n"), name: "tong-hop.txt")
        #expect(plain.texts == Self.petitions)
        #expect(plain.ids == ["1", "2", "3"])
        #expect(plain.headings == Array(1...Self.heading.count))
        // Blocks between blank lines: the heading's blocks are titles, the petitions' are read.
        let blocks = try read(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                + Self.petitions.map { $0 + "\ndòng thứ hai của kiến nghị" }.joined(separator: "\n\n"),
            name: "a.txt")
        #expect(blocks.texts == Self.petitions.map { $0 + "\ndòng thứ hai của kiến nghị" })
        #expect(blocks.headings == [1])
        // A list of one column (no commas) without header, saved as CSV.
        let csv = try read(
            lines.map { $0.replacingOccurrences(of: ",", with: "") }.joined(separator: "\n"), name: "a.csv")
        #expect(csv.texts == Self.petitions.map { $0.replacingOccurrences(of: ",", with: "") })
        #expect(csv.headings == Array(1...Self.heading.count))
        // --header none reads every line.
        #expect(try read(lines.joined(separator: "\n"), name: "a.txt", header: .absent).texts == lines)
    }

    /// Petitions opening like a heading's line are petitions: a body's name in a sentence,
    /// capitals that ask, a house number with a slash, a list's name ending with a full stop.
    @Test func petitionsOpeningLikeAHeadingStayPetitions() throws {
        let petitions = [
            "Quận Hoàng Mai ngập nặng sau mỗi trận mưa, đề nghị nạo vét cống.",
            "QUẬN HOÀNG MAI ĐỀ NGHỊ SỬA ĐƯỜNG NGÕ 5",
            "Số 5/12 ngõ 34 phố Tân Mai bị ngập sau mỗi trận mưa lớn",
            "Danh sách hộ nghèo của phường lập chưa đúng, nhiều ý kiến cử tri phản ánh.",
            "Ban quản lý chợ thu phí trông xe quá cao",
            "Ngày 12 tháng 3 năm 2019 công ty cho 40 công nhân nghỉ việc không báo trước",
            "Tổng hợp ý kiến đoàn viên công đoàn: nhà trọ tính tiền điện gấp đôi giá quy định",
        ]
        for petition in petitions {
            #expect(!DocumentHeading.isHeadingLine(petition), "\(petition)")
            #expect(
                try read(petition + "\n" + Self.petitions[0], name: "a.txt").texts == [petition, Self.petitions[0]])
        }
    }
}
