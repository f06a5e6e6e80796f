import Foundation
import Testing

@testable import KienNghiCore
@testable import KienNghiOffice

/// The XLSX writer keeps its rows on disk, not in memory, and refuses more
/// rows than a sheet can hold with a typed failure that leaves no file behind.
@Suite("XLSX writer bounds")
struct XLSXWriterBoundsTests {
    static let classification = Classifier(lexicon: try! LexiconLoader().load().lexicon).classify(
        "Công ty nợ đóng BHXH 7 tháng, công nhân chưa được chốt sổ.")

    /// Generated petitions: long enough that the rows spill in several blocks.
    static func petitions(_ count: Int) -> [ClassifiedPetition] {
        (0..<count).map { index in
            let text =
                "Kiến nghị số \(index): " + String(repeating: "lương tháng \(index % 97) chưa trả; ", count: 40)
                + "hết."
            return ClassifiedPetition(
                record: PetitionRecord(id: "\(index)", text: text, cells: ["\(index)", text], location: index + 2),
                classification: classification, file: "x.csv")
        }
    }

    @Test func rowsSpillToDiskAndReadBackWhole() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("big.xlsx").path
        let writer = try XLSXPetitionWriter(
            path: path, inputs: [], inputColumns: ["STT", "Nội dung"], withFileColumn: false,
            presenter: ClassificationPresenter(language: .vi, lexicon: try LexiconLoader().load().lexicon))
        let petitions = Self.petitions(1_500)  // ~2 MB of sheet XML: more than one 1 MiB spill block
        for start in stride(from: 0, to: petitions.count, by: 256) {
            try writer.write(Array(petitions[start..<min(start + 256, petitions.count)]))
        }
        try writer.finish()
        let source = try XLSXPetitionSource(path: path, textColumn: "Nội dung")
        var texts: [String] = []
        try source.read(batchSize: 500, { texts += $0.map(\.text) }, rejected: { _ in })
        #expect(texts == petitions.map(\.record.text))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["big.xlsx"])
    }

    @Test func oneRowTooManyIsATypedFailureAndNoFile() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("small.xlsx").path
        let writer = try XLSXPetitionWriter(
            path: path, inputs: [], inputColumns: ["STT", "Nội dung"], withFileColumn: false,
            presenter: ClassificationPresenter(language: .vi, lexicon: try LexiconLoader().load().lexicon),
            maximumRows: 3)
        try writer.write(Self.petitions(3))
        #expect(throws: AtomicOutputFile.Failure.tooManyRows(path: path, limit: 3)) {
            try writer.write(Self.petitions(1))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(XLSXPetitionWriter.maximumRows == 1_048_575)
    }
}
