import ArgumentParser
import KienNghiCore

/// `kiennghi normalize`: prints the text as KienNghi sees it.
struct NormalizeCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "In văn bản đã chuẩn hoá: Unicode NFC, một kiểu đặt dấu thanh, sửa bảng mã cũ, giữ chữ hoa/thường.")

    @OptionGroup var input: TextInputOptions

    /// The command's whole output.
    func render() throws -> String {
        let decoded = try input.read()
        return Analyzer().normalize(decoded.text)
    }
}
