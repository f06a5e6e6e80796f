import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi evaluate --gold FILE`: measures the lexicons (and optionally a
/// supervised baseline) against labelled petitions.
struct EvaluateCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Đo độ chính xác trên tập có nhãn: P/R/F1 từng chủ đề, trung bình micro/macro, độ chính xác chủ đề chính và cơ quan, bảng nhầm lẫn, danh sách lỗi.",
        discussion:
            "Tệp có nhãn: JSON Lines (text, themes, agency) hoặc mọi định dạng mà classify đọc, với cột themes/chủ đề và agency/cơ quan."
    )

    @Option(help: "Tệp có nhãn để đánh giá (lặp lại để gộp nhiều tệp).")
    var gold: [String]

    @Option(
        name: .customLong("baseline-train"),
        help: "Tệp có nhãn để huấn luyện mô hình đối chứng (naive Bayes) rồi đánh giá nó trên --gold.")
    var baselineTrain: String?

    @Option(
        help:
            "Kiểm định chéo K phần (K từ 2 đến 1000, và không quá số kiến nghị): học lại trọng số trên K-1 phần, đo trên phần còn lại (mặc định: không, đo từ điển hiện có)."
    )
    var folds: Int?

    @Option(
        name: .customLong("group-by"),
        help: "Cách chia phần khi kiểm định chéo: source-host (không trang nguồn nào vừa ở tập học vừa ở tập đo).")
    var groupBy = "source-host"

    @Option(help: "Hạt giống ngẫu nhiên của kiểm định chéo và của việc học (số nguyên từ 0 đến 18446744073709551615).")
    var seed: UInt64 = 20_261_203

    @Flag(help: "In JSON.")
    var json = false

    @Flag(help: "In mọi lỗi kèm bằng chứng.")
    var errors = false

    @OptionGroup var options: ClassifierOptions

    func validate() throws {
        try reportingErrors {
            try OptionRange.check(folds, OptionRange.folds, option: "--folds", options.language.lang)
            try FileIdentity.refuseRepeats(gold, option: "--gold", options.language.lang)
        }
    }

    func render() throws -> String {
        let l = options.language.lang
        var petitions: [GoldPetition] = []
        for path in gold { petitions += try GoldFiles.read(path, language: l) }
        let classifier = try options.classifier()
        let themes = classifier.lexicon.themes.map(\.id)
        try Self.checkLabels(
            petitions, themes: themes, agencies: classifier.lexicon.routing.agencies.map(\.id), language: l)
        if let folds { return try crossValidate(petitions, classifier: classifier, folds: folds, language: l) }
        let report = Evaluator(classifier: classifier).evaluate(petitions, themes: themes)
        var baseline: Evaluator.Report? = nil
        if let baselineTrain {
            let model = NaiveBayesBaseline(
                training: try GoldFiles.read(baselineTrain, language: l), analyzer: classifier.analyzer)
            baseline = Evaluator(predict: model.predict).evaluate(petitions, themes: themes)
        }
        if json {
            struct Both: Encodable {
                var lexicon: Evaluator.Report
                var baseline: Evaluator.Report?
            }
            return JSONText.encode(Both(lexicon: report, baseline: baseline), pretty: true) + "\n"
        }
        var out = EvaluationPrinter.table(report, language: l, showErrors: errors)
        if let baseline {
            out +=
                "\n"
                + l.pick(
                    "Mô hình đối chứng (naive Bayes, huấn luyện trên \(baselineTrain!)):\n",
                    "Baseline (naive Bayes, trained on \(baselineTrain!)):\n")
            out += EvaluationPrinter.table(baseline, language: l, showErrors: false)
        }
        return out
    }

    /// Refuses gold labels the lexicons do not know (a misspelt theme or agency
    /// id would count as an error of the classifier, or never be counted at all).
    static func checkLabels(_ petitions: [GoldPetition], themes: [String], agencies: [String], language l: Language)
        throws
    {
        let knownThemes = Set(themes + [ThemeID.other])
        let knownAgencies = Set(agencies)
        var unknown: [String] = []
        for petition in petitions {
            for theme in petition.themes where !knownThemes.contains(theme) && !unknown.contains(theme) {
                unknown.append(theme)
            }
            if let agency = petition.agency, !knownAgencies.contains(agency), !unknown.contains(agency) {
                unknown.append(agency)
            }
        }
        guard !unknown.isEmpty else { return }
        let names = unknown.prefix(10).joined(separator: ", ") + (unknown.count > 10 ? "…" : "")
        throw CLIError(
            l.pick(
                "Tệp nhãn dùng mã chủ đề hoặc cơ quan không có trong bộ từ điển: \(names). Dùng các mã trong Lexicons/themes/ và Lexicons/routing/agencies.tsv.",
                "The gold labels use theme or agency ids the lexicons do not have: \(names). Use the ids in Lexicons/themes/ and Lexicons/routing/agencies.tsv."
            ), code: .dataError)
    }

    private func crossValidate(_ petitions: [GoldPetition], classifier: Classifier, folds: Int, language l: Language)
        throws -> String
    {
        guard folds >= 2, folds <= petitions.count else {
            throw CLIError(
                l.pick(
                    "--folds phải từ 2 đến số kiến nghị (\(petitions.count)).",
                    "--folds must be from 2 to the number of petitions (\(petitions.count))."), code: .usage)
        }
        guard groupBy == "source-host" else {
            throw CLIError(
                l.pick("--group-by chỉ nhận source-host.", "--group-by accepts only source-host."), code: .usage)
        }
        var validation = GroupedCrossValidation()
        validation.folds = folds
        validation.seed = seed
        validation.trainer.seed = seed
        let stopwords = ThemeModelTrainer.stopwordFeatures(
            LexiconLocation.directory(options.lexicons).appendingPathComponent("stopwords.txt"))
        validation.trainer.excludedFeatures = stopwords
        let reports = validation.run(petitions, classifier: classifier)
        if json {
            let keyed = Dictionary(uniqueKeysWithValues: reports.map { ($0.key.rawValue, $0.value) })
            return JSONText.encode(keyed, pretty: true) + "\n"
        }
        let groups = Set(petitions.map(GroupedCrossValidation.group(of:))).count
        var out = l.pick(
            "Kiểm định chéo \(folds) phần theo trang nguồn (\(groups) trang, hạt giống \(seed)); trọng số học lại trên từng tập học.\n",
            "\(folds)-fold cross-validation grouped by source site (\(groups) sites, seed \(seed)); weights re-fitted on each training fold.\n"
        )
        for variant in TextVariant.allCases {
            guard let report = reports[variant] else { continue }
            let title: String
            switch variant {
            case .original: title = l.pick("Văn bản gốc", "Original text")
            case .noDiacritics: title = l.pick("Bỏ hết dấu (đ → d)", "Diacritics stripped (đ → d)")
            case .telex:
                title = l.pick(
                    "Gõ Telex chưa chuyển (dd, aa, ow, dấu s/f/r/x/j cuối từ)",
                    "Unconverted Telex (dd, aa, ow, tones as trailing s/f/r/x/j)")
            }
            out +=
                "\n== \(title) ==\n"
                + EvaluationPrinter.table(report, language: l, showErrors: errors && variant == .original)
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
            // Figures measured on part of a gold set look like figures of the whole: refuse instead of skipping.
            if !bad.isEmpty {
                let lines = bad.prefix(10).map(String.init).joined(separator: ", ") + (bad.count > 10 ? "…" : "")
                throw CLIError(
                    l.pick(
                        "\(path): \(bad.count) dòng không đọc được (cần JSON có text và themes): dòng \(lines). Sửa các dòng đó; đánh giá trên một phần tệp nhãn sẽ cho số liệu sai lệch.",
                        "\(path): \(bad.count) unreadable lines (need JSON with text and themes): line \(lines). Fix them; an evaluation on part of the gold file gives misleading figures."
                    ), code: .dataError)
            }
            guard !petitions.isEmpty else {
                throw CLIError(
                    l.pick("\(path): không có kiến nghị có nhãn nào.", "\(path): no labelled petitions."),
                    code: .dataError)
            }
            return petitions
        }
        do {
            let source = try PetitionSources.open(path, options: .init())
            var records: [PetitionRecord] = []
            try source.read(batchSize: 4096, { records += $0 }, rejected: { Terminal.warn($0.message(l)) })
            guard let petitions = GoldPetition.fromTable(records, columns: source.columns), !petitions.isEmpty else {
                throw CLIError(
                    l.pick("\(path): không có cột nhãn themes/chủ đề.", "\(path): no themes label column."),
                    code: .dataError)
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
        for m in r.perTheme {
            out += "\(pad(m.theme, 27)) \(f(m.precision))  \(f(m.recall))  \(f(m.f1))  \(m.support)\n"
        }
        out += "micro P/R/F1 \(f(r.microPrecision)) / \(f(r.microRecall)) / \(f(r.microF1)); macro F1 \(f(r.macroF1))\n"
        out += l.pick("Chủ đề chính đúng: ", "Main-theme accuracy: ") + f(r.mainThemeAccuracy) + "\n"
        out += l.pick("Cơ quan đúng: ", "Agency accuracy: ") + f(r.agencyAccuracy) + "\n"
        if !r.perAgency.isEmpty {
            out +=
                l.pick("  theo cơ quan: ", "  per agency: ")
                + r.perAgency.map { "\($0.agency) \($0.correct)/\($0.total)" }.joined(separator: ", ") + "\n"
        }
        out += l.pick(
            "Nhầm lẫn chủ đề chính (nhãn → dự đoán: số):\n", "Main-theme confusion (gold → predicted: count):\n")
        for gold in r.confusion.keys.sorted() {
            let row = r.confusion[gold]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                "\($0.key) \($0.value)"
            }.joined(separator: ", ")
            out += "  \(gold) → \(row)\n"
        }
        if showErrors {
            for e in r.errors {
                out +=
                    "\(e.id): \(e.goldThemes.joined(separator: ",")) [\(e.goldAgency ?? "-")] → \(e.predictedThemes.joined(separator: ",")) [\(e.predictedAgency ?? "-")]\n"
                for line in e.evidence { out += "    \(line)\n" }
            }
        }
        return out
    }
}
