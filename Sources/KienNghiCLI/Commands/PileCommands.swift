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

    func render() throws -> String {
        let l = pile.language
        try requireOneOf(Self.formats, format, option: "--format", l)
        let processor = try pile.processor()
        let separate = compare || pile.inputs.count > 1
        var piles: [PileStatistics] = []
        for group in separate ? pile.inputs.map({ [$0] }) : [pile.inputs] {
            var statistics = PileStatistics(
                label: group.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
            var options = pile
            options.inputs = group
            let presenter = options.presenter(processor)
            let summary = try PileRun.run(options, processor) { statistics.add($0, presenter: presenter) }
            if summary.read == 0, let first = summary.failedFiles.first { throw ExitCode(first.failure.exitStatus) }
            piles.append(statistics)
        }
        let labels = Dictionary(
            uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
        let printer = StatisticsPrinter(language: l, themeLabels: labels)
        switch format {
        case "csv": return printer.csv(piles)
        case "json":
            return JSONText.encode(piles.count == 1 ? AnyEncodable(piles[0]) : AnyEncodable(piles), pretty: true) + "\n"
        default: return printer.table(piles)
        }
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
        return try OutputErrors.mapped(l, format: "html") {
            let processor = try pile.processor()
            // Checked and created before the work, so a bad path fails at once.
            let file = try AtomicOutputFile(path: destination, inputs: pile.inputs)
            if output == nil { DefaultOutput.announce(destination, nextToInput: false, l) }
            var statistics = PileStatistics(
                label: pile.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
            let presenter = pile.presenter(processor)
            let summary = try PileRun.run(pile, processor) { statistics.add($0, presenter: presenter) }
            guard summary.read > 0 else { return summary }
            let labels = Dictionary(
                uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
            try file.write(HTMLReport(language: l, title: title, themeLabels: labels).render(statistics))
            try file.commit()
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
        let folder = displayPath(output ?? Self.defaultOutput)
        try Self.prepareFolder(folder, l)
        if output == nil { DefaultOutput.announce(folder + "/", nextToInput: false, l) }
        return try OutputErrors.mapped(l) {
            let processor = try pile.processor()
            let columns = processor.columns(of: pile.inputs)
            let withFile = pile.inputs.count > 1
            let presenter = pile.presenter(processor)
            // Checked before the work: a link, device or FIFO in the index's place fails at once.
            let index = try AtomicOutputFile(
                path: folder + "/" + Self.indexName(l), inputs: pile.inputs)
            var writers: [RouteRecipient: any PetitionWriter] = [:]
            var counts: [RouteRecipient: (name: String, count: Int, file: String)] = [:]
            let summary = try PileRun.run(pile, processor) { petitions in
                for petition in petitions {
                    let routed = petition.classification.needsReview ? nil : petition.classification.agency
                    let id = routed.map { RouteRecipient.agency($0.id) } ?? .reviewQueue
                    let name =
                        routed.map { presenter.agencyName($0, asOf: petition.classification.asOf) }
                        ?? l.pick("Hàng chờ xem xét", "Review queue")
                    let fileName = "\(id.fileStem(l)).\(format)"
                    let path = folder + "/" + fileName
                    if writers[id] == nil {
                        if format == "xlsx" {
                            writers[id] = try XLSXPetitionWriter(
                                path: path, inputs: pile.inputs, inputColumns: columns, withFileColumn: withFile,
                                presenter: presenter)
                        } else {
                            writers[id] = try CSVPetitionWriter(
                                output: AtomicOutputFile(path: path, inputs: pile.inputs), inputColumns: columns,
                                withFileColumn: withFile, presenter: presenter)
                        }
                    }
                    try writers[id]!.write([petition])
                    counts[id, default: (name, 0, fileName)].count += 1
                }
            }
            guard summary.read > 0 else { return summary }
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
                in: folder, written: Set(counts.values.map(\.file)),
                routing: processor.batch.classifier.lexicon.routing, l)
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
        var recipients: [String: (id: String, name: String)] = [:]
        for agency in routing.agencies {
            recipients[agency.id] = (agency.id, agency.name(l))  // a later record of the id gives the name
        }
        for language in [Language.vi, .en] {
            recipients[RouteRecipient.reviewQueue.fileStem(language)] = (
                RouteRecipient.reviewQueue.indexID, l.pick("Hàng chờ xem xét", "Review queue")
            )
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.sorted().compactMap { file in
            guard !written.contains(file), let dot = file.lastIndex(of: "."),
                ["csv", "xlsx"].contains(file[file.index(after: dot)...]),
                let recipient = recipients[String(file[..<dot])],
                AtomicOutputFile.FileKind.of(folder + "/" + file) == .regular
            else { return nil }
            return (recipient.id, recipient.name, file)
        }
    }

    /// The output folder: used when it is a real folder, created when missing,
    /// refused when it is a link, a file, a device or a FIFO.
    static func prepareFolder(_ folder: String, _ l: Language) throws {
        switch AtomicOutputFile.FileKind.of(folder) {
        case .directory?:
            return
        case nil:
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError(
                    l.pick(
                        "Không tạo được thư mục \(folder): kiểm tra quyền ghi hoặc chọn chỗ khác.",
                        "Cannot create folder \(folder): check write permission or choose another place."),
                    code: .cannotCreate)
            }
        case let kind?:
            let what = kind.words(l)
            throw CLIError(
                l.pick(
                    "Không ghi vào \(folder): đường dẫn này \(what), không phải thư mục. KienNghi không đi theo hay thay thế nó; hãy chọn một thư mục khác.",
                    "Not writing into \(folder): it \(what), not a folder. KienNghi never follows or replaces it; choose another folder."
                ), code: .cannotCreate)
        }
    }
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
        case .agency(let id): id
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
