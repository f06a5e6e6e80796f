import Foundation
import KienNghiCore

/// Petitions from an Excel workbook (.xlsx): first or named sheet, first
/// non-empty row as header, the text column named or guessed. Cells or rich-text
/// runs in a .VnTime/VNI font are decoded from their legacy look-alikes.
public struct XLSXPetitionSource: PetitionSource {
    public let path: String
    public private(set) var columns: [String] = []
    private var rows: [(number: Int, cells: [String])] = []
    private var schema: InputSchema

    public init(path: String, sheet: String? = nil, textColumn: String? = nil) throws {
        try self.init(path: path, sheet: sheet, textColumn: textColumn, limits: ZipPackage.Limits())
    }

    init(path: String, sheet: String?, textColumn: String?, limits: ZipPackage.Limits) throws {
        self.path = path
        var package = try ZipPackage(path: path, limits: limits)
        guard let workbook = try package.data("xl/workbook.xml") else {
            throw InputFailure.corrupt(path: path, detail: "thiếu xl/workbook.xml / no xl/workbook.xml")
        }
        let sheetPath = try Self.sheetPath(workbook: workbook, rels: try package.data("xl/_rels/workbook.xml.rels"), named: sheet, path: path)
        let fonts = try Self.styleFonts(try package.data("xl/styles.xml"))
        let shared = try Self.sharedStrings(try package.data("xl/sharedStrings.xml"), path: path)
        guard let sheetData = try package.data(sheetPath) else {
            throw InputFailure.corrupt(path: path, detail: "thiếu \(sheetPath) / no \(sheetPath)")
        }
        let parsed = try Self.rows(sheetData, shared: shared, fonts: fonts, path: path)
        guard let headerIndex = parsed.firstIndex(where: { row in row.cells.contains { !$0.isEmpty } }) else {
            throw InputFailure.empty(path: path)
        }
        let header = parsed[headerIndex].cells
        let width = parsed.map(\.cells.count).max() ?? header.count
        columns = (0..<width).map { $0 < header.count && !header[$0].isEmpty ? header[$0] : "cột \($0 + 1)" }
        rows = Array(parsed[(headerIndex + 1)...])
        let guess = InputSchema.guess(header: columns, sample: rows.prefix(50).map(\.cells), named: textColumn)
        if let textColumn, guess.text == nil { throw InputFailure.unknownColumn(path: path, name: textColumn, columns: columns) }
        guard let text = guess.text ?? (columns.count == 1 ? 0 : nil) else { throw InputFailure.noTextColumn(path: path, columns: columns) }
        schema = InputSchema(columns: columns, textColumn: text, idColumn: guess.id)
    }

    public func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws {
        var batch: [PetitionRecord] = []
        for row in rows {
            var cells = row.cells
            while cells.count < columns.count { cells.append("") }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            let text = cells[schema.textColumn]
            guard !text.allSatisfy(\.isWhitespace) else {
                rejected(RejectedRow(file: path, location: row.number, reason: .emptyText))
                continue
            }
            let id = schema.idColumn.map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? String(row.number)
            batch.append(PetitionRecord(id: id, text: text, cells: cells, location: row.number))
            if batch.count >= batchSize { try body(batch); batch.removeAll() }
        }
        if !batch.isEmpty { try body(batch) }
    }

    // MARK: package parts

