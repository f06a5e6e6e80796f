import ArgumentParser
import Foundation
import KienNghiCore

/// `kiennghi evaluate --gold FILE`: measures the lexicons against labelled petitions.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Đo độ chính xác trên tập có nhãn: P/R/F1 từng chủ đề, trung bình micro/macro, độ chính xác chủ đề chính và cơ quan, bảng nhầm lẫn, danh sách lỗi.")

    @Option(help: "Tệp có nhãn (JSON Lines: text, themes, agency).")
    var gold: String

    @Flag(help: "In JSON.")
    var json = false

    @Flag(help: "In mọi lỗi kèm bằng chứng.")
    var errors = false

    @OptionGroup var options: ClassifierOptions

    func run() throws {
        try reportingErrors { Terminal.write(try render()) }
    }

    func render() throws -> String {
        let l = options.language.lang
        let bytes = try InputFiles.readBytes(gold, language: l)
        let (petitions, bad) = GoldPetition.readJSONLines(Data(bytes))
        for line in bad { Terminal.warn(l.pick("\(gold):\(line): dòng không đọc được (cần JSON có text và themes), bỏ qua.", "\(gold):\(line): unreadable line (needs JSON with text and themes), skipped.")) }
        guard !petitions.isEmpty else { throw CLIError(l.pick("\(gold): không có kiến nghị có nhãn nào.", "\(gold): no labelled petitions."), code: .dataError) }
        let classifier = try options.classifier()
        let report = Evaluator(classifier: classifier).evaluate(petitions, themes: classifier.lexicon.themes.map(\.id))
        if json { return JSONText.encode(report, pretty: true) + "\n" }
        return EvaluationPrinter.table(report, language: l, showErrors: errors)
    }
}

/// Renders an evaluation report as terminal tables.
enum EvaluationPrinter {
    static func table(_ r: Evaluator.Report, language l: Language, showErrors: Bool) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var out = l.pick("\(r.count) kiến nghị\n", "\(r.count) petitions\n")
        out += "\(pad(l.pick("chủ đề", "theme"), 27)) P      R      F1     \(l.pick("số mẫu", "support"))\n"
        for m in r.perTheme { out += "\(pad(m.theme, 27)) \(f(m.precision))  \(f(m.recall))  \(f(m.f1))  \(m.support)\n" }
        out += "micro P/R/F1 \(f(r.microPrecision)) / \(f(r.microRecall)) / \(f(r.microF1)); macro F1 \(f(r.macroF1))\n"
        out += l.pick("Chủ đề chính đúng: ", "Main-theme accuracy: ") + f(r.mainThemeAccuracy) + "\n"
        out += l.pick("Cơ quan đúng: ", "Agency accuracy: ") + f(r.agencyAccuracy) + "\n"
        out += l.pick("Nhầm lẫn chủ đề chính (nhãn → dự đoán: số):\n", "Main-theme confusion (gold → predicted: count):\n")
        for gold in r.confusion.keys.sorted() {
            let row = r.confusion[gold]!.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "  \(gold) → \(row)\n"
        }
        if showErrors {
            for e in r.errors {
                out += "\(e.id): \(e.goldThemes.joined(separator: ",")) [\(e.goldAgency ?? "-")] → \(e.predictedThemes.joined(separator: ",")) [\(e.predictedAgency ?? "-")]\n"
                for line in e.evidence { out += "    \(line)\n" }
            }
        }
        return out
    }
}
