/// Words lexicon diagnostics in one language: the `file:line:col: error:`
/// head, the offending line with a caret under the column, and the fix. The
/// diagnostic is data (``LexiconDiagnostic/Problem``); this is the one place
/// its sentences live, so a caller picks the language at the edge.
public struct LexiconDiagnosticPresenter: Sendable {
    /// The language of every string this presenter returns.
    public let language: Language

    /// A presenter for `language`.
    public init(language: Language) {
        self.language = language
    }

    /// `path:line:col: error: message`, the line with a caret, and `fix: …`, each line ending in a newline.
    public func rendered(_ diagnostic: LexiconDiagnostic) -> String {
        let l = language
        let (what, fix) = words(diagnostic.problem)
        var out = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): \(label(diagnostic.severity)): \(what)\n"
        if !diagnostic.lineText.isEmpty {
            // Control characters (an ESC in a hostile id) never reach the terminal; one character each keeps the caret in place.
            let shown = String(
                String.UnicodeScalarView(
                    diagnostic.lineText.unicodeScalars.map {
                        $0 == "\t" ? " " : SafeFileName.isControl($0) ? "\u{FFFD}" : $0
                    }))
            out += "    \(shown)\n    \(String(repeating: " ", count: max(0, diagnostic.column - 1)))^\n"
        }
        out += "    \(l.pick("cách sửa", "fix")): \(fix)\n"
        return out
    }

    /// "lỗi" or "cảnh báo"; "error" or "warning".
    public func label(_ severity: LexiconDiagnostic.Severity) -> String {
        switch severity {
        case .error: language.pick("lỗi", "error")
        case .warning: language.pick("cảnh báo", "warning")
        }
    }

    /// What is wrong, in one sentence.
    public func message(_ problem: LexiconDiagnostic.Problem) -> String { words(problem).message }

    /// What to do about it, in one sentence.
    public func fix(_ problem: LexiconDiagnostic.Problem) -> String { words(problem).fix }

    /// The message and the fix: one case a check, both languages side by side.
    func words(_ problem: LexiconDiagnostic.Problem) -> (message: String, fix: String) {
        let l = language
        let deleteRow = l.pick("xoá dòng", "delete the row")
        let deleteOne = l.pick("xoá một dòng", "delete one of the rows")
        let invalid = { (vi: String, en: String, value: String) in
            l.pick("\(vi) \"\(value)\" không hợp lệ", "invalid \(en) \"\(value)\"")
        }
        switch problem {
        case .unreadableFile:
            return (
                l.pick("không đọc được tệp", "cannot read the file"),
                l.pick(
                    "kiểm tra đường dẫn thư mục từ điển, quyền đọc tệp, liên kết của tệp, và cỡ tệp: mỗi tệp từ điển tối đa 64 MiB, cả thư mục 256 MiB",
                    "check the lexicon folder's path, the file's read permission, where it links to, and its size: at most 64 MiB per lexicon file, 256 MiB for the whole folder"
                )
            )
        case .notARegularFile(let kind):
            return (
                l.pick(
                    "đây không phải tệp thường (\(kind)); KienNghi không mở nó",
                    "this is not a regular file (\(kind)); KienNghi does not open it"),
                l.pick(
                    "thay bằng tệp từ điển thật hoặc xoá nó khỏi thư mục từ điển",
                    "replace it with a real lexicon file or remove it from the lexicon folder")
            )
        case .specialFileSkipped(let kind):
            return (
                l.pick(
                    "bỏ qua: không phải tệp thường (\(kind)), không mở",
                    "skipped: not a regular file (\(kind)), not opened"),
                l.pick("xoá nó khỏi thư mục từ điển", "remove it from the lexicon folder")
            )
        case .savedAsUTF16:
            return (
                l.pick("tệp được lưu dạng UTF-16, không phải UTF-8", "the file is saved as UTF-16, not UTF-8"), resave
            )
        case .invalidUTF8(let offset):
            return (
                l.pick(
                    "byte \(offset) không phải UTF-8 (có thể tệp được lưu bằng Windows-1258, TCVN3 hoặc VNI)",
                    "byte \(offset) is not UTF-8 (the file may be saved as Windows-1258, TCVN3 or VNI)"),
                resave
            )
        case .nulByte(let offset):
            return (
                l.pick(
                    "byte \(offset) là NUL: tệp không phải văn bản UTF-8",
                    "byte \(offset) is NUL: the file is not UTF-8 text"),
                resave
            )
        case .missingColumns(let missing, let required):
            let (missing, required) = (missing.joined(separator: ", "), required.joined(separator: ", "))
            return (
                l.pick("thiếu cột: \(missing)", "missing columns: \(missing)"),
                l.pick(
                    "dòng tiêu đề đầu tiên phải có các cột: \(required)",
                    "the first non-comment line must name the columns: \(required)")
            )
        case .abbreviationWithoutExpansion:
            return (
                l.pick("từ viết tắt thiếu phần đầy đủ", "abbreviation without an expansion"),
                l.pick(
                    "ghi dạng đầy đủ ở cột thứ hai, cách nhau bằng một dấu tab",
                    "write the expansion in the second column, after one tab")
            )
        case .duplicateTheme(let id):
            return (l.pick("chủ đề \"\(id)\" khai báo hai lần", "theme \"\(id)\" is declared twice"), deleteOne)
        case .undeclaredThemeFile(let theme):
            return (
                l.pick(
                    "tệp cho chủ đề \"\(theme)\" không có trong themes.tsv",
                    "file for theme \"\(theme)\" which themes.tsv does not declare"),
                l.pick(
                    "thêm \"\(theme)\" vào themes.tsv hoặc đổi tên tệp theo một mã chủ đề có sẵn",
                    "add \"\(theme)\" to themes.tsv or rename the file to a known theme id")
            )
        case .invalidPhraseWeight(let text):
            return (
                invalid("trọng số", "weight", text),
                l.pick(
                    "ghi một số khác 0 từ -10 đến 10 (3 mạnh, 2 rõ, 1 hỗ trợ, số âm để giảm) hoặc exclude",
                    "write a non-zero number from -10 to 10 (3 strong, 2 clear, 1 supporting, negative lowers) or exclude"
                )
            )
        case .emptyPhrase(let text):
            return (
                l.pick(
                    "cụm từ \"\(text)\" sau khi chuẩn hoá không còn gì để so khớp",
                    "phrase \"\(text)\" normalises to nothing"),
                l.pick("ghi cụm từ bằng chữ, ví dụ \"chốt sổ\"", "write the phrase in words, e.g. \"chốt sổ\"")
            )
        case .conflictingPhraseWeight(let text, let first):
            return (
                l.pick(
                    "cụm từ \"\(text)\" đã có ở \(first) với trọng số khác",
                    "phrase \"\(text)\" already appears at \(first) with another weight"),
                l.pick("giữ một dòng với trọng số đúng", "keep one row with the right weight")
            )
        case .repeatedPhrase(let text, let first):
            return (
                l.pick("cụm từ \"\(text)\" lặp lại (\(first))", "phrase \"\(text)\" repeats \(first)"),
                l.pick("xoá dòng lặp", "delete the repeated row")
            )
        case .phraseInTwoThemes(let text, let theme, let first):
            return (
                l.pick(
                    "cụm từ \"\(text)\" cũng thuộc chủ đề \(theme) (\(first)): một lần xuất hiện sẽ tính cho cả hai",
                    "phrase \"\(text)\" also belongs to theme \(theme) (\(first)): one occurrence counts for both"),
                l.pick(
                    "nếu không cố ý, xoá ở một chủ đề hoặc dùng cụm từ dài hơn",
                    "unless intended, remove it from one theme or use a longer phrase")
            )
        case .contextlessSyllable(let text):
            return (
                l.pick(
                    "cụm một âm tiết \"\(text)\" không có ngữ cảnh: nó khớp cả trong từ ghép khác nghĩa và trong tên riêng",
                    "one-syllable phrase \"\(text)\" has no context: it fires inside unrelated compounds and names"),
                l.pick(
                    "dùng cụm dài hơn, hoặc ghi các cụm dễ nhầm chứa nó vào stop-phrases.tsv",
                    "use a longer phrase, or list the compounds it is confused with in stop-phrases.tsv")
            )
        case .emptyNegationCue(let cue):
            return (l.pick("từ phủ định \"\(cue)\" không có chữ", "negation cue \"\(cue)\" has no words"), deleteRow)
        case .unknownUrgencyFlag(let text):
            let flags = UrgencyFlag.allCases.map(\.rawValue).joined(separator: ", ")
            return (
                l.pick("loại khẩn cấp \"\(text)\" không có", "unknown urgency flag \"\(text)\""),
                l.pick("dùng một trong: \(flags)", "use one of: \(flags)")
            )
        case .emptyStopPhrase(let text):
            return (l.pick("cụm từ chặn \"\(text)\" không có chữ", "stop phrase \"\(text)\" has no words"), deleteRow)
        case .missingLearnedColumns:
            return (
                l.pick("thiếu cột: feature, theme, weight", "missing columns: feature, theme, weight"),
                l.pick("dòng tiêu đề phải là: feature, theme, weight", "the header must name: feature, theme, weight")
            )
        case .unknownLearnedTheme(let id):
            return (unknownTheme(id), l.pick("dùng mã có trong tệp đó", "use an id from that file"))
        case .unknownLearnedSetting(let name):
            return (
                l.pick("thiết lập \"\(name)\" không có", "unknown setting \"\(name)\""),
                l.pick(
                    "thiết lập duy nhất là @setting:lexicon-cap; chạy lại `kiennghi lexicon fit` để ghi lại tệp",
                    "the only setting is @setting:lexicon-cap; run `kiennghi lexicon fit` again to rewrite the file")
            )
        case .invalidLearnedSetting(let name):
            return (
                l.pick("giá trị của thiết lập \"\(name)\" không hợp lệ", "invalid value for setting \"\(name)\""),
                l.pick(
                    "ghi một số lớn hơn 0 và không quá 100 ở cột weight, hoặc chạy lại `kiennghi lexicon fit`",
                    "write a number above 0 and at most 100 in the weight column, or run `kiennghi lexicon fit` again")
            )
        case .unrecordedLearnedSettings(let cap):
            let number = String(format: "%g", cap)
            return (
                l.pick(
                    "trọng số không ghi thiết lập (học bằng phiên bản cũ): đọc với trần điểm từ điển \(number) như khi học",
                    "the weights record no settings (fitted by an older version): read with hand-score cap \(number), as fitted"
                ),
                l.pick(
                    "chạy lại `kiennghi lexicon fit` để học với đặc trưng hiện nay",
                    "run `kiennghi lexicon fit` again to fit with the current features")
            )
        case .invalidLearnedWeight:
            return (
                l.pick("dòng trọng số học không hợp lệ", "invalid learned weight row"),
                l.pick(
                    "ghi đặc trưng (n-gram không dấu), mã chủ đề và một số từ -100 đến 100",
                    "write a feature (diacritic-free n-gram), a theme id and a number from -100 to 100")
            )
        case .invalidDate(let text):
            return (
                invalid("ngày", "date", text),
                l.pick("ghi ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-01", "write dates as YYYY-MM-DD, e.g. 2025-03-01")
            )
        case .endBeforeStart:
            return (
                l.pick("ngày kết thúc trước ngày bắt đầu", "valid_until is before valid_from"),
                l.pick("đổi chỗ hai ngày", "swap the two dates")
            )
        case .overlappingAgency(let id, let line):
            return (
                l.pick(
                    "thời hạn của cơ quan \"\(id)\" chồng lên dòng \(line)",
                    "the dates of agency \"\(id)\" overlap line \(line)"),
                l.pick(
                    "sửa valid_from/valid_until để mỗi ngày chỉ có một tên",
                    "fix valid_from/valid_until so that each day has one name")
            )
        case .unsafeAgencyID(let id, let fault):
            let shown = SafeFileName.shown(id)
            let why: String
            switch fault {
            case .empty: why = l.pick("mã trống", "the id is empty")
            case .separator: why = l.pick("mã chứa / hoặc \\", "the id holds / or \\")
            case .control: why = l.pick("mã chứa ký tự điều khiển", "the id holds a control character")
            case .dotDot: why = l.pick("mã chứa ..", "the id holds ..")
            case .leadingDot: why = l.pick("mã bắt đầu bằng dấu chấm", "the id starts with a dot")
            case .tooLong:
                why = l.pick(
                    "mã dài quá \(SafeFileName.maximumBytes) byte",
                    "the id is longer than \(SafeFileName.maximumBytes) bytes")
            }
            return (
                l.pick(
                    "mã cơ quan \"\(shown)\" không dùng được làm tên tệp (`route` ghi MÃ.csv): \(why)",
                    "agency id \"\(shown)\" cannot be a file name (`route` writes ID.csv): \(why)"),
                l.pick(
                    "dùng mã ngắn chỉ gồm chữ, số và dấu gạch (ví dụ so-xay-dung), sửa cả các dòng dùng mã này trong rules.tsv",
                    "use a short id of letters, digits and dashes (e.g. so-xay-dung), and fix the rows of rules.tsv that use it"
                )
            )
        case .unknownSuccessor(let id):
            return (
                l.pick("cơ quan kế nhiệm \"\(id)\" không có trong bảng", "successor \"\(id)\" is not in the table"),
                l.pick("thêm một dòng cho \"\(id)\" hoặc sửa mã", "add a row for \"\(id)\" or fix the id")
            )
        case .unknownRuleTheme(let id):
            return (
                unknownTheme(id),
                l.pick("dùng mã chủ đề trong themes.tsv hoặc *", "use a theme id from themes.tsv, or *")
            )
        case .unknownRuleAgency(let id, let known):
            let known = known.joined(separator: ", ")
            return (
                unknownAgency(id),
                l.pick("dùng một mã cơ quan có sẵn: \(known)", "use a known agency id: \(known)")
            )
        case .emptyRulePhrase(let text):
            return (
                l.pick("cụm từ \"\(text)\" sau khi chuẩn hoá không còn gì", "phrase \"\(text)\" normalises to nothing"),
                l.pick(
                    "ghi cụm từ bằng chữ hoặc để trống cho quy tắc mặc định",
                    "write the phrase in words, or leave it empty for the default rule")
            )
        case .overlappingRule(let line):
            return (
                l.pick("quy tắc trùng với dòng \(line) trong cùng thời gian", "rule overlaps line \(line) in time"),
                l.pick(
                    "đặt valid_from/valid_until để hai dòng không chồng ngày",
                    "set valid_from/valid_until so the two rows do not share days")
            )
        case .invalidRuleScope(let text):
            return (
                invalid("phạm vi", "scope", text),
                l.pick(
                    "để trống (mọi phạm vi) hoặc ghi local (một địa bàn) hay citywide (toàn thành phố, chính sách)",
                    "leave it empty (any scope) or write local (one place) or citywide (whole city, policy)")
            )
        case .invalidPriority(let text):
            return (
                l.pick(
                    "độ ưu tiên \"\(text)\" không phải số nguyên", "priority \"\(text)\" is not a whole number"),
                l.pick(
                    "để trống (0) hoặc ghi một số nguyên, số lớn hơn thắng khi hai quy tắc cụ thể như nhau",
                    "leave it empty (0) or write a whole number; higher wins between equally specific rules")
            )
        case .shadowedRule(let line):
            return (
                l.pick(
                    "quy tắc này không bao giờ được chọn: dòng \(line) luôn áp dụng cùng lúc và cụ thể hơn hoặc ưu tiên cao hơn",
                    "this rule never decides: line \(line) always applies with it and is more specific or has a higher priority"
                ),
                l.pick(
                    "xoá dòng này, hoặc tăng priority của nó, hoặc thu hẹp dòng \(line)",
                    "delete this row, raise its priority, or narrow line \(line)")
            )
        case .missingDefaultRule(let theme):
            return (
                l.pick("chủ đề \"\(theme)\" không có quy tắc mặc định", "theme \"\(theme)\" has no default rule"),
                l.pick("thêm một dòng với cột phrase để trống", "add a row with an empty phrase")
            )
        case .missingScopeColumn(let name):
            return (
                l.pick("thiếu cột: \(name)", "missing column: \(name)"),
                l.pick(
                    "dòng tiêu đề phải có các cột: phrase, scope, weight, context",
                    "the header must name the columns: phrase, scope, weight, context")
            )
        case .invalidCueScope(let text):
            return (
                invalid("phạm vi", "scope", text),
                l.pick(
                    "ghi local (một địa bàn) hoặc citywide (toàn thành phố, chính sách)",
                    "write local (one place) or citywide (whole city, policy)")
            )
        case .invalidCueWeight(let text):
            return (
                invalid("trọng số", "weight", text),
                l.pick(
                    "ghi một số từ 0 đến 10 (1 hỗ trợ, 2 rõ; 0 để che một cụm từ dài hơn không phải dấu hiệu)",
                    "write a number from 0 to 10 (1 supporting, 2 clear; 0 masks a longer phrase that is not a cue)")
            )
        case .invalidCueContext(let text):
            return (
                invalid("ngữ cảnh", "context", text),
                l.pick(
                    "để trống, ghi name (chỉ tính khi có chữ hay số theo sau) hoặc number (chỉ tính khi có số theo sau)",
                    "leave it empty, or write name (counts only before a word or number) or number (only before a number)"
                )
            )
        case .emptyScopeCue(let text):
            return (
                l.pick(
                    "cụm từ \"\(text)\" sau khi chuẩn hoá không còn gì để so khớp",
                    "phrase \"\(text)\" normalises to nothing"),
                l.pick("ghi cụm từ bằng chữ, ví dụ \"ngõ\"", "write the phrase in words, e.g. \"ngõ\"")
            )
        case .repeatedScopeCue(let text, let line):
            return (
                l.pick(
                    "cụm từ \"\(text)\" đã có ở dòng \(line); dòng này không bao giờ được dùng",
                    "phrase \"\(text)\" already appears on line \(line); this row is never used"),
                deleteOne
            )
        }
    }

    /// Save the file again as UTF-8: the fix for every file that is not UTF-8.
    private var resave: String {
        language.pick(
            "mở tệp và lưu lại với mã hoá UTF-8 (Save As → Encoding: UTF-8), rồi chạy lại `kiennghi lexicon check`",
            "open the file and save it again as UTF-8 (Save As → Encoding: UTF-8), then run `kiennghi lexicon check` again"
        )
    }

    private func unknownTheme(_ id: String) -> String {
        language.pick("chủ đề \"\(id)\" không có trong themes.tsv", "theme \"\(id)\" is not in themes.tsv")
    }

    private func unknownAgency(_ id: String) -> String {
        language.pick(
            "cơ quan \"\(id)\" không có trong routing/agencies.tsv", "agency \"\(id)\" is not in routing/agencies.tsv")
    }
}
