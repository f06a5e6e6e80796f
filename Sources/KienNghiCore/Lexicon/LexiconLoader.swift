import Foundation

/// Reads a Lexicons/ folder into a ``Lexicon`` and checks it, reporting every
/// problem as a ``LexiconDiagnostic`` (file:line:column, what is wrong, how to fix).
public struct LexiconLoader: Sendable {
    package let directory: URL
    /// How file paths appear in diagnostics ("Lexicons" for the bundled copy).
    package let displayRoot: String

    package init(directory: URL = BundledLexicons.directory, displayRoot: String? = nil) {
        self.directory = directory
        self.displayRoot = displayRoot ?? (directory == BundledLexicons.directory ? "Lexicons" : directory.path)
    }

    /// Why a lexicon folder could not be used at all.
    public struct Failure: Error, Sendable {
        public var diagnostics: [LexiconDiagnostic]
    }

    /// Loads and checks; fails only on errors (warnings are returned).
    package func load() throws(Failure) -> (lexicon: Lexicon, warnings: [LexiconDiagnostic]) {
        let (lexicon, diagnostics) = check()
        guard let lexicon, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw Failure(diagnostics: diagnostics)
        }
        return (lexicon, diagnostics)
    }

    /// Loads as much as possible and returns every problem found.
    package func check() -> (Lexicon?, [LexiconDiagnostic]) {
        let log = DiagnosticLog()
        func read(_ relative: String, required: Bool = true) -> TabularFile? {
            let url = directory.appendingPathComponent(relative)
            let file: TabularFile
            do {
                file = try TabularFile.load(url)
            } catch let failure as TabularFile.DecodingFailure {
                log.reportUndecodable(path: "\(displayRoot)/\(relative)", failure)
                return nil
            } catch {
                if required {
                    let missing = TabularFile(path: "\(displayRoot)/\(relative)", contents: "")
                    log.report(
                        .error, missing, nil, ("không đọc được tệp", "cannot read the file"),
                        fix: (
                            "kiểm tra đường dẫn thư mục từ điển và quyền đọc tệp",
                            "check the lexicon folder's path and the file's read permission"
                        )
                    )
                }
                return nil
            }
            var named = file
            named.path = "\(displayRoot)/\(relative)"
            return named
        }
        func requireColumns(_ file: TabularFile, _ names: [String]) -> Bool {
            let missing = names.filter { file.column($0) == nil }
            guard missing.isEmpty else {
                log.report(
                    .error, file, nil,
                    (
                        "thiếu cột: \(missing.joined(separator: ", "))",
                        "missing columns: \(missing.joined(separator: ", "))"
                    ),
                    fix: (
                        "dòng tiêu đề đầu tiên phải có các cột: \(names.joined(separator: ", "))",
                        "the first non-comment line must name the columns: \(names.joined(separator: ", "))"
                    ))
                return false
            }
            return true
        }

        let abbreviations =
            read("abbreviations.tsv").map { file -> AbbreviationTable in
                if requireColumns(file, ["abbreviation", "expansion"]) {
                    for row in file.rows
                    where file.cell(row, "expansion").isEmpty || file.cell(row, "abbreviation").isEmpty {
                        log.report(
                            .error, file, row, cell: 1,
                            ("từ viết tắt thiếu phần đầy đủ", "abbreviation without an expansion"),
                            fix: (
                                "ghi dạng đầy đủ ở cột thứ hai, cách nhau bằng một dấu tab",
                                "write the expansion in the second column, after one tab"
                            ))
                    }
                }
                return AbbreviationTable.load(file)
            } ?? AbbreviationTable()
        let analyzer = Analyzer(abbreviations: abbreviations)
        /// The phrase's matchable key: its terms without punctuation and symbols.
        func normalizedKey(_ text: String) -> String {
            let analyzed = analyzer.analyze(text)
            return analyzed.terms.filter {
                ![.punctuation, .symbol].contains(analyzed.tokens[Int($0.tokenIndex)].kind)
            }
            .map { analyzed.string($0.key) }.joined(separator: " ")
        }

        // Themes.
        var themes: [ThemeDefinition] = []
        if let file = read("themes.tsv"), requireColumns(file, ["id", "label_vi", "label_en"]) {
            for row in file.rows {
                let id = file.cell(row, "id")
                if themes.contains(where: { $0.id == id }) {
                    log.report(
                        .error, file, row, ("chủ đề \"\(id)\" khai báo hai lần", "theme \"\(id)\" is declared twice"),
                        fix: ("xoá một dòng", "delete one of the rows"))
                    continue
                }
                themes.append(
                    ThemeDefinition(id: id, labelVi: file.cell(row, "label_vi"), labelEn: file.cell(row, "label_en")))
            }
        }
        let themeIds = Set(themes.map(\.id))

        // Theme phrases: one file per theme.
        var phrases: [ThemePhrase] = []
        var seen: [String: (theme: String, effect: ThemePhrase.Effect, source: LexiconSource)] = [:]
        let themeFiles =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("themes").path))?
            .filter { $0.hasSuffix(".tsv") }.sorted() ?? []
        for name in themeFiles {
            let theme = String(name.dropLast(4))
            guard let file = read("themes/\(name)") else { continue }
            guard themeIds.contains(theme) else {
                log.report(
                    .error, file, nil,
                    (
                        "tệp cho chủ đề \"\(theme)\" không có trong themes.tsv",
                        "file for theme \"\(theme)\" which themes.tsv does not declare"
                    ),
                    fix: (
                        "thêm \"\(theme)\" vào themes.tsv hoặc đổi tên tệp theo một mã chủ đề có sẵn",
                        "add \"\(theme)\" to themes.tsv or rename the file to a known theme id"
                    ))
                continue
            }
            guard requireColumns(file, ["phrase", "weight"]) else { continue }
            for row in file.rows {
                let text = file.cell(row, "phrase")
                let weightText = file.cell(row, "weight")
                let effect: ThemePhrase.Effect
                if weightText.lowercased() == "exclude" {
                    effect = .exclude
                } else if let value = Double(weightText.replacingOccurrences(of: ",", with: ".")), value != 0,
                    abs(value) <= 10
                {
                    effect = .weight(value)
                } else {
                    log.report(
                        .error, file, row, cell: file.column("weight") ?? 1,
                        ("trọng số \"\(weightText)\" không hợp lệ", "invalid weight \"\(weightText)\""),
                        fix: (
                            "ghi một số khác 0 từ -10 đến 10 (3 mạnh, 2 rõ, 1 hỗ trợ, số âm để giảm) hoặc exclude",
                            "write a non-zero number from -10 to 10 (3 strong, 2 clear, 1 supporting, negative lowers) or exclude"
                        ))
                    continue
                }
                let key = normalizedKey(text)
                guard !key.isEmpty else {
                    log.report(
                        .error, file, row,
                        (
                            "cụm từ \"\(text)\" sau khi chuẩn hoá không còn gì để so khớp",
                            "phrase \"\(text)\" normalises to nothing"
                        ),
                        fix: ("ghi cụm từ bằng chữ, ví dụ \"chốt sổ\"", "write the phrase in words, e.g. \"chốt sổ\""))
                    continue
                }
                let source = LexiconSource(file: "themes/\(name)", line: row.line)
                if let previous = seen[key] {
                    if previous.theme == theme && previous.effect != effect {
                        log.report(
                            .error, file, row,
                            (
                                "cụm từ \"\(text)\" đã có ở \(previous.source) với trọng số khác",
                                "phrase \"\(text)\" already appears at \(previous.source) with another weight"
                            ),
                            fix: ("giữ một dòng với trọng số đúng", "keep one row with the right weight"))
                    } else if previous.theme == theme {
                        log.report(
                            .warning, file, row,
                            (
                                "cụm từ \"\(text)\" lặp lại (\(previous.source))",
                                "phrase \"\(text)\" repeats \(previous.source)"
                            ),
                            fix: ("xoá dòng lặp", "delete the repeated row"))
                    } else {
                        log.report(
                            .warning, file, row,
                            (
                                "cụm từ \"\(text)\" cũng thuộc chủ đề \(previous.theme) (\(previous.source)): một lần xuất hiện sẽ tính cho cả hai",
                                "phrase \"\(text)\" also belongs to theme \(previous.theme) (\(previous.source)): one occurrence counts for both"
                            ),
                            fix: (
                                "nếu không cố ý, xoá ở một chủ đề hoặc dùng cụm từ dài hơn",
                                "unless intended, remove it from one theme or use a longer phrase"
                            ))
                    }
                } else {
                    seen[key] = (theme, effect, source)
                }
                phrases.append(ThemePhrase(text: text, theme: theme, effect: effect, source: source))
            }
        }

        // Negation cues and urgency.
        var cues: [String] = []
        if let file = read("negation.tsv"), requireColumns(file, ["cue"]) {
            for row in file.rows {
                let cue = file.cell(row, "cue")
                if normalizedKey(cue).isEmpty {
                    log.report(
                        .error, file, row,
                        ("từ phủ định \"\(cue)\" không có chữ", "negation cue \"\(cue)\" has no words"),
                        fix: ("xoá dòng", "delete the row"))
                } else {
                    cues.append(cue)
                }
            }
        }
        var urgency: [UrgencyPhrase] = []
        if let file = read("urgency.tsv"), requireColumns(file, ["phrase", "flag"]) {
            for row in file.rows {
                let flagText = file.cell(row, "flag")
                guard let flag = UrgencyFlag(rawValue: flagText) else {
                    log.report(
                        .error, file, row, cell: file.column("flag") ?? 1,
                        ("loại khẩn cấp \"\(flagText)\" không có", "unknown urgency flag \"\(flagText)\""),
                        fix: (
                            "dùng một trong: \(UrgencyFlag.allCases.map(\.rawValue).joined(separator: ", "))",
                            "use one of: \(UrgencyFlag.allCases.map(\.rawValue).joined(separator: ", "))"
                        ))
                    continue
                }
                urgency.append(
                    UrgencyPhrase(
                        text: file.cell(row, "phrase"), flag: flag,
                        source: LexiconSource(file: "urgency.tsv", line: row.line)))
            }
        }

        var stopPhrases: [String] = []
        if let file = read("stop-phrases.tsv", required: false), requireColumns(file, ["phrase"]) {
            for row in file.rows {
                let phrase = file.cell(row, "phrase")
                if normalizedKey(phrase).isEmpty {
                    log.report(
                        .error, file, row,
                        ("cụm từ chặn \"\(phrase)\" không có chữ", "stop phrase \"\(phrase)\" has no words"),
                        fix: ("xoá dòng", "delete the row"))
                } else {
                    stopPhrases.append(phrase)
                }
            }
        }
        warnSingleSyllables(
            phrases, stopPhrases: stopPhrases, normalizedKey: normalizedKey, read: { read($0, required: true) },
            log: log)
        let learned = loadLearned(read: { read($0, required: false) }, themeIds: themeIds, log: log)

        let routing = loadRouting(
            read: read, requireColumns: requireColumns, themeIds: themeIds, normalizedKey: normalizedKey, log: log)
        let gazetteer = loadGazetteer(read: read)
        let lexicon = Lexicon(
            themes: themes, phrases: phrases, negationCues: cues, urgency: urgency,
            abbreviations: abbreviations, gazetteer: gazetteer, routing: routing, stopPhrases: stopPhrases,
            learned: learned)
        return (lexicon, log.items)
    }

    /// A one-syllable phrase fires wherever the syllable appears (`cầu` in
    /// `yêu cầu`, in `hầm cầu`, in a person's name). It has context when a
    /// longer phrase or a stop phrase containing it masks its false friends.
    private func warnSingleSyllables(
        _ phrases: [ThemePhrase], stopPhrases: [String], normalizedKey: (String) -> String,
        read: (String) -> TabularFile?, log: DiagnosticLog
    ) {
        var longer: Set<String> = []
        for text in phrases.map(\.text) + stopPhrases {
            let syllables = normalizedKey(text).split(separator: " ")
            if syllables.count > 1 { longer.formUnion(syllables.map(String.init)) }
        }
        var files: [String: TabularFile] = [:]
        for phrase in phrases where phrase.effect != .exclude {
            let key = normalizedKey(phrase.text)
            // Loan words with digits (4g, 5g) are not Vietnamese syllables and have no false friends.
            guard !key.contains(" "), !longer.contains(key), !key.contains(where: \.isNumber) else { continue }
            if files[phrase.source.file] == nil { files[phrase.source.file] = read(phrase.source.file) }
            guard let file = files[phrase.source.file],
                let row = file.rows.first(where: { $0.line == phrase.source.line })
            else { continue }
            log.report(
                .warning, file, row,
                (
                    "cụm một âm tiết \"\(phrase.text)\" không có ngữ cảnh: nó khớp cả trong từ ghép khác nghĩa và trong tên riêng",
                    "one-syllable phrase \"\(phrase.text)\" has no context: it fires inside unrelated compounds and names"
                ),
                fix: (
                    "dùng cụm dài hơn, hoặc ghi các cụm dễ nhầm chứa nó vào stop-phrases.tsv",
                    "use a longer phrase, or list the compounds it is confused with in stop-phrases.tsv"
                ))
        }
    }

    /// Reads learned/weights.tsv, then learned/overrides.tsv (a row there replaces
    /// the learned weight of the same feature and theme; weight 0 switches it off).
    /// The same for learned/agency-weights.tsv and agency-overrides.tsv (column `agency`, ids from agencies.tsv).
    private func loadLearned(
        read: (String) -> TabularFile?, themeIds: Set<String>, log: DiagnosticLog,
        files: [String] = ["learned/weights.tsv", "learned/overrides.tsv"], classColumn: String = "theme"
    ) -> LearnedWeights? {
        var entries: [LearnedWeights.Entry] = []
        var index: [String: Int] = [:]
        var found = false
        for name in files {
            guard let file = read(name) else { continue }
            found = true
            guard file.column("feature") != nil, file.column(classColumn) != nil, file.column("weight") != nil else {
                log.report(
                    .error, file, nil,
                    ("thiếu cột: feature, \(classColumn), weight", "missing columns: feature, \(classColumn), weight"),
                    fix: (
                        "dòng tiêu đề phải là: feature, \(classColumn), weight",
                        "the header must name: feature, \(classColumn), weight"
                    ))
                continue
            }
            for row in file.rows {
                let feature = file.cell(row, "feature")
                let theme = file.cell(row, classColumn)
                let weightText = file.cell(row, "weight")
                guard themeIds.contains(theme) else {
                    log.report(
                        .error, file, row, cell: file.column(classColumn) ?? 1,
                        classColumn == "theme"
                            ? (
                                "chủ đề \"\(theme)\" không có trong themes.tsv",
                                "theme \"\(theme)\" is not in themes.tsv"
                            )
                            : (
                                "cơ quan \"\(theme)\" không có trong routing/agencies.tsv",
                                "agency \"\(theme)\" is not in routing/agencies.tsv"
                            ),
                        fix: ("dùng mã có trong tệp đó", "use an id from that file"))
                    continue
                }
                guard !feature.isEmpty, let weight = Double(weightText), weight.isFinite, abs(weight) <= 100 else {
                    log.report(
                        .error, file, row, cell: file.column("weight") ?? 1,
                        ("dòng trọng số học không hợp lệ", "invalid learned weight row"),
                        fix: (
                            "ghi đặc trưng (n-gram không dấu), mã chủ đề và một số từ -100 đến 100",
                            "write a feature (diacritic-free n-gram), a theme id and a number from -100 to 100"
                        ))
                    continue
                }
                let entry = LearnedWeights.Entry(
                    feature: feature, theme: theme, weight: weight, source: LexiconSource(file: name, line: row.line))
                if let existing = index["\(feature)\t\(theme)"] {
                    entries[existing] = entry
                } else {
                    index["\(feature)\t\(theme)"] = entries.count
                    entries.append(entry)
                }
            }
        }
        return found ? LearnedWeights(entries: entries.filter { $0.weight != 0 }) : nil
    }

    private func loadRouting(
        read: (String, Bool) -> TabularFile?, requireColumns: (TabularFile, [String]) -> Bool, themeIds: Set<String>,
        normalizedKey: (String) -> String, log: DiagnosticLog
    ) -> RoutingTable {
        func period(_ file: TabularFile, _ row: TabularFile.Row) -> ValidityPeriod? {
            var result = ValidityPeriod()
            for (column, keyPath) in [("valid_from", \ValidityPeriod.from), ("valid_until", \ValidityPeriod.until)] {
                let text = file.cell(row, column)
                guard !text.isEmpty else { continue }
                guard let date = RoutingDate(iso: text) else {
                    log.report(
                        .error, file, row, cell: file.column(column) ?? 0,
                        ("ngày \"\(text)\" không hợp lệ", "invalid date \"\(text)\""),
                        fix: (
                            "ghi ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-01",
                            "write dates as YYYY-MM-DD, e.g. 2025-03-01"
                        ))
                    return nil
                }
                result[keyPath: keyPath] = date
            }
            if let from = result.from, let until = result.until, until < from {
                log.report(
                    .error, file, row, cell: file.column("valid_until") ?? 0,
                    ("ngày kết thúc trước ngày bắt đầu", "valid_until is before valid_from"),
                    fix: ("đổi chỗ hai ngày", "swap the two dates"))
                return nil
            }
            return result
        }

        var agencies: [AgencyRecord] = []
        if let file = read("routing/agencies.tsv", true),
            requireColumns(file, ["id", "name_vi", "name_en", "valid_from", "valid_until", "successor"])
        {
            for row in file.rows {
                guard let validity = period(file, row) else { continue }
                let id = file.cell(row, "id")
                if let clash = agencies.first(where: { $0.id == id && $0.period.overlaps(validity) }) {
                    log.report(
                        .error, file, row, cell: file.column("valid_from") ?? 0,
                        (
                            "thời hạn của cơ quan \"\(id)\" chồng lên dòng \(clash.source.line)",
                            "the dates of agency \"\(id)\" overlap line \(clash.source.line)"
                        ),
                        fix: (
                            "sửa valid_from/valid_until để mỗi ngày chỉ có một tên",
                            "fix valid_from/valid_until so that each day has one name"
                        ))
                    continue
                }
                let successor = file.cell(row, "successor")
                agencies.append(
                    AgencyRecord(
                        id: id, nameVi: file.cell(row, "name_vi"), nameEn: file.cell(row, "name_en"), period: validity,
                        successor: successor.isEmpty ? nil : successor,
                        source: LexiconSource(file: "routing/agencies.tsv", line: row.line)))
            }
            let ids = Set(agencies.map(\.id))
            for agency in agencies {
                if let successor = agency.successor, !ids.contains(successor),
                    let row = file.rows.first(where: { $0.line == agency.source.line })
                {
                    log.report(
                        .error, file, row, cell: file.column("successor") ?? 0,
                        (
                            "cơ quan kế nhiệm \"\(successor)\" không có trong bảng",
                            "successor \"\(successor)\" is not in the table"
                        ),
                        fix: (
                            "thêm một dòng cho \"\(successor)\" hoặc sửa mã",
                            "add a row for \"\(successor)\" or fix the id"
                        ))
                }
            }
        }
        let agencyIds = Set(agencies.map(\.id))

        var rules: [RoutingRule] = []
        if let file = read("routing/rules.tsv", true),
            requireColumns(file, ["theme", "phrase", "agency", "valid_from", "valid_until", "reason_vi", "reason_en"])
        {
            for row in file.rows {
                let theme = file.cell(row, "theme")
                let agency = file.cell(row, "agency")
                let phrase = file.cell(row, "phrase")
                if theme != "*" && !themeIds.contains(theme) {
                    log.report(
                        .error, file, row, cell: 0,
                        ("chủ đề \"\(theme)\" không có trong themes.tsv", "theme \"\(theme)\" is not in themes.tsv"),
                        fix: ("dùng mã chủ đề trong themes.tsv hoặc *", "use a theme id from themes.tsv, or *"))
                    continue
                }
                if !agencyIds.contains(agency) {
                    log.report(
                        .error, file, row, cell: file.column("agency") ?? 0,
                        (
                            "cơ quan \"\(agency)\" không có trong routing/agencies.tsv",
                            "agency \"\(agency)\" is not in routing/agencies.tsv"
                        ),
                        fix: (
                            "dùng một mã cơ quan có sẵn: \(agencyIds.sorted().joined(separator: ", "))",
                            "use a known agency id: \(agencyIds.sorted().joined(separator: ", "))"
                        ))
                    continue
                }
                if !phrase.isEmpty && normalizedKey(phrase).isEmpty {
                    log.report(
                        .error, file, row, cell: file.column("phrase") ?? 0,
                        (
                            "cụm từ \"\(phrase)\" sau khi chuẩn hoá không còn gì",
                            "phrase \"\(phrase)\" normalises to nothing"
                        ),
                        fix: (
                            "ghi cụm từ bằng chữ hoặc để trống cho quy tắc mặc định",
                            "write the phrase in words, or leave it empty for the default rule"
                        ))
                    continue
                }
                guard let validity = period(file, row) else { continue }
                guard let (scope, priority) = ruleScopeAndPriority(file, row, log: log) else { continue }
                let key = normalizedKey(phrase)
                if let clash = rules.first(where: {
                    $0.theme == theme && $0.scope == scope && normalizedKey($0.phrase) == key
                        && $0.period.overlaps(validity)
                }) {
                    log.report(
                        .error, file, row, cell: file.column("valid_from") ?? 0,
                        (
                            "quy tắc trùng với dòng \(clash.source.line) trong cùng thời gian",
                            "rule overlaps line \(clash.source.line) in time"
                        ),
                        fix: (
                            "đặt valid_from/valid_until để hai dòng không chồng ngày",
                            "set valid_from/valid_until so the two rows do not share days"
                        ))
                    continue
                }
                rules.append(
                    RoutingRule(
                        theme: theme, phrase: phrase, scope: scope, priority: priority, agency: agency,
                        period: validity, reasonVi: file.cell(row, "reason_vi"),
                        reasonEn: file.cell(row, "reason_en"),
                        source: LexiconSource(file: "routing/rules.tsv", line: row.line)))
            }
            reportShadowedRules(rules, file: file, normalizedKey: normalizedKey, log: log)
            for theme in themeIds.sorted()
            where theme != "other"
                && !rules.contains(where: { $0.theme == theme && $0.phrase.isEmpty && $0.scope == nil })
            {
                log.report(
                    .warning, file, nil,
                    ("chủ đề \"\(theme)\" không có quy tắc mặc định", "theme \"\(theme)\" has no default rule"),
                    fix: ("thêm một dòng với cột phrase để trống", "add a row with an empty phrase"))
            }
        }
        let scopeCues =
            read("routing/scope.tsv", false).map { loadScopeCues($0, normalizedKey: normalizedKey, log: log) } ?? []
        return RoutingTable(agencies: agencies, rules: rules, scopeCues: scopeCues)
    }

    private func loadGazetteer(read: (String, Bool) -> TabularFile?) -> Gazetteer {
        func list(_ text: String) -> [String] {
            text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var gazetteer = Gazetteer()
        if let file = read("gazetteer/districts.tsv", false) {
            gazetteer.districts = file.rows.map {
                .init(
                    name: file.cell($0, "name"), type: file.cell($0, "type"), variants: list(file.cell($0, "variants")),
                    successors: list(file.cell($0, "successors_2025")))
            }
        }
        if let file = read("gazetteer/communes-2025.tsv", false) {
            gazetteer.communes = file.rows.map {
                .init(
                    name: file.cell($0, "name"), type: file.cell($0, "type"),
                    predecessorDistricts: list(file.cell($0, "predecessor_districts")))
            }
        }
        if let file = read("gazetteer/industrial-zones.tsv", false) {
            gazetteer.zones = file.rows.map {
                let commune = file.cell($0, "commune_2025")
                return .init(
                    name: file.cell($0, "name"), variants: list(file.cell($0, "variants")),
                    districts: list(file.cell($0, "district")), commune: commune.isEmpty ? nil : commune)
            }
        }
        return gazetteer
    }
}
