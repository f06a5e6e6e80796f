import ArgumentParser
import Foundation
import KienNghiCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kiennghi classify-text "..."`: explains the decision for one petition.
struct ClassifyTextCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify-text",
        abstract: "Phân loại một kiến nghị và giải thích: chủ đề, bằng chứng, cơ quan đề xuất, địa bàn, mức khẩn.")

    @Argument(help: "Nội dung kiến nghị; '-' hoặc bỏ trống (khi có dữ liệu qua đường ống) để đọc từ stdin.")
    var text: String?

    @Flag(help: "In một đối tượng JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    /// The most a petition read from standard input may hold (bytes): the limit
    /// of one petition in a pile (1 MiB), so `classify-text` never explains a
    /// text that `classify` would reject as `too-long`.
    static let maximumInput = InputLimits.maxPetitionBytes

    func render() throws -> String { try render(standardInput: .standardInput) }

    /// Renders the explanation; the text comes from `standardInput` when it is `-`, or absent and not a terminal.
    func render(standardInput: FileHandle) throws -> String {
        let date = try options.routingDate()
        let text = try petitionText(standardInput)
        let classifier = try options.classifier()
        let classification = classifier.classify(text, asOf: date)
        let presenter = options.presenter(classifier)
        if json {
            return JSONText.encode(
                ClassificationRecord(classification: classification, presenter: presenter), pretty: true) + "\n"
        }
        return ClassificationExplainer(presenter: presenter).explain(classification)
    }

    /// The argument, or standard input read whole (UTF-8, at most ``maximumInput`` bytes), refused
    /// when it holds no letter to classify or a NUL byte (a binary file piped in by mistake).
    func petitionText(_ input: FileHandle) throws -> String {
        let text = try rawText(input)
        let l = options.language.lang
        if text.utf8.contains(0) {
            throw CLIError(
                l.pick(
                    "Nội dung có byte NUL: đó là tệp nhị phân, không phải văn bản; với tệp Excel, Word hay CSV hãy dùng `kiennghi classify TỆP`.",
                    "The text holds a NUL byte: that is a binary file, not text; for an Excel, Word or CSV file use `kiennghi classify FILE`."
                ), code: .encoding)
        }
        if BlankText.isBlank(text) {
            throw CLIError(
                l.pick(
                    "Nội dung kiến nghị trống: không có gì để phân loại.",
                    "The petition text is empty: there is nothing to classify."), code: .emptyInput)
        }
        return text
    }

    private func rawText(_ input: FileHandle) throws -> String {
        let l = options.language.lang
        if let text, text != "-" { return text }
        if text == nil && isatty(input.fileDescriptor) != 0 {
            throw CLIError(
                l.pick(
                    "Thiếu nội dung kiến nghị: ghi nó sau classify-text, hoặc dùng '-' và chuyển qua đường ống (echo ... | kiennghi classify-text -).",
                    "No petition text: give it after classify-text, or use '-' and pipe it in (echo ... | kiennghi classify-text -)."
                ), code: .usage)
        }
        let data = (try? input.read(upToCount: Self.maximumInput + 1)) ?? Data()
        guard data.count <= Self.maximumInput else {
            throw CLIError(
                l.pick(
                    "Nội dung từ stdin dài quá \(Self.maximumInput) byte: một kiến nghị không dài thế; dùng `kiennghi classify` cho cả tệp.",
                    "Standard input holds more than \(Self.maximumInput) bytes: one petition is never that long; use `kiennghi classify` for a file."
                ), code: .dataError)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(
                l.pick(
                    "Nội dung từ stdin không phải UTF-8: chuyển sang UTF-8, hoặc lưu thành tệp và dùng `kiennghi classify --encoding ...`.",
                    "Standard input is not UTF-8: convert it, or save it to a file and use `kiennghi classify --encoding ...`."
                ), code: .encoding)
        }
        return text
    }
}
