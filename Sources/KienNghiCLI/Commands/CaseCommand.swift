import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice
import KienNghiStore

/// `kiennghi case …`: the register that remembers petitions after the file is written.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract:
            "Sổ theo dõi kiến nghị: gộp trùng, giao việc có hạn, ghi trả lời, xem tỉ lệ trả lời và vấn đề lặp lại.",
        discussion: """
            Sổ lưu trong tệp SQLite (mặc định ./kiennghi.sqlite) hoặc PostgreSQL (--store postgres://…, hoặc biến KIENNGHI_STORE).
            Số điện thoại, số CCCD/CMND, số BHXH, e-mail và địa chỉ nhà được che trong mọi kết quả, trừ khi có --unmask.
            """,
        subcommands: [
            CaseImportCommand.self, CaseGroupsCommand.self, CaseMergeCommand.self, CaseSplitCommand.self,
            CaseAssignCommand.self,
            CaseAnswerCommand.self, CaseStatusCommand.self, CaseRecurringCommand.self, CaseExportCommand.self,
            CaseReportCommand.self, CaseHistoryCommand.self,
        ])
}

/// Options every `case` subcommand shares.
struct StoreOptions: ParsableArguments {
    @Option(
        help:
            "Sổ: đường dẫn tệp SQLite hoặc postgres://user:pass@host:port/db (mặc định: $KIENNGHI_STORE, rồi ./kiennghi.sqlite)."
    )
    var store: String?

    @Option(help: "Ngày tính quá hạn YYYY-MM-DD (mặc định: hôm nay).")
    var today: String?

    @OptionGroup var language: LanguageOptions

    var lang: Language { language.lang }

    func day() throws -> CaseDate {
        guard let today else { return CaseDate.today() }
        return try CaseOptionParsing.date(today, option: "--today", lang)
    }

    func open(analyzer: Analyzer? = nil) throws -> CaseRegister {
        try CaseOptionParsing.open(store, analyzer: analyzer, lang)
    }

    /// The SQLite register's files (database, write-ahead log, shared memory,
    /// rollback journal): inputs an output must never replace. None for PostgreSQL.
    var storeFiles: [String] { Self.files(of: store) }

    /// The files of the SQLite register `store` names (none for PostgreSQL).
    static func files(of store: String?) -> [String] {
        let location = StoreLocation.resolve(store)
        guard !StoreLocation.isPostgres(location) else { return [] }
        return [location, location + "-wal", location + "-shm", location + "-journal"]
    }

    func run(_ body: () throws -> Void) throws { try CaseOptionParsing.run(lang, body) }

    /// Runs `body` on the opened register and closes it after; store failures are worded for the user.
    func withRegister(analyzer: Analyzer? = nil, _ body: (CaseRegister) throws -> Void) throws {
        try run {
            let register = try open(analyzer: analyzer)
            defer { register.store.close() }
            try body(register)
        }
    }
}

enum CaseOptionParsing {
    /// Opens the register named by `--store`, `KIENNGHI_STORE` or the default file.
    /// Only `case import` (`creating`) makes a new SQLite register: any other
    /// command on a path with no register (a typo, the wrong folder, an empty
    /// file) would create an empty register there and report on it as if it
    /// were the real one.
    static func open(_ store: String?, analyzer: Analyzer?, _ l: Language, creating: Bool = false) throws
        -> CaseRegister
    {
        let location = StoreLocation.resolve(store)
        do {
            let store = try StoreLocation.open(location, creating: creating)
            return CaseRegister(store: store, analyzer: try analyzer ?? LexiconLocation.analyzer(nil, language: l))
        } catch let failure as StoreFailure {
            throw CLIError(failure.message(l), code: failure.exitStatus)
        }
    }

    /// Refuses, before a pile is read, a SQLite path that can never be a
    /// register (another application's database, a linked side file),
    /// reading only. PostgreSQL is checked when it is opened.
    static func check(_ store: String?, _ l: Language) throws {
        let location = StoreLocation.resolve(store)
        guard !StoreLocation.isPostgres(location) else { return }
        do {
            _ = try SQLiteCaseStore.inspect(location)
        } catch let failure as StoreFailure {
            throw CLIError(failure.message(l), code: failure.exitStatus)
        }
    }

    /// Runs a register operation, wording its failures with distinct exit codes.
    static func run(_ l: Language, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as StoreFailure {
            Terminal.warn(failure.message(l))
            throw ExitCode(ExitStatus.ioError.rawValue)
        } catch let failure as CaseRegisterFailure {
            Terminal.warn(failure.message(l))
            throw ExitCode(failure.exitStatus.rawValue)
        } catch let failure as InputFailure {
            Terminal.warn(failure.message(l))
            throw ExitCode(failure.exitStatus)
        } catch let error as CLIError {
            Terminal.warn(error.message)
            throw ExitCode(error.code.rawValue)
        }
    }

    /// A JSON value or null.
    static func orNull(_ value: String?) -> Any {
        if let value { return value }
        return NSNull()
    }

    static func date(_ text: String, option: String, _ l: Language) throws -> CaseDate {
        guard let day = CaseDate(text) else {
            throw CLIError(
                l.pick(
                    "\(option): ngày \"\(text)\" không hợp lệ; dùng YYYY-MM-DD, ví dụ 2019-04-30.",
                    "\(option): invalid date \"\(text)\"; use YYYY-MM-DD, e.g. 2019-04-30."), code: .usage)
        }
        return day
    }

