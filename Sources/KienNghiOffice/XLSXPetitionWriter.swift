import Foundation
import KienNghiCore
import ZIPFoundation

/// Writes classified petitions as an Excel workbook (.xlsx): one sheet, a bold
/// header row, every original column kept and KienNghi's columns added.
/// Rows are held in memory (Excel itself stops at 1,048,576 rows).
///
/// Cells are inline strings, which Excel and LibreOffice never evaluate, so
/// no formula guard is needed; bidi controls are shown as `[U+202E]` markers
/// as in the CSV output. The output file is checked and created at once, so a
/// bad path fails before any work.
package final class XLSXPetitionWriter: PetitionWriter {
    private let output: AtomicOutputFile
    private let presenter: ClassificationPresenter
    private let header: [String]
    private let withFileColumn: Bool
    private var rows: [[String]] = []

    /// Headers and worded cells come from `presenter` (its language).
    package init(
        path: String, inputs: [String], inputColumns: [String], withFileColumn: Bool,
        presenter: ClassificationPresenter
    ) throws {
        output = try AtomicOutputFile(path: path, inputs: inputs)
        self.presenter = presenter
        let language = presenter.language
        self.withFileColumn = withFileColumn
        header = (withFileColumn ? [language.pick("tệp", "file")] : []) + inputColumns + OutputColumns.names(language)
    }

    package func write(_ petitions: [ClassifiedPetition]) throws {
        for petition in petitions {
            rows.append(
                (withFileColumn ? [petition.file] : []) + petition.record.cells
                    + OutputColumns.values(petition.classification, presenter))
        }
    }

    package func finish() throws {
        let bytes: [UInt8]
        do {
            bytes = try XLSXWorkbook.data(
                sheetName: presenter.language.pick("Kiến nghị", "Petitions"), header: header, rows: rows)
        } catch {
            output.discard()
            throw AtomicOutputFile.Failure.writeFailed(path: output.destination, errno: EIO)
        }
        try output.write(bytes: bytes)
        try output.commit()
    }
}

/// Builds a minimal, valid .xlsx in memory with inline strings.
package enum XLSXWorkbook {
    package static func data(sheetName: String, header: [String], rows: [[String]]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        try add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf fontId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>
            """)
        var sheet =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#
        for (index, row) in ([header] + rows).enumerated() {
            let style = index == 0 ? 1 : 2
            sheet += "<row r=\"\(index + 1)\">"
            for (column, value) in row.enumerated() {
                sheet +=
                    "<c r=\"\(columnName(column))\(index + 1)\" t=\"inlineStr\" s=\"\(style)\"><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        return Array(archive.data ?? Data())
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
