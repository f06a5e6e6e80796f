import Foundation
import KienNghiCore

/// Opens any pile an office holds, choosing the reader by the format named
/// (`--input-format`), else the file extension, else the content (standard
/// input, pipes and files without an extension are sniffed).
public enum PetitionSources {
    public struct Options: Sendable {
        public var encoding: TextEncoding?
        public var lenient: Bool
        public var textColumn: String?
        public var sheet: String?
        /// The input format, or nil to go by extension and content.
        public var format: InputFormat?

        public init(encoding: TextEncoding? = nil, lenient: Bool = false, textColumn: String? = nil, sheet: String? = nil,
                    format: InputFormat? = nil) {
            self.encoding = encoding
            self.lenient = lenient
            self.textColumn = textColumn
            self.sheet = sheet
            self.format = format
        }
    }

    /// Opens `path` ("-" is standard input). Every input is read once: a pipe's
    /// first bytes, looked at to tell its format, are read again from memory.
    public static func open(_ path: String, options: Options) throws -> any PetitionSource {
        let pathExtension = InputFormat.pathExtension(of: path)
        let named = options.format ?? InputFormat(pathExtension: pathExtension)
        let regular = ByteInput.isRegularFile(path)
        // A file named with an extension KienNghi does not read (.pdf, .md…) is refused, not guessed at.
        if named == nil, regular, !pathExtension.isEmpty { throw InputFailure.unsupportedFormat(path: path) }
        if let named, regular {
            if named.isPackage { return try package(path: path, named, options) }
            return try text(TextStream(path: path, encoding: options.encoding, lenient: options.lenient), named, options)
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
            return try text(TextStream(input: input, encoding: options.encoding, lenient: options.lenient), format, options)
        }
        if regular { return try package(path: path, format, options) }
        // A ZIP package is read from its end: a pipe's bytes are gathered in memory first, within a bound.
        guard let bytes = try input.readAll(limit: InputLimits.maxPipedPackageBytes) else {
            throw InputFailure.pipedPackageTooLarge(path: path, limit: InputLimits.maxPipedPackageBytes)
        }
        return try open(bytes: bytes, name: path, format: format, options: options)
    }

    /// Opens bytes held in memory (tests, fuzzing, a package read from a pipe)
    /// exactly as a file holding them would be; `name` stands for the path in
    /// messages and, without `options.format`, its extension names the format.
    public static func open(bytes: [UInt8], name: String, options: Options) throws -> any PetitionSource {
        let format = options.format ?? InputFormat(pathExtension: InputFormat.pathExtension(of: name))
            ?? InputFormat.sniff(bytes.prefix(InputLimits.sniffBytes), complete: bytes.count <= InputLimits.sniffBytes)
        return try open(bytes: bytes, name: name, format: format, options: options)
    }

    private static func open(bytes: [UInt8], name: String, format: InputFormat, options: Options) throws -> any PetitionSource {
        switch format {
        case .xlsx: return try XLSXPetitionSource(data: Data(bytes), name: name, sheet: options.sheet, textColumn: options.textColumn)
        case .docx: return try DOCXPetitionSource(data: Data(bytes), name: name)
        default: return try text(TextStream(bytes: bytes, name: name, encoding: options.encoding, lenient: options.lenient), format, options)
        }
    }

    private static func package(path: String, _ format: InputFormat, _ options: Options) throws -> any PetitionSource {
        format == .docx ? try DOCXPetitionSource(path: path)
            : try XLSXPetitionSource(path: path, sheet: options.sheet, textColumn: options.textColumn)
    }

    private static func text(_ stream: TextStream, _ format: InputFormat, _ options: Options) throws -> any PetitionSource {
        switch format {
        case .csv, .tsv: try DelimitedPetitionSource(stream: stream, textColumn: options.textColumn)
        case .jsonl: JSONLinesPetitionSource(stream: stream)
        default: PlainTextPetitionSource(stream: stream)
        }
    }
}

