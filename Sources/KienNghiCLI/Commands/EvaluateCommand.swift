import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi evaluate --gold FILE`: measures the lexicons (and optionally a
/// supervised baseline) against labelled petitions.
struct EvaluateCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Đo độ chính xác trên tập có nhãn: P/R/F1 từng chủ đề, trung bình micro/macro, độ chính xác chủ đề chính và cơ quan, bảng nhầm lẫn, danh sách lỗi.",
        discussion: "Tệp có nhãn: JSON Lines (text, themes, agency) hoặc mọi định dạng mà classify đọc, với cột themes/chủ đề và agency/cơ quan.")

    @Option(help: "Tệp có nhãn để đánh giá.")
    var gold: String

    @Option(name: .customLong("baseline-train"), help: "Tệp có nhãn để huấn luyện mô hình đối chứng (naive Bayes) rồi đánh giá nó trên --gold.")
    var baselineTrain: String?

    @Flag(help: "In JSON.")
    var json = false

    @Flag(help: "In mọi lỗi kèm bằng chứng.")
    var errors = false

    @OptionGroup var options: ClassifierOptions

    func render() throws -> String {
        let l = options.language.lang
        let petitions = try GoldFiles.read(gold, language: l)
        let classifier = try options.classifier()
        let themes = classifier.lexicon.themes.map(\.id)
        let report = Evaluator(classifier: classifier).evaluate(petitions, themes: themes)
        var baseline: Evaluator.Report? = nil
        if let baselineTrain {
            let model = NaiveBayesBaseline(training: try GoldFiles.read(baselineTrain, language: l), analyzer: classifier.analyzer)
            baseline = Evaluator(predict: model.predict).evaluate(petitions, themes: themes)
        }
        if json {
            struct Both: Encodable { var lexicon: Evaluator.Report; var baseline: Evaluator.Report? }
            return JSONText.encode(Both(lexicon: report, baseline: baseline), pretty: true) + "\n"
        }
        var out = EvaluationPrinter.table(report, language: l, showErrors: errors)
        if let baseline {
            out += "\n" + l.pick("Mô hình đối chứng (naive Bayes, huấn luyện trên \(baselineTrain!)):\n", "Baseline (naive Bayes, trained on \(baselineTrain!)):\n")
            out += EvaluationPrinter.table(baseline, language: l, showErrors: false)
        }
        return out
    }
}

/// Reads labelled petitions from JSON Lines or any table format with label columns.
enum GoldFiles {
    static func read(_ path: String, language l: Language) throws -> [GoldPetition] {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" || ext == "json" {
            let bytes = try InputFiles.readBytes(path, language: l)
            let (petitions, bad) = GoldPetition.readJSONLines(Data(bytes))
            for line in bad { Terminal.warn(l.pick("\(path):\(line): dòng không đọc được (cần JSON có text và themes), bỏ qua.", "\(path):\(line): unreadable line (needs JSON with text and themes), skipped.")) }
            guard !petitions.isEmpty else { throw CLIError(l.pick("\(path): không có kiến nghị có nhãn nào.", "\(path): no labelled petitions."), code: .dataError) }
            return petitions
        }
        do {
            let source = try PetitionSources.open(path, options: .init())
            var records: [PetitionRecord] = []
            try source.read(batchSize: 4096, { records += $0 }, rejected: { Terminal.warn($0.message(l)) })
            guard let petitions = GoldPetition.fromTable(records, columns: source.columns), !petitions.isEmpty else {
                throw CLIError(l.pick("\(path): không có cột nhãn themes/chủ đề.", "\(path): no themes label column."), code: .dataError)
            }
            return petitions
        } catch let failure as InputFailure {
            throw CLIError(failure.message(l), code: .dataError)
        }
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
            let row = r.confusion[gold]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
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