    static var user: String { ProcessInfo.processInfo.environment["USER"] ?? "staff" }

    static func masked(_ text: String, unmask: Bool) -> String { unmask ? text : PersonalDataMasker().mask(text) }

    static func jsonLine(_ object: [String: Any]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func clip(_ text: String, _ length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}

// MARK: import

struct CaseImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Phân loại và lưu một tập kiến nghị vào sổ, gộp các kiến nghị gần trùng. Nhập lại cùng tệp không thay đổi gì."
    )

    @OptionGroup var pile: PileOptions

    @Option(help: "Tên cuộc đối thoại/đợt tiếp nhận, ví dụ \"Đối thoại 2019\".")
    var dialogue: String

    @Option(help: "Ngày diễn ra YYYY-MM-DD (dùng làm ngày nhận khi tệp không có cột ngày).")
    var date: String?

    @Option(help: "Sổ: tệp SQLite hoặc postgres://… (mặc định: $KIENNGHI_STORE, rồi ./kiennghi.sqlite).")
    var store: String?

    func run() throws {
        let l = pile.language
        try CaseOptionParsing.run(l) {
            let heldOn = try date.map { try CaseOptionParsing.date($0, option: "--date", l) }
            let processor = try pile.processor()
            Terminal.cleanUpOnInterrupt()
            // Checked before the register is touched: a refused --rejected path imports nothing.
            let list = try RejectedRowsFile(pile, protecting: StoreOptions.files(of: store))
            try CaseOptionParsing.check(store, l)
            // Opened (and, the first time, created) only when a pile has a batch to store:
            // an import whose every file is refused leaves no register behind.
            let importer = CaseImporter(
                opening: {
                    try CaseOptionParsing.open(store, analyzer: processor.batch.classifier.analyzer, l, creating: true)
                }, processor: processor, presenter: pile.presenter(processor))
            defer { importer.openedRegister?.store.close() }
            let results = try importer.run(
                pile.inputs, dialogue: dialogue, heldOn: heldOn, rejectedRow: { list?.add($0) })
            var summary = PileProcessor.Summary()
            for result in results {
                summary.add(result.summary)
                let c = result.counts
                // A file that could not be read and stored nothing has only its error to say.
                if !result.summary.failedFiles.isEmpty && c.added == 0 && c.alreadyThere == 0 { continue }
                Terminal.write(
                    l.pick(
                        "\(result.file): thêm \(c.added) kiến nghị (\(c.newGroups) nhóm mới, \(c.joinedGroups) vào nhóm có sẵn), \(c.alreadyThere) đã có trong sổ.\n",
                        "\(result.file): added \(c.added) petitions (\(c.newGroups) new groups, \(c.joinedGroups) joined existing ones), \(c.alreadyThere) already in the register.\n"
                    ))
            }
            try list?.finish(summary)
            PileRun.report(summary, pile)
            if let code = PileRun.exitCode(summary) { throw ExitCode(code) }
        }
    }
}

// MARK: groups

struct CaseGroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Liệt kê các nhóm kiến nghị: số kiến nghị, số đơn vị gửi, chủ đề, cơ quan, trạng thái.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Chỉ một cuộc đối thoại.") var dialogue: String?
    @Option(help: "Chỉ một nhóm (in cả từng kiến nghị); mã từ 1 trở lên.") var group: Int64?
    @Flag(help: "JSON Lines: mỗi dòng một nhóm.") var json = false
    @Flag(help: "Hiện nguyên số điện thoại, số giấy tờ, e-mail, địa chỉ (mặc định: che).") var unmask = false

    func validate() throws {
        try reportingErrors { try OptionRange.check(group, OptionRange.registerID, option: "--group", options.lang) }
    }

    func run() throws {
        try options.withRegister { register in
            var groups = try register.groups(dialogue: dialogue, today: try options.day())
            if let group { groups = groups.filter { $0.id == group } }
            Terminal.write(CaseGroupsCommand.render(groups, json: json, unmask: unmask, options.lang))
        }
    }

    static func render(_ groups: [CaseGroup], json: Bool, unmask: Bool, _ l: Language) -> String {
        if json {
            return groups.map { g in
                CaseOptionParsing.jsonLine([
                    "id": Int(g.id), "dialogue": g.dialogue, "count": g.count, "units": g.units,
                    "petitions": g.sourceIDs,
                    "petition_ids": g.petitionIDs.map { Int($0) }, "theme": g.theme,
                    "district": CaseOptionParsing.orNull(g.district),
                    "suggested_agency": CaseOptionParsing.orNull(g.suggestedAgency),
                    "assigned_agency": CaseOptionParsing.orNull(g.assignedAgency),
                    "due": CaseOptionParsing.orNull(g.dueOn), "status": g.status.rawValue, "urgent": g.urgent,
                    "representative": CaseOptionParsing.masked(g.representative, unmask: unmask),
                ]) + "\n"
            }.joined()
        }
        var out = ""
        for g in groups {
            let raised = l.pick(
                "\(g.count) kiến nghị từ \(g.units) đơn vị", "raised by \(g.count) petitions from \(g.units) units")
            let agency =
                g.assignedAgency.map { "→ \($0)" + (g.dueOn.map { l.pick(" hạn \($0)", " due \($0)") } ?? "") }
                ?? g.suggestedAgency.map { l.pick("gợi ý: \($0)", "suggested: \($0)") }
                ?? l.pick("chưa có cơ quan", "no agency")
            out += "#\(g.id) [\(g.status.rawValue)] \(g.theme) · \(raised) · \(agency)\n"
            out += "    \(CaseOptionParsing.clip(CaseOptionParsing.masked(g.representative, unmask: unmask), 110))\n"
            if g.count > 1 { out += "    \(l.pick("mã", "ids")): \(g.sourceIDs.joined(separator: ", "))\n" }
        }
        out += l.pick(
            "\(groups.count) nhóm, \(groups.reduce(0) { $0 + $1.count }) kiến nghị.\n",
            "\(groups.count) groups, \(groups.reduce(0) { $0 + $1.count }) petitions.\n")
        return out
    }
}

