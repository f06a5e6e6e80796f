import Foundation
import ZIPFoundation

/// Small XLSX/DOCX packages built in memory for reader tests: each test
/// writes exactly the XML it needs, hostile bytes included.
enum OfficeFixture {
    /// A ZIP package of the given parts.
    static func zip(_ parts: [(name: String, bytes: [UInt8])]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// One entry of ``rawZip(_:)``: `payload` is written as the entry's data
    /// exactly, whatever the sizes and checksum claim.
    struct RawEntry {
        var name: String
        var method: UInt16 = 8
        var payload: [UInt8]
        var checksum: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        /// The name in the local header when it differs from the directory's.
        var localName: String? = nil
        /// General-purpose flags (bit 0: encrypted with a password).
        var flags: UInt16 = 0
        /// A Unix file mode (e.g. `0o120777`, a link) recorded as made on Unix.
        var unixMode: UInt32? = nil
    }

    /// A consistent entry for `bytes`, deflated (method 8) or stored (method 0).
    static func entry(_ name: String, _ bytes: [UInt8], method: UInt16 = 8) throws -> RawEntry {
        let data = Data(bytes)
        var payload = [UInt8]()
        if method == 8 {
            _ = try Data.compress(size: Int64(data.count), bufferSize: 1 << 16) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            } consumer: {
                payload += $0
            }
        } else {
            payload = bytes
        }
        return RawEntry(
            name: name, method: method, payload: payload, checksum: data.crc32(checksum: 0),
            compressedSize: UInt32(payload.count), uncompressedSize: UInt32(bytes.count))
    }

    /// A ZIP package written field by field, so a test can build what a ZIP
    /// writer never would (a deflate stream cut short under consistent sizes).
    /// With `zip64`, the directory's sizes and offsets are saturated and given in
    /// the ZIP64 extra field, and the end record is the ZIP64 one, as large-file writers do.
    static func rawZip(_ entries: [RawEntry], zip64: Bool = false) -> Data {
        func le(_ value: some FixedWidthInteger) -> [UInt8] {
            withUnsafeBytes(of: value.littleEndian) { Array($0) }
        }
        let saturated = le(UInt32.max)
        var file = [UInt8]()
        var directory = [UInt8]()
        for entry in entries {
            let name = Array(entry.name.utf8)
            let fixed = le(UInt16(20)) + le(entry.flags) + le(entry.method) + le(UInt32(0)) + le(entry.checksum)
            let sizes = le(entry.compressedSize) + le(entry.uncompressedSize)
            let extra =
                zip64
                ? le(UInt16(1)) + le(UInt16(24)) + le(UInt64(entry.uncompressedSize))
                    + le(UInt64(entry.compressedSize)) + le(UInt64(file.count)) : []
            let madeBy = entry.unixMode == nil ? UInt16(45) : 0x0300 | 45
            directory +=
                le(UInt32(0x0201_4B50)) + le(madeBy) + fixed + (zip64 ? saturated + saturated : sizes)
                + le(UInt16(name.count)) + le(UInt16(extra.count)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(0))
                + le((entry.unixMode ?? 0) << 16) + (zip64 ? saturated : le(UInt32(file.count))) + name + extra
            let localName = entry.localName.map { Array($0.utf8) } ?? name
            file += le(UInt32(0x0403_4B50)) + fixed + sizes + le(UInt16(localName.count)) + le(UInt16(0)) + localName
            file += entry.payload
        }
        var end = [UInt8]()
        if zip64 {
            let record = UInt64(file.count + directory.count)
            end +=
                le(UInt32(0x0606_4B50)) + le(UInt64(44)) + le(UInt16(45)) + le(UInt16(45)) + le(UInt32(0))
                + le(UInt32(0)) + le(UInt64(entries.count)) + le(UInt64(entries.count))
                + le(UInt64(directory.count)) + le(UInt64(file.count))
            end += le(UInt32(0x0706_4B50)) + le(UInt32(0)) + le(record) + le(UInt32(1))
        }
        end +=
            le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(entries.count))
            + le(UInt16(entries.count)) + (zip64 ? saturated : le(UInt32(directory.count)))
            + (zip64 ? saturated : le(UInt32(file.count))) + le(UInt16(0))
        return Data(file + directory + end)
    }

    static let sheetOpen =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    static let sheetClose = "</sheetData></worksheet>"

    /// A workbook with one sheet named `sheetName`, whose sheetData is `rowsXML`.
    static func xlsx(rowsXML: [UInt8], shared: [String] = [], styles: String? = nil, sheetName: String = "Sheet1")
        throws -> Data
    {
        try zip(xlsxParts(rowsXML: rowsXML, shared: shared, styles: styles, sheetName: sheetName))
    }

    /// The parts of that workbook, for tests that add or change one.
    static func xlsxParts(rowsXML: [UInt8], shared: [String] = [], styles: String? = nil, sheetName: String = "Sheet1")
        -> [(name: String, bytes: [UInt8])]
    {
        var parts: [(String, [UInt8])] = [
            (
                "xl/workbook.xml",
                Array(
                    #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                        .utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
                        .utf8)
            ),
            ("xl/worksheets/sheet1.xml", Array(sheetOpen.utf8) + rowsXML + Array(sheetClose.utf8)),
        ]
        if !shared.isEmpty {
            let items = shared.map { "<si><t>\(escape($0))</t></si>" }.joined()
            parts.append(
                (
                    "xl/sharedStrings.xml",
                    Array(
                        #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#(items)</sst>"#
                            .utf8)
                ))
        }
        if let styles { parts.append(("xl/styles.xml", Array(styles.utf8))) }
        return parts
    }

    static func xlsx(rowsXML: String, shared: [String] = [], styles: String? = nil) throws -> Data {
        try xlsx(rowsXML: Array(rowsXML.utf8), shared: shared, styles: styles)
    }

    /// One row of inline-string cells, columns A, B, C…
    static func row(_ number: Int, _ cells: [String]) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            xml +=
                "<c r=\"\(String(UnicodeScalar(UInt8(65 + index))))\(number)\" t=\"inlineStr\"><is><t>\(escape(cell))</t></is></c>"
        }
        return xml + "</row>"
    }

    static let documentOpen =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>"#

    /// A document whose body is `bodyXML` (prefix lets a test put a DOCTYPE first).
    static func docx(bodyXML: String, prolog: String? = nil, styles: String? = nil) throws -> Data {
        var document = documentOpen + bodyXML + "</w:body></w:document>"
        if let prolog {
            document =
                prolog
                + document.replacingOccurrences(
                    of: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#, with: "")
        }
        var parts: [(String, [UInt8])] = [("word/document.xml", Array(document.utf8))]
        if let styles { parts.append(("word/styles.xml", Array(styles.utf8))) }
        return try zip(parts)
    }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr/>"
            + rows.map { row in
                "<w:tr>" + row.map { "<w:tc><w:tcPr/>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
            }.joined() + "</w:tbl>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
