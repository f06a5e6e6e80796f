/// Why an Office file (XLSX, DOCX) cannot be read, as data: which part (and
/// sheet), where (byte offset into the part, or cell), what was found.
/// Rendered in the user's language by ``message(file:language:)``.
public struct OfficeFailure: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The file is not a ZIP package at all.
        case notAPackage
        /// Encrypted with a password: an Office file with a password to open (an OLE
        /// compound file holding the encrypted package), or a part zipped with one.
        case passwordProtected
        /// The file starts like a ZIP package but its directory cannot be read: cut short or damaged.
        case damagedPackage
        /// A required part is absent.
        case missingPart
        /// The part is compressed by a ZIP method other than stored or deflated
        /// (Deflate64, BZIP2, LZMA…: an archiver's choice, never Office's).
        case unsupportedCompression(method: Int)
        /// The ZIP entry itself cannot be decompressed.
        case damagedEntry
        /// Bytes that are not UTF-8 inside the XML.
        case invalidUTF8
        /// The part is in UTF-16 or another encoding Office does not use for these parts.
        case notUTF8
        case malformedXML
        /// The part ends in the middle of an element.
        case truncatedXML
        case nestingTooDeep(limit: Int)
        /// One tag or text run is larger than `limit` bytes.
        case tokenTooLarge(limit: Int)
        /// The part expands to more than `limit` bytes.
        case partTooLarge(limit: UInt64)
        /// All parts read together expand to more than `limit` bytes.
        case packageTooLarge(limit: UInt64)
        /// Expansion ratio of a likely zip bomb.
        case compressionRatio(ratio: UInt64, limit: UInt64)
        case unknownSheet(name: String, sheets: [String])
        /// A damaged cell in the rows KienNghi needs to find the header.
        case badCell(reference: String, CellProblem)
        /// The document holds headings or titles but no petition.
        case noPetitions(skipped: Int)
        /// Two entries of the package carry the same name (compared as Office
        /// does: ignoring case, `\\` read as `/`); readers disagree on which
        /// one counts, so neither is guessed.
        case duplicatePart(name: String)
        /// The sheet read by default is empty; `others` (never empty) are the sheets that hold cells.
        case emptySheet(name: String, others: [String])
    }

    /// Whether the problem is a damaged file, a safety limit, or an input with nothing to do.
    public enum Kind: Sendable { case damaged, limit, nothingToDo, usage }

    /// Part inside the package, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String?
    /// Sheet name (XLSX) when known.
    public var sheet: String?
    /// Byte offset into the uncompressed part.
    public var offset: Int?
    public var problem: Problem

    public init(part: String? = nil, sheet: String? = nil, offset: Int? = nil, problem: Problem) {
        self.part = part
        self.sheet = sheet
        self.offset = offset
        self.problem = problem
    }

    public var kind: Kind {
        switch problem {
        case .tokenTooLarge, .partTooLarge, .packageTooLarge, .compressionRatio, .nestingTooDeep: .limit
        case .noPetitions: .nothingToDo
        case .unknownSheet, .emptySheet: .usage
        default: .damaged
        }
    }

}
