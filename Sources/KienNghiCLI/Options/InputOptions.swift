import ArgumentParser
import Foundation
import KienNghiCore

/// Options shared by commands that read one text: a file or standard input, how to decode it.
struct TextInputOptions: ParsableArguments {
    @Argument(help: "Tệp đầu vào; bỏ trống hoặc '-' để đọc từ stdin.")
    var input: String = "-"

    @Option(help: "Bảng mã của tệp (mặc định: tự nhận). \(FailurePresenter(language: .vi).encodingNames).")
    var encoding: String?

    @Flag(help: "Thay byte lỗi bằng � và báo số lượng, thay vì dừng.")
    var lenient = false

    @OptionGroup var language: LanguageOptions

    var displayName: String { input == "-" ? "<stdin>" : input }

    /// Reads and decodes the input, or exits with a message and the code of the README's table (11; 13 for a binary file).
    func read() throws -> DecodedText {
        let bytes = try InputFiles.readBytes(input, language: language.lang)
        var decoder = TextDecoder(lenient: lenient)
        if let encoding {
            guard let parsed = TextEncoding(name: encoding) else {
                throw CLIError(
                    TextDecodingFailure.unknownEncoding(encoding).message(file: displayName, language: language.lang),
                    code: .usage)
            }
            decoder.encoding = parsed
        }
        do {
            let decoded = try decoder.decode(bytes)
            if encoding == nil, decoded.encoding != .utf8 || decoded.confidence < 1 {
                let percent = Int((decoded.confidence * 100).rounded())
                Terminal.warn(
                    language.lang.pick(
                        "\(displayName): nhận là bảng mã \(decoded.encoding) (độ tin cậy \(percent)%). Nếu sai, chỉ rõ bằng --encoding.",
                        "\(displayName): detected \(decoded.encoding) (confidence \(percent)%). If wrong, name it with --encoding."
                    ))
            }
            if decoded.replacedSequences > 0 {
                Terminal.warn(
                    language.lang.pick(
                        "\(displayName): đã thay \(decoded.replacedSequences) chuỗi byte lỗi bằng �.",
                        "\(displayName): replaced \(decoded.replacedSequences) invalid byte sequences with �."))
            }
            return decoded
        } catch {
            throw failure(error)
        }
    }

    /// The error to stop with when the input cannot be decoded. A Word or Excel
    /// file is not advised to be renamed (to what it is already called): these
    /// commands read plain text, and `classify` reads such a file.
    func failure(_ error: TextDecodingFailure) -> CLIError {
        let l = language.lang
        guard case .binary(let format) = error, format == .docx || format == .xlsx else {
            return CLIError(error.message(file: displayName, language: l), code: ExitStatus(error))
        }
        let named = InputFormat.pathExtension(of: input) == format.rawValue
        let rename =
            named
            ? ""
            : l.pick(" (sau khi đổi đuôi thành .\(format.rawValue))", " (after renaming it to .\(format.rawValue))")
        return CLIError(
            l.pick(
                "\(displayName): đây là tệp \(format == .docx ? "Word" : "Excel") .\(format.rawValue); lệnh này chỉ đọc văn bản thuần (ví dụ tệp .txt). Để đọc các kiến nghị trong tệp, dùng: kiennghi classify \(input)\(rename).",
                "\(displayName): this is a \(format == .docx ? "Word" : "Excel") .\(format.rawValue) file; this command reads plain text only (e.g. a .txt file). To read the petitions in it, use: kiennghi classify \(input)\(rename)."
            ), code: ExitStatus(error))
    }
}

struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Ngôn ngữ thông báo và nhãn: vi hoặc en.")
    var lang: Language = .vi

    /// Messages worded outside a command's own code (a failed standard output) follow `--lang` too.
    func validate() throws { Terminal.setLanguage(lang) }
}

extension Language: ExpressibleByArgument {}

/// Reading whole files with messages a person can act on.
enum InputFiles {
    /// The most a file read whole (an `evaluate` gold file) may hold: 32 MiB.
    /// `classify-text` takes one petition (``ClassifyTextCommand/maximumInput``),
    /// `normalize` and `tokenize` stream; piles of any size go through `classify`.
    static let maxWholeFileBytes = 32 << 20

    static func readBytes(_ path: String, language: Language) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(
                    language.pick(
                        "Không tìm thấy tệp \(path). Kiểm tra lại đường dẫn.",
                        "File not found: \(path). Check the path."), code: .noInput)
            }
            guard !isDirectory.boolValue else {
                throw CLIError(
                    language.pick("\(path) là thư mục, không phải tệp.", "\(path) is a folder, not a file."),
                    code: .noInput)
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw CLIError(
                    language.pick(
                        "Không đọc được tệp \(path) (kiểm tra quyền đọc).", "Cannot read \(path) (check permissions)."),
                    code: .noInput)
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        var bytes: [UInt8] = []
        while true {
            let block: Data
            do { block = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw CLIError(
                    language.pick(
                        "Không đọc được tệp \(path) (kiểm tra quyền đọc).", "Cannot read \(path) (check permissions)."),
                    code: .noInput)
            }
            if block.isEmpty { return bytes }
            bytes += block
            if bytes.count > maxWholeFileBytes {
                let name = path == "-" ? "<stdin>" : path
                throw CLIError(
                    language.pick(
                        "\(name): dài hơn \(maxWholeFileBytes >> 20) MiB, quá lớn cho một văn bản. Với cả tập kiến nghị, dùng `kiennghi classify` (đọc tệp lớn bao nhiêu cũng được).",
                        "\(name): longer than \(maxWholeFileBytes >> 20) MiB, too large for one text. For a pile of petitions use `kiennghi classify` (any size)."
                    ), code: .dataError)
            }
        }
    }
}
