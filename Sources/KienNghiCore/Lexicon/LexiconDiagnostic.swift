/// A problem found in a lexicon or routing file, located like a compiler error.
public struct LexiconDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// What is wrong, in Vietnamese and English.
    public var message: (vi: String, en: String)
    /// What to do about it.
    public var fix: (vi: String, en: String)
    /// The offending line as written.
    public var lineText: String

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.line == b.line && a.column == b.column && a.severity == b.severity
            && a.message == b.message && a.fix == b.fix
    }

    /// `path:line:col: error: message` with the line, a caret, and the fix.
    public func rendered(_ language: Language = .vi) -> String {
        let label = language == .vi ? (severity == .error ? "lỗi" : "cảnh báo") : severity.rawValue
        var out = "\(path):\(line):\(column): \(label): \(language.pick(message.vi, message.en))\n"
        if !lineText.isEmpty {
            let shown = lineText.replacingOccurrences(of: "\t", with: " ")
            out += "    \(shown)\n    \(String(repeating: " ", count: max(0, column - 1)))^\n"
        }
        out += "    \(language.pick("cách sửa", "fix")): \(language.pick(fix.vi, fix.en))\n"
        return out
    }

    public var description: String { rendered(.en) }
}

/// Collects diagnostics while files are read (a reference, shared by the
/// loader's helpers for one check).
final class DiagnosticLog {
    private(set) var items: [LexiconDiagnostic] = []

    func report(
        _ severity: LexiconDiagnostic.Severity, _ file: TabularFile, _ row: TabularFile.Row?, cell: Int = 0,
        _ message: (String, String), fix: (String, String)
    ) {
        let column = row.map { TabularFile.columnOffset($0, cell: cell) } ?? 1
        items.append(
            LexiconDiagnostic(
                path: file.path, line: row?.line ?? 1, column: column, severity: severity,
                message: (message.0, message.1), fix: (fix.0, fix.1), lineText: row?.text ?? ""))
    }

    /// A file that is not UTF-8: an error at the first bad byte, so no theme silently loses phrases.
    func reportUndecodable(path: String, _ failure: TabularFile.DecodingFailure) {
        let what: (String, String)
        switch failure.kind {
        case .utf16: what = ("tệp được lưu dạng UTF-16, không phải UTF-8", "the file is saved as UTF-16, not UTF-8")
        case .invalidUTF8:
            what = (
                "byte \(failure.byteOffset) không phải UTF-8 (có thể tệp được lưu bằng Windows-1258, TCVN3 hoặc VNI)",
                "byte \(failure.byteOffset) is not UTF-8 (the file may be saved as Windows-1258, TCVN3 or VNI)"
            )
        case .nulByte:
            what = (
                "byte \(failure.byteOffset) là NUL: tệp không phải văn bản UTF-8",
                "byte \(failure.byteOffset) is NUL: the file is not UTF-8 text"
            )
        }
        items.append(
            LexiconDiagnostic(
                path: path, line: failure.line, column: 1, severity: .error, message: what,
                fix: (
                    "mở tệp và lưu lại với mã hoá UTF-8 (Save As → Encoding: UTF-8), rồi chạy lại `kiennghi lexicon check`",
                    "open the file and save it again as UTF-8 (Save As → Encoding: UTF-8), then run `kiennghi lexicon check` again"
                ),
                lineText: ""))
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
