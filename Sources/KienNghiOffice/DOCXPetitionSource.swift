import Foundation
import KienNghiCore

/// Petitions from a Word document (.docx): one per paragraph, or, when the
/// document numbers its items (Word numbering or "1." / "2)" at the start),
/// one per numbered item with its continuation paragraphs. Runs in a
/// .VnTime/VNI font are decoded from their legacy look-alikes.
public struct DOCXPetitionSource: PetitionSource {
    public let path: String
    public let columns = ["text"]
    private let paragraphs: [(text: String, numbered: Bool)]

    public init(path: String) throws {
        self.path = path
        var package = try ZipPackage(path: path)
        guard let document = try package.data("word/document.xml") else {
            throw InputFailure.corrupt(path: path, detail: "thiếu word/document.xml / no word/document.xml")
        }
        var paragraphs: [(String, Bool)] = []
        var paragraph = "", run = "", font: String? = nil
        var numbered = false, inText = false
        let walker = OfficeXMLWalker()
        walker.onStart = { name, attributes in
            switch name {
            case "w:p": paragraph = ""; numbered = false
            case "w:numPr": numbered = true
            case "w:r": run = ""; font = nil
            case "w:rFonts": font = attributes["w:ascii"] ?? attributes["w:hAnsi"]
            case "w:t": inText = true
            case "w:tab": run += " "
            case "w:br": run += "\n"
            default: break
            }
        }
        walker.onText = { text in if inText { run += text } }
        walker.onEnd = { name in
            switch name {
            case "w:t": inText = false
            case "w:r": paragraph += LegacyRuns.repair(run, font: font); run = ""
            case "w:p": paragraphs.append((paragraph.trimmingCharacters(in: .whitespacesAndNewlines), numbered))
            default: break
            }
        }
        guard walker.walk(document) else { throw InputFailure.corrupt(path: path, detail: "document.xml: \(walker.failure ?? "")") }
        self.paragraphs = paragraphs.map { text, numbered in (text, numbered || Self.startsWithNumber(text)) }
        if !self.paragraphs.contains(where: { !$0.text.isEmpty }) { throw InputFailure.empty(path: path) }
    }

    static func startsWithNumber(_ text: String) -> Bool {
        var digits = 0
        for character in text {
            if character.isNumber { digits += 1; continue }
            return digits > 0 && digits <= 3 && (character == "." || character == ")") 
        }
        return false
    }

    public func read(batchSize: Int, _ body: ([PetitionRecord]) throws -> Void, rejected: (RejectedRow) -> Void) throws {
        let numberedMode = paragraphs.filter(\.numbered).count >= 2
        var petitions: [PetitionRecord] = []
        for (index, paragraph) in paragraphs.enumerated() where !paragraph.text.isEmpty {
            let number = index + 1
            if !numberedMode {
                petitions.append(PetitionRecord(id: String(petitions.count + 1), text: paragraph.text, cells: [paragraph.text], location: number))
            } else if paragraph.numbered {
                petitions.append(PetitionRecord(id: String(petitions.count + 1), text: paragraph.text, cells: [paragraph.text], location: number))
            } else if var last = petitions.popLast() {
                last.text += "\n" + paragraph.text
                last.cells = [last.text]
                petitions.append(last)
            } else {
                rejected(RejectedRow(file: path, location: number, reason: .outsideList, detail: .excerpt(String(paragraph.text.prefix(40)))))
            }
        }
        for start in stride(from: 0, to: petitions.count, by: max(1, batchSize)) {
            try body(Array(petitions[start..<min(petitions.count, start + batchSize)]))
        }
    }
}
