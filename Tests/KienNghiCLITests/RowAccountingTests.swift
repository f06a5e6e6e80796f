import ArgumentParser
import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

/// Issue 10, deliver 3: for any input, rows read = classified + review + rejected,
/// and the rejected-rows file lists exactly the rejected rows.
@Suite("Row accounting", .serialized)
struct RowAccountingTests {
    /// A messy CSV with known counts: good rows under three line-end styles and
    /// every kind of bad row; blank lines are not rows.
    static func messyCSV() -> (bytes: [UInt8], rows: Int, good: Int, rejected: Int) {
        var text = "STT,Nội dung kiến nghị,Ghi chú\r\n"
        let ends = ["\n", "\r\n", "\r"]
        var good = 0
        var rejected = 0
        for index in 0..<20 {
            text += "\(index + 1),\"Công ty nợ lương công nhân \(index) tháng, đề nghị can thiệp\",\(ends[index % 3])"
            good += 1
            if index % 5 == 0 { text += ends[index % 3] }  // a blank line: not a row
        }
        for index in 0..<3 {
            // Invisible marks alone (zero-width space, byte order mark) are empty too.
            text += index == 2 ? "e\(index),\u{200B}\u{FEFF} ,\n" : "e\(index),   ,\n"
            rejected += 1
        }  // empty text
        for index in 0..<2 {
            text += "q\(index),Trích \"sai\" chỗ,\r"
            rejected += 1
        }  // stray quote
        for index in 0..<2 {
            text += "c\(index),Đường ngập,a,b,c\r\n"
            rejected += 1
        }  // too many cells
        text += "l1,\"\(String(repeating: "Dài quá ", count: InputLimits.maxPetitionBytes / 8))\",\n"
        rejected += 1
        text += "u1,\"Ngoặc mở mà không đóng\nvà còn tiếp\n"
        rejected += 1
        return (Array(text.utf8), good + rejected, good, rejected)
    }

    @Test func rowsReadEqualClassifiedPlusReviewPlusRejected() throws {
        let messy = Self.messyCSV()
        let path = temporaryFolder().appendingPathComponent("messy.csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(messy.bytes))
        let processor = try PileOptions.parse([path]).processor()
        var petitions = 0
        var streamed: [RejectedRow] = []
        let summary = try processor.run([path], rejectedRow: { streamed.append($0) }, { petitions += $0.count })
        #expect(summary.rows == messy.rows)
        #expect(summary.read == messy.good && petitions == messy.good)
        #expect(summary.rejectedCount == messy.rejected && streamed.count == messy.rejected)
        #expect((summary.classified - summary.review) + summary.review + summary.rejectedCount == summary.rows)
        #expect(Set(streamed.map(\.reason)) == [.emptyText, .malformedRow, .tooLong])
        #expect(
            summary.line(.en).hasPrefix(
                "Read \(messy.rows) rows = classified \(summary.classified - summary.review) + sent to review \(summary.review) + rejected \(messy.rejected)"
            ))
        #expect(summary.line(.vi).hasPrefix("Đã đọc \(messy.rows) dòng = "))
        // Every rejected row names its line and (UTF-8 input) its byte offset, which points at the row.
        for row in streamed {
            let offset = try #require(row.byteOffset)
            let start = String(decoding: messy.bytes[offset..<min(messy.bytes.count, offset + 2)], as: UTF8.self)
            #expect(["e", "q", "c", "l", "u"].contains(String(start.prefix(1))), "row at byte \(offset): \(start)")
        }
    }

