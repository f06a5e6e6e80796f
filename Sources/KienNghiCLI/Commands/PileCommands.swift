import ArgumentParser
import Foundation
import KienNghiCore
import KienNghiOffice

/// `kiennghi stats`: counts and shares by theme, agency, place, urgency.
struct StatsCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Thống kê theo chủ đề, cơ quan, địa bàn, mức khẩn và bảng chủ đề × địa bàn. Nhiều tệp: so sánh tăng/giảm.")

    @OptionGroup var pile: PileOptions

    @Option(help: "Định dạng: table (mặc định), csv, json.")
    var format = "table"

    @Flag(help: "Mỗi tệp đầu vào là một tập riêng để so sánh (mặc định khi có từ 2 tệp).")
    var compare = false

    func render() throws -> String {
        let l = pile.language
        let processor = try pile.processor()
        let separate = compare || pile.inputs.count > 1
        var piles: [PileStatistics] = []
        for group in separate ? pile.inputs.map({ [$0] }) : [pile.inputs] {
            var statistics = PileStatistics(label: group.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
            var options = pile
            options.inputs = group
            let summary = try PileRun.run(options, processor) { statistics.add($0, language: l) }
            if summary.read == 0, let first = summary.failedFiles.first { throw ExitCode(first.failure.exitStatus) }
            piles.append(statistics)
        }
        let labels = Dictionary(uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
        let printer = StatisticsPrinter(language: l, themeLabels: labels)
        switch format {
        case "csv": return printer.csv(piles)
        case "json": return JSONText.encode(piles.count == 1 ? AnyEncodable(piles[0]) : AnyEncodable(piles), pretty: true) + "\n"
        default: return printer.table(piles)
        }
    }
}

/// `kiennghi report`: one offline HTML file a person would rather look at than read.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tạo báo cáo HTML tự chứa (không cần mạng): số liệu chính, biểu đồ, kiến nghị khẩn, ví dụ có tô sáng bằng chứng, hàng chờ xem xét.")

    @OptionGroup var pile: PileOptions

    @Option(name: .shortAndLong, help: "Tệp HTML kết quả.")
    var output = "bao-cao-kien-nghi.html"

    @Option(help: "Tiêu đề báo cáo.")
    var title: String?

    func run() throws {
        try PileRun.runCommand(execute)
    }

    /// Reads, classifies and writes the report (nothing when no petition was read).
    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        let processor = try pile.processor()
        var statistics = PileStatistics(label: pile.inputs.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
        let summary = try PileRun.run(pile, processor) { statistics.add($0, language: l) }
        guard summary.read > 0 else { return summary }
        let labels = Dictionary(uniqueKeysWithValues: processor.batch.classifier.lexicon.themes.map { ($0.id, $0.label(l)) })
        let html = HTMLReport(language: l, title: title, themeLabels: labels).render(statistics)
        do {
            let file = try AtomicOutputFile(path: output, inputs: pile.inputs)
            try file.write(html)
            try file.commit()
        } catch let failure as AtomicOutputFile.Failure {
            throw CLIError(failure.message(l), code: .cannotCreate)
        }
        Terminal.warn(l.pick("Đã ghi báo cáo \(output).", "Wrote report \(output)."))
        return summary
    }
}

/// `kiennghi route`: one file per agency, ready to send, plus an index.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Chia kiến nghị theo cơ quan: mỗi cơ quan một tệp (CSV hoặc XLSX), kèm tệp mục lục danh sách cơ quan và số lượng.")

    @OptionGroup var pile: PileOptions

    @Option(name: .shortAndLong, help: "Thư mục kết quả.")
    var output = "theo-co-quan"

    @Option(help: "Định dạng từng tệp: csv (mặc định) hoặc xlsx.")
    var format = "csv"

    func run() throws {
        try PileRun.runCommand(execute)
    }

    func execute() throws -> PileProcessor.Summary {
        let l = pile.language
        guard format == "csv" || format == "xlsx" else {
            throw CLIError(l.pick("Định dạng \"\(format)\" không hỗ trợ: dùng csv hoặc xlsx.", "Unsupported format \"\(format)\": use csv or xlsx."), code: .usage)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw CLIError(l.pick("Không tạo được thư mục \(output).", "Cannot create folder \(output)."), code: .cannotCreate)
        }
        let processor = try pile.processor()
        let columns = processor.columns(of: pile.inputs)
        let withFile = pile.inputs.count > 1
        var writers: [String: any PetitionWriter] = [:]
        var counts: [String: (name: String, count: Int, file: String)] = [:]
        let summary = try PileRun.run(pile, processor) { petitions in
            for petition in petitions {
                let routed = petition.classification.needsReview ? nil : petition.classification.agency
                let id = routed?.id ?? "review"
                let name = routed?.agencyName ?? l.pick("Hàng chờ xem xét", "Review queue")
                let fileName = "\(id == "review" ? l.pick("cho-xem-xet", "review-queue") : id).\(format)"
                let path = URL(fileURLWithPath: output).appendingPathComponent(fileName).path
                if writers[id] == nil {
                    writers[id] = format == "xlsx"
                        ? XLSXPetitionWriter(path: path, inputs: pile.inputs, inputColumns: columns, withFileColumn: withFile, language: l)
                        : try CSVPetitionWriter(output: AtomicOutputFile(path: path, inputs: pile.inputs), inputColumns: columns, withFileColumn: withFile, language: l)
                }
                try writers[id]!.write([petition])
                counts[id, default: (name, 0, fileName)].count += 1
            }
        }
        for writer in writers.values { try writer.finish() }
        let index = try AtomicOutputFile(path: URL(fileURLWithPath: output).appendingPathComponent(l.pick("muc-luc.csv", "index.csv")).path, inputs: pile.inputs)
        try index.write(bytes: [0xEF, 0xBB, 0xBF])
        try index.write(CSVRow.line([l.pick("mã cơ quan", "agency id"), l.pick("cơ quan", "agency"), l.pick("số kiến nghị", "petitions"), l.pick("tệp", "file")]))
        for (id, entry) in counts.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            try index.write(CSVRow.line([id, entry.name, String(entry.count), entry.file]))
        }
        try index.commit()
        Terminal.warn(l.pick("Đã chia \(summary.read) kiến nghị cho \(counts.count) nơi nhận trong \(output)/.", "Split \(summary.read) petitions among \(counts.count) recipients in \(output)/."))
        return summary
    }
}

/// Type erasure for encoding one pile or several.
struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
