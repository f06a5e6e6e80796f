// KienNghi benchmarks (release build, one core):
//   KIENNGHI_BENCHMARKS=1 swift run -c release kiennghi-bench [text|classify|stream|pile|all]
// Figures go to the README. Never a unit test: timings depend on the machine.
import Foundation
import KienNghiCore
import KienNghiOffice

#if canImport(Glibc)
    import Glibc
#endif

/// Peak resident set size of this process, in MiB (Linux reports KiB).
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A deterministic generated corpus of petition-like Vietnamese (NFC), built
/// from the default lexicons' vocabulary and fixed templates.
enum SyntheticCorpus {
    static let openings = [
        "Công nhân", "Người lao động", "Cử tri", "Công đoàn cơ sở", "Nhiều hộ dân", "Chị em công nhân",
    ]
    static let places = [
        "KCN Thăng Long", "KCN Quang Minh", "khu công nghiệp Nội Bài", "quận Hoàng Mai", "huyện Đông Anh",
        "KCN Phú Nghĩa",
    ]
    static let complaints = [
        "phản ánh công ty nợ đóng BHXH nhiều tháng, chưa chốt sổ bảo hiểm xã hội cho người nghỉ việc",
        "đề nghị tăng lương tối thiểu vùng, giảm giờ làm thêm và trả lương đúng hạn",
        "kiến nghị mở thêm tuyến xe buýt đến khu công nghiệp, đường vào thường xuyên ùn tắc",
        "đề nghị kiểm soát giá điện, giá nước tại các nhà trọ công nhân thuê",
        "phản ánh tình trạng trộm cắp xe máy ở khu nhà trọ, đề nghị tăng cường tuần tra",
        "đề nghị đơn giản thủ tục đăng ký tạm trú và cấp căn cước công dân",
        "kiến nghị xây dựng nhà trẻ cho con công nhân và thiết chế văn hoá",
        "phản ánh nhà máy xả nước thải gây ô nhiễm, mùi hôi nồng nặc",
        "đề nghị sửa chữa hệ thống thoát nước, chiếu sáng trong khu công nghiệp bị ngập úng",
        "hỏi thủ tục hưởng trợ cấp thất nghiệp và thời hạn nộp hồ sơ tại trung tâm dịch vụ việc làm",
        "đề nghị phủ sóng wifi miễn phí tại khu nhà trọ, sóng điện thoại yếu",
        "phản ánh thẻ BHYT ghi sai thông tin, khó đăng ký khám chữa bệnh ban đầu",
    ]
    static let closings = [
        "Xin trân trọng cảm ơn.", "Đề nghị các cơ quan sớm giải quyết.", "Mong thành phố quan tâm.", "",
    ]

    /// One petition for a seed.
    static func petition(_ seed: Int) -> String {
        var rng = seed &* 2_654_435_761 & 0x7FFF_FFFF
        func pick(_ list: [String]) -> String {
            rng = (rng &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            return list[rng % list.count]
        }
        return "\(pick(openings)) \(pick(places)) \(pick(complaints)); \(pick(complaints)). \(pick(closings))"
    }

    /// `bytes` of text, one petition per line.
    static func text(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 512)
        var seed = 0
        while out.utf8.count < bytes {
            out += petition(seed) + "\n"
            seed += 1
        }
        return out
    }
}

func loadAnalyzer() -> Analyzer {
    let file = try! TabularFile.load(BundledLexicons.directory.appendingPathComponent("abbreviations.tsv"))
    return Analyzer(abbreviations: .load(file))
}

func benchText() {
    let analyzer = loadAnalyzer()
    let text = SyntheticCorpus.text(bytes: 32 << 20)
    let lines = text.split(separator: "\n").map(String.init)
    let megabytes = Double(text.utf8.count) / 1_048_576
    var tokens = 0
    _ = analyzer.analyze(lines[0])
    let whole = seconds { tokens = analyzer.analyze(text).tokens.count }
    var perLineTokens = 0
    let perLine = seconds { for line in lines { perLineTokens += analyzer.analyze(line).tokens.count } }
    let normalizeTime = seconds { _ = analyzer.normalize(text) }
    print(
        String(
            format:
                "text: %.1f MB NFC; analyse as one text %.0f MB/s (%d tokens); per petition (%d lines) %.0f MB/s; normalize %.0f MB/s",
            megabytes, megabytes / whole, tokens, lines.count, megabytes / perLine, megabytes / normalizeTime))
}

func benchStream() throws {
    let analyzer = loadAnalyzer()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-bench-1g.txt").path
    let target = 1 << 30
    if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 < target {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = FileHandle(forWritingAtPath: path)!
        let block = Data(SyntheticCorpus.text(bytes: 8 << 20).utf8)
        var written = 0
        while written < target {
            handle.write(block)
            written += block.count
        }
        try handle.close()
    }
    let before = peakResidentMiB()
    var bytes = 0
    var tokens = 0
    let time = try seconds {
        try LineChunkReader(path: path).forEachChunk { chunk, _ in
            bytes += chunk.count
            tokens += analyzer.analyze(String(decoding: chunk, as: UTF8.self)).tokens.count
        }
    }
    print(
        String(
            format: "stream: %.2f GB in %.1f s (%.0f MB/s), %d tokens, peak RSS %.0f MiB (before streaming %.0f MiB)",
            Double(bytes) / 1e9, time, Double(bytes) / 1_048_576 / time, tokens, peakResidentMiB(), before))
}

