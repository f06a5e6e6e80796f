import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

/// The ZIP layer under XLSX and DOCX on packages no ZIP writer would make: every
/// read stops at the entry's bounds, so damage ends in an error naming the part.
/// Each test has a time limit because the failure these guard against was a loop.
@Suite("ZIP entry bounds", .timeLimit(.minutes(1)))
struct ZipEntryBoundsTests {
    static let document = Array(
        (OfficeFixture.documentOpen
            + (1...40).map { OfficeFixture.paragraph("Kiến nghị số \($0): công nhân đề nghị tăng lương") }.joined()
            + "</w:body></w:document>").utf8)

    func problem(_ package: Data, _ name: String) -> OfficeFailure.Problem? {
        do {
            let source = try PetitionSources.open(bytes: Array(package), name: name, options: .init())
            try source.read(batchSize: 5, { _ in }, rejected: { _ in })
        } catch InputFailure.office(_, let failure) {
            return failure.problem
        } catch {
            Issue.record("not an Office failure: \(error)")
        }
        return nil
    }

    func texts(_ package: Data, _ name: String) throws -> [String] {
        var texts: [String] = []
        let source = try PetitionSources.open(bytes: Array(package), name: name, options: .init())
        try source.read(batchSize: 5, { texts += $0.map(\.text) }, rejected: { _ in })
        return texts
    }

    @Test func aDeflateStreamCutShortUnderConsistentSizesIsADamagedEntry() throws {
        // Found by fuzzing: the inflate loop asked for more input forever.
        var entry = try OfficeFixture.entry("word/document.xml", Self.document)
        entry.payload = Array(entry.payload.prefix(entry.payload.count / 2))
        entry.compressedSize = UInt32(entry.payload.count)
        #expect(problem(OfficeFixture.rawZip([entry]), "cut.docx") == .damagedEntry)
        // The same with more entries after it, whose bytes must not be read as its continuation.
        let after = try OfficeFixture.entry("docProps/app.xml", Array(repeating: UInt8(ascii: " "), count: 5000))
        #expect(problem(OfficeFixture.rawZip([entry, after]), "cut.docx") == .damagedEntry)
    }

    @Test func aSheetCutShortIsADamagedEntryToo() throws {
        let rows =
            OfficeFixture.row(1, ["STT", "Nội dung kiến nghị"])
            + (2...200).map { OfficeFixture.row($0, ["\($0)", "Đề nghị sửa đường vào khu công nghiệp số \($0)"]) }
            .joined()
        var parts = try OfficeFixture.xlsxParts(rowsXML: Array(rows.utf8)).map {
            try OfficeFixture.entry($0.name, $0.bytes)
        }
        let sheet = try #require(parts.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        parts[sheet].payload = Array(parts[sheet].payload.prefix(parts[sheet].payload.count - 40))
        parts[sheet].compressedSize = UInt32(parts[sheet].payload.count)
        #expect(problem(OfficeFixture.rawZip(parts), "cut.xlsx") == .damagedEntry)
    }

    @Test func sizesOrOffsetsPointingOutsideThePackageAreDamage() throws {
        var tooLong = try OfficeFixture.entry("word/document.xml", Self.document)
        tooLong.compressedSize += 10_000
        #expect(problem(OfficeFixture.rawZip([tooLong]), "long.docx") == .damagedEntry)
        // A central directory said to start past the end of the file.
        var bytes = [UInt8](OfficeFixture.rawZip([try OfficeFixture.entry("word/document.xml", Self.document)]))
        bytes[bytes.count - 6] = 0xFF
        bytes[bytes.count - 5] = 0xFF
        #expect(problem(Data(bytes), "moved.docx") == .damagedPackage)
    }

    @Test func storedEntriesAreReadAndTheirChecksumChecked() throws {
        let stored = try OfficeFixture.entry("word/document.xml", Self.document, method: 0)
        let read = try texts(OfficeFixture.rawZip([stored]), "stored.docx")
        #expect(read.count == 40 && read.first == "Kiến nghị số 1: công nhân đề nghị tăng lương")
        var damaged = stored
        damaged.payload[damaged.payload.count / 2] ^= 0x20
        #expect(problem(OfficeFixture.rawZip([damaged]), "flipped.docx") == .damagedEntry)
        var encrypted = try OfficeFixture.entry("word/document.xml", Self.document)
        encrypted.method = 99
        #expect(problem(OfficeFixture.rawZip([encrypted]), "method.docx") == .damagedEntry)
    }

    @Test(arguments: [false, true])
    func theRawWriterMakesPackagesTheReaderReads(zip64: Bool) throws {
        // Guards the fixture: without it every test above could pass on a package never readable.
        // ZIP64 directories (sizes and offsets in the extra field) are read as well.
        let entries = [
            try OfficeFixture.entry("docProps/app.xml", Array("<Properties/>".utf8)),
            try OfficeFixture.entry("word/document.xml", Self.document),
        ]
        let read = try texts(OfficeFixture.rawZip(entries, zip64: zip64), "whole.docx")
        #expect(read.count == 40)
    }
}
