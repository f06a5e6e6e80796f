import Foundation
import KienNghiCore

/// Opens any pile an office holds, choosing the reader by file extension.
public enum PetitionSources {
    public struct Options: Sendable {
        public var encoding: TextEncoding?
        public var lenient: Bool
        public var textColumn: String?
        public var sheet: String?

        public init(encoding: TextEncoding? = nil, lenient: Bool = false, textColumn: String? = nil, sheet: String? = nil) {
            self.encoding = encoding
            self.lenient = lenient
            self.textColumn = textColumn
            self.sheet = sheet
        }
    }

    public static func open(_ path: String, options: Options) throws -> any PetitionSource {
        let stream = TextStream(path: path, encoding: options.encoding, lenient: options.lenient)
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv", "tsv", "tab": return try DelimitedPetitionSource(stream: stream, textColumn: options.textColumn)
        case "jsonl", "ndjson", "json": return JSONLinesPetitionSource(stream: stream)
        case "txt", "text", "": return PlainTextPetitionSource(stream: stream)
        case "xlsx", "xlsm": return try XLSXPetitionSource(path: path, sheet: options.sheet, textColumn: options.textColumn)
        case "docx": return try DOCXPetitionSource(path: path)
        default: throw InputFailure.unsupportedFormat(path: path)
        }
    }
}

/// Reads several inputs, classifies them in parallel, hands results on in
/// order, and keeps count of everything (nothing is dropped silently).
public struct PileProcessor {
    public struct Summary: Sendable {
        public var read = 0
        public var classified = 0
        public var review = 0
        public var urgent = 0
        public var rejected: [RejectedRow] = []
        public var failedFiles: [(path: String, failure: InputFailure)] = []

        /// One line: read, classified, sent to review, rejected and why.
        public func line(_ l: Language) -> String {
            var reasons: [String: Int] = [:]
            for row in rejected { reasons[row.reason.label(l), default: 0] += 1 }
            let why = reasons.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            var text = l.pick(
                "Đã đọc \(read), phân loại \(classified - review), chờ xem xét \(review), khẩn \(urgent), loại bỏ \(rejected.count)",
                "Read \(read), classified \(classified - review), sent to review \(review), urgent \(urgent), rejected \(rejected.count)")
            if !why.isEmpty { text += " (\(why))" }
            if !failedFiles.isEmpty { text += l.pick("; \(failedFiles.count) tệp không đọc được", "; \(failedFiles.count) files unreadable") }
            return text + "."
        }
    }

    public let batch: BatchClassifier
    public let options: PetitionSources.Options
    public var batchSize = 2048

    public init(batch: BatchClassifier, options: PetitionSources.Options) {
        self.batch = batch
        self.options = options
    }

    /// Column names of the first readable input (for writers' headers).
    public func columns(of inputs: [String]) -> [String] {
        for input in inputs { if let source = try? PetitionSources.open(input, options: options) { return source.columns } }
        return ["text"]
    }

    public func run(_ inputs: [String], progress: (Int) -> Void = { _ in }, _ consume: ([ClassifiedPetition]) throws -> Void) throws -> Summary {
        var summary = Summary()
        for input in inputs {
            let source: any PetitionSource
            do { source = try PetitionSources.open(input, options: options) } catch let failure as InputFailure {
                summary.failedFiles.append((input, failure))
                continue
            } catch {
                summary.failedFiles.append((input, .unreadable(path: input)))
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
                }, rejected: { summary.rejected.append($0) })
            } catch let failure as InputFailure {
                summary.failedFiles.append((input, failure))
            }
        }
        return summary
    }
}