/// Reads several inputs, classifies them in parallel, hands results on in
/// order, and keeps count of everything: for every run,
/// rows read = classified + sent to review + rejected, exactly
/// (blank lines and header rows are not rows; a file that cannot be read at
/// all is listed in ``Summary/failedFiles``).
public struct PileProcessor {
    public struct Summary: Sendable {
        /// Petitions read and classified (review included).
        public var read = 0
        public var classified = 0
        public var review = 0
        public var urgent = 0
        /// The first ``keptRejectedRows`` rejected rows (all of them go to the rejected-rows sink).
        public var rejected: [RejectedRow] = []
        /// Every rejected row, counted.
        public var rejectedCount = 0
        public var rejectedByReason: [RejectedRow.Reason: Int] = [:]
        /// Whether some rejected row may have been a petition.
        public var lostPetitions = false
        public var failedFiles: [(path: String, failure: InputFailure)] = []

        /// How many rejected rows are kept in memory for display.
        public static let keptRejectedRows = 1000

        /// Rows read: petitions plus rejected rows.
        public var rows: Int { read + rejectedCount }

        mutating func reject(_ row: RejectedRow) {
            rejectedCount += 1
            rejectedByReason[row.reason, default: 0] += 1
            if row.reason.losesPetition { lostPetitions = true }
            if rejected.count < Self.keptRejectedRows { rejected.append(row) }
        }

        /// One line: rows read = classified + sent to review + rejected (and why).
        public func line(_ l: Language) -> String {
            let why = rejectedByReason.map { ($0.key.label(l), $0.value) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            var text = l.pick(
                "Đã đọc \(rows) dòng = phân loại \(classified - review) + chờ xem xét \(review) + loại bỏ \(rejectedCount)",
                "Read \(rows) rows = classified \(classified - review) + sent to review \(review) + rejected \(rejectedCount)")
            if !why.isEmpty { text += " (\(why))" }
            text += l.pick("; khẩn \(urgent)", "; urgent \(urgent)")
            if !failedFiles.isEmpty { text += l.pick("; \(failedFiles.count) tệp không đọc được", "; \(failedFiles.count) files unreadable") }
            return text + "."
        }
    }

    public let batch: BatchClassifier
    public let options: PetitionSources.Options
    public var batchSize = 2048
    /// Inputs opened early (by ``columns(of:)``), handed to ``run`` so nothing is opened or read twice.
    private let opened = OpenedSources()

    public init(batch: BatchClassifier, options: PetitionSources.Options) {
        self.batch = batch
        self.options = options
    }

    private final class OpenedSources {
        var sources: [String: Result<any PetitionSource, InputFailure>] = [:]
    }

    private func open(_ input: String) -> Result<any PetitionSource, InputFailure> {
        if let early = opened.sources.removeValue(forKey: input) { return early }
        do { return .success(try PetitionSources.open(input, options: options)) } catch let failure as InputFailure {
            return .failure(failure)
        } catch {
            return .failure(.unreadable(path: input))
        }
    }

    /// Column names of the first readable input (for writers' headers). The
    /// inputs it opens stay open for ``run``: a pipe is not read twice.
    public func columns(of inputs: [String]) -> [String] {
        for input in inputs {
            let result = opened.sources[input] ?? open(input)
            opened.sources[input] = result
            if case .success(let source) = result { return source.columns }
        }
        return ["text"]
    }

    /// Reads, classifies and hands on every input in order. Each rejected row
    /// goes to `rejectedRow` as it is found (for a rejected-rows file).
    public func run(_ inputs: [String], progress: (Int) -> Void = { _ in }, rejectedRow: (RejectedRow) -> Void = { _ in },
                    _ consume: ([ClassifiedPetition]) throws -> Void) throws -> Summary {
        var summary = Summary()
        for input in inputs {
            let source: any PetitionSource
            switch open(input) {
            case .success(let opened): source = opened
            case .failure(let failure):
                summary.failedFiles.append((input, failure))
                continue
            }
            do {
                try source.read(batchSize: batchSize, { records in
                    summary.read += records.count
                    let classified = batch.classify(records, file: input)
                    summary.classified += classified.count
                    summary.review += classified.filter(\.classification.needsReview).count
                    summary.urgent += classified.filter { !$0.classification.urgency.isEmpty }.count
                    try consume(classified)
                    progress(summary.read)
                }, rejected: { row in
                    summary.reject(row)
                    rejectedRow(row)
                })
            } catch let failure as InputFailure {
                summary.failedFiles.append((input, failure))
            }
        }
        return summary
    }
}
