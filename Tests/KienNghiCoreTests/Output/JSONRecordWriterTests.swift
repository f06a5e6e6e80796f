import Foundation
import Testing

@testable import KienNghiCore

/// The byte-level JSONL writer must say exactly what JSONEncoder says about a
/// classification (same keys, order, numbers): if a field is added to the
/// decision model, this turns red until the writer learns it.
@Suite("JSON Lines record writer")
struct JSONRecordWriterTests {
    static let texts = [
        "Công ty nợ đóng BHXH 7 tháng, nhiều công nhân nghỉ việc chưa được chốt sổ bảo hiểm xã hội.",
        "Đường vào KCN Quang Minh giờ tan ca ùn tắc kéo dài, đã xảy ra tai nạn giao thông, đề nghị xử lý gấp.",
        "Chủ trọ ở huyện Đông Anh thu tiền điện quá cao, nước sinh hoạt bị cắt.",
        "Bếp ăn ca nhiều lần bị ngộ độc thực phẩm, công nhân phải đi cấp cứu.",
        "Xin cảm ơn.",
        "cong ty no luong 3 thang \"khong tra\" \\ tab\tvà xuống\ndòng",
    ]

    static func samples() -> [String] {
        var texts = Self.texts
        if let url = TestData.sharedEvalDev, let data = FileManager.default.contents(atPath: url.path) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n").prefix(300) {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let text = object["text"] as? String
                {
                    texts.append(text)
                }
            }
        }
        return texts
    }

    @Test func classificationFieldsMatchJSONEncoder() {
        for (index, text) in Self.samples().enumerated() {
            let classification = defaultClassifier.classify(text)
            let petition = ClassifiedPetition(
                record: PetitionRecord(id: "r\(index)", text: "", cells: [], location: index + 1),
                classification: classification, file: "x.csv")
            var bytes: [UInt8] = []
            JSONRecordWriter.append(petition, columnKeys: [], withFile: false, to: &bytes)
            let mine = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: #","columns":{}"#, with: "")
                .replacingOccurrences(of: #","text":"""#, with: "")
            let theirs = JSONLine.encode(ClassificationRecord(id: "r\(index)", classification: classification))
            #expect(mine == theirs, "record \(index) differs")
        }
    }

    @Test func everyColumnAndTheTextAreKeptExactly() throws {
        let text = "Lương \u{202E}tháng 5\u{202C} \"chưa\" trả\r\nở KCN"
        let classification = defaultClassifier.classify(text)
        let record = PetitionRecord(id: "7", text: text, cells: ["7", "=cmd", text, "", "thừa"], location: 8)
        let petition = ClassifiedPetition(record: record, classification: classification, file: "a/b.csv")
        var bytes: [UInt8] = []
        JSONRecordWriter.append(
            petition, columnKeys: JSONLinesPetitionWriter.uniqueKeys(["STT", "Ghi chú", "Nội dung", "Ghi chú"]),
            withFile: true, to: &bytes)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(object["id"] as? String == "7")
        #expect(object["file"] as? String == "a/b.csv")
        let columns = try #require(object["columns"] as? [String: String])
        #expect(columns == ["STT": "7", "Ghi chú": "=cmd", "Nội dung": text, "Ghi chú (4)": "", "column 5": "thừa"])
        #expect(
            !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains("\u{202E}"),
            "bidi controls are escaped, not raw")
    }
}