func benchClassify() throws {
    var lexicon: Lexicon? = nil
    var classifier: Classifier? = nil
    // Load + compile the default lexicons, best of 5 (the first run also warms the tables).
    var best = Double.infinity
    for _ in 0..<5 {
        let time = try seconds {
            lexicon = try LexiconLoader().load().lexicon
            classifier = Classifier(lexicon: lexicon!)
        }
        best = min(best, time)
    }
    let text = SyntheticCorpus.text(bytes: 16 << 20)
    let petitions = text.split(separator: "\n").map(String.init)
    let megabytes = Double(text.utf8.count) / 1_048_576
    var routed = 0
    let time = seconds {
        for petition in petitions where classifier!.classify(petition).agency != nil { routed += 1 }
    }
    print(
        String(
            format:
                "classify: lexicon load+compile %.1f ms (%d phrases); %.1f MB, %d petitions in %.2f s: %.1f MB/s, %.0f petitions/s on one core (%d routed)",
            best * 1000, lexicon!.phrases.count, megabytes, petitions.count, time, megabytes / time,
            Double(petitions.count) / time, routed))
}

/// End to end: a generated 1 GB JSON Lines pile through `classify` (read,
/// classify on every core, write the office CSV), as the CLI does it.
func benchPile() throws {
    let folder = FileManager.default.temporaryDirectory
    let input = folder.appendingPathComponent("kiennghi-bench-1g.jsonl").path
    let target = 1 << 30
    if (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0 < target {
        FileManager.default.createFile(atPath: input, contents: nil)
        let handle = FileHandle(forWritingAtPath: input)!
        var written = 0
        var seed = 0
        while written < target {
            var block = ""
            for _ in 0..<20_000 {
                block += JSONLine.encode(["id": "p\(seed)", "text": SyntheticCorpus.petition(seed)]) + "\n"
                seed += 1
            }
            let data = Data(block.utf8)
            handle.write(data)
            written += data.count
        }
        try handle.close()
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
    let (lexicon, _) = try LexiconLoader().load()
    let processor = PileProcessor(batch: BatchClassifier(classifier: Classifier(lexicon: lexicon)), options: .init())
    let output = try AtomicOutputFile(
        path: folder.appendingPathComponent("kiennghi-bench-out.csv").path, inputs: [input])
    let writer = try CSVPetitionWriter(
        output: output, inputColumns: ["id", "text"], withFileColumn: false,
        presenter: ClassificationPresenter(language: .vi, lexicon: lexicon))
    var summary: PileProcessor.Summary? = nil
    let time = try seconds {
        summary = try processor.run([input]) { try writer.write($0) }
        try writer.finish()
    }
    let count = summary!.read
    print(
        String(
            format:
                "pile: %.2f GB JSON Lines, %d petitions in %.1f s on %d cores: %.0f petitions/s, %.1f MB/s, peak RSS %.0f MiB",
            Double(bytes) / 1e9, count, time, System.coreCount, Double(count) / time, Double(bytes) / 1_048_576 / time,
            peakResidentMiB()))
    try? FileManager.default.removeItem(atPath: folder.appendingPathComponent("kiennghi-bench-out.csv").path)
}

/// What `kiennghi classify-text` does, without the CLI: load the bundled lexicons
/// through the compiled-lexicon cache, compile, classify one petition. For timing
/// process start-up (`cold TEXT`) with a binary that links only KienNghiCore.
func benchColdStart(_ text: String) throws {
    let lexicon = try LexiconCache.user.load(LexiconLoader())
    let classification = Classifier(lexicon: lexicon).classify(text)
    print(classification.themes.map(\.id).joined(separator: ","), classification.agency?.id ?? "-")
}

/// Classifies every line of a file (no writer): the classify path alone, for callgrind.
func benchClassifyLines(_ path: String) throws {
    let lexicon = try LexiconCache.user.load(LexiconLoader())
    let classifier = Classifier(lexicon: lexicon)
    var themes = 0
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for line in text.split(separator: "\n") { themes += classifier.classify(String(line)).themes.count }
    print("themes:", themes)
}

/// Every line of a file classified with the lexicons from the TSV files and from
/// a cache round trip, printed as JSON (sorted keys): the two outputs must match,
/// and the output can be compared across builds (`diff`).
func benchDump(_ path: String) throws {
    let loaded = try LexiconLoader().load().lexicon
    let fresh = Classifier(lexicon: loaded)
    // First load fills a private cache folder, the second reads it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-bench-cache-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try LexiconCache(directory: folder).load(LexiconLoader())
    let cached = Classifier(lexicon: try LexiconCache(directory: folder).load(LexiconLoader()))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var differences = 0
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let a = fresh.classify(String(line))
        let b = cached.classify(String(line))
        if a != b { differences += 1 }
        print(String(decoding: try encoder.encode(a), as: UTF8.self))
    }
    FileHandle.standardError.write("cache/TSV differences: \(differences)\n".data(using: .utf8)!)
}

/// What `classify -o OUT.csv|jsonl|xlsx`, `stats`/`report` and `route` do with a
/// pile, without the CLI (whose release build needs NIO and BoringSSL): the same
/// reader, `PileProcessor`, writers and statistics. Prints peak RSS, so
/// `pile-memory csv /tmp/1gb.txt` checks that memory stays bounded on a big file.
func benchPileMemory(_ kind: String, _ input: String) throws {
    let lexicon = try LexiconCache.user.load(LexiconLoader())
    let processor = PileProcessor(
        batch: BatchClassifier(classifier: Classifier(lexicon: lexicon)), options: .init())
    let columns = processor.columns(of: [input])
    let presenter = ClassificationPresenter(language: .vi, lexicon: lexicon)
    // A fourth argument keeps the output there (without extension), for checking it.
    let out =
        CommandLine.arguments.count > 4
        ? CommandLine.arguments[4]
        : FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-bench-pile-\(getpid())").path
    let keep = CommandLine.arguments.count > 4
    defer { if !keep { try? FileManager.default.removeItem(atPath: out + "." + kind) } }
    var statistics = PileStatistics(label: "pile")
    var routed: [String: any PetitionWriter] = [:]
    let writer: (any PetitionWriter)?
    switch kind {
    case "csv":
        writer = try CSVPetitionWriter(
            output: AtomicOutputFile(path: out + ".csv", inputs: [input]), inputColumns: columns,
            withFileColumn: false, presenter: presenter)
    case "jsonl":
        writer = JSONLinesPetitionWriter(
            output: try AtomicOutputFile(path: out + ".jsonl", inputs: [input]), presenter: presenter,
            inputColumns: columns)
    case "xlsx":
        writer = try XLSXPetitionWriter(
            path: out + ".xlsx", inputs: [input], inputColumns: columns, withFileColumn: false, presenter: presenter)
    default: writer = nil
    }
    let start = DispatchTime.now().uptimeNanoseconds
    var nextReport = 100_000
    func report(_ read: Int) {
        guard read >= nextReport else { return }
        nextReport += 100_000
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        FileHandle.standardError.write(
            String(format: "%d petitions, %.0f s, peak RSS %.0f MiB\n", read, elapsed, peakResidentMiB()).data(
                using: .utf8)!)
    }
    let summary = try processor.run([input], progress: report) { petitions in
        switch kind {
        case "stats": statistics.add(petitions, presenter: presenter)
        case "route":
            try FileManager.default.createDirectory(atPath: out + ".route", withIntermediateDirectories: true)
            for petition in petitions {
                let id = petition.classification.needsReview ? "review" : petition.classification.agency?.id ?? "review"
                if routed[id] == nil {
                    routed[id] = try CSVPetitionWriter(
                        output: AtomicOutputFile(path: out + ".route/" + id + ".csv", inputs: [input]),
                        inputColumns: columns, withFileColumn: false, presenter: presenter)
                }
                try routed[id]!.write([petition])
            }
        default: try writer?.write(petitions)
        }
    }
    if kind == "stats" {
        // `report` renders the aggregates once at the end; `stats` prints them.
        print(
            "report HTML bytes:", HTMLReport(language: .vi, title: nil, themeLabels: [:]).render(statistics).utf8.count)
    }
    do {
        try writer?.finish()
        for writer in routed.values { try writer.finish() }
    } catch {
        print("finish failed:", error)
    }
    try? FileManager.default.removeItem(atPath: out + ".route")
    print(
        String(
            format: "pile-memory %@: %d petitions (%d rejected), peak RSS %.0f MiB", kind, summary.read,
            summary.rejectedCount, peakResidentMiB()))
}

let mode = CommandLine.arguments.dropFirst().first ?? "all"
if mode == "dump" {
    try benchDump(CommandLine.arguments.dropFirst(2).first ?? "")
    exit(0)
}
if mode == "cold" {
    try benchColdStart(CommandLine.arguments.dropFirst(2).first ?? "")
    exit(0)
}
if mode == "classify-lines" {
    try benchClassifyLines(CommandLine.arguments.dropFirst(2).first ?? "")
    exit(0)
}
if mode == "pile-memory" {
    try benchPileMemory(
        CommandLine.arguments.dropFirst(2).first ?? "csv", CommandLine.arguments.dropFirst(3).first ?? "")
    exit(0)
}
if mode == "text" || mode == "all" { benchText() }
if mode == "classify" || mode == "all" { try benchClassify() }
if mode == "stream" || mode == "all" { try benchStream() }
if mode == "pile" || mode == "all" { try benchPile() }
