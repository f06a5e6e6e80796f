import Foundation
import KienNghiCore

/// The lexicon loader on a small lexicon folder whose files come from the input
/// (parts split by 0x1E, in the order of `files`; missing parts keep a tiny valid default).
enum LexiconTarget {
    static let files: [(path: String, text: String)] = [
        ("themes.tsv", "id\tlabel_vi\tlabel_en\nalpha\tBảo hiểm\tInsurance\nbeta\tTiền lương\tWages\n"),
        ("themes/alpha.tsv", "phrase\tweight\nchốt sổ\t3\nBHXH\t2\nsổ\texclude\n"),
        ("themes/beta.tsv", "phrase\tweight\ntăng lương\t3\nnợ lương\t-1\n"),
        ("abbreviations.tsv", "abbreviation\texpansion\nBHXH\tbảo hiểm xã hội\nKCN\tkhu công nghiệp\n"),
        ("negation.tsv", "cue\nkhông\nchưa\n"),
        ("urgency.tsv", "phrase\tflag\ntai nạn lao động\taccident\n"),
        ("routing/agencies.tsv", "id\tname_vi\tname_en\tvalid_from\tvalid_until\tsuccessor\nsld\tSở Lao động\tLabour dept\t\t\t\n"),
        ("routing/rules.tsv", "theme\tphrase\tagency\tvalid_from\tvalid_until\treason_vi\treason_en\nalpha\t\tsld\t\t\tlý do\treason\n"),
        ("gazetteer/districts.tsv", "name\ttype\tvariants\tsuccessors_2025\nĐông Anh\thuyện\tdong anh\tXã Phúc Thịnh\n"),
        ("gazetteer/communes-2025.tsv", "name\ttype\tpredecessor_districts\nPhúc Thịnh\txã\tĐông Anh\n"),
        ("gazetteer/industrial-zones.tsv", "name\tvariants\tdistrict\tcommune_2025\nKCN Thăng Long\t\tĐông Anh\t\n"),
    ]

    static let directory: URL = {
        let root = URL(fileURLWithPath: ScratchFiles.directory).appendingPathComponent("lexicons", isDirectory: true)
        for sub in ["themes", "routing", "gazetteer"] {
            try? FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return root
    }()

    static let target = FuzzTarget(name: "lexicon", summary: "lexicon loader over a folder of fuzzed files") { bytes in
        let parts = bytes.fuzzParts()
        for (index, file) in files.enumerated() {
            let contents = index < parts.count ? parts[index] : Array(file.text.utf8)
            let ok = FileManager.default.createFile(atPath: directory.appendingPathComponent(file.path).path, contents: Data(contents))
            require(ok, "cannot write \(file.path)")
        }
        let (lexicon, diagnostics) = LexiconLoader(directory: directory, displayRoot: "Lexicons").check()
        for diagnostic in diagnostics { _ = diagnostic.rendered(.vi) }
        if let lexicon, !diagnostics.contains(where: { $0.severity == .error }) {
            _ = lexicon.phrases.count
        }
    }
}
