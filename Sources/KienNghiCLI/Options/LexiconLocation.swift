import ArgumentParser
import Foundation
import KienNghiCore

/// Finds the lexicon folder: `--lexicons DIR` or the copy bundled with the tool.
enum LexiconLocation {
    static func directory(_ path: String?) -> URL {
        path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? BundledLexicons.directory
    }

    static func analyzer(_ path: String?, language: Language) throws -> Analyzer {
        let url = directory(path).appendingPathComponent("abbreviations.tsv")
        guard let file = try? TabularFile.load(url) else {
            throw CLIError(
                language.pick("Không đọc được \(url.path).", "Cannot read \(url.path)."), code: .configuration)
        }
        return Analyzer(abbreviations: .load(file))
    }

    /// Loads, checks and compiles the lexicons, or fails with every problem listed.
    static func classifier(_ path: String?, language: Language) throws -> Classifier {
        do {
            let lexicon = try LexiconCache.user.load(LexiconLoader(directory: directory(path)))
            return Classifier(lexicon: lexicon)
        } catch {
            let problems = error.diagnostics.filter { $0.severity == .error }.map { $0.rendered(language) }.joined()
            throw CLIError(
                problems
                    + language.pick(
                        "Từ điển có lỗi; chạy `kiennghi lexicon check` để xem và sửa.",
                        "The lexicons have errors; run `kiennghi lexicon check` to see and fix them."),
                code: .configuration)
        }
    }
}

/// Options every classifying command shares.
struct ClassifierOptions: ParsableArguments {
    @Option(help: "Thư mục từ điển (mặc định: từ điển đi kèm công cụ).")
    var lexicons: String?

    @Option(
        name: .customLong("as-of"), help: "Ngày định tuyến YYYY-MM-DD (mặc định: cơ cấu năm 2019). Ví dụ 2025-07-01.")
    var asOf: String?

    @OptionGroup var language: LanguageOptions

    func routingDate() throws -> RoutingDate {
        guard let asOf else { return .structure2019 }
        guard let date = RoutingDate(iso: asOf) else {
            throw CLIError(
                language.lang.pick(
                    "Ngày \"\(asOf)\" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01.",
                    "Invalid date \"\(asOf)\": use YYYY-MM-DD, e.g. 2025-07-01."), code: .usage)
        }
        return date
    }

    func classifier() throws -> Classifier { try LexiconLocation.classifier(lexicons, language: language.lang) }

    /// The words of every decision this command prints, in the chosen language.
    func presenter(_ classifier: Classifier) -> ClassificationPresenter {
        ClassificationPresenter(language: language.lang, lexicon: classifier.lexicon)
    }
}
