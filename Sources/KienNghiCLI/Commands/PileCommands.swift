import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kiennghi stats`: counts and shares by theme, agency, place, urgency.
struct StatsCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Thống kê theo chủ đề, cơ quan, địa bàn, mức khẩn và bảng chủ đề × địa bàn. Nhiều tệp: so sánh tăng/giảm.")

    @OptionGroup var pile: PileOptions

    @Option(help: "Định dạng: table (mặc định), csv, json.")
    var format = "table"

    @Flag(help: "Mỗi tệp đầu vào là một tập riêng để so sánh (mặc định khi có từ 2 tệp).")
    var compare = false

    static let formats = ["table", "csv", "json"]

    /// Prints the statistics; exits as `classify` does (3 when rows that may
    /// have been petitions were rejected, in any pile).
    func run() throws {
        try PileRun.runCommand {
            let (text, summary) = try statistics()
            Terminal.write(text)
            return summary
        }
    }

    func render() throws -> String { try statistics().text }

    /// The statistics and the accounting of all piles together: every pile's
    /// rejected rows go to the one `--rejected` list.
    func statistics() throws -> (text: String, summary: PileProcessor.Summary) {
        let l = pile.language
        try requireOneOf(Self.formats, format, option: "--format", l)
        let processor = try pile.processor()
        let list = try RejectedRowsFile(pile)
        let separate = compare || pile.inputs.count > 1
        var piles: [PileStatistics] = []
        var total = PileProcessor.Summary()
        for group in separate ? pile.inputs.map({ [$0] }) : [pile.inputs] {
            var statistics = PileStatistics(
                label: group.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
            var options = pile
            options.inputs = group
            let presenter = options.presenter(processor)
            let summary = try PileRun.read(options, processor, rejected: list) {
                statistics.add($0, presenter: presenter)
            }
            PileRun.report(summary, options)
            statistics.account(summary)
            total.add(summary)
            piles.append(statistics)
        }
        // An unreadable input among several is counted in its pile; only a run that read nothing fails here.
        if total.read == 0, let first = total.failedFiles.first { throw ExitCode(first.failure.exitStatus) }
        try list?.finish(total)
        let labels = Dictionary(
            uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
        let printer = StatisticsPrinter(language: l, themeLabels: labels)
        let text: String
        switch format {
        case "csv": text = printer.csv(piles)
        case "json":
            text = JSONText.encode(piles.count == 1 ? AnyEncodable(piles[0]) : AnyEncodable(piles), pretty: true) + "\n"
        default: text = printer.table(piles)
        }
        return (text, total)
    }
}

/// A usage error (64) unless `value` is one of `allowed`, naming them all.
func requireOneOf(_ allowed: [String], _ value: String, option: String, _ l: Language) throws {
    guard !allowed.contains(value) else { return }
    let list = allowed.joined(separator: ", ")
    throw CLIError(
        l.pick(
            "Giá trị \"\(value)\" của \(option) không hợp lệ: dùng một trong \(list).",
            "Invalid value \"\(value)\" for \(option): use one of \(list)."), code: .usage)
}

/// `kiennghi report`: one offline HTML file a person would rather look at than read.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Tạo báo cáo HTML tự chứa (không cần mạng): số liệu chính, biểu đồ, kiến nghị khẩn, ví dụ có tô sáng bằng chứng, hàng chờ xem xét."
    )

    @OptionGroup var pile: PileOptions

    static let defaultOutput = "bao-cao-kien-nghi.html"

    @Option(
        name: .shortAndLong, help: "Tệp HTML kết quả (mặc định: \(ReportCommand.defaultOutput) trong thư mục hiện tại)."
    )
    var output: String?

    @Option(help: "Tiêu đề báo cáo.")
    var title: String?

    func run() throws {
        try PileRun.runCommand(execute)
    }

    /// Reads, classifies and writes the report (nothing when no petition was read).
    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        let destination = output ?? Self.defaultOutput
        let group = OutputGroup()  // the report and the --rejected list appear together
        defer { group.discard() }
        return try OutputErrors.mapped(l, format: "html") {
            let processor = try pile.processor()
            // Checked and created before the work, so a bad path fails at once.
            let file = try AtomicOutputFile(path: destination, inputs: pile.inputs, group: group)
            if output == nil { DefaultOutput.announce(destination, nextToInput: false, l) }
            var statistics = PileStatistics(
                label: pile.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
            let presenter = pile.presenter(processor)
            let summary = try PileRun.run(pile, processor, group: group) { statistics.add($0, presenter: presenter) }
            statistics.account(summary)
            guard summary.read > 0 else {
                try group.commit()
                return summary
            }
            let labels = Dictionary(
                uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
            try file.write(HTMLReport(language: l, title: title, themeLabels: labels).render(statistics))
            try file.commit()
            try group.commit()
            Terminal.warn(l.pick("Đã ghi báo cáo \(destination).", "Wrote report \(destination)."))
            return summary
        }
    }
}

/// `kiennghi route`: one file per agency, ready to send, plus an index.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract:
            "Chia kiến nghị theo cơ quan: mỗi cơ quan một tệp (CSV hoặc XLSX), kèm tệp mục lục danh sách cơ quan và số lượng.",
        discussion: """
            Ghi vào bên trong thư mục -o (tạo nếu chưa có): chỉ tạo hoặc thay các tệp của chính lệnh này (MÃ-CƠ-QUAN.csv, muc-luc.csv); \
            không xoá gì khác, và từ chối nếu chỗ đó là liên kết tượng trưng, thiết bị hay FIFO. Tệp cơ quan của một lần chia trước \
            mà lần này không ghi được nêu tên trên stderr và ghi ở cuối muc-luc.csv là tệp cũ, không thuộc lần chia này.
            """)

    @OptionGroup var pile: PileOptions

    static let defaultOutput = "theo-co-quan"

    @Option(
        name: .shortAndLong, help: "Thư mục kết quả (mặc định: \(RouteCommand.defaultOutput) trong thư mục hiện tại).")
    var output: String?

    @Option(help: "Định dạng từng tệp: csv (mặc định) hoặc xlsx.")
    var format = "csv"

    func run() throws {
        try PileRun.runCommand(execute)
    }

    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        try requireOneOf(["csv", "xlsx"], format, option: "--format", l)
        let outputFolder = try OutputFolder(displayPath(output ?? Self.defaultOutput), l)
        if output == nil { DefaultOutput.announce(outputFolder.path + "/", nextToInput: false, l) }
        // Every file of the run (agency files, index, --rejected) appears together at the end, or none does.
        let group = OutputGroup()
        defer { group.discard() }
        return try outputFolder.using(
            discarding: group, { try split(into: $0, group: group) }, keepIf: { $0.read > 0 })
    }

    /// Reads and routes the pile, writing every file into `outputFolder` as one group.
    private func split(into outputFolder: OutputFolder, group: OutputGroup) throws -> PileProcessor.Summary {
        let l = pile.language
        let folder = outputFolder.path
        return try OutputErrors.mapped(l) {
            let processor = try pile.processor()
            let columns = processor.columns(of: pile.inputs)
            let withFile = pile.inputs.count > 1
            let presenter = pile.presenter(processor)
            // Checked before the work: a link, device or FIFO in the index's place fails at once.
            let index = try AtomicOutputFile(
                path: try outputFolder.file(Self.indexName(l)), inputs: pile.inputs, group: group)
            var writers: [RouteRecipient: any PetitionWriter] = [:]
            var counts: [RouteRecipient: (name: String, count: Int, file: String)] = [:]
            let routing = processor.batch.classifier.lexicon.routing
            var (planned, fileNames) = Self.fileNames(routing, format: format, l)
            let summary = try PileRun.run(pile, processor, group: group) { petitions in
                for petition in petitions {
                    let routed = petition.classification.needsReview ? nil : petition.classification.agency
                    let id = routed.map { RouteRecipient.agency($0.id) } ?? .reviewQueue
                    let name =
                        routed.map { presenter.agencyName($0, asOf: petition.classification.asOf) }
                        ?? l.pick("Hàng chờ xem xét", "Review queue")
                    if writers[id] == nil {
                        let fileName = planned[id] ?? fileNames.claim(id.fileStem(l), extension: format)
                        counts[id] = (name, 0, fileName)
                        let path = try outputFolder.file(fileName)
                        if format == "xlsx" {
                            writers[id] = try XLSXPetitionWriter(
                                path: path, inputs: pile.inputs, inputColumns: columns, withFileColumn: withFile,
                                presenter: presenter, group: group)
                        } else {
                            writers[id] = try CSVPetitionWriter(
                                output: AtomicOutputFile(path: path, inputs: pile.inputs, group: group),
                                inputColumns: columns, withFileColumn: withFile, presenter: presenter)
                        }
                    }
                    try writers[id]!.write([petition])
                    counts[id]?.count += 1
                }
            }
            guard summary.read > 0 else {
                try group.commit()  // the --rejected list alone
                return summary
            }
            for writer in writers.values { try writer.finish() }
            try index.write(bytes: [0xEF, 0xBB, 0xBF])
            try index.write(
                CSVRow.line([
                    l.pick("mã cơ quan", "agency id"), l.pick("cơ quan", "agency"), l.pick("số kiến nghị", "petitions"),
                    l.pick("tệp", "file"),
                ]))
            for (id, entry) in counts.sorted(by: { ($0.value.count, $1.key.indexID) > ($1.value.count, $0.key.indexID) }
            ) {
                try index.write(CSVRow.line([id.indexID, entry.name, String(entry.count), entry.file]))
            }
            let earlier = Self.earlierRunFiles(
                in: folder, written: Set(counts.values.map(\.file) + [Self.indexName(l)]), routing: routing, l)
            // Listed after this run's rows, with no count and the agency cell saying they are not part of it.
            for file in earlier {
                try index.write(
                    CSVRow.line([
                        file.id,
                        l.pick("TỆP CŨ, KHÔNG THUỘC LẦN CHIA NÀY", "OLD FILE, NOT PART OF THIS RUN") + ": " + file.name,
                        "", file.file,
                    ]))
            }
            try index.commit()
            try group.commit(last: index)
            Terminal.warn(
                l.pick(
                    "Đã chia \(summary.read) kiến nghị cho \(counts.count) nơi nhận trong \(folder)/.",
                    "Split \(summary.read) petitions among \(counts.count) recipients in \(folder)/."))
            if !earlier.isEmpty {
                let names = earlier.map(\.file).joined(separator: ", ")
                Terminal.warn(
                    l.pick(
                        "Chú ý: \(folder)/ còn \(earlier.count) tệp cơ quan của một lần chia trước mà lần này không ghi: \(names). Các tệp đó không thuộc lần chia này (ghi ở cuối \(Self.indexName(l)) là tệp cũ); KienNghi không xoá chúng: đừng gửi chúng đi, hãy tự xoá hoặc dùng một thư mục -o mới.",
                        "Note: \(folder)/ still holds \(earlier.count) agency files from an earlier run that this run did not write: \(names). They are not part of this run (listed at the end of \(Self.indexName(l)) as old files); KienNghi does not delete them: do not send them out; delete them yourself or use a new -o folder."
                    ))
            }
            return summary
        }
    }

    /// The index's file name.
    static func indexName(_ l: Language) -> String { l.pick("muc-luc.csv", "index.csv") }

    /// Regular files in `folder` named as `route` names an agency's or the review
    /// queue's file (`ID.csv` or `ID.xlsx` for an agency of `routing`, either
    /// language's review-queue name) that this run did not write: left by an
    /// earlier run. Nothing is removed; sorted by file name.
    static func earlierRunFiles(
        in folder: String, written: Set<String>, routing: RoutingTable, _ l: Language
    ) -> [(id: String, name: String, file: String)] {
        // A later record of an id gives its name.
        var names: [String: String] = [:]
        for agency in routing.agencies { names[agency.id] = agency.name(l) }
        // Keyed as the file system compares names, for every name a run in either format gives a recipient.
        var recipients: [String: (id: String, name: String)] = [:]
        for language in [Language.vi, .en] {
            for format in ["csv", "xlsx"] {
                for (recipient, file) in fileNames(routing, format: format, language).planned {
                    let name: String =
                        switch recipient {
                        case .agency(let id): names[id] ?? id
                        case .reviewQueue: l.pick("Hàng chờ xem xét", "Review queue")
                        }
                    recipients[DistinctFileNames.key(file)] = (recipient.indexID, name)
                }
            }
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.sorted().compactMap { file in
            guard !written.contains(file), let recipient = recipients[DistinctFileNames.key(file)],
                AtomicOutputFile.FileKind.of(folder + "/" + file) == .regular
            else { return nil }
            return (recipient.id, recipient.name, file)
        }
    }

    /// Every recipient's file name, fixed before any petition is read so that an
    /// agency's file is named the same in every run whatever the petitions' order:
    /// the index's names are reserved, the review queue named first, then agencies by id.
    /// `names` names any recipient the table does not list.
    static func fileNames(_ routing: RoutingTable, format: String, _ l: Language)
        -> (planned: [RouteRecipient: String], names: DistinctFileNames)
    {
        // Both languages' index names: a run in the other language into the same folder must not replace one.
        var names = DistinctFileNames(reserving: [indexName(.vi), indexName(.en)])
        var planned: [RouteRecipient: String] = [:]
        planned[.reviewQueue] = names.claim(RouteRecipient.reviewQueue.fileStem(l), extension: format)
        for id in Set(routing.agencies.map(\.id)).sorted() {
            planned[.agency(id)] = names.claim(RouteRecipient.agency(id).fileStem(l), extension: format)
        }
        return (planned, names)
    }
}

/// The file names of one `route` run, kept apart as a case-insensitive file system
/// (a USB drive in FAT or exFAT, macOS) compares them: agencies `HN` and `hn`, or an
/// agency whose id is the index's or the review queue's name, would otherwise share a
/// file and one would replace the other. A name already taken gets `-2`, `-3`…
struct DistinctFileNames {
    private var taken: Set<String> = []

    init(reserving names: [String]) {
        for name in names { taken.insert(Self.key(name)) }
    }

    /// `STEM.EXTENSION`, or `STEM-N.EXTENSION` with the first N that is still free.
    mutating func claim(_ stem: String, extension: String) -> String {
        var name = "\(stem).\(`extension`)"
        var number = 2
        while !taken.insert(Self.key(name)).inserted {
            name = "\(stem)-\(number).\(`extension`)"
            number += 1
        }
        return name
    }

    /// Names a case-insensitive, normalisation-insensitive file system takes as one.
    static func key(_ name: String) -> String { AtomicOutputFile.nameKey(name) }
}

/// Where `route` files a petition: an agency's file, or the review queue's
/// (a petition sent to review is never filed under its suggested agency).
enum RouteRecipient: Hashable {
    case agency(String)
    case reviewQueue

    /// The id written in the index's first column.
    var indexID: String {
        switch self {
        case .agency(let id): id
        case .reviewQueue: "review"
        }
    }

    /// The file name without extension.
    func fileStem(_ l: Language) -> String {
        switch self {
        case .agency(let id): SafeFileName.sanitized(id)  // the loader refuses unsafe ids; never a path here either
        case .reviewQueue: l.pick("cho-xem-xet", "review-queue")
        }
    }
}

/// Type erasure for encoding one pile or several.
struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
