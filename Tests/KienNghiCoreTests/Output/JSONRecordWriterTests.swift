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

    @Test(arguments: [vietnamese, english])
    func classificationFieldsMatchJSONEncoder(presenter: ClassificationPresenter) {
        for (index, text) in Self.samples().enumerated() {
            let classification = defaultClassifier.classify(text)
            let petition = ClassifiedPetition(
                record: PetitionRecord(id: "r\(index)", text: "", cells: [], location: index + 1),
                classification: classification, file: "x.csv")
            var bytes: [UInt8] = []
            JSONRecordWriter.append(petition, presenter: presenter, columnKeys: [], withFile: false, to: &bytes)
            let mine = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: #","columns":{}"#, with: "")
                .replacingOccurrences(of: #","text":"""#, with: "")
            let theirs = JSONLine.encode(
                ClassificationRecord(id: "r\(index)", classification: classification, presenter: presenter))
            #expect(mine == theirs, "record \(index) differs (\(presenter.language))")
        }
    }

    /// The decision's own JSON (its `Codable`) holds no words: every worded
    /// field of the outputs is added by the presenter, in its language.
    @Test func decisionsCarryNoWordsAndOutputsGetThemFromThePresenter() throws {
        let text = Self.texts[1]
        let classification = defaultClassifier.classify(text)
        let encoder = JSONEncoder()
        let parts: [String: Data] = [
            "themes": try encoder.encode(classification.themes),
            "candidates": try encoder.encode(classification.candidates),
            "urgency": try encoder.encode(classification.urgency), "agency": try encoder.encode(classification.agency),
        ]
        #expect(!classification.urgency.isEmpty && !classification.candidates.isEmpty)
        for (part, keys) in ClassificationRecord.wordedFields {
            let data = String(decoding: try #require(parts[part]), as: UTF8.self)
            for key in keys { #expect(!data.contains("\"\(key)\":"), "the decision's \(part) carries \(key)") }
        }
        let petition = ClassifiedPetition(
            record: PetitionRecord(id: "1", text: text, cells: [], location: 2), classification: classification,
            file: "x.csv")
        var objects: [[String: Any]] = []
        for presenter in [vietnamese, english] {
            var bytes: [UInt8] = []
            JSONRecordWriter.append(petition, presenter: presenter, columnKeys: [], withFile: false, to: &bytes)
            objects.append(try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]))
        }
        for (part, keys) in ClassificationRecord.wordedFields {
            for key in keys {
                let words = objects.map { Self.values(of: key, in: $0[part]) }
                #expect(!words[0].isEmpty, "\(part).\(key) is written")
                #expect(words[0] != words[1], "\(part).\(key) follows the presenter's language")
            }
        }
        let agency = try #require(classification.agency)
        #expect(
            objects[1]["agency"].flatMap { ($0 as? [String: Any])?["reason"] as? String }
                == english.reason(agency, asOf: classification.asOf))
    }

    /// The strings under `key` in an object or an array of objects.
    static func values(of key: String, in part: Any?) -> [String] {
        if let object = part as? [String: Any] { return (object[key] as? String).map { [$0] } ?? [] }
        return (part as? [[String: Any]] ?? []).compactMap { $0[key] as? String }
    }

    @Test func everyColumnAndTheTextAreKeptExactly() throws {
        let text = "Lương \u{202E}tháng 5\u{202C} \"chưa\" trả\r\nở KCN"
        let classification = defaultClassifier.classify(text)
        let record = PetitionRecord(id: "7", text: text, cells: ["7", "=cmd", text, "", "thừa"], location: 8)
        let petition = ClassifiedPetition(record: record, classification: classification, file: "a/b.csv")
        var bytes: [UInt8] = []
        JSONRecordWriter.append(
            petition, presenter: vietnamese,
            columnKeys: JSONLinesPetitionWriter.uniqueKeys(["STT", "Ghi chú", "Nội dung", "Ghi chú"]),
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
