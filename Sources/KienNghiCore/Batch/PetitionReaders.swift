import Foundation

/// How a pile is opened: format, text encoding, leniency, and where the petition text is.
public struct PetitionSourceOptions: Sendable {
    /// The encoding of text files; nil detects it.
    public var encoding: TextEncoding?
    /// Replace undecodable bytes with U+FFFD instead of failing.
    public var lenient: Bool
    /// The column holding the petition text (name or 1-based number); nil guesses it.
    public var textColumn: String?
    /// The worksheet of a spreadsheet; nil takes the first.
    public var sheet: String?
    /// The input format; nil goes by the file extension, then by the content.
    public var format: InputFormat?
    /// Where a table's column names are: detected (the default), nowhere, or a row the user names.
    public var header: HeaderRowChoice

    /// Options with everything detected (the defaults) unless given.
    public init(
        encoding: TextEncoding? = nil, lenient: Bool = false, textColumn: String? = nil, sheet: String? = nil,
        format: InputFormat? = nil, header: HeaderRowChoice = .detect
    ) {
        self.encoding = encoding
        self.lenient = lenient
        self.textColumn = textColumn
        self.sheet = sheet
        self.format = format
        self.header = header
    }
}

/// Which row of a table (CSV, TSV, a sheet, a Word table) holds its column names.
/// Detection reads most tables right; this lets a person settle the rest: a first
/// petition taken for a header, or a header read as a petition.
public enum HeaderRowChoice: Sendable, Equatable {
    /// Found by looking at the table (titles above it skipped and reported).
    case detect
    /// The table has no header and no title rows: every filled row is read.
    case absent
    /// The header is this row, numbered as messages number rows (a CSV's line, a
    /// sheet's row, the row of a Word table counted from 1); rows above it are titles.
    case row(Int)

    /// The row named, if one is.
    package var namedRow: Int? {
        if case .row(let number) = self { number } else { nil }
    }
}

/// The readers a ``PetitionPipeline`` consults. The core reads the text
/// formats (CSV, TSV, JSON Lines, plain text) itself; other targets register
/// the package formats (KienNghiOffice adds XLSX and DOCX), so the core depends
/// on none of them.
///
/// The format is the one named in the options, else the file extension's, else
/// sniffed from the first bytes (standard input, pipes, files without an
/// extension). Every input is read once: bytes looked at to tell the format are
/// replayed from memory.
public struct PetitionReaders: Sendable {
    /// Where a package's bytes are: a regular file, or memory (a pipe's
    /// contents gathered within ``InputLimits/maxPipedPackageBytes``, a test, a fuzzer).
    public enum PackageInput: Sendable {
        case file(path: String)
        case bytes([UInt8], name: String)
    }

    /// Opens one package as a petition source.
    public typealias Opener =
        @Sendable (_ input: PackageInput, _ options: PetitionSourceOptions) throws -> any PetitionSource

    private var packageOpeners: [InputFormat: Opener] = [:]

    /// The text formats only.
    public init() {}

    /// The text formats the core reads itself.
    public static let text = PetitionReaders()

    /// Adds (or replaces) the reader of a package format (XLSX, DOCX).
    public mutating func register(_ format: InputFormat, _ open: @escaping Opener) {
        packageOpeners[format] = open
    }

    /// Opens `path` ("-" is standard input).
    /// - Throws: ``InputFailure`` when the input cannot be opened or its format is not read.
    public func open(_ path: String, options: PetitionSourceOptions) throws -> any PetitionSource {
        let pathExtension = InputFormat.pathExtension(of: path)
        let named = options.format ?? InputFormat(pathExtension: pathExtension)
        let regular = ByteInput.isRegularFile(path)
        // A file named with an extension KienNghi does not read (.pdf, .md…) is refused, not guessed at.
        if named == nil, regular, !pathExtension.isEmpty { throw InputFailure.unsupportedFormat(path: path) }
        if let named, regular {
            if named.isPackage { return try package(.file(path: path), named, options) }
            return try text(
                TextStream(path: path, encoding: options.encoding, lenient: options.lenient), named, options)
        }
        let input = try ByteInput(path: path)
        let format: InputFormat
        if let named {
            format = named
        } else {
            let head = try input.peek(InputLimits.sniffBytes)
            format = InputFormat.sniff(head, complete: head.count < InputLimits.sniffBytes)
        }
        guard format.isPackage else {
            return try text(
                TextStream(input: input, encoding: options.encoding, lenient: options.lenient), format, options)
        }
        if regular { return try package(.file(path: path), format, options) }
        // A ZIP package is read from its end: a pipe's bytes are gathered in memory first, within a bound.
        guard let bytes = try input.readAll(limit: InputLimits.maxPipedPackageBytes) else {
            throw InputFailure.pipedPackageTooLarge(path: path, limit: InputLimits.maxPipedPackageBytes)
        }
        return try package(.bytes(bytes, name: path), format, options)
    }

    /// Opens bytes held in memory (tests, fuzzing) exactly as a file holding
    /// them would be; `name` stands for the path in messages and, without
    /// `options.format`, its extension names the format.
    public func open(bytes: [UInt8], name: String, options: PetitionSourceOptions) throws -> any PetitionSource {
        let format =
            options.format ?? InputFormat(pathExtension: InputFormat.pathExtension(of: name))
            ?? InputFormat.sniff(bytes.prefix(InputLimits.sniffBytes), complete: bytes.count <= InputLimits.sniffBytes)
        if format.isPackage { return try package(.bytes(bytes, name: name), format, options) }
        return try text(
            TextStream(bytes: bytes, name: name, encoding: options.encoding, lenient: options.lenient), format, options)
    }

    private func package(_ input: PackageInput, _ format: InputFormat, _ options: PetitionSourceOptions) throws
        -> any PetitionSource
    {
        guard let open = packageOpeners[format] else {
            switch input {
            case .file(let path), .bytes(_, let path): throw InputFailure.unsupportedFormat(path: path)
            }
        }
        return try open(input, options)
    }

    private func text(_ stream: TextStream, _ format: InputFormat, _ options: PetitionSourceOptions) throws
        -> any PetitionSource
    {
        switch format {
        case .csv, .tsv:
            try DelimitedPetitionSource(stream: stream, textColumn: options.textColumn, header: options.header)
        case .jsonl: try JSONLinesPetitionSource(stream: stream)
        default: PlainTextPetitionSource(stream: stream, readsEveryLine: options.header == .absent)
        }
    }
}
