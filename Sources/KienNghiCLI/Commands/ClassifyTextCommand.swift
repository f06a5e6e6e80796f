import ArgumentParser
import KienNghiCore

/// `kiennghi classify-text "..."`: explains the decision for one petition.
struct ClassifyTextCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify-text",
        abstract: "Phân loại một kiến nghị và giải thích: chủ đề, bằng chứng, cơ quan đề xuất, địa bàn, mức khẩn.")

    @Argument(help: "Nội dung kiến nghị.")
    var text: String

    @Flag(help: "In một đối tượng JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    func render() throws -> String {
        let date = try options.routingDate()
        let classification = try options.classifier().classify(text, asOf: date)
        if json { return JSONText.encode(ClassificationRecord(classification: classification), pretty: true) + "\n" }
        return ClassificationExplainer(language: options.language.lang).explain(classification)
    }
}
