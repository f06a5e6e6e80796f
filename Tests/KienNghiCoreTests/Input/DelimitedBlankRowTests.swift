import Foundation
import Testing

@testable import KienNghiCore

@Suite("CSV blank rows")
struct DelimitedBlankRowTests {
    static let petitions = [
        "Công ty nợ lương công nhân ba tháng liền và đề nghị can thiệp.",
        "Đường vào khu công nghiệp bị ngập mỗi khi mưa lớn.",
    ]

    /// A row of separators only (or of blank cells) above the header is a blank row:
    /// neither the header, nor what decides the delimiter, nor a title row.
    @Test(arguments: [",,,,,", ",,,,,,,,,,,,", ";;;;;", "\"\",\"\",\"\",\"\"", " , , ,", "\t\t\t"], [",", ";"])
    func aWideEmptyRowAboveTheHeaderIsBlank(empty: String, separator: String) throws {
        for header in [["STT", "Nội dung kiến nghị", "Đơn vị"], ["Số", "Phản ánh", "Nơi"]] {
            let rows = [header] + Self.petitions.enumerated().map { ["\($0.offset + 1)", $0.element, "KCN A"] }
            let csv = Array(
                ([empty, empty] + rows.map { $0.joined(separator: separator) }).joined(separator: "\n").utf8)
            let source = try PetitionReaders.text.open(bytes: csv, name: "don.csv", options: .init())
            #expect(source.columns == header, "\(empty) \(separator) \(header)")
            var texts: [String] = []
            var rejected: [RejectedRow] = []
            try source.read(batchSize: 5, { texts += $0.map(\.text) }, rejected: { rejected.append($0) })
            #expect(texts == Self.petitions, "\(empty) \(separator) \(header)")
            #expect(rejected.isEmpty, "\(empty) \(separator) \(rejected.map { "\($0.reason) \($0.location)" })")
        }
    }

    /// A row of spaces wider than the header above a title row is blank for the reading pass
    /// too (which stores only the header's cells), so the title stays the title and the header
    /// never becomes a petition.
    @Test func aWideRowOfSpacesAboveATitleStaysBlank() throws {
        let rows =
            [" , , , , , , ", "DANH SÁCH KIẾN NGHỊ CỦA CÔNG NHÂN,,", "STT,Nội dung,Ghi chú"]
            + Self.petitions.enumerated().map { "\($0.offset + 1),\($0.element)," }
        let csv = Array(rows.joined(separator: "\n").utf8)
        let source = try PetitionReaders.text.open(bytes: csv, name: "don.csv", options: .init())
        #expect(source.columns == ["STT", "Nội dung", "Ghi chú"])
        var texts: [String] = []
        var rejected: [RejectedRow] = []
        try source.read(batchSize: 5, { texts += $0.map(\.text) }, rejected: { rejected.append($0) })
        #expect(texts == Self.petitions)
        #expect(rejected.map(\.reason) == [.title], "\(rejected.map { "\($0.reason) \($0.location)" })")
    }
}
