/// Writes classified petitions in one format.
public protocol PetitionWriter: AnyObject {
    func write(_ petitions: [ClassifiedPetition]) throws
    func finish() throws
}

/// CSV for Excel: UTF-8 with BOM, every original column kept, KienNghi's
/// columns added; cells that start with = + - @ (or a tab/CR) are prefixed
/// with an apostrophe so a spreadsheet never runs them as formulas.
public final class CSVPetitionWriter: PetitionWriter {
    private let output: AtomicOutputFile
    private let language: Language
    private let withFileColumn: Bool

    public init(output: AtomicOutputFile, inputColumns: [String], withFileColumn: Bool, language: Language) throws {
        self.output = output
        self.language = language
        self.withFileColumn = withFileColumn
        try output.write(bytes: [0xEF, 0xBB, 0xBF])
        let header = (withFileColumn ? [language.pick("tệp", "file")] : []) + inputColumns + OutputColumns.names(language)
        try output.write(Self.line(header))
    }

    public func write(_ petitions: [ClassifiedPetition]) throws {
        var text = ""
        for petition in petitions {
            let cells = (withFileColumn ? [petition.file] : []) + petition.record.cells + OutputColumns.values(petition.classification, language)
            text += Self.line(cells)
        }
        try output.write(text)
    }

    public func finish() throws { try output.commit() }

    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// Quotes when needed and defuses formula injection. Works on UTF-8 bytes:
    /// it runs for every cell of every row.
    public static func escape(_ cell: String) -> String {
        let utf8 = cell.utf8
        let guardFormula = utf8.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        var needsQuotes = false
        for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes && !guardFormula { return cell }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        if needsQuotes { out.append(0x22) }
        if guardFormula { out.append(0x27) }
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        if needsQuotes { out.append(0x22) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON Lines: one object per petition, `id` plus the fields of `classify-text --json`.
public final class JSONLinesPetitionWriter: PetitionWriter {
    private let output: AtomicOutputFile

    public init(output: AtomicOutputFile) { self.output = output }

    public func write(_ petitions: [ClassifiedPetition]) throws {
        var text = ""
        for petition in petitions {
            text += JSONLine.encode(ClassificationRecord(id: petition.record.id, classification: petition.classification)) + "\n"
        }
        try output.write(text)
    }

    public func finish() throws { try output.commit() }
}

import Foundation

/// Compact, stable JSON for one line.
public enum JSONLine {
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
