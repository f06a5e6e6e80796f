import ArgumentParser
import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore

/// "Messages never mix languages": every failure, rejected row and summary the
/// CLI prints is wholly English with `--lang en` (no Vietnamese letters outside
/// quoted user data: file names, column names, petition excerpts) and wholly
/// Vietnamese by default (no common English words).
@Suite("Messages never mix languages")
struct LanguageMixingTests {
    /// User data in the messages below: ASCII on purpose, so any Vietnamese letter left is wording.
    static let file = "input.csv"

    static var inputFailures: [InputFailure] {
        let f = file
        var failures: [InputFailure] = [
            .missing(path: f), .unreadable(path: f), .isDirectory(path: "folder"), .empty(path: f),
            .noTextColumn(path: f, columns: ["id", "note"]), .unknownColumn(path: f, name: "text", columns: ["id"]),
            .unsupportedFormat(path: "scan.pdf"), .corrupt(path: f, detail: "zip"), .tooLarge(path: f, detail: "zip"),
            .headerOnly(path: f, columns: ["id", "text"], titleRows: 2),
            .pipedPackageTooLarge(path: "-", limit: 1 << 26),
            .tooManyColumns(path: f, found: 99_999, limit: 16_384),
            .decoding(path: f, .invalidUTF8(offset: 7, byte: 0xC3, looksMixed: true)),
            .decoding(path: f, .invalidBytes(encoding: "tcvn3", offset: 9)),
            .decoding(path: f, .undetectable(bestGuess: "vni", confidence: 0.4)),
            .decoding(path: f, .unknownEncoding("latin9")), .decoding(path: f, .truncatedUTF16(length: 9)),
        ]
        for format in [BinaryFormat.xlsx, .docx, .zip, .oldOffice, .pdf, .png, .gzip, .elf, .sqlite, .unknown] {
            failures.append(.decoding(path: f, .binary(format)))
        }
        let problems: [OfficeFailure.Problem] = [
            .notAPackage, .passwordProtected, .unsupportedCompression(method: 9), .damagedPackage, .missingPart,
            .damagedEntry, .invalidUTF8, .notUTF8,
            .malformedXML,
            .truncatedXML, .nestingTooDeep(limit: 64), .tokenTooLarge(limit: 1000), .partTooLarge(limit: 1000),
            .packageTooLarge(limit: 1000), .unknownSheet(name: "Data9", sheets: ["Data1"]),
            .badCell(reference: "B7", .missingSharedString(index: "99", count: 3)), .noPetitions(skipped: 3),
        ]
        for problem in problems {
            failures.append(
                .office(path: "book.xlsx", OfficeFailure(part: "xl/sheet1.xml", offset: 12, problem: problem)))
            failures.append(.office(path: "book.xlsx", OfficeFailure(sheet: "Sheet1", problem: problem)))
        }
        return failures
    }

    static var rejectedRows: [RejectedRow] {
        let reasons: [RejectedRow.Reason] = [
            .emptyText, .malformedRow, .malformedJSON, .outsideList, .badCell, .title, .outsideTable, .tooLong,
            .controlCharacter, .badID,
        ]
        let details: [RejectedRow.Detail] = [
            .none, .misplacedQuote, .unterminatedQuote, .cellCount(found: 3, expected: 2), .excerpt("1,abc"),
            .cell(sheet: "Sheet1", reference: "C3", problem: .beyondGrid), .length(bytes: 9, limit: 8),
            .unclosedQuote(lastLine: 9), .duplicateKey("text"), .controlCharacter(code: 0, column: "note"),
        ]
        return reasons.flatMap { reason in
            details.map { RejectedRow(file: file, location: 4, reason: reason, detail: $0, byteOffset: 40) }
        }
    }

    static var outputFailures: [AtomicOutputFile.Failure] {
        [
            .wouldOverwriteInput(path: file), .missingFolder(path: "out/x.csv", folder: "out"),
            .cannotCreate(path: "out/x.csv", folder: "out", errno: EACCES), .writeFailed(path: "x.csv", errno: ENOSPC),
            .sameAsAnotherOutput(path: "x.csv"),
        ]
            + [.directory, .symbolicLink, .device, .fifo, .socket, .other].map {
                .notARegularFile(path: "out", kind: $0)
            }
    }

    /// Every user-facing failure and summary line, in `language`.
    static func messages(_ language: Language) throws -> [String] {
        var messages = inputFailures.map { $0.message(language) }
        messages += rejectedRows.map { $0.message(language) }
        messages += outputFailures.map { $0.message(language) }
        var summary = PileSummary()
        summary.read = 5
        summary.classified = 5
        summary.review = 1
        summary.urgent = 1
        for row in rejectedRows.prefix(30) { summary.reject(row) }
        summary.failedFiles = [(file, .missing(path: file))]
        messages.append(summary.line(language))
        // Command-line refusals, through the commands themselves.
        let lang = language == .en ? ["--lang", "en"] : []
        for arguments in [
            ["missing.csv", "--format", "pdf"], ["missing.csv", "--as-of", "yesterday"],
            ["missing.csv", "--input-format", "doc"], ["missing.csv", "--encoding", "no-such-codec"],
        ] {
            do {
                _ = try ClassifyCommand.parse(arguments + lang).execute()
                Issue.record("\(arguments) was accepted")
            } catch let error as CLIError {
                messages.append(error.message)
            }
        }
        return messages
    }

    /// The message without its quoted user data ("…", «…»), paths (`xl/sheet1.xml`) and flags (`--text-column`).
    static func wording(_ message: String) -> String {
        var text = message
        for pattern in [#""[^"]*""#, "«[^»]*»", #"[\w.-]*/[\w./-]*"#, #"--[a-z-]+"#] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }

    /// Letters only Vietnamese uses in this wording: đ and any letter with a diacritic.
    static func hasVietnameseLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (0xC0...0x24F).contains(scalar.value) || (0x1EA0...0x1EF9).contains(scalar.value)
                || (0x300...0x323).contains(scalar.value)
        }
    }

    static let englishWords: Set<String> = [
        "the", "file", "files", "row", "rows", "cannot", "with", "and", "or", "not", "is", "it", "run", "again",
        "read", "column", "sheet", "cell", "petition", "petitions", "check", "use", "name", "of", "to", "in",
    ]

    @Test func englishMessagesHoldNoVietnamese() throws {
        for message in try Self.messages(.en) {
            #expect(!Self.hasVietnameseLetter(Self.wording(message)), "\(message)")
        }
    }

    @Test func vietnameseMessagesHoldNoEnglish() throws {
        for message in try Self.messages(.vi) {
            let words = Self.wording(message).lowercased().split { !$0.isLetter }.map(String.init)
            let english = words.filter { Self.englishWords.contains($0) }
            #expect(english.isEmpty, "\(english) in: \(message)")
            #expect(Self.hasVietnameseLetter(message), "no Vietnamese at all: \(message)")
        }
    }
}
