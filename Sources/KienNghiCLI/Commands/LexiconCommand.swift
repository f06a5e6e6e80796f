import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi lexicon ...`: tools for the people who edit the lexicons.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Kiểm tra và phân tích từ điển.",
        subcommands: [
            LexiconCheckCommand.self, LexiconStatsCommand.self, LexiconSuggestCommand.self, LexiconFitCommand.self,
        ])
}

/// `kiennghi lexicon check`: validates every lexicon file.
struct LexiconCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra mọi tệp từ điển; báo từng lỗi dạng tệp:dòng:cột kèm cách sửa.")

    @Option(help: "Thư mục từ điển (mặc định: từ điển đi kèm công cụ).")
    var lexicons: String?

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let (output, failed) = render()
        Terminal.write(output)
        if failed { throw ExitCode(ExitStatus.dataError.rawValue) }
    }

    /// The report and whether any error was found.
    func render() -> (String, Bool) {
        let l = language.lang
        let (lexicon, diagnostics) = LexiconLoader(directory: LexiconLocation.directory(lexicons)).check()
        var out = diagnostics.map { $0.rendered(l) }.joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if let lexicon {
            out += l.pick(
                "\(lexicon.themes.count) chủ đề, \(lexicon.phrases.count) cụm từ, \(lexicon.abbreviations.entries.count) từ viết tắt, \(lexicon.urgency.count) cụm khẩn, \(lexicon.routing.rules.count) quy tắc định tuyến, \(lexicon.routing.agencies.count) cơ quan.\n",
                "\(lexicon.themes.count) themes, \(lexicon.phrases.count) phrases, \(lexicon.abbreviations.entries.count) abbreviations, \(lexicon.urgency.count) urgency phrases, \(lexicon.routing.rules.count) routing rules, \(lexicon.routing.agencies.count) agencies.\n"
            )
        }
        out += l.pick(
            "\(errors) lỗi, \(warnings) cảnh báo.\n",
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").\n")
        guard let lexicon, errors == 0 else { return (out, errors > 0) }
        // The examples staff wrote beside the lexicons must classify as stated.
        let directory = LexiconLocation.directory(lexicons)
        let examples: (examples: Int, failures: [LexiconExampleCheck.Failure])?
        do {
            examples = try LexiconExampleCheck.run(Classifier(lexicon: lexicon), directory: directory)
        } catch {
            out += l.pick(
                "\(LexiconExampleCheck.file(in: directory).path): error: không đọc được tệp ví dụ.\n",
                "\(LexiconExampleCheck.file(in: directory).path): error: cannot read the examples file.\n")
            return (out, true)
        }
        guard let examples else { return (out, false) }
        for failure in examples.failures { out += Self.message(failure, l) }
        out += l.pick(
            "\(examples.examples) ví dụ trong examples.tsv, \(examples.failures.count) sai khác.\n",
            "\(examples.examples) examples in examples.tsv, \(examples.failures.count) mismatches.\n")
        return (out, !examples.failures.isEmpty)
    }
}

extension LexiconCheckCommand {
    /// One failed example, like a compiler's error: `examples.tsv:LINE: error: ...`.
    static func message(_ failure: LexiconExampleCheck.Failure, _ l: Language) -> String {
        let what: String
        switch failure.kind {
        case .mainTheme(let expected, let got):
            what = l.pick(
                "chủ đề chính là \(got), ví dụ ghi \(expected)", "main theme is \(got), the example says \(expected)")
        case .missingTheme(let theme):
            what = l.pick("chủ đề \(theme) không được nhận", "theme \(theme) was not accepted")
        case .unwantedTheme(let theme):
            what = l.pick(
                "chủ đề \(theme) bị nhận dù ví dụ ghi là không",
                "theme \(theme) was accepted though the example rules it out")
        case .agency(let expected, let got):
            what = l.pick(
                "cơ quan là \(got ?? "(không có)"), ví dụ ghi \(expected)",
                "agency is \(got ?? "(none)"), the example says \(expected)")
        }
        return "\(failure.source): error: \(what)\n"
    }
}

/// `kiennghi lexicon stats --gold FILE`: how each phrase and rule behaves on labelled petitions.
struct LexiconStatsCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Thống kê từ điển trên tập có nhãn: mỗi cụm từ, quy tắc kích hoạt bao nhiêu lần, độ chính xác, các cụm xung đột, các cụm chưa từng kích hoạt."
    )

    @Option(help: "Tệp có nhãn (JSON Lines hoặc bảng có cột themes/agency).")
    var gold: String

    @Flag(help: "In JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    func render() throws -> String {
        let l = options.language.lang
        let stats = LexiconStatistics(classifier: try options.classifier(), gold: try GoldFiles.read(gold, language: l))
        if json { return JSONText.encode(stats, pretty: true) + "\n" }
        var out = l.pick(
            "\(stats.petitions) kiến nghị có nhãn\n\n== Cụm từ đã kích hoạt (số lần, độ chính xác) ==\n",
            "\(stats.petitions) labelled petitions\n\n== Phrases that fired (count, precision) ==\n")
        for p in stats.phrases {
            out +=
                "\(String(p.fires).leftPadded(5))  \(String(format: "%.2f", p.precision))  \(p.phrase) [\(p.theme)]  \(p.source)\(p.precision < 0.5 ? l.pick("  ← độ chính xác thấp", "  ← low precision") : "")\n"
        }
        out += l.pick(
            "\n== Cụm từ xung đột (khác chủ đề, cùng kiến nghị) ==\n",
            "\n== Conflicting phrases (different themes, same petitions) ==\n")
        for c in stats.conflicts { out += "\(String(c.petitions).leftPadded(5))  \(c.first)  ×  \(c.second)\n" }
        out += l.pick(
            "\n== Quy tắc định tuyến (số lần quyết định, đúng cơ quan) ==\n",
            "\n== Routing rules (times decided, agency precision) ==\n")
        for r in stats.rules {
            out +=
                "\(String(r.decided).leftPadded(5))  \(String(format: "%.2f", r.precision))  \(r.agency)  \(r.rule)\n"
        }
        out += l.pick(
            "\n== Chưa từng kích hoạt (\(stats.neverFired.count)) ==\n",
            "\n== Never fired (\(stats.neverFired.count)) ==\n")
        out += stats.neverFired.map { "  \($0.phrase) [\($0.theme)] \($0.source)" }.joined(separator: "\n") + "\n"
        return out
    }
}

/// `kiennghi lexicon suggest`: candidate phrases the lexicons miss, ready to paste.
struct LexiconSuggestCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract:
            "Đề xuất cụm từ mới từ một tập kiến nghị (gắn mạnh với một chủ đề, hoặc hay gặp trong hàng chờ xem xét), in đúng định dạng tệp từ điển để dán vào."
    )

    @Argument(help: "Tập kiến nghị (mọi định dạng classify đọc). Bỏ qua khi dùng --gold.")
    var inputs: [String] = []

    @Option(help: "Tệp có nhãn: dùng nhãn thật thay cho kết quả phân loại, và đánh dấu các kiến nghị bị phân loại sai.")
    var gold: String?

    @Option(name: .customLong("min-count"), help: "Số kiến nghị tối thiểu chứa cụm từ, từ 1 đến 1000000.")
    var minCount = 3

    @Option(name: .customLong("per-theme"), help: "Số đề xuất tối đa mỗi chủ đề, từ 1 đến 1000.")
    var perTheme = 15

    @Flag(help: "In JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    func validate() throws {
        try reportingErrors {
            try OptionRange.check(minCount, OptionRange.minCount, option: "--min-count", options.language.lang)
            try OptionRange.check(perTheme, OptionRange.perTheme, option: "--per-theme", options.language.lang)
            if gold == nil { try FileIdentity.refuseRepeats(inputs, option: "", options.language.lang) }
        }
    }

    func render() throws -> String {
        let l = options.language.lang
        if gold == nil, inputs.isEmpty {
            throw CLIError(l.pick("Cần tệp kiến nghị hoặc --gold.", "Give petition files or --gold."), code: .usage)
        }
        let classifier = try options.classifier()
        let stopwords = PhraseSuggester.loadStopwords(
            LexiconLocation.directory(options.lexicons).appendingPathComponent("stopwords.txt"))
        var suggester = PhraseSuggester(classifier: classifier, stopwords: stopwords)
        suggester.minimumCount = minCount
        suggester.perTheme = perTheme
        // Petitions are handed on as they are read, never gathered into one array.
        var count = 0
        let suggestions = try suggester.suggest { add in
            if let gold {
                let items = try GoldFiles.read(gold, language: l)
                count = items.count
                for item in items { add((item.text, item.themes[0])) }
                return
            }
            for input in inputs {
                do {
                    try PetitionSources.open(input, options: .init()).read(
                        batchSize: 4096,
                        { batch in
                            count += batch.count
                            for petition in batch { add((petition.text, nil)) }
                        },
                        rejected: { Terminal.warn($0.message(l)) })
                } catch let failure as InputFailure {
                    throw CLIError(failure.message(l), code: .dataError)
                }
            }
        }
        if json { return JSONText.encode(suggestions, pretty: true) + "\n" }
        var out = l.pick(
            "# Đề xuất từ \(count) kiến nghị. Dán các dòng phù hợp vào tệp themes/<mã>.tsv, sửa trọng số nếu cần.\n",
            "# Suggestions from \(count) petitions. Paste the good lines into themes/<id>.tsv; adjust weights.\n"
        )
        if suggestions.isEmpty {
            // Never just a header: say why nothing came out and what to try.
            out += l.pick(
                "# Không có đề xuất: không cụm từ mới nào có trong ít nhất \(minCount) kiến nghị và gắn rõ với một chủ đề. Thêm kiến nghị, hoặc hạ --min-count (ví dụ --min-count 1).\n",
                "# No suggestions: no new phrase is in at least \(minCount) petitions and clearly tied to one theme. Add petitions, or lower --min-count (e.g. --min-count 1).\n"
            )
        }
        var current = ""
        for s in suggestions {
            if s.theme != current {
                current = s.theme
                out +=
                    s.theme == ThemeID.other
                    ? l.pick(
                        "\n# Hay gặp trong hàng chờ xem xét (chưa rõ chủ đề): chọn tệp phù hợp\n",
                        "\n# Frequent in the review queue (theme unknown): pick the right file\n")
                    : "\n# themes/\(s.theme).tsv\n"
            }
            var note = l.pick(
                "gợi ý: \(s.inTheme)/\(s.count) kiến nghị, LLR \(s.llr)",
                "suggested: \(s.inTheme)/\(s.count) petitions, LLR \(s.llr)")
            if s.missed > 0 { note += l.pick(", \(s.missed) bị phân loại sai", ", \(s.missed) misclassified") }
            note += l.pick(", ví dụ: «\(s.example)»", ", e.g. «\(s.example)»")
            out +=
                "\(s.phrase)\t\(s.suggestedWeight)\t\(note.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))\n"
        }
        return out
    }
}

/// `kiennghi lexicon fit --gold A --gold B -o Lexicons/learned`: learns weights from labelled petitions.
struct LexiconFitCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract:
            "Học trọng số từ các kiến nghị có nhãn (hồi quy logistic trên cụm từ của từ điển và n-gram âm tiết không dấu), ghi ra weights.tsv và proposed-phrases.tsv để cán bộ xem, sửa, ghi đè.",
        discussion:
            "Chỉ ghi số và n-gram ngắn, không ghi văn bản kiến nghị. Thư mục -o được tạo nếu chưa có; các tệp đó được thay thế trọn vẹn (ghi tạm rồi đổi tên). Sửa trọng số ngay trong weights.tsv, hoặc ghi dòng cùng cột vào overrides.tsv để ghi đè (trọng số 0 là tắt)."
    )

    @Option(help: "Tệp có nhãn (lặp lại để gộp nhiều tệp).")
    var gold: [String]

    @Option(name: .shortAndLong, help: "Thư mục ghi kết quả (mặc định: Lexicons/learned).")
    var output = "Lexicons/learned"

    @Option(help: "Hạt giống ngẫu nhiên (số nguyên từ 0 đến 18446744073709551615).")
    var seed: UInt64 = 20_261_203

    @OptionGroup var options: ClassifierOptions

    func validate() throws {
        try reportingErrors { try FileIdentity.refuseRepeats(gold, option: "--gold", options.language.lang) }
    }

    func run() throws {
        Terminal.cleanUpOnInterrupt()
        try reportingErrors { Terminal.write(try render()) }
    }

    func render() throws -> String {
        let l = options.language.lang
        // Checked (and missing levels created) before the work; removed again if the run fails.
        let folder = try OutputFolder(output, l)
        return try folder.using { folder in try fit(into: folder, l) }
    }

    /// Learns and writes both files into `folder`: together, or neither.
    private func fit(into folder: OutputFolder, _ l: Language) throws -> String {
        var petitions: [GoldPetition] = []
        for path in gold { petitions += try GoldFiles.read(path, language: l) }
        let classifier = try options.classifier().withLearned(nil)
        let inputs = petitions.map { classifier.learningInput($0.text) }
        var trainer = ThemeModelTrainer()
        trainer.seed = seed
        trainer.excludedFeatures = ThemeModelTrainer.stopwordFeatures(
            LexiconLocation.directory(options.lexicons).appendingPathComponent("stopwords.txt"))
        let weights = trainer.fit(
            zip(inputs, petitions).map { .init(input: $0, themes: $1.themes) },
            themes: classifier.lexicon.themes.map(\.id))
        let proposals = LearnedWeightsWriter.proposals(
            weights, inputs: inputs, lexicon: classifier.lexicon, analyzer: classifier.analyzer)

        let files = [
            ("weights.tsv", LearnedWeightsWriter.weightsFile(weights, trainedOn: petitions.count, seed: seed)),
            ("proposed-phrases.tsv", LearnedWeightsWriter.proposalsFile(proposals)),
        ]
        // Both temporary files are made and written first; only then are both moved into place.
        let group = OutputGroup()
        defer { group.discard() }
        do {
            for (name, text) in files {
                let file = try AtomicOutputFile(path: try folder.file(name), inputs: gold, group: group)
                try file.write(text)
                try file.commit()
            }
            try group.commit()
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure, l)
        }
        let features = Set(weights.entries.map(\.feature)).count
        return l.pick(
            "Đã học từ \(petitions.count) kiến nghị: \(weights.entries.count) trọng số (\(features) đặc trưng), \(proposals.count) cụm từ đề xuất → \(folder.path)/weights.tsv, \(folder.path)/proposed-phrases.tsv\n",
            "Learned from \(petitions.count) petitions: \(weights.entries.count) weights (\(features) features), \(proposals.count) proposed phrases → \(folder.path)/weights.tsv, \(folder.path)/proposed-phrases.tsv\n"
        )
    }
}
