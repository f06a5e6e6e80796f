import ArgumentParser
import Foundation
import KienNghiCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every exit code of `kiennghi`, in one place (the README's table is this
/// list). BSD sysexits where one fits, so scripts can tell failures apart;
/// 3 and 10–15 are KienNghi's own, 128 + N is "stopped by signal N".
enum ExitStatus: Int32, CaseIterable {
    /// Done.
    case success = 0
    /// Done, but some rows or files were rejected (listed on stderr).
    case partial = 3
    /// The input file is empty.
    case emptyInput = 10
    /// Encoding undetectable or invalid bytes.
    case encoding = 11
    /// No text column (or `--text-column` names none).
    case noTextColumn = 12
    /// Unsupported file type.
    case unsupportedFormat = 13
    /// Corrupt XLSX/DOCX.
    case corrupt = 14
    /// XLSX/DOCX over the safety limits.
    case tooLarge = 15
    /// Bad option or argument (EX_USAGE).
    case usage = 64
    /// Input data unusable as a whole, e.g. a lexicon check that failed (EX_DATAERR).
    case dataError = 65
    /// Input missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// Internal error: a bug, please report (EX_SOFTWARE).
    case software = 70
    /// Output cannot be created: it is a folder, link, device or FIFO, an
    /// input, or its folder is missing or not writable (EX_CANTCREAT).
    case cannotCreate = 73
    /// Writing the output failed midway (disk full...); nothing was left (EX_IOERR).
    case ioError = 74
    /// Lexicon or configuration errors (EX_CONFIG).
    case configuration = 78
    /// Stopped by SIGHUP (terminal closed), after removing unfinished outputs.
    case hangUp = 129
    /// Stopped by SIGINT (Ctrl-C), after removing unfinished outputs.
    case interrupted = 130
    /// Standard output closed by its reader (SIGPIPE).
    case brokenPipe = 141
    /// Stopped by SIGTERM, after removing unfinished outputs.
    case terminated = 143

    /// The code for a whole input file that could not be read.
    init(_ failure: InputFailure) {
        // The per-kind numbers live with the input side (`InputFailure.exitStatus`);
        // a test holds them to the cases above.
        self = ExitStatus(rawValue: failure.exitStatus) ?? .software
    }

    /// The code for a text that could not be decoded: as for a whole input file
    /// (11, a binary file 13, an unknown `--encoding` 64), so `normalize` and
    /// `tokenize` exit as `classify` does.
    init(_ failure: TextDecodingFailure) {
        if case .unknownEncoding = failure {
            self = .usage
        } else {
            self.init(InputFailure.decoding(path: "", failure))
        }
    }

    /// The code for an output that could not be written.
    init(_ failure: AtomicOutputFile.Failure) {
        switch failure {
        case .writeFailed: self = .ioError
        default: self = .cannotCreate
        }
    }
}

/// An error already worded for the user; the CLI prints it and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: ExitStatus

    init(_ message: String, code: ExitStatus) {
        self.message = message
        self.code = code
    }

    /// An output failure, worded for the user; a suggested new name takes the
    /// extension `format` (the format chosen with `--format`) when given.
    init(_ failure: AtomicOutputFile.Failure, _ language: Language, format: String? = nil) {
        self.init(failure.message(language, format: format), code: ExitStatus(failure))
    }

    var description: String { message }
}

/// Output helpers: the only place that writes to stdout/stderr. Writes go
/// straight to the descriptors with write(2); a closed standard output ends
/// the run quietly with 141, any other failure to write it (a full disk) with
/// a message and 74; a closed standard error is ignored.
enum Terminal {
    static var isErrorTTY: Bool { isatty(2) != 0 }

    /// The language of the messages Terminal words itself; set when `--lang` is parsed.
    private static let wording = Mutex(Language.vi)

    static func setLanguage(_ language: Language) { wording.withLock { $0 = language } }

    static func write(_ text: String) {
        guard !writeAll(1, text) else { return }
        let code = errno
        if code == EPIPE { InterruptCleanup.exitAfterBrokenPipe() }
        warn(standardOutputFailure(code, wording.withLock { $0 }).message)
        InterruptCleanup.exitAfterFailedOutput(ExitStatus.ioError.rawValue)
    }

