import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi classify INPUT... -o OUTPUT`: the office's daily job.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract:
            "Phân loại cả tập kiến nghị (CSV, TSV, XLSX, DOCX, JSONL, TXT) và ghi kết quả (CSV, XLSX hoặc JSONL).",
        discussion: """
            Giữ mọi cột gốc, thêm: chủ đề, chủ đề chính, độ tin cậy, bằng chứng, mức khẩn, cơ quan đề xuất và lý do, quận/huyện hoặc KCN.
            Tệp kết quả chỉ thay thế một tệp thường; không bao giờ xoá/thay thư mục, liên kết tượng trưng, thiết bị, FIFO hay tệp đầu vào.
            Mã thoát: 0 xong; 3 xong nhưng có dòng/tệp bị loại; 10 tệp trống; 11 sai bảng mã; 12 không có cột nội dung;
            13 định dạng không hỗ trợ; 14 tệp hỏng; 15 tệp vượt giới hạn; 64 sai tham số; 66 không thấy tệp; 70 lỗi nội bộ;
            73 không tạo được tệp kết quả; 74 lỗi ghi; 78 lỗi từ điển; 129/130/143 bị dừng bởi tín hiệu (không để lại tệp dở).
            """)

    @OptionGroup var pile: PileOptions

    @Option(
        name: .shortAndLong,
        help:
            "Tệp kết quả: .csv (mặc định), .xlsx hoặc .jsonl. Mặc định: cạnh tệp đầu vào, TÊN.kiennghi.csv (đọc từ stdin: \(ClassifyCommand.standardInputOutput) trong thư mục hiện tại)."
    )
    var output: String?

    @Option(help: "Định dạng kết quả: csv, xlsx, jsonl (mặc định: theo đuôi tệp).")
    var format: String?

    /// Output formats by name (`ndjson` and `json` are JSON Lines too).
    static let formats = ["csv", "xlsx", "jsonl", "ndjson", "json"]

    func run() throws {
        try PileRun.runCommand(execute)
    }

    /// The output without `-o` when the (first) input is standard input: in the
    /// current folder, named like the README's examples (`-o ket-qua.csv`), never `-.kiennghi.csv`.
    static let standardInputOutput = "ket-qua.kiennghi.csv"

    /// The output without `-o`: `NAME.kiennghi.csv` next to the input, or
    /// ``standardInputOutput`` in the current folder for `-`.
    static func defaultOutput(for input: String) -> String {
        if input == "-" { return standardInputOutput }
        return URL(fileURLWithPath: input).deletingPathExtension().path + ".kiennghi.csv"
    }

    /// Classifies and writes; returns the summary.
    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        let destination = output ?? Self.defaultOutput(for: pile.inputs[0])
        let kind = (format ?? URL(fileURLWithPath: destination).pathExtension).lowercased()
        guard kind.isEmpty || Self.formats.contains(kind) else {
            throw CLIError(
                l.pick(
                    "Không ghi được định dạng \"\(kind)\": dùng csv, xlsx hoặc jsonl (--format hoặc đuôi tệp).",
                    "Cannot write \"\(kind)\": use csv, xlsx or jsonl (--format or the file's extension)."),
                code: .usage)
        }
        // -o and --rejected appear together once both are complete, or neither does.
        let group = OutputGroup()
        defer { group.discard() }
        return try OutputErrors.mapped(l, format: kind) {
            let processor = try pile.processor()
            let columns = processor.columns(of: pile.inputs)
            let withFile = pile.inputs.count > 1
            let presenter = pile.presenter(processor)
            let writer: any PetitionWriter
            switch kind {
            case "xlsx":
                writer = try XLSXPetitionWriter(
                    path: destination, inputs: pile.inputs, inputColumns: columns, withFileColumn: withFile,
                    presenter: presenter, group: group)
            case "jsonl", "ndjson", "json":
                writer = JSONLinesPetitionWriter(
                    output: try AtomicOutputFile(path: destination, inputs: pile.inputs, group: group),
                    presenter: presenter, inputColumns: columns, withFileColumn: withFile)
            default:
                writer = try CSVPetitionWriter(
                    output: try AtomicOutputFile(path: destination, inputs: pile.inputs, group: group),
                    inputColumns: columns, withFileColumn: withFile, presenter: presenter)
            }
            if output == nil { DefaultOutput.announce(destination, nextToInput: pile.inputs[0] != "-", l) }
            let summary = try PileRun.run(pile, processor, group: group) { try writer.write($0) }
            if summary.read > 0 { try writer.finish() }
            try group.commit()  // without a petition: the --rejected list alone
            if summary.read > 0 { Terminal.warn(l.pick("Đã ghi \(destination).", "Wrote \(destination).")) }
            return summary
        }
    }
}

/// Turns failures of the output side into worded ``CLIError``s: output
/// problems keep their own codes (73, 74), anything unexpected is a bug (70).
enum OutputErrors {
    /// `format`: the output format chosen, for the name suggested when a path is refused.
    static func mapped<T>(_ l: Language, format: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure, l, format: format)
        } catch let error as CLIError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch let error as InputFailure {
            throw CLIError(error.message(l), code: ExitStatus(error))
        } catch {
            throw CLIError(
                l.pick(
                    "Lỗi nội bộ: \(error). Hãy báo lỗi này kèm lệnh đã chạy.",
                    "Internal error: \(error). Please report it with the command you ran."), code: .software)
        }
    }
}