// MARK: merge / split

struct CaseMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Gộp các nhóm vào nhóm đầu tiên (ghi lại ai gộp, vì sao).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Nhóm đích, rồi các nhóm gộp vào nó.") var groups: [Int64]
    @Option(help: "Người quyết định (mặc định: $USER).") var by: String?
    @Option(help: "Lý do.") var why: String?

    func validate() throws {
        try reportingErrors { try OptionRange.check(groups, OptionRange.registerID, option: "<groups>", options.lang) }
    }

    func run() throws {
        try options.run {
            guard groups.count >= 2, Set(groups).count == groups.count else {
                throw CLIError(
                    options.lang.pick(
                        "Cần ít nhất hai nhóm khác nhau: nhóm đích rồi các nhóm gộp vào.",
                        "Give at least two different groups: the target, then those merged into it."), code: .usage)
            }
            let register = try options.open()
            defer { register.store.close() }
            try register.merge(
                Array(groups.dropFirst()), into: groups[0], actor: by ?? CaseOptionParsing.user, reason: why)
            Terminal.write(
                options.lang.pick(
                    "Đã gộp \(groups.dropFirst().map { "#\($0)" }.joined(separator: ", ")) vào #\(groups[0]).\n",
                    "Merged \(groups.dropFirst().map { "#\($0)" }.joined(separator: ", ")) into #\(groups[0]).\n"))
        }
    }
}

struct CaseSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split", abstract: "Tách kiến nghị (mã trong sổ, xem `case groups --group N`) ra thành nhóm mới.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Nhóm cần tách.") var group: Int64
    @Option(
        name: .customLong("petition"), parsing: .upToNextOption,
        help: "Mã kiến nghị trong sổ (petition_ids, từ 1 trở lên) cần tách ra.") var petitions: [Int64]
    @Option(help: "Người quyết định (mặc định: $USER).") var by: String?
    @Option(help: "Lý do.") var why: String?

    func validate() throws {
        try reportingErrors {
            try OptionRange.check(group, OptionRange.registerID, option: "<group>", options.lang)
            try OptionRange.check(petitions, OptionRange.registerID, option: "--petition", options.lang)
        }
    }

    func run() throws {
        try options.withRegister { register in
            let id = try register.split(group, petitions: petitions, actor: by ?? CaseOptionParsing.user, reason: why)
            Terminal.write(options.lang.pick("Đã tách thành nhóm #\(id).\n", "Split off as group #\(id).\n"))
        }
    }
}

// MARK: assign / answer

struct CaseAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Giao nhóm cho cơ quan (gợi ý, hoặc chỉ định khác kèm lý do) với hạn trả lời.",
        discussion:
            "Hạn = ngày nhận + 15 ngày, hoặc + 7 ngày nếu nhóm có kiến nghị khẩn (--days, --urgent-days để đổi).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Các nhóm cần giao.") var groups: [Int64] = []
    @Flag(help: "Giao mọi nhóm đang mở của --dialogue cho cơ quan được gợi ý.") var all = false
    @Option(help: "Cuộc đối thoại (với --all).") var dialogue: String?
    @Option(help: "Cơ quan chỉ định thay gợi ý (cần --why).") var agency: String?
    @Option(name: .customLong("agency-name"), help: "Tên đầy đủ của cơ quan chỉ định.") var agencyName: String?
    @Option(help: "Người giao (mặc định: $USER).") var by: String?
    @Option(help: "Lý do chỉ định khác gợi ý.") var why: String?
    @Option(help: "Ngày giao YYYY-MM-DD (mặc định: --today hoặc hôm nay).") var on: String?
    @Option(help: "Số ngày để trả lời, từ 1 đến 365.") var days = DueDateRule.standard.days
    @Option(name: .customLong("urgent-days"), help: "Số ngày để trả lời nhóm khẩn, từ 1 đến 365.") var urgentDays =
        DueDateRule.standard.urgentDays

    func validate() throws {
        try reportingErrors {
            try OptionRange.check(groups, OptionRange.registerID, option: "<groups>", options.lang)
            try OptionRange.check(days, OptionRange.dueDays, option: "--days", options.lang)
            try OptionRange.check(urgentDays, OptionRange.dueDays, option: "--urgent-days", options.lang)
        }
    }

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            let day = try on.map { try CaseOptionParsing.date($0, option: "--on", l) } ?? options.day()
            let rule = DueDateRule(days: days, urgentDays: urgentDays)
            let actor = by ?? CaseOptionParsing.user
            if all {
                guard let dialogue else {
                    throw CLIError(l.pick("--all cần --dialogue.", "--all needs --dialogue."), code: .usage)
                }
                let result = try register.assignAll(dialogue: dialogue, actor: actor, on: day, rule: rule)
                Terminal.write(l.pick("Đã giao \(result.assigned) nhóm.", "Assigned \(result.assigned) groups."))
                if !result.withoutSuggestion.isEmpty {
                    Terminal.write(
                        l.pick(
                            " Chưa có cơ quan gợi ý (giao bằng --agency): ",
                            " No suggested agency (assign with --agency): ")
                            + result.withoutSuggestion.map { "#\($0)" }.joined(separator: ", "))
                }
                Terminal.write("\n")
                return
            }
            guard !groups.isEmpty else {
                throw CLIError(
                    l.pick("Nêu nhóm cần giao, hoặc --all --dialogue ….", "Name the groups, or --all --dialogue …."),
                    code: .usage)
            }
            for id in groups {
                let g = try register.assign(
                    id, agency: agency, agencyName: agencyName, actor: actor, reason: why, on: day, rule: rule)
                Terminal.write(
                    l.pick(
                        "#\(g.id) → \(g.assignedAgency ?? "-"), hạn \(g.dueOn ?? "-")\n",
                        "#\(g.id) → \(g.assignedAgency ?? "-"), due \(g.dueOn ?? "-")\n"))
            }
        }
    }
}

