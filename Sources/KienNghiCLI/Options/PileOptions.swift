import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// Options of every command that reads piles of petitions.
struct PileOptions: ParsableArguments {
    @Argument(help: "Tệp kiến nghị: .csv, .tsv, .xlsx, .docx, .jsonl, .txt (một hoặc nhiều).")
    var inputs: [String]

    @Option(
        name: .customLong("text-column"), help: "Cột chứa nội dung kiến nghị (tên hoặc số thứ tự); mặc định tự đoán.")
    var textColumn: String?

    @Option(
        name: .customLong("input-format"),
        help:
            "Định dạng tệp đầu vào: auto, csv, tsv, jsonl, txt, xlsx, docx (mặc định auto: theo đuôi tệp; với - (đầu vào chuẩn), đường ống hoặc tệp không đuôi thì đoán từ nội dung)."
    )
    var inputFormat: String = "auto"

    @Option(help: "Trang tính trong tệp Excel (mặc định: trang đầu).")
    var sheet: String?

    @Option(
        help:
            "Dòng tên cột của bảng (CSV, Excel, Word): auto (tự nhận, mặc định), none (không có dòng tên cột: đọc mọi dòng), hoặc số dòng như trong thông báo (các dòng phía trên là tiêu đề)."
    )
    var header: String = "auto"

    @Option(help: "Bảng mã của tệp văn bản (mặc định: tự nhận). \(FailurePresenter(language: .vi).encodingNames).")
    var encoding: String?

    @Flag(help: "Thay byte lỗi bằng � thay vì dừng.")
    var lenient = false

    @Option(
        name: .customLong("rejected"),
        help: "Ghi danh sách các dòng bị loại (tệp, dòng, byte, mã lý do, lý do, trích đoạn) vào tệp CSV này.")
    var rejectedFile: String?

    @OptionGroup var classifier: ClassifierOptions

    var language: Language { classifier.language.lang }

    /// A file named twice (by the same or another path, or as `-` with standard input
    /// redirected from it) is read once: read twice, every petition in it would be counted
    /// and routed twice.
    mutating func validate() throws {
        var seen: Set<String> = []
        var kept: [String] = []
        for input in inputs {
            // Any kind of file: a FIFO or a pipe named twice would wait forever for a second reading.
            if let identity = FileIdentity.ofAnyKind(input) {
                guard seen.insert(identity).inserted else {
                    Terminal.warn(
                        language.pick(
                            "\(input): tệp này đã được nêu trước đó, chỉ đọc một lần.",
                            "\(input): this file was already named, it is read once."))
                    continue
                }
            }
            kept.append(input)
        }
        inputs = kept
    }

    /// `--header`: auto, none (also `không`), or a row number from 1.
    func headerChoice() throws -> HeaderRowChoice {
        switch header.lowercased() {
        case "auto": return .detect
        case "none", "không", "khong": return .absent
        default:
            guard let row = Int(header), row >= 1 else {
                throw CLIError(
                    language.pick(
                        "--header \(header): cần auto, none hoặc số dòng (từ 1).",
                        "--header \(header): expected auto, none or a row number (from 1)."), code: .usage)
            }
            return .row(row)
        }
    }

    /// The words of the decisions `processor` makes, in the chosen language.
    func presenter(_ processor: PileProcessor) -> ClassificationPresenter {
        classifier.presenter(processor.batch.classifier)
    }

    func processor() throws -> PileProcessor {
        var parsed: TextEncoding? = nil
        if let encoding {
            guard let value = TextEncoding(name: encoding) else {
                throw CLIError(
                    TextDecodingFailure.unknownEncoding(encoding).message(file: "--encoding", language: language),
                    code: .usage)
            }
            parsed = value
        }
        try requireOneOf(
            ["auto"] + InputFormat.allCases.map(\.rawValue), inputFormat.lowercased(), option: "--input-format",
            language)
        let format = InputFormat(rawValue: inputFormat.lowercased())
        let options = PetitionPipeline.Options(
            asOf: try classifier.routingDate(),
            sources: .init(
                encoding: parsed, lenient: lenient, textColumn: textColumn, sheet: sheet, format: format,
                header: try headerChoice()))
        return PetitionPipeline(
            classifier: try classifier.classifier(), options: options, readers: PetitionSources.readers
        ).processor()
    }
}