    private static func sheetPath(workbook: Data, rels: Data?, named: String?, path: String) throws -> String {
        var sheets: [(name: String, relation: String)] = []
        let walker = OfficeXMLWalker()
        walker.onStart = { name, attributes in
            if name == "sheet" { sheets.append((attributes["name"] ?? "", attributes["r:id"] ?? "")) }
        }
        guard walker.walk(workbook), !sheets.isEmpty else { throw InputFailure.corrupt(path: path, detail: "workbook.xml") }
        let chosen: (name: String, relation: String)
        if let named {
            guard let match = sheets.first(where: { $0.name == named }) else {
                throw InputFailure.unknownColumn(path: path, name: named, columns: sheets.map(\.name))
            }
            chosen = match
        } else {
            chosen = sheets[0]
        }
        var targets: [String: String] = [:]
        if let rels {
            let relsWalker = OfficeXMLWalker()
            relsWalker.onStart = { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
            }
            _ = relsWalker.walk(rels)
        }
        let target = targets[chosen.relation] ?? "worksheets/sheet1.xml"
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// Font name per cell style (cellXfs index).
    private static func styleFonts(_ data: Data?) throws -> [String?] {
        guard let data else { return [] }
        var fonts: [String?] = []
        var styles: [String?] = []
        var inFonts = false, inCellXfs = false
        let walker = OfficeXMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "fonts": inFonts = true
            case "font" where inFonts: fonts.append(nil)
            case "name" where inFonts: if !fonts.isEmpty { fonts[fonts.count - 1] = attributes["val"] }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                let index = Int(attributes["fontId"] ?? "0") ?? 0
                styles.append(index < fonts.count ? fonts[index] : nil)
            default: break
            }
        }
        walker.onEnd = { name in
            if name == "fonts" { inFonts = false }
            if name == "cellXfs" { inCellXfs = false }
        }
        _ = walker.walk(data)
        return styles
    }

    /// Shared strings; each rich-text run decoded by its own font if legacy.
    /// A string with no run font is returned raw with a marker of "no run font".
    private static func sharedStrings(_ data: Data?, path: String) throws -> [(text: String, hasRunFonts: Bool)] {
        guard let data else { return [] }
        var strings: [(String, Bool)] = []
        var current = "", run = "", runFont: String? = nil
        var inText = false, inRun = false, hasRunFonts = false
        let walker = OfficeXMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "si": current = ""; hasRunFonts = false
            case "r": inRun = true; run = ""; runFont = nil
            case "rFont": runFont = attributes["val"]; hasRunFonts = true
            case "t": inText = true
            default: break
            }
        }
        walker.onText = { text in
            guard inText else { return }
            if inRun { run += text } else { current += text }
        }
        walker.onEnd = { name in
            switch name {
            case "t": inText = false
            case "r":
                inRun = false
                current += LegacyRuns.repair(run, font: runFont)
            case "si": strings.append((current, hasRunFonts))
            default: break
            }
        }
        guard walker.walk(data) else { throw InputFailure.corrupt(path: path, detail: "sharedStrings.xml: \(walker.failure ?? "")") }
        return strings
    }

    private static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }

    private static func rows(_ data: Data, shared: [(text: String, hasRunFonts: Bool)], fonts: [String?], path: String) throws -> [(number: Int, cells: [String])] {
        var rows: [(Int, [String])] = []
        var cells: [String] = []
        var rowNumber = 0
        var column = 0, type = "", style = 0, value = "", inValue = false
        let walker = OfficeXMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "row":
                cells = []
                rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
            case "c":
                column = attributes["r"].flatMap(columnIndex) ?? cells.count
                type = attributes["t"] ?? "n"
                style = Int(attributes["s"] ?? "0") ?? 0
                value = ""
            case "v", "t": inValue = true
            default: break
            }
        }
        walker.onText = { text in if inValue { value += text } }
        walker.onEnd = { name in
            switch name {
            case "v", "t": inValue = false
            case "c":
                let font = style < fonts.count ? fonts[style] : nil
                var text: String
                if type == "s", let index = Int(value), index < shared.count {
                    text = shared[index].hasRunFonts ? shared[index].text : LegacyRuns.repair(shared[index].text, font: font)
                } else {
                    text = type == "n" ? value : LegacyRuns.repair(value, font: font)
                }
                text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                while cells.count < column { cells.append("") }
                if column < cells.count { cells[column] = text } else { cells.append(text) }
            case "row": rows.append((rowNumber, cells))
            default: break
            }
        }
        guard walker.walk(data) else { throw InputFailure.corrupt(path: path, detail: "sheet XML: \(walker.failure ?? "")") }
        return rows
    }
}