struct CaseAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract:
            "Ghi trả lời của cơ quan cho một nhóm, hoặc nhập bảng trả lời (--from answers.csv: cột group, agency, date, text, partial)."
    )

    @OptionGroup var options: StoreOptions
    @Argument(help: "Nhóm được trả lời.") var group: Int64?
    @Option(help: "Cơ quan trả lời (mặc định: cơ quan được giao).") var agency: String?
    @Option(help: "Nội dung trả lời.") var text: String?
    @Option(help: "Ngày trả lời YYYY-MM-DD.") var date: String?
    @Flag(help: "Trả lời một phần (nhóm vẫn còn hạn).") var partial = false
    @Option(help: "Bảng trả lời CSV/XLSX.") var from: String?
    @Option(help: "Người ghi (mặc định: $USER).") var by: String?

    func validate() throws {
        try reportingErrors { try OptionRange.check(group, OptionRange.registerID, option: "<group>", options.lang) }
    }

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            let actor = by ?? CaseOptionParsing.user
            if let from {
                let rows = try AnswerSheet.load(from, l)
                do {
                    try register.answer(rows.map(\.answer), actor: actor)
                } catch CaseRegisterFailure.entry(let index, let failure) {
                    throw CLIError(
                        "\(from):\(rows[index].location): \(failure.message(l)) "
                            + l.pick(
                                "Chưa ghi trả lời nào của \(from); sửa dòng này rồi chạy lại.",
                                "No answer of \(from) was recorded; fix this row and run again."),
                        code: failure.exitStatus)
                }
                Terminal.write(l.pick("Đã ghi \(rows.count) trả lời.\n", "Recorded \(rows.count) answers.\n"))
                return
            }
            guard let group, let text else {
                throw CLIError(
                    l.pick("Cần nhóm và --text (hoặc --from tệp).", "Give a group and --text (or --from FILE)."),
                    code: .usage)
            }
            let day = try date.map { try CaseOptionParsing.date($0, option: "--date", l) } ?? options.day()
            try register.answer(group, agency: agency, text: text, on: day, partial: partial, actor: actor)
            Terminal.write(l.pick("Đã ghi trả lời cho #\(group).\n", "Recorded the answer to #\(group).\n"))
        }
    }
}

/// A spreadsheet of answers, read with the ordinary pile readers.
enum AnswerSheet {
    struct Row {
        var group: Int64
        var agency: String?
        var text: String
        var date: CaseDate
        var partial: Bool
        /// The row's line (or row) in the sheet, for messages.
        var location: Int

        var answer: CaseRegister.Answer {
            CaseRegister.Answer(group: group, agency: agency, text: text, day: date, partial: partial)
        }
    }

