import Foundation

/// How a pile is opened: text encoding, leniency, and where the petition text is.
public struct PetitionSourceOptions: Sendable {
    /// The encoding of text files; nil detects it.
    public var encoding: TextEncoding?
    /// Replace undecodable bytes with U+FFFD instead of failing.
    public var lenient: Bool
    /// The column holding the petition text (name or 1-based number); nil guesses it.
    public var textColumn: String?
    /// The worksheet of a spreadsheet; nil takes the first.
    public var sheet: String?

    /// Options with everything detected (the defaults) unless given.
    public init(encoding: TextEncoding? = nil, lenient: Bool = false, textColumn: String? = nil, sheet: String? = nil) {
        self.encoding = encoding
        self.lenient = lenient
        self.textColumn = textColumn
        self.sheet = sheet
    }
}

/// The readers a ``PetitionPipeline`` consults, by file extension. The core
/// knows the text formats (CSV, TSV, JSON Lines, plain text); other targets
/// register theirs (KienNghiOffice adds XLSX and DOCX), so the core depends on
/// none of them.
public struct PetitionReaders: Sendable {
    /// Opens one file as a petition source.
    public typealias Opener = @Sendable (_ path: String, _ options: PetitionSourceOptions) throws -> any PetitionSource

    private var openers: [String: Opener] = [:]

    /// No readers at all.
    public init() {}

    /// The text formats the core reads itself.
    public static let text: PetitionReaders = {
        var readers = PetitionReaders()
        readers.register(["csv", "tsv", "tab"]) { path, options in
            try DelimitedPetitionSource(stream: TextStream(path: path, encoding: options.encoding, lenient: options.lenient), textColumn: options.textColumn)
        }
        readers.register(["jsonl", "ndjson", "json"]) { path, options in
            JSONLinesPetitionSource(stream: TextStream(path: path, encoding: options.encoding, lenient: options.lenient))
        }
        readers.register(["txt", "text", ""]) { path, options in
            PlainTextPetitionSource(stream: TextStream(path: path, encoding: options.encoding, lenient: options.lenient))
        }
        return readers
    }()

    /// Adds (or replaces) the reader for files ending in `extensions` (lower case, no dot; "" for none).
    public mutating func register(_ extensions: [String], _ open: @escaping Opener) {
        for name in extensions { openers[name] = open }
    }

    /// The file extensions with a reader, sorted.
    public var extensions: [String] { openers.keys.sorted() }

    /// Opens `path` with the reader for its extension.
    /// - Throws: ``InputFailure/unsupportedFormat(path:)`` when none is registered, or the reader's failure.
    public func open(_ path: String, options: PetitionSourceOptions) throws -> any PetitionSource {
        guard let open = openers[URL(fileURLWithPath: path).pathExtension.lowercased()] else {
            throw InputFailure.unsupportedFormat(path: path)
        }
        return try open(path, options)
    }
}
