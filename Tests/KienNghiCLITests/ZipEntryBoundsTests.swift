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
        var deflate64 = try OfficeFixture.entry("word/document.xml", Self.document)
        deflate64.method = 9
        #expect(problem(OfficeFixture.rawZip([deflate64]), "method.docx") == .unsupportedCompression(method: 9))
        // A package zipped again with a password.
        var zipCrypto = try OfficeFixture.entry("word/document.xml", Self.document)
        zipCrypto.flags = 1
        #expect(problem(OfficeFixture.rawZip([zipCrypto]), "zipped.docx") == .passwordProtected)
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

    /// A valid one-entry package's bytes, for tests that then damage its framing.
    func plain() throws -> [UInt8] {
        [UInt8](OfficeFixture.rawZip([try OfficeFixture.entry("word/document.xml", Self.document)]))
    }

    @Test func theDirectoryMustEndWhereItsEndRecordStarts() throws {
        // Bytes slipped between the directory and its end record could hold
        // entries one ZIP reader sees and another does not.
        var gap = try plain()
        gap.insert(contentsOf: [0, 0, 0, 0], at: gap.count - 22)
        #expect(problem(Data(gap), "gap.docx") == .damagedPackage)
        // Trailing bytes after the end record that its comment length does not cover.
        #expect(problem(Data(try plain() + [0x20, 0x20]), "tail.docx") == .damagedPackage)
        // A comment that does cover them is fine.
        var commented = try plain()
        commented[commented.count - 2] = 2
        #expect(try texts(Data(commented + [0x20, 0x20]), "comment.docx").count == 40)
    }

    @Test func anEndRecordHiddenInTheCommentIsDamage() throws {
        // Package B's directory and end record inside package A's comment: readers searching
        // from the end read B, one checking the comment reads A; which is meant is a guess.
        let a = try plain()
        let b = [UInt8](
            OfficeFixture.rawZip([
                try OfficeFixture.entry("word/document.xml", Array("<w:document/>".utf8))
            ]))
        var both = a
        let comment = b.count
        both[both.count - 2] = UInt8(comment & 0xFF)
        both[both.count - 1] = UInt8(comment >> 8)
        #expect(problem(Data(both + b), "two.docx") == .damagedPackage)
        // The same with a byte after B that A's comment covers: B no longer reaches the end.
        both[both.count - 2] = UInt8((comment + 1) & 0xFF)
        both[both.count - 1] = UInt8((comment + 1) >> 8)
        #expect(problem(Data(both + b + [0x20]), "two.docx") == .damagedPackage)
    }

    @Test func recordsTheCountDoesNotDeclareAreDamage() throws {
        var bytes = try plain()
        // The end record says no entries while the directory holds one.
        bytes[bytes.count - 12] = 0
        bytes[bytes.count - 14] = 0
        #expect(problem(Data(bytes), "uncounted.docx") == .damagedPackage)
    }

    @Test func theDataMustHaveTheSizeTheDirectorySays() throws {
        var short = try OfficeFixture.entry("word/document.xml", Self.document)
        short.uncompressedSize += 1
        #expect(problem(OfficeFixture.rawZip([short]), "size.docx") == .damagedEntry)
        // A stored entry whose two sizes differ cannot be read either way.
        var stored = try OfficeFixture.entry("word/document.xml", Self.document, method: 0)
        stored.uncompressedSize -= 1
        #expect(problem(OfficeFixture.rawZip([stored]), "stored.docx") == .damagedEntry)
    }

    @Test func aLocalHeaderNamingAnotherPartIsDamage() throws {
        var renamed = try OfficeFixture.entry("word/document.xml", Self.document)
        renamed.localName = "word/documenT.xml"
        #expect(problem(OfficeFixture.rawZip([renamed]), "renamed.docx") == .damagedEntry)
    }

    @Test func partsAreFoundAsOfficeNamesThemAndALinkCannotHideOne() throws {
        // Office compares part names case-insensitively.
        let upper = try OfficeFixture.entry("Word/Document.xml", Self.document)
        #expect(try texts(OfficeFixture.rawZip([upper]), "upper.docx").count == 40)
        // A link stored under the part's name beside the part: which one is meant is a guess.
        var link = try OfficeFixture.entry("word/document.xml", Array("/etc/passwd".utf8), method: 0)
        link.unixMode = 0o120777
        let document = try OfficeFixture.entry("word/document.xml", Self.document)
        #expect(
            problem(OfficeFixture.rawZip([link, document]), "linked.docx")
                == .duplicatePart(name: "word/document.xml"))
        // A link alone is not the part.
        #expect(problem(OfficeFixture.rawZip([link]), "link.docx") == .damagedEntry)
    }

    /// Writes `value` little-endian over `bytes` at `offset` (a field of a package under test).
    func patch(_ bytes: inout [UInt8], at offset: Int, _ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    @Test func aZip64EndRecordIsReadWhenPresentAndMustAgreeWithTheClassicOne() throws {
        let zip64 = [UInt8](
            OfficeFixture.rawZip([try OfficeFixture.entry("word/document.xml", Self.document)], zip64: true))
        let end = zip64.count - 22
        let record = end - 20 - 56
        let directorySize = zip64[(record + 40)..<(record + 48)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let directoryOffset = zip64[(record + 48)..<(record + 56)].reversed().reduce(0) { $0 << 8 | Int($1) }
        // Writers that always add the ZIP64 record fill in the classic fields where they fit.
        var unsaturated = zip64
        patch(&unsaturated, at: end + 12, UInt32(directorySize))
        patch(&unsaturated, at: end + 16, UInt32(directoryOffset))
        #expect(try texts(Data(unsaturated), "z64.docx").count == 40)
        // The two records telling different directories: which one is meant is a guess.
        var disagreeing = unsaturated
        patch(&disagreeing, at: end + 12, UInt32(directorySize - 1))
        #expect(problem(Data(disagreeing), "z64.docx") == .damagedPackage)
        // A ZIP64 directory size off by one, a record that does not reach its locator, a second disk.
        var offByOne = zip64
        patch(&offByOne, at: record + 40, UInt64(directorySize + 1))
        var shortRecord = zip64
        patch(&shortRecord, at: record + 4, UInt64(40))
        var secondDisk = zip64
        patch(&secondDisk, at: record + 16, UInt32(1))
        for (name, bytes) in [("size", offByOne), ("record", shortRecord), ("disk", secondDisk)] {
            #expect(problem(Data(bytes), "\(name).docx") == .damagedPackage, "\(name)")
        }
    }

    @Test func aLocalHeaderTellingAnotherMethodOrNameLengthIsDamage() throws {
        var longer = try OfficeFixture.entry("word/document.xml", Self.document)
        longer.localName = "word/document.xml.bak"
        #expect(problem(OfficeFixture.rawZip([longer]), "longer.docx") == .damagedEntry)
        // A streaming reader would take the stored bytes as they are; the directory says deflated.
        var bytes = [UInt8](OfficeFixture.rawZip([try OfficeFixture.entry("word/document.xml", Self.document)]))
        patch(&bytes, at: 8, UInt16(0))
        #expect(problem(Data(bytes), "method.docx") == .damagedEntry)
    }

    @Test func partNamesFoldOnlyASCIICase() throws {
        // U+212A KELVIN SIGN lowercases to "k": Office would not take it for the sheet,
        // so it is neither read nor a second copy of it.
        let rows = OfficeFixture.row(1, ["Nội dung kiến nghị"]) + OfficeFixture.row(2, ["Đề nghị tăng lương"])
        var parts = try OfficeFixture.xlsxParts(rowsXML: Array(rows.utf8)).map {
            try OfficeFixture.entry($0.name, $0.bytes)
        }
        parts.insert(try OfficeFixture.entry("xl/wor\u{212A}sheets/sheet1.xml", []), at: 0)
        #expect(try texts(OfficeFixture.rawZip(parts), "kelvin.xlsx") == ["Đề nghị tăng lương"])
    }

    @Test func aPasswordProtectedOfficeFileIsSaidSo() {
        // Excel and Word write such a file as an OLE compound file whose directory
        // (here its first sector, after the 512-byte header) holds an `EncryptedPackage` stream.
        func compoundFile(_ streams: [String]) -> Data {
            var bytes = [UInt8](repeating: 0, count: 512)
            bytes.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            bytes[0x1E] = 9
            for stream in streams {
                var entry = stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                entry += [UInt8](repeating: 0, count: 128 - entry.count)
                bytes += entry
            }
            return Data(bytes + [UInt8](repeating: 0, count: 512))
        }
        let encrypted = compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"])
        #expect(problem(encrypted, "locked.xlsx") == .passwordProtected)
        #expect(problem(encrypted, "locked.docx") == .passwordProtected)
        // An old .xls is another compound file: not a package, as before.
        #expect(problem(compoundFile(["Root Entry", "Workbook"]), "old.xlsx") == .notAPackage)
    }
}
