import Foundation
import KienNghiCore
import ZIPFoundation

/// Writes classified petitions as an Excel workbook (.xlsx): one sheet, a bold
/// header row, every original column kept and KienNghi's columns added.
///
/// Memory stays bounded whatever the pile: each row's sheet XML goes to an
/// unnamed temporary file as it comes (spilled in 1 MiB blocks), and the
/// workbook is zipped from there at the end. A sheet holds at most
/// ``maximumRows`` petitions (Excel's limit, header row apart): one more is a
/// ``AtomicOutputFile/Failure/tooManyRows(path:limit:)`` and no file is left.
///
/// Cells are inline strings, which Excel and LibreOffice never evaluate, so
/// no formula guard is needed; bidi controls are shown as `[U+202E]` markers
/// as in the CSV output. The output file is checked and created at once, so a
/// bad path fails before any work.
package final class XLSXPetitionWriter: PetitionWriter {
    /// Petitions one sheet can hold: Excel stops at 1,048,576 rows, one is the header.
    package static let maximumRows = 1_048_575
    private let output: AtomicOutputFile
    private let presenter: ClassificationPresenter
    private let header: [String]
    private let withFileColumn: Bool
    private let limit: Int
    private var rowCount = 0
    private var spill: SpillFile?
    private var pending: [UInt8] = []
    private static let spillBlock = 1 << 20

    /// Headers and worded cells come from `presenter` (its language).
    package init(
        path: String, inputs: [String], inputColumns: [String], withFileColumn: Bool,
        presenter: ClassificationPresenter, maximumRows: Int = XLSXPetitionWriter.maximumRows,
        group: OutputGroup? = nil
    ) throws {
        output = try AtomicOutputFile(path: path, inputs: inputs, group: group)
        self.presenter = presenter
        let language = presenter.language
        self.withFileColumn = withFileColumn
        limit = min(maximumRows, Self.maximumRows)
        header = (withFileColumn ? [language.pick("tệp", "file")] : []) + inputColumns + OutputColumns.names(language)
        XLSXWorkbook.appendRow(header, number: 1, style: 1, to: &pending)
    }

    package func write(_ petitions: [ClassifiedPetition]) throws {
        for petition in petitions {
            guard rowCount < limit else {
                spill = nil
                output.discard()
                throw AtomicOutputFile.Failure.tooManyRows(path: output.destination, limit: limit)
            }
            rowCount += 1
            let original = (withFileColumn ? [petition.file] : []) + petition.record.cells
            // What the petitioner wrote is never cut: a cell Excel cannot hold stops the run.
            for (column, cell) in original.enumerated() where cell.utf16.count > XLSXWorkbook.maximumCellLength {
                spill = nil
                output.discard()
                throw AtomicOutputFile.Failure.cellTooLong(
                    path: output.destination, row: rowCount + 1, column: column < header.count ? header[column] : "",
                    length: cell.utf16.count, limit: XLSXWorkbook.maximumCellLength)
            }
            // The tool's own columns (a long petition's evidence) are cut, visibly, to fit.
            let cells = original + OutputColumns.values(petition.classification, presenter).map(XLSXWorkbook.fitted)
            XLSXWorkbook.appendRow(cells, number: rowCount + 1, style: 2, to: &pending)
            if pending.count >= Self.spillBlock { try flush() }
        }
    }

    /// Moves the pending rows to the spill file.
    private func flush() throws {
        if spill == nil { spill = try SpillFile.make(for: output.destination) }
        guard spill!.append(pending) else {
            spill = nil
            output.discard()
            throw AtomicOutputFile.Failure.writeFailed(path: output.destination, errno: errno == 0 ? EIO : errno)
        }
        pending.removeAll(keepingCapacity: true)
    }

    package func finish() throws {
        do {
            try flush()
            try XLSXWorkbook.write(
                sheetName: presenter.language.pick("Kiến nghị", "Petitions"), rows: spill!, to: output)
        } catch let failure as AtomicOutputFile.Failure {
            output.discard()
            throw failure
        } catch {
            output.discard()
            throw AtomicOutputFile.Failure.writeFailed(path: output.destination, errno: EIO)
        }
        spill = nil
        try output.commit()
    }
}

/// A temporary file without a name (unlinked as soon as it is open), so nothing
/// is left behind whatever happens; closed when released.
final class SpillFile {
    let descriptor: Int32
    private(set) var size = 0

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// A new spill file in the temporary folder; a write failure names `path`.
    static func make(for path: String) throws -> SpillFile {
        let folder = NSTemporaryDirectory()
        #if os(Linux)
            var descriptor = open(folder, 0o20200000 | O_RDWR | O_CLOEXEC, 0o600)  // O_TMPFILE
        #else
            var descriptor: Int32 = -1
        #endif
        if descriptor < 0 {
            let candidate = folder + "/.kiennghi-spill-\(UUID().uuidString)"
            descriptor = open(candidate, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { unlink(candidate) }
        }
        guard descriptor >= 0 else {
            throw AtomicOutputFile.Failure.cannotCreate(path: path, folder: folder, errno: errno)
        }
        return SpillFile(descriptor: descriptor)
    }

    /// Appends `bytes`; false when the disk refuses.
    func append(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(size))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
                size += count
            }
            return true
        }
    }

    /// Bytes `range` of what was appended.
    func read(_ range: Range<Int>) -> Data {
        var data = Data(count: range.count)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = pread(
                    descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(range.lowerBound + offset))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? data : Data()
    }

    deinit { close(descriptor) }
}

