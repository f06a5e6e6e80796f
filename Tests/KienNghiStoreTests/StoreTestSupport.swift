import Foundation
import KienNghiCore
import KienNghiOffice

@testable import KienNghiStore

/// Shared set-up: the bundled classifier (loaded once), temporary SQLite
/// files, and a fresh PostgreSQL schema per store when
/// KIENNGHI_TEST_POSTGRES_URL is set (scripts/start-test-postgres.sh).
enum StoreTestSupport {
    static let classifier: Classifier = {
        let (lexicon, _) = try! LexiconLoader(directory: BundledLexicons.directory).load()
        return Classifier(lexicon: lexicon)
    }()

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["KIENNGHI_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    /// The kinds of store to run each scenario on.
    static var kinds: [String] { postgresURL == nil ? ["sqlite"] : ["sqlite", "postgresql"] }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-store-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new, empty store of `kind`.
    static func makeStore(_ kind: String) throws -> any CaseStore {
        switch kind {
        case "postgresql":
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            let base = postgresURL!
            return try PostgresCaseStore(url: base + (base.contains("?") ? "&" : "?") + "schema=\(schema)")
        default:
            return try SQLiteCaseStore(path: temporaryDirectory().appendingPathComponent("register.sqlite").path)
        }
    }

    static func register(_ kind: String) throws -> CaseRegister {
        CaseRegister(store: try makeStore(kind), analyzer: classifier.analyzer)
    }

    static func processor(batchSize: Int = 2048) -> PileProcessor {
        var processor = PileProcessor(batch: BatchClassifier(classifier: classifier, threads: 1), options: .init())
        processor.batchSize = batchSize
        return processor
    }

    /// The repository's Corpus folder.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus")
    static var sample2019: String { corpus.appendingPathComponent("petitions-2019.csv").path }
    static var sample2020: String { corpus.appendingPathComponent("petitions-2020.csv").path }

    /// Writes a CSV pile (STT, Người gửi, Nội dung kiến nghị, Ngày nhận) to a temporary file.
    static func writePile(_ rows: [(sender: String, text: String, date: String)], name: String = "pile.csv") -> String {
        var text = "STT,Người gửi,Nội dung kiến nghị,Ngày nhận\n"
        for (i, row) in rows.enumerated() {
            text +=
                "\(i + 1),\"\(row.sender)\",\"\(row.text.replacingOccurrences(of: "\"", with: "\"\""))\",\(row.date)\n"
        }
        let path = temporaryDirectory().appendingPathComponent(name).path
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Everything the register holds that must not depend on the backend, as text.
    static func dump(_ register: CaseRegister, today: CaseDate) throws -> String {
        var out = ""
        for g in try register.groups(today: today) {
            out +=
                "#\(g.id) \(g.dialogue) \(g.status.rawValue) n=\(g.count) u=\(g.units) \(g.sourceIDs) \(g.theme) \(g.district ?? "-") "
            out +=
                "\(g.suggestedAgency ?? "-") \(g.assignedAgency ?? "-") \(g.receivedOn ?? "-") \(g.dueOn ?? "-") \(g.answeredOn ?? "-")\n"
        }
        let status = try register.status(today: today)
        out += "petitions=\(status.petitions) groups=\(status.groups)\n"
        for a in status.agencies { out += "\(a.id) \(a.assigned) \(a.answered) \(a.overdue)\n" }
        if let recurring = try? register.recurring(dialogue: nil, today: today) {
            for r in recurring.items {
                out += "rec #\(r.group.id) \(r.times) \(r.since) \(r.earlierGroups) \(r.answeredBefore)\n"
            }
        }
        return out
    }
}