/// Runs a pile through the processor with progress, summary and exit codes.
enum PileRun {
    /// `group`: the command's other outputs; the `--rejected` list joins it and
    /// appears with them when the command commits the group. Without one, the
    /// list is moved into place at the end of the run.
    static func run(
        _ options: PileOptions, _ processor: PileProcessor, group: OutputGroup? = nil,
        _ consume: ([ClassifiedPetition]) throws -> Void
    ) throws -> PileProcessor.Summary {
        let list = try RejectedRowsFile(options, group: group)
        let summary = try read(options, processor, rejected: list, consume)
        try list?.finish(summary)
        report(summary, options)
        return summary
    }

    /// Reads and classifies `options.inputs` with progress on a terminal,
    /// each rejected row going to `list` (one list may serve several runs).
    static func read(
        _ options: PileOptions, _ processor: PileProcessor, rejected list: RejectedRowsFile?,
        _ consume: ([ClassifiedPetition]) throws -> Void
    ) throws -> PileProcessor.Summary {
        let l = options.language
        let showProgress = Terminal.isErrorTTY
        let summary = try processor.run(
            options.inputs,
            progress: { count in
                if showProgress {
                    Terminal.progress(l.pick("Đã xử lý \(count) kiến nghị…", "Processed \(count) petitions…"))
                }
            }, rejectedRow: { list?.add($0) }, consume)
        if showProgress { Terminal.progress(nil) }
        return summary
    }

    /// Says on stderr what went wrong in a finished run (files that could not
    /// be read, the first 50 rejected rows, an empty pile) and ends with the
    /// accounting line.
    static func report(_ summary: PileProcessor.Summary, _ options: PileOptions) {
        let l = options.language
        for (_, failure) in summary.failedFiles { Terminal.warn(failure.message(l)) }
        for (path, header) in summary.doubtfulHeaders {
            Terminal.warn(FailurePresenter.commandLine(l).message(header, file: path))
        }
        for (path, count) in summary.replaced {
            Terminal.warn(
                l.pick(
                    "\(path): đã thay \(count) chuỗi byte lỗi bằng � (--lenient); các kiến nghị có ký tự � cần đọc lại.",
                    "\(path): replaced \(count) invalid byte sequences with � (--lenient); petitions showing � need a second look."
                ))
        }
        for row in summary.rejected.prefix(50) { Terminal.warn(row.message(l)) }
        if summary.rejectedCount > 50 {
            Terminal.warn(
                l.pick(
                    "… và \(summary.rejectedCount - 50) dòng bị loại khác",
                    "… and \(summary.rejectedCount - 50) more rejected rows")
                    + (options.rejectedFile.map { l.pick(" (xem \($0)).", " (see \($0)).") }
                        ?? l.pick(" (ghi đủ danh sách bằng --rejected TỆP).", " (list them all with --rejected FILE)."))
            )
        }
        if summary.read == 0 && summary.failedFiles.isEmpty {
            Terminal.warn(
                l.pick(
                    "Không có kiến nghị nào trong \(options.inputs.joined(separator: ", ")): kiểm tra lại tệp (chỉ có dòng tiêu đề, hoặc mọi dòng đều bị loại).",
                    "No petitions in \(options.inputs.joined(separator: ", ")): check the file (only a header row, or every row was rejected)."
                ))
        }
        Terminal.warn(summary.line(l))
    }