    static func load(_ path: String, _ l: Language) throws -> [Row] {
        let source = try PetitionSources.open(path, options: .init(textColumn: "text"))
        let columns = source.columns.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        func index(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        guard let groupColumn = index(["group", "nhóm", "nhom"]), let dateColumn = index(["date", "ngày", "ngay"])
        else {
            throw CLIError(
                l.pick(
                    "\(path): cần các cột group, date, text (agency, partial tuỳ chọn).",
                    "\(path): needs columns group, date, text (agency, partial optional)."), code: .dataError)
        }
        let agencyColumn = index(["agency", "cơ quan", "co quan"])
        let partialColumn = index(["partial", "một phần"])
        var rows: [Row] = []
        var problem: String?
        try source.read(
            batchSize: 256,
            { records in
                for record in records where problem == nil {
                    let cell = { (i: Int?) in
                        i.flatMap {
                            $0 < record.cells.count ? record.cells[$0].trimmingCharacters(in: .whitespaces) : nil
                        }
                    }
                    guard
                        let group = cell(groupColumn).flatMap({
                            Int64($0.trimmingCharacters(in: CharacterSet(charactersIn: "#")))
                        }),
                        let date = cell(dateColumn).flatMap({ CaseDate($0) })
                    else {
                        problem = l.pick(
                            "\(path):\(record.location): nhóm hoặc ngày không đọc được; sửa rồi chạy lại (chưa ghi trả lời nào).",
                            "\(path):\(record.location): unreadable group or date; fix it and run again (no answer was recorded)."
                        )
                        continue
                    }
                    let partial = ["1", "x", "có", "co", "yes", "true"].contains(
                        cell(partialColumn)?.lowercased() ?? "")
                    rows.append(
                        Row(
                            group: group, agency: cell(agencyColumn).flatMap { $0.isEmpty ? nil : $0 },
                            text: record.text, date: date, partial: partial, location: record.location))
                }
            }, rejected: { row in problem = problem ?? row.message(l) })
        if let problem { throw CLIError(problem, code: .dataError) }
        return rows
    }
}

// MARK: status, recurring, history

struct CaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Tình hình sổ: số nhóm theo trạng thái, tỉ lệ trả lời theo cơ quan, danh sách quá hạn; hoặc đặt trạng thái một nhóm (--group N --set closed)."
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Chỉ một cuộc đối thoại.") var dialogue: String?
    @Flag(help: "In một đối tượng JSON.") var json = false
    @Option(help: "Nhóm cần đặt trạng thái (mã từ 1 trở lên).") var group: Int64?
    @Option(help: "Trạng thái mới: open, assigned, partial, answered, closed.") var set: String?
    @Option(help: "Người đặt (mặc định: $USER).") var by: String?
    @Option(help: "Lý do.") var why: String?
    @Flag(help: "Hiện nguyên dữ liệu cá nhân.") var unmask = false

    func validate() throws {
        try reportingErrors { try OptionRange.check(group, OptionRange.registerID, option: "--group", options.lang) }
    }

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            if let set {
                guard let group, let status = CaseStatus(rawValue: set) else {
                    throw CLIError(
                        l.pick(
                            "Dùng --group N --set open|assigned|partial|answered|closed.",
                            "Use --group N --set open|assigned|partial|answered|closed."), code: .usage)
                }
                try register.setStatus(group, to: status, actor: by ?? CaseOptionParsing.user, reason: why)
                Terminal.write(l.pick("#\(group): \(status.rawValue).\n", "#\(group): \(status.rawValue).\n"))
                return
            }
            let status = try register.status(dialogue: dialogue, today: try options.day())
            Terminal.write(json ? CaseStatusCommand.json(status) : CaseStatusCommand.table(status, unmask: unmask, l))
        }
    }

    static func json(_ s: RegisterStatus) -> String {
        CaseOptionParsing.jsonLine([
            "petitions": s.petitions, "groups": s.groups,
            "by_status": Dictionary(uniqueKeysWithValues: s.byStatus.map { ($0.key.rawValue, $0.value) }),
            "agencies": s.agencies.map {
                ["id": $0.id, "name": $0.name, "assigned": $0.assigned, "answered": $0.answered, "overdue": $0.overdue]
                    as [String: Any]
            },
            "agencies_reporting": s.agenciesReporting, "agencies_assigned": s.agencies.count,
            "open_by_theme": s.openByTheme, "open_by_district": s.openByDistrict,
            "overdue": s.overdue.map { Int($0.id) },
        ]) + "\n"
    }

    static func table(_ s: RegisterStatus, unmask: Bool, _ l: Language) -> String {
        var out = l.pick(
            "\(s.petitions) kiến nghị trong \(s.groups) nhóm.\n", "\(s.petitions) petitions in \(s.groups) groups.\n")
        out +=
            CaseStatus.allCases.compactMap { st in s.byStatus[st].map { "\(st.rawValue): \($0)" } }.joined(
                separator: " · ") + "\n\n"
        out += l.pick(
            "\(s.agenciesReporting) trên \(s.agencies.count) cơ quan đã trả lời.\n",
            "\(s.agenciesReporting) of \(s.agencies.count) bodies reported back.\n")
        let header =
            l == .vi
            ? ["Cơ quan", "Được giao", "Đã trả lời", "Tỉ lệ", "Quá hạn"]
            : ["Agency", "Assigned", "Answered", "Rate", "Overdue"]
        let rows = s.agencies.map { a in
            [
                a.id, "\(a.assigned)", "\(a.answered)",
                a.assigned == 0 ? "-" : "\(Int((Double(a.answered) * 100 / Double(a.assigned)).rounded()))%",
                "\(a.overdue)",
            ]
        }
        out += TextTable.render(header: header, rows: rows)
        if !s.overdue.isEmpty {
            out += "\n" + l.pick("Quá hạn:\n", "Overdue:\n")
            for g in s.overdue {
                out +=
                    "  #\(g.id) \(g.assignedAgency ?? "-") \(l.pick("hạn", "due")) \(g.dueOn ?? "-"): \(CaseOptionParsing.clip(CaseOptionParsing.masked(g.representative, unmask: unmask), 80))\n"
            }
        }
        if !s.openByTheme.isEmpty {
            out += "\n" + l.pick("Chưa giải quyết theo chủ đề: ", "Open by theme: ") + ranked(s.openByTheme) + "\n"
            out += l.pick("Chưa giải quyết theo quận/huyện: ", "Open by district: ") + ranked(s.openByDistrict) + "\n"
        }
        return out
    }

    /// `name count, …`, most first, ties by name.
    static func ranked(_ counts: [String: Int]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ")
    }
}