    /// Standard output could not be written (errno `code`): what was printed is incomplete.
    static func standardOutputFailure(_ code: Int32, _ l: Language) -> CLIError {
        let reason = String(cString: strerror(code))
        return CLIError(
            l.pick(
                "Không ghi được ra đầu ra chuẩn (stdout): \(reason). Phần đã in chưa đầy đủ; kiểm tra chỗ trống trên đĩa hoặc nơi nhận kết quả rồi chạy lại.",
                "Cannot write to standard output: \(reason). What was printed is incomplete; check free disk space or where the output goes, then run again."
            ), code: .ioError)
    }

    static func warn(_ text: String) {
        _ = writeAll(2, text + "\n")
    }

    /// A one-line progress indicator on stderr (nil clears it). Call only on a terminal.
    static func progress(_ text: String?) {
        _ = writeAll(2, "\r\u{1B}[K" + (text ?? ""))
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var base = bytes.baseAddress else { return true }
            var remaining = bytes.count
            while remaining > 0 {
                let written = systemWrite(descriptor, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                base += written
                remaining -= written
            }
            return true
        }
    }

    /// On SIGINT, SIGTERM or SIGHUP: delete unfinished output files, then exit
    /// with 128 + the signal (see ``InterruptCleanup``). Call before any work.
    static func cleanUpOnInterrupt() {
        InterruptCleanup.install()
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

extension AtomicOutputFile.FileKind {
    /// What is at a path, as the end of "this path …" ("is a named pipe (FIFO)").
    func words(_ l: Language) -> String {
        switch self {
        case .regular: l.pick("là một tệp", "is a file")
        case .directory: l.pick("là một thư mục", "is a folder")
        case .symbolicLink: l.pick("là một liên kết tượng trưng (symlink)", "is a symbolic link")
        case .device: l.pick("là một thiết bị", "is a device")
        case .fifo: l.pick("là một đường ống có tên (FIFO)", "is a named pipe (FIFO)")
        case .socket: l.pick("là một socket", "is a socket")
        case .other: l.pick("là một tệp đặc biệt", "is a special file")
        }
    }
}

extension AtomicOutputFile.Failure {
    /// What went wrong and what to do, for a person; `format` is the output
    /// format chosen (its extension goes into a suggested name).
    func message(_ l: Language, format: String? = nil) -> String {
        switch self {
        case .sameAsAnotherOutput(let path):
            return l.pick(
                "Hai kết quả cùng ghi vào \(path) (ví dụ -o và --rejected): đặt cho mỗi kết quả một tên riêng.",
                "Two outputs would both be written to \(path) (e.g. -o and --rejected): give each its own name.")
        case .wouldOverwriteInput(let path):
            return l.pick(
                "Tệp kết quả \(path) trùng với tệp đầu vào: chọn tên khác để không ghi đè dữ liệu gốc.",
                "Output \(path) is one of the inputs: choose another name so the original is not overwritten.")
        case .notARegularFile("", _):
            return l.pick(
                "Tên tệp kết quả trống (-o \"\"): hãy đặt một tên tệp, ví dụ \(Self.suggestion("", kind: .regular, format: format)).",
                "The output name is empty (-o \"\"): name a file, e.g. \(Self.suggestion("", kind: .regular, format: format))."
            )
        case .notARegularFile(let path, let kind):
            let what = kind.words(l)
            let example = Self.suggestion(path, kind: kind, format: format)
            return l.pick(
                "Không ghi kết quả vào \(path): đường dẫn này \(what). KienNghi không xoá, thay thế hay đi theo nó; hãy chọn một tên tệp mới, ví dụ \(example).",
                "Not writing to \(path): it \(what). KienNghi never removes, replaces or follows it; name a new file instead, e.g. \(example)."
            )
        case .missingFolder(let path, let folder):
            return l.pick(
                "Không ghi được \(path): thư mục \(folder) không tồn tại. Tạo thư mục trước hoặc chọn chỗ khác.",
                "Cannot write \(path): folder \(folder) does not exist. Create it first or choose another place.")
        case .cannotCreate(let path, let folder, let code):
            return l.pick(
                "Không tạo được tệp trong \(folder) để ghi \(path) (\(Self.reason(code))). Kiểm tra quyền ghi hoặc chọn thư mục khác.",
                "Cannot create a file in \(folder) to write \(path) (\(Self.reason(code))). Check write permission or choose another folder."
            )
        case .nameTooLong(let path, let bytes, let limit):
            return l.pick(
                "Không ghi được \(path): tên tệp dài \(bytes) byte, mà tên tệp chỉ được tối đa \(limit) byte. Chọn tên ngắn hơn.",
                "Cannot write \(path): the file name is \(bytes) bytes long and a file name holds at most \(limit). Choose a shorter name."
            )
        case .tooManyRows(let path, let limit):
            return l.pick(
                "Không ghi \(path): một trang XLSX chỉ chứa được \(limit) kiến nghị (giới hạn dòng của Excel) mà đầu vào có nhiều hơn; không để lại tệp dở dang. Hãy ghi ra CSV hoặc JSONL (ví dụ -o ket-qua.csv) hoặc chia nhỏ đầu vào.",
                "Not writing \(path): an XLSX sheet holds at most \(limit) petitions (Excel's row limit) and the input has more; no partial file was left. Write CSV or JSONL instead (e.g. -o ket-qua.csv) or split the input."
            )
        case .cellTooLong(let path, let row, let column, let length, let limit):
            return l.pick(
                "Không ghi \(path): ô \"\(column)\" ở dòng \(row) dài \(length) ký tự, mà một ô Excel chỉ chứa được \(limit) (Excel sẽ cắt mất phần sau); không để lại tệp dở dang. Hãy ghi ra CSV hoặc JSONL (ví dụ -o ket-qua.csv).",
                "Not writing \(path): the cell \"\(column)\" in row \(row) holds \(length) characters and an Excel cell holds at most \(limit) (Excel would cut the rest); no partial file was left. Write CSV or JSONL instead (e.g. -o ket-qua.csv)."
            )
        case .writeFailed(let path, let code):
            return l.pick(
                "Ghi \(path) thất bại (\(Self.reason(code))); không để lại tệp dở dang. Kiểm tra dung lượng đĩa rồi chạy lại.",
                "Writing \(path) failed (\(Self.reason(code))); no partial file was left. Check free disk space and run again."
            )
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// A new file's name with the extension of the chosen `format`, else of the
    /// path named (`.csv` when it has none): inside a folder the user named, in
    /// the current folder instead of a device's (`/dev/null` → `ket-qua.csv`),
    /// else beside the path.
    static func suggestion(_ path: String, kind: AtomicOutputFile.FileKind, format: String? = nil) -> String {
        let trimmed = displayPath(path)
        let pathExtension = InputFormat.pathExtension(of: trimmed)
        let chosen = format.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let name =
            "ket-qua." + (chosen ?? (kind == .directory || pathExtension.isEmpty ? "csv" : pathExtension))
        if trimmed.isEmpty { return name }  // `-o ""`: the current folder, never `/`
        if kind == .directory { return trimmed == "/" ? "/" + name : trimmed + "/" + name }
        guard kind != .device, let slash = trimmed.lastIndex(of: "/") else { return name }
        return String(trimmed[...slash]) + name
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into its message and exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Terminal.warn(error.message)
            throw ExitCode(error.code.rawValue)
        }
    }
}

/// A command whose whole output is one string: `run()` prints it (or the
/// error's message and exit code), and tests call `render()` in process.
protocol RenderingCommand: ParsableCommand {
    func render() throws -> String
}

extension RenderingCommand {
    func run() throws {
        try reportingErrors { Terminal.write(try render()) }
    }
}

/// Where an output goes when the user gave no `-o`, said on stderr so a file
/// never appears somewhere unannounced.
enum DefaultOutput {
    static func announce(_ path: String, nextToInput: Bool, _ l: Language) {
        Terminal.warn(
            nextToInput
                ? l.pick(
                    "Không có -o: ghi kết quả cạnh tệp đầu vào, vào \(path).",
                    "No -o given: writing next to the input, to \(path).")
                : l.pick(
                    "Không có -o: ghi kết quả vào \(path) trong thư mục hiện tại.",
                    "No -o given: writing to \(path) in the current folder."))
    }
}

/// A path as shown to a person: without trailing slashes (`theo-co-quan`, not `theo-co-quan//`).
func displayPath(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return String(trimmed)
}
