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
            throw CLIError(language.pick("Không đọc được \(url.path).", "Cannot read \(url.path)."), code: .configuration)
        }
        return Analyzer(abbreviations: .load(file))
    }
}