struct CaseRecurringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recurring",
        abstract:
            "Các nhóm của một cuộc đối thoại (mặc định: gần nhất) đã được nêu ở các cuộc trước: bao nhiêu lần, từ khi nào, đã được trả lời chưa."
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "Cuộc đối thoại (mặc định: gần nhất).") var dialogue: String?
    @Flag(help: "JSON Lines.") var json = false
    @Flag(help: "Hiện nguyên dữ liệu cá nhân.") var unmask = false

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            let result = try register.recurring(dialogue: dialogue, today: try options.day())
            if json {
                Terminal.write(
                    result.items.map { r in
                        CaseOptionParsing.jsonLine([
                            "group": Int(r.group.id), "times": r.times, "since": r.since,
                            "earlier_dialogues": r.earlierDialogues,
                            "earlier_groups": r.earlierGroups.map { Int($0) }, "answered_before": r.answeredBefore,
                            "count": r.group.count,
                            "representative": CaseOptionParsing.masked(r.group.representative, unmask: unmask),
                        ]) + "\n"
                    }.joined())
                return
            }
            var out = l.pick(
                "\(result.dialogue): \(result.items.count) nhóm đã được nêu trước đây.\n",
                "\(result.dialogue): \(result.items.count) groups were raised before.\n")
            let header =
                l == .vi
                ? ["Nhóm", "Số lần", "Từ", "Đã trả lời trước", "Nội dung"]
                : ["Group", "Times", "Since", "Answered before", "Text"]
            let rows = result.items.map { r in
                [
                    "#\(r.group.id)", "\(r.times)", r.since,
                    r.answeredBefore ? l.pick("có", "yes") : l.pick("chưa", "no"),
                    CaseOptionParsing.clip(CaseOptionParsing.masked(r.group.representative, unmask: unmask), 60),
                ]
            }
            out += TextTable.render(header: header, rows: rows)
            Terminal.write(out)
        }
    }
}

struct CaseHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Lịch sử mọi thay đổi của một nhóm.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Nhóm.") var group: Int64

    func validate() throws {
        try reportingErrors { try OptionRange.check(group, OptionRange.registerID, option: "<group>", options.lang) }
    }

    func run() throws {
        try options.withRegister { register in
            for entry in try register.history(group: group) {
                Terminal.write(
                    "\(entry.at)  \(entry.event)\(entry.status.map { " [\($0)]" } ?? "")  \(entry.actor)\(entry.detail.map { "  \($0)" } ?? "")\n"
                )
            }
        }
    }
}

// MARK: export

struct CaseExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Xuất sổ ra CSV hoặc XLSX: nhóm (mặc định), tỉ lệ trả lời theo cơ quan, hoặc vấn đề lặp lại. Dữ liệu cá nhân được che trừ khi có --unmask."
    )

    @OptionGroup var options: StoreOptions
    @Option(name: .shortAndLong, help: "Tệp kết quả .csv hoặc .xlsx.") var output: String
    @Option(help: "Bảng: groups, agencies, recurring.") var table = "groups"
    @Option(help: "Chỉ một cuộc đối thoại.") var dialogue: String?
    @Flag(help: "Hiện nguyên dữ liệu cá nhân.") var unmask = false

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            let today = try options.day()
            let (header, rows) = try CaseExportCommand.table(
                table, register: register, dialogue: dialogue, today: today, unmask: unmask, l)
            try TableExport.write(header: header, rows: rows, to: output, inputs: options.storeFiles, l)
            Terminal.warn(l.pick("Đã ghi \(output) (\(rows.count) dòng).", "Wrote \(output) (\(rows.count) rows)."))
        }
    }

    static func table(
        _ name: String, register: CaseRegister, dialogue: String?, today: CaseDate, unmask: Bool, _ l: Language
    ) throws -> ([String], [[String]]) {
        let mask = { (text: String) in CaseOptionParsing.masked(text, unmask: unmask) }
        switch name {
        case "groups":
            let groups = try register.groups(dialogue: dialogue, today: today)
            return (
                [
                    "id", "dialogue", "count", "units", "petitions", "theme", "district", "urgent", "suggested_agency",
                    "assigned_agency", "received", "due", "status", "answered_on", "representative",
                ],
                groups.map { g in
                    [
                        "\(g.id)", g.dialogue, "\(g.count)", "\(g.units)", g.sourceIDs.joined(separator: " "), g.theme,
                        g.district ?? "", g.urgent ? "1" : "0",
                        g.suggestedAgency ?? "", g.assignedAgency ?? "", g.receivedOn ?? "", g.dueOn ?? "",
                        g.status.rawValue, g.answeredOn ?? "", mask(g.representative),
                    ]
                }
            )
        case "agencies":
            let status = try register.status(dialogue: dialogue, today: today)
            return (
                ["id", "name", "assigned", "answered", "overdue"],
                status.agencies.map { [$0.id, $0.name, "\($0.assigned)", "\($0.answered)", "\($0.overdue)"] }
            )
        case "recurring":
            let result = try register.recurring(dialogue: dialogue, today: today)
            return (
                ["group", "times", "since", "earlier_dialogues", "answered_before", "count", "representative"],
                result.items.map { r in
                    [
                        "\(r.group.id)", "\(r.times)", r.since, r.earlierDialogues.joined(separator: "; "),
                        r.answeredBefore ? "1" : "0", "\(r.group.count)", mask(r.group.representative),
                    ]
                }
            )
        default:
            throw CLIError(
                l.pick(
                    "--table \(name): dùng groups, agencies hoặc recurring.",
                    "--table \(name): use groups, agencies or recurring."), code: .usage)
        }
    }
}

