import Foundation
import KienNghiCore
import KienNghiOffice

/// The file readers, through the same `PetitionSources.open` the commands use.
enum ReaderTargets {
    static let all: [FuzzTarget] = [
        // .tsv opens the same reader as .csv (the delimiter is sniffed), so one name suffices.
        FuzzTarget(
            name: "csv",
            summary: "CSV/TSV: parser fed in pieces must agree with one feed; then the delimited reader (in memory)"
        ) { bytes in
            checkChunkingIndependence(bytes)
            readAll(bytes, as: "input.csv")
        },
        FuzzTarget(
            name: "txt", summary: "plain-text reader (in memory): one petition per line, whitespace trimmed on bytes"
        ) { bytes in
            readAll(bytes, as: "input.txt")
        },
        FuzzTarget(name: "jsonl", summary: "JSON Lines reader (in memory)") { bytes in
            readAll(bytes, as: "input.jsonl")
        },
        FuzzTarget(
            name: "xlsx",
            summary:
                "XLSX reader (in memory): raw ZIP, or parts (sheet, shared strings, styles, workbook, rels) split by 0x1E"
        ) { bytes in
            readAll(xlsxPackage(bytes), as: "input.xlsx")
        },
        FuzzTarget(name: "docx", summary: "DOCX reader (in memory): raw ZIP, or word/document.xml") { bytes in
            let package = isZip(bytes) ? bytes : StoredZip.archive([("word/document.xml", xmlPart(bytes))])
            readAll(package, as: "input.docx")
        },
    ]

    /// Opens and reads every petition, strictly and then leniently, and with the
    /// header denied and named (`--header none`, `--header N`, N from the input),
    /// through `PetitionSources.open(bytes:name:options:)` (the same readers as for a
    /// file; the name's extension picks the format); errors are fine (they are
    /// the users' messages), crashes, empty batches and control characters in
    /// a petition are not. With KIENNGHI_FUZZ_SCRATCH=DIR the input is also
    /// written to DIR/NAME, the very file a regression test can read.
    static func readAll(_ bytes: [UInt8], as name: String) {
        ScratchFiles.keep(bytes, as: name)
        let named = HeaderRowChoice.row(1 + Int(bytes.last ?? 0) % 6)
        for (lenient, header) in [(false, HeaderRowChoice.detect), (true, .detect), (false, .absent), (false, named)] {
            guard
                let source = try? PetitionSources.open(
                    bytes: bytes, name: name, options: .init(lenient: lenient, header: header))
            else { continue }
            try? source.read(
                batchSize: 7,
                { batch in
                    require(!batch.isEmpty, "an empty batch was handed on")
                    for record in batch {
                        require(
                            !record.text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D },
                            "petition \(record.id) holds a control character")
                    }
                }, rejected: { _ in })
        }
    }

    /// Records do not depend on where the input was cut (files stream in chunks).
    static func checkChunkingIndependence(_ bytes: [UInt8]) {
        let delimiter = DelimitedTextParser.sniffDelimiter(Array(bytes.prefix(4096)))
        var whole = DelimitedTextParser(delimiter: delimiter)
        let once = whole.feed(bytes)
        let onceEnd = whole.finish()
        var pieces = DelimitedTextParser(delimiter: delimiter)
        var cut: [DelimitedTextParser.Record] = []
        let first = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let second = first + (bytes.count - first) / 2
        for range in [0..<first, first..<second, second..<bytes.count] { cut += pieces.feed(bytes[range]) }
        let cutEnd = pieces.finish()
        require(once.count == cut.count, "\(once.count) records in one feed, \(cut.count) in pieces")
        for (a, b) in zip(once, cut) {
            require(
                a.cells == b.cells && a.line == b.line && a.malformed == b.malformed,
                "record at line \(a.line) differs when fed in pieces")
        }
        require(
            onceEnd.unterminatedQuote == cutEnd.unterminatedQuote && onceEnd.record?.cells == cutEnd.record?.cells,
            "the last record differs when fed in pieces")
    }

    /// With KIENNGHI_FUZZ_SKIP_KNOWN=1, XML parts are made valid UTF-8 first, so
    /// that a long run is not stopped again and again by the known crash of
    /// Foundation's XMLParser on invalid UTF-8 in element and attribute names
    /// (issue 10) and can look for other ones. Off by default and in CI.
    static let skipKnownCrashes = ProcessInfo.processInfo.environment["KIENNGHI_FUZZ_SKIP_KNOWN"] == "1"

    static func xmlPart(_ bytes: [UInt8]) -> [UInt8] {
        skipKnownCrashes ? Array(String(decoding: bytes, as: UTF8.self).utf8) : bytes
    }

    static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Minimal valid parts, used where the input gives none.
    static let defaultXLSXParts: [(name: String, text: String)] = [
        (
            "xl/worksheets/sheet1.xml",
            #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Công nhân đề nghị tăng lương</t></is></c></row></sheetData></worksheet>"#
        ),
        ("xl/sharedStrings.xml", #"<sst><si><t>Nội dung</t></si></sst>"#),
        (
            "xl/styles.xml",
            #"<styleSheet><fonts><font><name val="Arial"/></font><font><name val=".VnTime"/></font></fonts><cellXfs><xf fontId="0"/><xf fontId="1"/></cellXfs></styleSheet>"#
        ),
        ("xl/workbook.xml", #"<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>"#),
        (
            "xl/_rels/workbook.xml.rels",
            #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#
        ),
    ]

    /// The input as a workbook: a ZIP as is, else up to five parts split by 0x1E
    /// (sheet, shared strings, styles, workbook, rels), the rest defaulted.
    static func xlsxPackage(_ bytes: [UInt8]) -> [UInt8] {
        if isZip(bytes) { return bytes }
        let parts = bytes.fuzzParts()
        let entries = defaultXLSXParts.enumerated().map { index, part in
            (part.name, index < parts.count ? xmlPart(parts[index]) : Array(part.text.utf8))
        }
        return StoredZip.archive(entries)
    }
}