/// Builds a minimal, valid .xlsx in memory with inline strings.
package enum XLSXWorkbook {
    /// The most characters (UTF-16 code units) an Excel cell holds.
    package static let maximumCellLength = 32_767

    /// `text` cut to ``maximumCellLength`` on a character's boundary, ending in "…" when cut.
    static func fitted(_ text: String) -> String {
        guard text.utf16.count > maximumCellLength else { return text }
        var kept = 0
        var end = text.startIndex
        for character in text {
            let width = character.utf16.count
            guard kept + width <= maximumCellLength - 1 else { break }
            kept += width
            end = text.index(after: end)
        }
        return String(text[..<end]) + "…"
    }

    package static func data(sheetName: String, header: [String], rows: [[String]]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        try addFixedParts(sheetName: sheetName, to: archive)
        var sheet: [UInt8] = []
        for (index, row) in ([header] + rows).enumerated() {
            appendRow(row, number: index + 1, style: index == 0 ? 1 : 2, to: &sheet)
        }
        let text = sheetPrefix + String(decoding: sheet, as: UTF8.self) + sheetSuffix
        try add("xl/worksheets/sheet1.xml", text, to: archive)
        return Array(archive.data ?? Data())
    }

    static func add(_ name: String, _ text: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Every part but the sheet.
    static func addFixedParts(sheetName: String, to archive: Archive) throws {
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """, to: archive)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """, to: archive)
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """, to: archive)
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """, to: archive)
        try add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf fontId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>
            """, to: archive)
    }

    static let sheetPrefix =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#
    static let sheetSuffix = "</sheetData></worksheet>"

    /// One sheet row's XML (`number` counts from 1; style 1 = header, 2 = wrapped cell).
    static func appendRow(_ cells: [String], number: Int, style: Int, to out: inout [UInt8]) {
        out.append(contentsOf: "<row r=\"\(number)\">".utf8)
        for (column, value) in cells.enumerated() {
            out.append(
                contentsOf:
                    "<c r=\"\(columnName(column))\(number)\" t=\"inlineStr\" s=\"\(style)\"><is><t xml:space=\"preserve\">"
                    .utf8)
            out.append(contentsOf: escape(value).utf8)
            out.append(contentsOf: "</t></is></c>".utf8)
        }
        out.append(contentsOf: "</row>".utf8)
    }

    /// The workbook with the sheet rows from `rows`, zipped into a temporary
    /// file and copied to `output` in blocks: memory does not grow with the rows.
    static func write(sheetName: String, rows: SpillFile, to output: AtomicOutputFile) throws {
        let folder = NSTemporaryDirectory()
        let url = URL(fileURLWithPath: folder + "/.kiennghi-xlsx-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let archive = try Archive(url: url, accessMode: .create)
            try addFixedParts(sheetName: sheetName, to: archive)
            let prefix = Data(sheetPrefix.utf8)
            let suffix = Data(sheetSuffix.utf8)
            let total = prefix.count + rows.size + suffix.count
            try archive.addEntry(
                with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(total),
                compressionMethod: .deflate
            ) { position, size in
                // The provider asks for consecutive blocks: prefix, spilled rows, suffix.
                var data = Data()
                var at = Int(position)
                let end = at + size
                while at < end {
                    if at < prefix.count {
                        let stop = min(end, prefix.count)
                        data.append(prefix[at..<stop])
                        at = stop
                    } else if at < prefix.count + rows.size {
                        let stop = min(end, prefix.count + rows.size)
                        let block = rows.read((at - prefix.count)..<(stop - prefix.count))
                        guard block.count == stop - at else { throw CocoaError(.fileReadUnknown) }
                        data.append(block)
                        at = stop
                    } else {
                        let from = at - prefix.count - rows.size
                        let stop = min(end - prefix.count - rows.size, suffix.count)
                        data.append(suffix[from..<stop])
                        at = prefix.count + rows.size + stop
                    }
                }
                return data
            }
        }
        guard let input = FileHandle(forReadingAtPath: url.path) else {
            throw AtomicOutputFile.Failure.writeFailed(path: output.destination, errno: EIO)
        }
        defer { try? input.close() }
        while true {
            let block = input.readData(ofLength: 1 << 20)
            if block.isEmpty { break }
            try block.withUnsafeBytes { try output.write(bytes: $0) }
        }
    }

    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String { Markup.escapeUserText(text) }
}