struct CaseReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Báo cáo HTML của sổ: tỉ lệ trả lời theo cơ quan, vấn đề chưa giải quyết theo chủ đề và quận/huyện, quá hạn, lặp lại."
    )

    @OptionGroup var options: StoreOptions
    @Option(name: .shortAndLong, help: "Tệp HTML.") var output: String
    @Option(help: "Chỉ một cuộc đối thoại (và vấn đề lặp lại của nó).") var dialogue: String?
    @Flag(help: "Hiện nguyên dữ liệu cá nhân.") var unmask = false

    func run() throws {
        let l = options.lang
        try options.withRegister { register in
            let today = try options.day()
            let status = try register.status(dialogue: dialogue, today: today)
            let recurring = try? register.recurring(dialogue: dialogue, today: today)
            let labels =
                (try? LexiconLocation.classifier(nil, language: l)).map { c in
                    Dictionary(uniqueKeysWithValues: c.lexicon.themes.map { ($0.id, $0.label(l)) })
                } ?? [:]
            let html = CaseReportRenderer(language: l, themeLabels: labels, unmask: unmask).render(
                status: status, recurring: recurring, today: today)
            do {
                let file = try AtomicOutputFile(path: output, inputs: options.storeFiles)
                try file.write(html)
                try file.commit()
            } catch let failure as AtomicOutputFile.Failure {
                throw CLIError(failure, l)
            }
            Terminal.warn(l.pick("Đã ghi \(output).", "Wrote \(output)."))
        }
    }
}

// MARK: small renderers

/// Aligned plain-text tables for the terminal.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            .joined(separator: "  ") + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }
}

/// Writes a table as CSV or XLSX, atomically.
enum TableExport {
    /// `inputs`: files the output must not replace (the register's own). CSV
    /// is for Excel as `classify` writes it (UTF-8 with BOM, the formula guard,
    /// bidi controls shown); `.xlsx` is a workbook of inline strings. A write
    /// failing midway is 74, a path that cannot be created 73.
    static func write(header: [String], rows: [[String]], to path: String, inputs: [String], _ l: Language) throws {
        let kind = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ["csv", "", "xlsx"].contains(kind) else {
            throw CLIError(
                l.pick(
                    "Không ghi được định dạng \"\(kind)\": dùng .csv hoặc .xlsx.",
                    "Cannot write \"\(kind)\": use .csv or .xlsx."), code: .usage)
        }
        do {
            let file = try AtomicOutputFile(path: path, inputs: inputs)
            if kind == "xlsx" {
                try file.write(
                    bytes: try XLSXWorkbook.data(
                        sheetName: l.pick("Sổ kiến nghị", "Register"), header: header, rows: rows))
            } else {
                try file.write(bytes: [0xEF, 0xBB, 0xBF])
                for row in [header] + rows { try file.write(CSVRow.line(row)) }
            }
            try file.commit()
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure, l)
        }
    }
}

// MARK: messages

extension StoreFailure {
    /// No register at the path is missing input; anything else is a register that cannot be opened there.
    var exitStatus: ExitStatus {
        if case .noRegister = self { return .noInput }
        return .cannotCreate
    }