    /// Runs a pile command's work, cleaning up on Ctrl-C and ending with the
    /// run's exit status.
    static func runCommand(_ execute: () throws -> PileProcessor.Summary) throws {
        Terminal.cleanUpOnInterrupt()
        do {
            let summary = try execute()
            if let code = exitCode(summary) { throw ExitCode(code) }
        } catch let error as CLIError {
            Terminal.warn(error.message)
            throw ExitCode(error.code.rawValue)
        }
    }

    /// Exit status for a finished run: distinct per kind of failure.
    static func exitCode(_ summary: PileProcessor.Summary) -> Int32? {
        if let first = summary.failedFiles.first, summary.read == 0 { return first.failure.exitStatus }
        if summary.read == 0 { return InputFailure.empty(path: "").exitStatus }  // nothing usable: not a success
        if !summary.failedFiles.isEmpty || summary.lostPetitions { return ExitStatus.partial.rawValue }
        return nil
    }
}

extension InputFailure {
    /// Each kind of unusable input has its own exit code (see README).
    var exitStatus: Int32 {
        switch self {
        case .missing, .unreadable, .isDirectory: 66
        case .empty, .headerOnly: 10
        case .decoding(_, .binary): 13
        case .decoding: 11
        case .noTextColumn, .unknownColumn, .noHeaderRow, .titleAsHeaderRow, .headerRowInsideList: 12
        case .unsupportedFormat: 13
        case .corrupt: 14
        case .tooLarge, .tooManyColumns, .tooManyTableColumns, .columnsBeyondPile, .pipedPackageTooLarge: 15
        case .office(_, let failure):
            switch failure.kind {
            case .damaged: 14
            case .limit: 15
            case .nothingToDo: 10
            case .usage: 12
            }
        }
    }
}

/// The `--rejected FILE` list: one CSV row per rejected row, written as rows
/// are found and put in place atomically at the end.
final class RejectedRowsFile {
    private let output: AtomicOutputFile
    private let language: Language
    private var failure: (any Error)?

    /// The list `--rejected` names, if any; it must not replace an input
    /// (nor `protecting`, e.g. the case register's files).
    convenience init?(_ options: PileOptions, protecting: [String] = [], group: OutputGroup? = nil) throws {
        guard let path = options.rejectedFile else { return nil }
        try self.init(path: path, inputs: options.inputs + protecting, language: options.language, group: group)
    }

    init(path: String, inputs: [String], language: Language, group: OutputGroup? = nil) throws {
        do {
            output = try AtomicOutputFile(path: path, inputs: inputs, group: group)
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure, language)
        }
        self.language = language
        let l = language
        write(
            [0xEF, 0xBB, 0xBF],
            CSVRow.line([
                l.pick("tệp", "file"), l.pick("dòng", "line"), "byte", l.pick("mã lý do", "reason code"),
                l.pick("lý do", "reason"), l.pick("trích đoạn", "excerpt"),
            ]))
    }

    func add(_ row: RejectedRow) {
        write(
            [],
            CSVRow.line([
                row.file, String(row.location), row.byteOffset.map(String.init) ?? "", row.reason.rawValue,
                row.message(language), row.excerpt,
            ]))
    }

    private func write(_ prefix: [UInt8], _ line: String) {
        guard failure == nil else { return }
        do {
            if !prefix.isEmpty { try output.write(bytes: prefix) }
            try output.write(line)
        } catch { failure = error }
    }

    /// Completes the list (moved into place now, or with its group); a write
    /// that failed midway (disk full) is 74, as for any output. When nothing was
    /// read at all (every input refused), an earlier list at that path stays as it was.
    func finish(_ summary: PileProcessor.Summary) throws {
        if summary.rows == 0 && !summary.failedFiles.isEmpty { return output.discard() }
        do {
            if let failure { throw failure }
            try output.commit()
        } catch let failure as AtomicOutputFile.Failure {
            output.discard()
            throw CLIError(failure, language)
        }
    }
}
