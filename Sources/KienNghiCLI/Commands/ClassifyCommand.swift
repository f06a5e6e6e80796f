import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi classify INPUT... -o OUTPUT`: the office's daily job.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Phân loại cả tập kiến nghị (CSV, TSV, XLSX, DOCX, JSONL, TXT) và ghi kết quả (CSV, XLSX hoặc JSONL).",
        discussion: """
            Giữ mọi cột gốc, thêm: chủ đề, chủ đề chính, độ tin cậy, bằng chứng, mức khẩn, cơ quan đề xuất và lý do, quận/huyện hoặc KCN.
            Mã thoát: 0 xong; 3 xong nhưng có dòng/tệp bị loại; 10 tệp trống; 11 sai bảng mã; 12 không có cột nội dung;
            13 định dạng không hỗ trợ; 14 tệp hỏng; 15 tệp vượt giới hạn; 64 sai tham số; 66 không thấy tệp; 73 không ghi được; 78 lỗi từ điển.
            """)

    @OptionGroup var pile: PileOptions

    @Option(name: .shortAndLong, help: "Tệp kết quả: .csv (mặc định), .xlsx hoặc .jsonl.")
    var output: String?

    @Option(help: "Định dạng kết quả: csv, xlsx, jsonl (mặc định: theo đuôi tệp).")
    var format: String?

    func run() throws {
        try PileRun.runCommand(execute)
    }

    /// Classifies and writes; returns the summary.
    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        let destination = output ?? (URL(fileURLWithPath: pile.inputs[0]).deletingPathExtension().path + ".kiennghi.csv")
        let kind = (format ?? URL(fileURLWithPath: destination).pathExtension).lowercased()
        let processor = try pile.processor()
        let columns = processor.columns(of: pile.inputs)
        let withFile = pile.inputs.count > 1
        let writer: any PetitionWriter
        do {
            switch kind {
            case "xlsx":
                writer = XLSXPetitionWriter(path: destination, inputs: pile.inputs, inputColumns: columns, withFileColumn: withFile, language: l)
            case "jsonl", "ndjson", "json":
                writer = JSONLinesPetitionWriter(output: try AtomicOutputFile(path: destination, inputs: pile.inputs))
            case "csv", "":
                writer = try CSVPetitionWriter(output: try AtomicOutputFile(path: destination, inputs: pile.inputs), inputColumns: columns, withFileColumn: withFile, language: l)
            default:
                throw CLIError(l.pick("Không ghi được định dạng \"\(kind)\": dùng csv, xlsx hoặc jsonl.", "Cannot write \"\(kind)\": use csv, xlsx or jsonl."), code: .usage)
            }
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure.message(l), code: .cannotCreate)
        }
        let summary = try PileRun.run(pile, processor) { try writer.write($0) }
        if summary.read > 0 {
            do { try writer.finish() } catch let failure as AtomicOutputFile.Failure {
                throw CLIError(failure.message(l), code: .cannotCreate)
            }
            Terminal.warn(l.pick("Đã ghi \(destination).", "Wrote \(destination)."))
        }
        return summary
    }
}

extension AtomicOutputFile.Failure {
    func message(_ l: Language) -> String {
        switch self {
        case .wouldOverwriteInput(let path):
            return l.pick("Tệp kết quả \(path) trùng với tệp đầu vào: chọn tên khác để không ghi đè dữ liệu gốc.",
                          "Output \(path) is one of the inputs: choose another name so the original is not overwritten.")
        case .cannotCreate(let path, let why):
            return l.pick("Không ghi được \(path): \(why).", "Cannot write \(path): \(why).")
        }
    }
}