    func message(_ l: Language) -> String {
        switch self {
        case .noRegister(let location):
            return l.pick(
                "Không có sổ ở \(location). Kiểm tra --store (hoặc KIENNGHI_STORE), hoặc tạo sổ bằng `kiennghi case import`.",
                "There is no register at \(location). Check --store (or KIENNGHI_STORE), or create one with `kiennghi case import`."
            )
        case .nameTooLong(let store, let bytes, let limit):
            return l.pick(
                "Tên tệp sổ \(store) dài \(bytes) byte; tên sổ chỉ được tối đa \(limit) byte (SQLite cần thêm tệp phụ \"-journal\" bên cạnh). Chọn tên ngắn hơn cho --store; chưa có gì được tạo.",
                "The register name \(store) is \(bytes) bytes; a register's name may have at most \(limit) (SQLite adds a \"-journal\" file beside it). Choose a shorter --store name; nothing was created."
            )
        case .sideFile(let store, let file, let kind):
            return l.pick(
                "\(file) (tệp phụ SQLite của sổ \(store)) \(kind.words(l)), không phải tệp thường: SQLite sẽ đi theo hoặc xoá nó, nên sổ không được mở. Chuyển nó đi chỗ khác, hoặc chọn đường dẫn --store khác.",
                "\(file) (a SQLite side file of the register \(store)) \(kind.words(l)), not a regular file: SQLite would follow or delete it, so the register is not opened. Move it elsewhere, or choose another --store path."
            )
        case .notARegister(let store, .otherApplication):
            return l.pick(
                "\(store) là cơ sở dữ liệu SQLite của ứng dụng khác, không phải sổ KienNghi: chọn đường dẫn --store khác. Tệp không bị thay đổi.",
                "\(store) is a SQLite database of another application, not a KienNghi register: choose another --store path. The file was not changed."
            )
        case .notARegister(let store, .notSQLite):
            return l.pick(
                "\(store) không phải sổ KienNghi (không phải cơ sở dữ liệu SQLite): chọn đường dẫn --store khác. Tệp không bị thay đổi.",
                "\(store) is not a KienNghi register (not a SQLite database): choose another --store path. The file was not changed."
            )
        case .cannotOpen(let store, let why):
            return l.pick(
                "Không mở được sổ \(store): \(why). Kiểm tra đường dẫn hoặc máy chủ PostgreSQL (--store).",
                "Cannot open the register \(store): \(why). Check the path or the PostgreSQL server (--store).")
        case .statement(let store, let sql, let why):
            return l.pick(
                "Lỗi ghi/đọc sổ \(store): \(why) (câu lệnh: \(sql.prefix(80))). Không có thay đổi nào được ghi dở.",
                "Register error in \(store): \(why) (statement: \(sql.prefix(80))). Nothing was half-written.")
        case .newerSchema(let store, let found, let known):
            return l.pick(
                "Sổ \(store) có lược đồ phiên bản \(found), mới hơn bản công cụ này biết (\(known)): hãy cập nhật KienNghi.",
                "Register \(store) has schema version \(found), newer than this tool knows (\(known)): update KienNghi."
            )
        case .badURL(let url):
            return l.pick(
                "Địa chỉ sổ \"\(url)\" không hợp lệ: dùng postgres://người_dùng:mật_khẩu@máy:cổng/cơ_sở_dữ_liệu.",
                "Invalid register URL \"\(url)\": use postgres://user:password@host:port/database.")
        }
    }
}

extension CaseRegisterFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .unreadable: .noInput
        case .overrideNeedsReason, .badStatus, .splitWholeGroup, .mergeAcrossDialogues: .usage
        case .entry(_, let failure): failure.exitStatus
        default: .dataError
        }
    }

    func message(_ l: Language) -> String {
        switch self {
        case .unreadable(let path): l.pick("Không đọc được \(path).", "Cannot read \(path).")
        case .unknownDialogue(let name):
            l.pick("Không có cuộc đối thoại \"\(name)\" trong sổ.", "No dialogue \"\(name)\" in the register.")
        case .noDialogue:
            l.pick(
                "Sổ chưa có cuộc đối thoại nào: nhập trước bằng `kiennghi case import`.",
                "The register has no dialogue yet: import one with `kiennghi case import`.")
        case .unknownGroup(let id):
            l.pick("Không có nhóm #\(id) (hoặc nhóm đã được gộp).", "No group #\(id) (or it was merged).")
        case .unknownPetition(let id): l.pick("Không có kiến nghị #\(id).", "No petition #\(id).")
        case .petitionNotInGroup(let p, let g):
            l.pick(
                "Kiến nghị #\(p) không thuộc nhóm #\(g) (xem `case groups --group \(g) --json`).",
                "Petition #\(p) is not in group #\(g) (see `case groups --group \(g) --json`).")
        case .splitWholeGroup(let g):
            l.pick("Không thể tách mọi kiến nghị khỏi nhóm #\(g).", "Cannot split every petition out of group #\(g).")
        case .mergeAcrossDialogues(let a, let b):
            l.pick(
                "Nhóm #\(a) và #\(b) thuộc hai cuộc đối thoại khác nhau; xem `case recurring`.",
                "Groups #\(a) and #\(b) belong to different dialogues; see `case recurring`.")
        case .noSuggestedAgency(let g):
            l.pick(
                "Nhóm #\(g) chưa có cơ quan gợi ý: giao bằng --agency … --why ….",
                "Group #\(g) has no suggested agency: assign with --agency … --why ….")
        case .overrideNeedsReason:
            l.pick(
                "Giao cho cơ quan khác gợi ý cần ghi lý do: thêm --why \"…\".",
                "Assigning to another agency than suggested needs a reason: add --why \"…\".")
        case .notAssigned(let g):
            l.pick("Nhóm #\(g) chưa được giao: nêu --agency.", "Group #\(g) is not assigned: give --agency.")
        case .badStatus(let s):
            l.pick("Trạng thái \"\(s)\" không đặt tay được.", "Status \"\(s)\" cannot be set by hand.")
        case .importedElsewhere(let file, let dialogue):
            l.pick(
                "\(file) đã được nhập vào \"\(dialogue)\"; không nhập lại vào cuộc khác.",
                "\(file) was already imported into \"\(dialogue)\"; it is not imported again elsewhere.")
        case .dialogueDateMismatch(let d, let stored, let given):
            l.pick(
                "\"\(d)\" đã ghi ngày \(stored), khác --date \(given).",
                "\"\(d)\" is recorded on \(stored), not --date \(given).")
        case .entry(let index, let failure):
            l.pick("Mục \(index + 1): ", "Entry \(index + 1): ") + failure.message(l)
        }
    }
}
