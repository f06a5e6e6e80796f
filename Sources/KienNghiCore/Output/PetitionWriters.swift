import Foundation

/// Writes classified petitions in one format.
package protocol PetitionWriter: AnyObject {
    func write(_ petitions: [ClassifiedPetition]) throws
    func finish() throws
}

/// CSV for Excel: UTF-8 with BOM, every original column kept, KienNghi's
/// columns added. A display format: a cell that a spreadsheet could run as a
/// formula gets a leading apostrophe, and bidi controls are shown as
/// `[U+202E]` markers (see ``ByteEscaping``). Rows are escaped byte by byte
/// into one reusable buffer.
package final class CSVPetitionWriter: PetitionWriter {
    private let output: AtomicOutputFile
    private let presenter: ClassificationPresenter
    private let withFileColumn: Bool
    private var buffer = GrowableBytes()

    /// Headers and worded cells (theme labels, agency, reason) come from `presenter`.
    package init(
        output: AtomicOutputFile, inputColumns: [String], withFileColumn: Bool, presenter: ClassificationPresenter
    ) throws {
        self.output = output
        self.presenter = presenter
        self.withFileColumn = withFileColumn
        buffer.append(literal: "\u{FEFF}")  // UTF-8 BOM, for Excel
        let language = presenter.language
        let header =
            (withFileColumn ? [language.pick("tệp", "file")] : []) + inputColumns + OutputColumns.names(language)
        ByteEscaping.appendCSVLine(header, to: &buffer)
        try buffer.withUnsafeBytes { try output.write(bytes: $0) }
        buffer.removeAll()
    }

    deinit { buffer.deallocate() }

    package func write(_ petitions: [ClassifiedPetition]) throws {
        buffer.removeAll()
        for petition in petitions {
            if withFileColumn {
                ByteEscaping.appendCSVCell(petition.file, to: &buffer)
                buffer.append(0x2C)
            }
            for cell in petition.record.cells {
                ByteEscaping.appendCSVCell(cell, to: &buffer)
                buffer.append(0x2C)
            }
            ByteEscaping.appendCSVLine(OutputColumns.values(petition.classification, presenter), to: &buffer)
        }
        try buffer.withUnsafeBytes { try output.write(bytes: $0) }
    }

    package func finish() throws { try output.commit() }

    /// One CSV line (CRLF) with quoting, the formula guard and bidi markers.
    static func line(_ cells: [String]) -> String {
        var out: [UInt8] = []
        ByteEscaping.appendCSVLine(cells, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One escaped CSV cell (see ``line(_:)``).
    package static func escape(_ cell: String) -> String {
        var out: [UInt8] = []
        ByteEscaping.appendCSVCell(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON Lines: one object per petition, lossless. The fields of
/// `classify-text --json` plus `id`, `text` (the petition as read) and
/// `columns` (every original column: name → cell), and `file` when several
/// inputs are written together. Keys are sorted; strings are exact (bidi
/// controls and U+2028/U+2029 are written as `\uXXXX` escapes, which decode to
/// the original characters).
package final class JSONLinesPetitionWriter: PetitionWriter {
    private let output: AtomicOutputFile
    private let presenter: ClassificationPresenter
    private let columnKeys: [String]
    private let withFileColumn: Bool
    private var buffer = GrowableBytes()

    /// The worded fields (labels, agency names, reason) come from `presenter`.
    package init(
        output: AtomicOutputFile, presenter: ClassificationPresenter, inputColumns: [String] = [],
        withFileColumn: Bool = false
    ) {
        self.output = output
        self.presenter = presenter
        self.columnKeys = Self.uniqueKeys(inputColumns)
        self.withFileColumn = withFileColumn
    }

    deinit { buffer.deallocate() }

    package func write(_ petitions: [ClassifiedPetition]) throws {
        buffer.removeAll()
        for petition in petitions {
            JSONRecordWriter.append(
                petition, presenter: presenter, columnKeys: columnKeys, withFile: withFileColumn, to: &buffer)
            buffer.append(0x0A)
        }
        try buffer.withUnsafeBytes { try output.write(bytes: $0) }
    }

    package func finish() throws { try output.commit() }

    /// Column names usable as JSON keys: an empty name becomes `column N`, a
    /// repeated one `NAME (N)` (N is the 1-based column number).
    static func uniqueKeys(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.enumerated().map { index, name in
            var key = name.isEmpty ? "column \(index + 1)" : name
            if seen.contains(key) { key = "\(key) (\(index + 1))" }
            seen.insert(key)
            return key
        }
    }
}

/// The JSON object of one classified petition, written byte by byte with the
/// same keys, order and number forms as `JSONEncoder` with sorted keys gives
/// for ``ClassificationRecord`` (a test holds the two together); the worded
/// fields come from the presenter.
enum JSONRecordWriter {
    static func append(
        _ petition: ClassifiedPetition, presenter: ClassificationPresenter, columnKeys: [String], withFile: Bool,
        to out: inout some ByteAppending
    ) {
        let c = petition.classification
        out.append(literal: #"{"agency":"#)
        if let agency = c.agency {
            append(agency, asOf: c.asOf, presenter: presenter, to: &out)
        } else {
            out.append(literal: "null")
        }
        out.append(literal: #","asOf":"#)
        ByteEscaping.appendJSONString(c.asOf.description, to: &out)
        out.append(literal: #","candidates":"#)
        append(c.candidates, presenter: presenter, to: &out)
        out.append(literal: #","columns":{"#)
        for (index, cell) in petition.record.cells.enumerated() {
            if index > 0 { out.append(0x2C) }
            ByteEscaping.appendJSONString(
                index < columnKeys.count ? columnKeys[index] : "column \(index + 1)", to: &out)
            out.append(0x3A)
            ByteEscaping.appendJSONString(cell, to: &out)
        }
        out.append(literal: #"},"confidence":"#)
        ByteEscaping.appendJSONNumber(c.confidence, to: &out)
        out.append(literal: #","district":"#)
        if let place = ClassificationRecord.placeName(c.location) {
            ByteEscaping.appendJSONString(place, to: &out)
        } else {
            out.append(literal: "null")
        }
        if withFile {
            out.append(literal: #","file":"#)
            ByteEscaping.appendJSONString(petition.file, to: &out)
        }
        out.append(literal: #","id":"#)
        ByteEscaping.appendJSONString(petition.record.id, to: &out)
        out.append(literal: #","location":"#)
        if let location = c.location { append(location, to: &out) } else { out.append(literal: "null") }
        out.append(literal: #","mainTheme":"#)
        ByteEscaping.appendJSONString(c.mainTheme, to: &out)
        out.append(literal: c.needsReview ? #","review":true"# : #","review":false"#)
        out.append(literal: #","text":"#)
        ByteEscaping.appendJSONString(petition.record.text, to: &out)
        out.append(literal: #","themes":"#)
        append(c.themes, presenter: presenter, to: &out)
        out.append(literal: #","urgency":"#)
        appendArray(c.urgency, to: &out) { mention, out in
            out.append(literal: #"{"evidence":"#)
            append(mention.evidence, to: &out)
            out.append(literal: #","flag":"#)
            ByteEscaping.appendJSONString(mention.flag.rawValue, to: &out)
            out.append(literal: #","label":"#)
            ByteEscaping.appendJSONString(presenter.urgencyLabel(mention.flag), to: &out)
            out.append(0x7D)
        }
        out.append(0x7D)
    }

    static func append(
        _ agency: AgencySuggestion, asOf date: RoutingDate, presenter: ClassificationPresenter,
        to out: inout some ByteAppending
    ) {
        out.append(literal: #"{"agencyName":"#)
        ByteEscaping.appendJSONString(presenter.agencyName(agency, asOf: date), to: &out)
        out.append(literal: agency.ambiguous ? #","ambiguous":true,"basis":"# : #","ambiguous":false,"basis":"#)
        ByteEscaping.appendJSONString(agency.basis.rawValue, to: &out)
        out.append(literal: #","confidence":"#)
        ByteEscaping.appendJSONNumber(agency.confidence, to: &out)
        out.append(literal: #","id":"#)
        ByteEscaping.appendJSONString(agency.id, to: &out)
        out.append(literal: #","localUnits":"#)
        append(strings: agency.localUnits, to: &out)
        out.append(literal: #","name":"#)
        ByteEscaping.appendJSONString(presenter.bodyName(agency, asOf: date), to: &out)
        out.append(literal: agency.needsReview ? #","needsReview":true"# : #","needsReview":false"#)
        if let phrase = agency.phrase {
            out.append(literal: #","phrase":"#)
            append(phrase, to: &out)
        }
        out.append(literal: #","reason":"#)
        ByteEscaping.appendJSONString(presenter.reason(agency, asOf: date), to: &out)
        out.append(literal: #","rule":"#)
        ByteEscaping.appendJSONString(agency.rule, to: &out)
        out.append(literal: #","scope":"#)
        append(agency.scope, to: &out)
        out.append(literal: #","theme":"#)
        ByteEscaping.appendJSONString(agency.theme, to: &out)
        out.append(0x7D)
    }

    static func append(_ scope: ScopeAssessment, to out: inout some ByteAppending) {
        out.append(literal: #"{"citywideWeight":"#)
        ByteEscaping.appendJSONNumber(scope.citywideWeight, to: &out)
        out.append(literal: #","evidence":"#)
        appendArray(scope.evidence, to: &out) { cue, out in
            out.append(literal: #"{"end":"#)
            ByteEscaping.appendInteger(cue.end, to: &out)
            out.append(literal: #","match":"#)
            ByteEscaping.appendJSONString(cue.match.rawValue, to: &out)
            out.append(literal: #","phrase":"#)
            ByteEscaping.appendJSONString(cue.phrase, to: &out)
            out.append(literal: #","scope":"#)
            ByteEscaping.appendJSONString(cue.scope.rawValue, to: &out)
            out.append(literal: #","source":"#)
            ByteEscaping.appendJSONString(cue.source, to: &out)
            out.append(literal: #","start":"#)
            ByteEscaping.appendInteger(cue.start, to: &out)
            out.append(literal: #","surface":"#)
            ByteEscaping.appendJSONString(cue.surface, to: &out)
            out.append(literal: #","weight":"#)
            ByteEscaping.appendJSONNumber(cue.weight, to: &out)
            out.append(0x7D)
        }
        out.append(literal: #","localWeight":"#)
        ByteEscaping.appendJSONNumber(scope.localWeight, to: &out)
        if let decided = scope.scope {
            out.append(literal: #","scope":"#)
            ByteEscaping.appendJSONString(decided.rawValue, to: &out)
        }
        out.append(0x7D)
    }

    static func append(_ location: LocationMention, to out: inout some ByteAppending) {
        out.append(literal: #"{"districts":"#)
        append(strings: location.districts, to: &out)
        out.append(literal: #","end":"#)
        ByteEscaping.appendInteger(location.end, to: &out)
        out.append(literal: #","kind":"#)
        ByteEscaping.appendJSONString(location.kind.rawValue, to: &out)
        out.append(literal: #","name":"#)
        ByteEscaping.appendJSONString(location.name, to: &out)
        out.append(literal: #","start":"#)
        ByteEscaping.appendInteger(location.start, to: &out)
        out.append(literal: #","surface":"#)
        ByteEscaping.appendJSONString(location.surface, to: &out)
        out.append(0x7D)
    }

    static func append(_ themes: [ThemeScore], presenter: ClassificationPresenter, to out: inout some ByteAppending) {
        appendArray(themes, to: &out) { theme, out in
            out.append(literal: #"{"evidence":"#)
            append(theme.evidence, to: &out)
            out.append(literal: #","id":"#)
            ByteEscaping.appendJSONString(theme.id, to: &out)
            out.append(literal: #","label":"#)
            ByteEscaping.appendJSONString(presenter.themeLabel(theme.id), to: &out)
            out.append(literal: #","score":"#)
            ByteEscaping.appendJSONNumber(theme.score, to: &out)
            out.append(0x7D)
        }
    }

    static func append(_ evidence: [Evidence], to out: inout some ByteAppending) {
        appendArray(evidence, to: &out) { item, out in append(item, to: &out) }
    }

    static func append(_ item: Evidence, to out: inout some ByteAppending) {
        out.append(literal: #"{"end":"#)
        ByteEscaping.appendInteger(item.end, to: &out)
        out.append(literal: item.match == .plain ? #","match":"plain""# : #","match":"accented""#)
        out.append(literal: item.negated ? #","negated":true,"phrase":"# : #","negated":false,"phrase":"#)
        ByteEscaping.appendJSONString(item.phrase, to: &out)
        out.append(literal: #","source":"#)
        ByteEscaping.appendJSONString(item.source, to: &out)
        out.append(literal: #","start":"#)
        ByteEscaping.appendInteger(item.start, to: &out)
        out.append(literal: #","surface":"#)
        ByteEscaping.appendJSONString(item.surface, to: &out)
        out.append(literal: #","weight":"#)
        ByteEscaping.appendJSONNumber(item.weight, to: &out)
        out.append(0x7D)
    }

    static func append(strings: [String], to out: inout some ByteAppending) {
        appendArray(strings, to: &out) { string, out in ByteEscaping.appendJSONString(string, to: &out) }
    }

    /// `[a,b,…]`, each element written by `element`: the one place a writer's arrays get their brackets and commas.
    static func appendArray<Element, Sink: ByteAppending>(
        _ elements: [Element], to out: inout Sink, _ element: (Element, inout Sink) -> Void
    ) {
        out.append(0x5B)
        for index in elements.indices {
            if index > 0 { out.append(0x2C) }
            element(elements[index], &out)
        }
        out.append(0x5D)
    }
}

/// Compact, stable JSON for one line (JSONEncoder, sorted keys): for small
/// outputs off the hot path; the JSONL writer does not use it.
package enum JSONLine {
    package static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
