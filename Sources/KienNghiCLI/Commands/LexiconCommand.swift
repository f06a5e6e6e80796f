import ArgumentParser
import KienNghiCore

/// `kiennghi lexicon ...`: tools for the people who edit the lexicons.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Kiểm tra và phân tích từ điển.",
        subcommands: [LexiconCheckCommand.self])
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