    @Test func rejectedRowsFileListsEveryRejectedRow() throws {
        let messy = Self.messyCSV()
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("messy.csv").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(messy.bytes))
        let list = folder.appendingPathComponent("bi-loai.csv").path
        let code = exitCode {
            try ClassifyCommand.parse([
                path, "-o", folder.appendingPathComponent("out.csv").path, "--rejected", list, "--lang", "en",
            ]).run()
        }
        #expect(code == 3)
        let bytes = Array(try #require(FileManager.default.contents(atPath: list)))
        var parser = DelimitedTextParser(delimiter: 0x2C)
        let records = parser.feed(bytes.dropFirst(3))
        #expect(records.first?.cells == ["file", "line", "byte", "reason code", "reason", "excerpt"])
        #expect(records.count == messy.rejected + 1)
        #expect(
            records.dropFirst().allSatisfy {
                $0.cells.count == 6 && $0.cells[0] == path && Int($0.cells[1]) != nil && Int($0.cells[2]) != nil
            })
        #expect(records.dropFirst().map { $0.cells[3] }.filter { $0 == "too-long" }.count == 1)
        #expect(records.last?.cells[4].contains("never closed") == true)
        // No temporary file is left beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("kiennghi-tmp") }
                .isEmpty)
    }

    @Test func jsonLinesAccounting() throws {
        let lines = [
            "{\"text\":\"Công ty nợ lương\"}", "", "not json", "{\"text\":\"\"}", "{\"id\":7}",
            "{\"text\":\"Đường ngập\"}",
        ]
        let path = temporaryFolder().appendingPathComponent("messy.jsonl").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\r\n").utf8))
        let summary = try PileOptions.parse([path]).processor().run([path]) { _ in }
        #expect(summary.rows == 5 && summary.read == 2 && summary.rejectedCount == 3)
        #expect(summary.rejected.map(\.location) == [3, 4, 5])
    }

    @Test func aNamedPipeIsNotOpenedTwiceByColumnSniffing() throws {
        // classify asks for the columns before the run: the same open source must be reused.
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)!
            handle.write(Data("id,text\n1,Công ty nợ lương công nhân\n2,Đường ngập nước\n".utf8))
            try? handle.close()
        }
        writer.start()
        let finished = LockedFlag()
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 20)
            if !finished.isSet, let handle = FileHandle(forWritingAtPath: path) { try? handle.close() }
        }
        watchdog.start()
        let output = folder.appendingPathComponent("out.csv").path
        let summary = try ClassifyCommand.parse([path, "-o", output]).execute()
        finished.set()
        #expect(summary.read == 2)
        #expect(
            String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self).contains(
                "Đường ngập nước"))
    }
}

extension RowAccountingTests {
    @Test func aBinaryFileRenamedCSVSaysWhatItIs() throws {
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("don.csv").path
        _ = FileManager.default.createFile(
            atPath: path,
            contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)))
        let summary = try PileOptions.parse([path]).processor().run([path]) { _ in }
        let failure = try #require(summary.failedFiles.first?.failure)
        #expect(failure.exitStatus == 13)
        let message = failure.message(.vi)
        #expect(message.contains("don.csv") && message.contains("Excel .xls") && message.contains("lưu lại dạng .xlsx"))
        #expect(!message.contains("trộn hai bảng mã"))
    }

    @Test func inputsWithoutAnyPetitionAreNotASuccess() throws {
        let folder = temporaryFolder()
        let headerOnly = folder.appendingPathComponent("header.csv").path
        _ = FileManager.default.createFile(atPath: headerOnly, contents: Data("STT,Nội dung kiến nghị\r\n".utf8))
        let allRejected = folder.appendingPathComponent("bad.jsonl").path
        _ = FileManager.default.createFile(atPath: allRejected, contents: Data("not json\n{\"text\": \"\"}\n".utf8))
        for path in [headerOnly, allRejected] {
            let code = exitCode {
                try ClassifyCommand.parse([path, "-o", folder.appendingPathComponent("out.csv").path]).run()
            }
            #expect(code == 10, "\(path)")
        }
    }

    @Test func oneTextCommandsRefuseHugeFilesWithAMessage() throws {
        let path = temporaryFolder().appendingPathComponent("huge.txt").path
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(repeating: 0x61, count: InputFiles.maxWholeFileBytes + 1))
        #expect {
            try InputFiles.readBytes(path, language: .en)
        } throws: { error in
            (error as? CLIError)?.message.contains("kiennghi classify") == true
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
    func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }
}
