import ArgumentParser
import KienNghiCore

/// `kiennghi normalize`: prints the text as KienNghi sees it.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "In văn bản đã chuẩn hoá: Unicode NFC, một kiểu đặt dấu thanh, sửa bảng mã cũ, giữ chữ hoa/thường.")

    @OptionGroup var input: TextInputOptions

    func run() throws {
        try reportingErrors {
            let decoded = try input.read()
            Terminal.write(Analyzer().normalize(decoded.text))
        }
    }
}
