import ArgumentParser
import KienNghiOffice
import KienNghiCore

/// `kiennghi lexicon ...`: tools for the people who edit the lexicons.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Kiểm tra và phân tích từ điển.",
        subcommands: [LexiconCheckCommand.self, LexiconStatsCommand.self, LexiconSuggestCommand.self])
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
                "\(lexicon.themes.count) themes, \(lexicon.phrases.count) phrases, \(lexicon.abbreviations.entries.count) abbreviations, \(lexicon.urgency.count) urgency phrases, \(lexicon.routing.rules.count) routing rules, \(lexicon.routing.agencies.count) agencies.\n")
        }
        out += l.pick("\(errors) lỗi, \(warnings) cảnh báo.\n", "\(errors) errors, \(warnings) warnings.\n")
        return (out, errors > 0)
    }
}

/// `kiennghi lexicon stats --gold FILE`: how each phrase and rule behaves on labelled petitions.
struct LexiconStatsCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Thống kê từ điển trên tập có nhãn: mỗi cụm từ, quy tắc kích hoạt bao nhiêu lần, độ chính xác, các cụm xung đột, các cụm chưa từng kích hoạt.")

    @Option(help: "Tệp có nhãn (JSON Lines hoặc bảng có cột themes/agency).")
    var gold: String

    @Flag(help: "In JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    func render() throws -> String {
        let l = options.language.lang
        let stats = LexiconStatistics(classifier: try options.classifier(), gold: try GoldFiles.read(gold, language: l))
        if json { return JSONText.encode(stats, pretty: true) + "\n" }
        var out = l.pick("\(stats.petitions) kiến nghị có nhãn\n\n== Cụm từ đã kích hoạt (số lần, độ chính xác) ==\n",
                         "\(stats.petitions) labelled petitions\n\n== Phrases that fired (count, precision) ==\n")
        for p in stats.phrases {
            out += "\(String(p.fires).leftPadded(5))  \(String(format: "%.2f", p.precision))  \(p.phrase) [\(p.theme)]  \(p.source)\(p.precision < 0.5 ? l.pick("  ← độ chính xác thấp", "  ← low precision") : "")\n"
        }
        out += l.pick("\n== Cụm từ xung đột (khác chủ đề, cùng kiến nghị) ==\n", "\n== Conflicting phrases (different themes, same petitions) ==\n")
        for c in stats.conflicts { out += "\(String(c.petitions).leftPadded(5))  \(c.first)  ×  \(c.second)\n" }
        out += l.pick("\n== Quy tắc định tuyến (số lần quyết định, đúng cơ quan) ==\n", "\n== Routing rules (times decided, agency precision) ==\n")
        for r in stats.rules { out += "\(String(r.decided).leftPadded(5))  \(String(format: "%.2f", r.precision))  \(r.agency)  \(r.rule)\n" }
        out += l.pick("\n== Chưa từng kích hoạt (\(stats.neverFired.count)) ==\n", "\n== Never fired (\(stats.neverFired.count)) ==\n")
        out += stats.neverFired.map { "  \($0.phrase) [\($0.theme)] \($0.source)" }.joined(separator: "\n") + "\n"
        return out
    }
}

/// `kiennghi lexicon suggest`: candidate phrases the lexicons miss, ready to paste.
struct LexiconSuggestCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Đề xuất cụm từ mới từ một tập kiến nghị (gắn mạnh với một chủ đề, hoặc hay gặp trong hàng chờ xem xét), in đúng định dạng tệp từ điển để dán vào.")

    @Argument(help: "Tập kiến nghị (mọi định dạng classify đọc). Bỏ qua khi dùng --gold.")
    var inputs: [String] = []

    @Option(help: "Tệp có nhãn: dùng nhãn thật thay cho kết quả phân loại, và đánh dấu các kiến nghị bị phân loại sai.")
    var gold: String?

    @Option(name: .customLong("min-count"), help: "Số kiến nghị tối thiểu chứa cụm từ.")
    var minCount = 3

    @Option(name: .customLong("per-theme"), help: "Số đề xuất tối đa mỗi chủ đề.")
    var perTheme = 15

    @Flag(help: "In JSON.")
    var json = false

    @OptionGroup var options: ClassifierOptions

    func render() throws -> String {
        let l = options.language.lang
        var petitions: [(text: String, goldMain: String?)] = []
        if let gold {
            petitions = try GoldFiles.read(gold, language: l).map { ($0.text, $0.themes[0]) }
        } else {
            guard !inputs.isEmpty else { throw CLIError(l.pick("Cần tệp kiến nghị hoặc --gold.", "Give petition files or --gold."), code: .usage) }
            for input in inputs {
                do {
                    try PetitionSources.open(input, options: .init()).read(batchSize: 4096, { petitions += $0.map { ($0.text, nil) } }, rejected: { Terminal.warn($0.message(l)) })
                } catch let failure as InputFailure {
                    throw CLIError(failure.message(l), code: .dataError)
                }
            }
        }
        let classifier = try options.classifier()
        let stopwords = PhraseSuggester.loadStopwords(LexiconLocation.directory(options.lexicons).appendingPathComponent("stopwords.txt"))
        var suggester = PhraseSuggester(classifier: classifier, stopwords: stopwords)
        suggester.minimumCount = minCount
        suggester.perTheme = perTheme
        let suggestions = suggester.suggest(petitions)
        if json { return JSONText.encode(suggestions, pretty: true) + "\n" }
        var out = l.pick("# Đề xuất từ \(petitions.count) kiến nghị. Dán các dòng phù hợp vào tệp themes/<mã>.tsv, sửa trọng số nếu cần.\n",
                         "# Suggestions from \(petitions.count) petitions. Paste the good lines into themes/<id>.tsv; adjust weights.\n")
        var current = ""
        for s in suggestions {
            if s.theme != current {
                current = s.theme
                out += s.theme == "other"
                    ? l.pick("\n# Hay gặp trong hàng chờ xem xét (chưa rõ chủ đề): chọn tệp phù hợp\n", "\n# Frequent in the review queue (theme unknown): pick the right file\n")
                    : "\n# themes/\(s.theme).tsv\n"
            }
            var note = l.pick("gợi ý: \(s.inTheme)/\(s.count) kiến nghị, LLR \(s.llr)", "suggested: \(s.inTheme)/\(s.count) petitions, LLR \(s.llr)")
            if s.missed > 0 { note += l.pick(", \(s.missed) bị phân loại sai", ", \(s.missed) misclassified") }
            note += l.pick(", ví dụ: «\(s.example)»", ", e.g. «\(s.example)»")
            out += "\(s.phrase)\t\(s.suggestedWeight)\t\(note.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))\n"
        }
        return out
    }
}
