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

    /// A petition longer than an Excel cell holds (32,767 characters) is never cut: the run stops
    /// with a typed failure naming the row and column, and leaves no file (hostile pass, 2026-12-08).
    @Test func aCellLongerThanExcelHoldsIsATypedFailureAndNoFile() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("long.xlsx").path
        let writer = try XLSXPetitionWriter(
            path: path, inputs: [], inputColumns: ["STT", "Nội dung"], withFileColumn: false,
            presenter: ClassificationPresenter(language: .vi, lexicon: try LexiconLoader().load().lexicon))
        try writer.write(Self.petitions(2))
        let text = String(repeating: "Đường ngõ 5 bị ngập. ", count: 1700)  // 35,700 characters
        let long = ClassifiedPetition(
            record: PetitionRecord(id: "9", text: text, cells: ["9", text], location: 4),
            classification: Self.classification, file: "x.csv")
        #expect(
            throws: AtomicOutputFile.Failure.cellTooLong(
                path: path, row: 4, column: "Nội dung", length: text.utf16.count, limit: 32_767)
        ) { try writer.write([long]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // The tool's own columns are cut to fit instead, visibly, on a character's boundary.
        let fitted = XLSXWorkbook.fitted(String(repeating: "ễ", count: 40_000))
        #expect(fitted.utf16.count == 32_767 && fitted.hasSuffix("ễ…"))
        #expect(XLSXWorkbook.fitted("ngắn") == "ngắn")
    }
}
