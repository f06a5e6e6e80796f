import ArgumentParser
import Foundation
import Testing

@testable import KienNghiCLI
@testable import KienNghiCore
@testable import KienNghiOffice

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hostile tester's output-harm findings: ids from an editable routing table
/// used as file names, outputs of one run committed one by one, output
/// folders, FIFOs in a lexicon folder, the lexicon cache, `case export`.
@Suite("Output harm", .serialized)
struct OutputHarmTests {
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A copy of the bundled lexicons in `folder`.
    func lexiconCopy(in folder: URL) throws -> String {
        let copy = folder.appendingPathComponent("lexicons").path
        try FileManager.default.copyItem(
            atPath: Golden.repositoryRoot.appendingPathComponent("Lexicons").path, toPath: copy)
        return copy
    }

    /// Replaces every tab-separated cell `old` by `new` in a TSV file.
    func replaceCell(_ old: String, with new: String, in path: String) throws {
        let lines = try #require(text(path)).components(separatedBy: "\n").map { line in
            line.components(separatedBy: "\t").map { $0 == old ? new : $0 }.joined(separator: "\t")
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The binary under a file-size limit (`ulimit -f`, KiB; SIGXFSZ ignored): a full disk for every file it writes.
    func runWithFileSizeLimit(_ kib: Int, _ arguments: [String], logs folder: URL) throws -> (
        status: Int32, stderr: String
    ) {
        let binary = try #require(KienNghiBinary.path)
        return try KienNghiBinary.run(
            ["-c", "trap '' XFSZ; ulimit -f \(kib); exec \"$0\" \"$@\"", binary] + arguments, logs: folder,
            executable: "/bin/bash")
    }

    /// `count` petitions, one per line, and `long` lines over the 1 MiB petition limit (each a rejected row).
    func pile(in folder: URL, count: Int, long: Int = 0) -> String {
        let path = HostileFixtures.largeText(in: folder, count: count)
        if long > 0, let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            for _ in 0..<long { handle.write(Data((String(repeating: "a ", count: 600_000) + "\n").utf8)) }
            handle.closeFile()
        }
        return path
    }

    // MARK: 1. agency ids as file names

    @Test func unsafeIDsAreNamedAndNeverFileNames() {
        for (id, fault) in [
            ("../../keep", SafeFileName.Fault.separator), ("a\\b", .separator), ("", .empty), ("x\u{0}y", .control),
            ("x\u{1B}[2J", .control), ("a..b", .dotDot), (".hidden", .leadingDot),
            (String(repeating: "á", count: 51), .tooLong),
        ] {
            #expect(SafeFileName.fault(id) == fault, "\(id)")
            let stem = RouteRecipient.agency(id).fileStem(.vi)
            #expect(SafeFileName.fault(stem) == nil, "\(stem)")
        }
        #expect(SafeFileName.fault("so-xay-dung") == nil)
        #expect(SafeFileName.shown("x\u{1B}y") == "x[U+001B]y")
    }

    /// A copy of the default lexicons in a new folder with agency `labour` renamed to
    /// `id`, for runs of the built binary; nil (with an issue recorded) without it.
    func lexiconsRenamingLabour(to id: String) throws -> (folder: URL, lexicons: String)? {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return nil
        }
        let folder = temporaryFolder()
        let lexicons = try lexiconCopy(in: folder)
        for file in ["routing/agencies.tsv", "routing/rules.tsv"] {
            try replaceCell("labour", with: id, in: lexicons + "/" + file)
        }
        return (folder, lexicons)
    }

    @Test func anAgencyIDLeadingOutOfTheFolderIsRefusedByCheckAndRoute() throws {
        guard let (folder, lexicons) = try lexiconsRenamingLabour(to: "../../keep") else { return }
        let line =
            try #require(
                text(lexicons + "/routing/agencies.tsv")?.components(separatedBy: "\n").firstIndex {
                    $0.hasPrefix("../../keep\t")
                }) + 1
        let (report, failed) = try LexiconCheckCommand.parse(["--lexicons", lexicons, "--lang", "en"]).render()
        #expect(failed)
        #expect(report.contains("routing/agencies.tsv:\(line):1: error: agency id \"../../keep\""), "\(report)")
        let output = folder.appendingPathComponent("out/routed").path
        let result = try KienNghiBinary.run(
            ["route", Golden.corpus("petitions-2019.csv"), "--lexicons", lexicons, "-o", output], logs: folder)
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("routing/agencies.tsv:\(line)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("keep.csv").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// An agency whose id is the index's name, or differs from another only in case, gets a file
    /// of its own (`-2`) instead of one file replacing the other on a case-insensitive disk.
    @Test func agencyFilesNeverShareANameWithTheIndexOrEachOther() throws {
        var names = DistinctFileNames(reserving: ["muc-luc.csv"])
        #expect(names.claim("muc-luc", extension: "csv") == "muc-luc-2.csv")
        #expect(names.claim("HN", extension: "csv") == "HN.csv")
        #expect(names.claim("hn", extension: "csv") == "hn-2.csv")
        #expect(names.claim("hn", extension: "xlsx") == "hn.xlsx")
        #expect(names.claim("Sở", extension: "csv") == "Sở.csv")
        #expect(names.claim("So\u{31B}\u{309}", extension: "csv") == "So\u{31B}\u{309}-2.csv")  // NFD of the same name
        guard let (folder, lexicons) = try lexiconsRenamingLabour(to: "muc-luc") else { return }
        let output = folder.appendingPathComponent("routed").path
        let result = try KienNghiBinary.run(
            ["route", Golden.corpus("petitions-2019.csv"), "--lexicons", lexicons, "-o", output], logs: folder)
        #expect(result.status == 0 && !result.stderr.contains("muc-luc.csv"), "\(result.stderr)")
        let index = text(output + "/muc-luc.csv") ?? ""
        let row = index.components(separatedBy: .newlines).first { $0.hasPrefix("muc-luc,") } ?? ""
        #expect(row.hasSuffix(",muc-luc-2.csv"), "\(index)")
        let listed = Int(row.components(separatedBy: ",").dropLast().last ?? "") ?? -1
        let lines = (text(output + "/muc-luc-2.csv") ?? "").components(separatedBy: .newlines).filter { !$0.isEmpty }
        #expect(listed > 0 && lines.count == listed + 1, "\(listed) petitions listed, file: \(lines.count) lines")
        // A second run into the folder with no labour petition: the agency's `-2` file is an old one, said so.
        let input = folder.appendingPathComponent("road.csv").path
        try Data("STT,Nội dung kiến nghị\n1,Đề nghị sửa mặt đường Quốc lộ 5 hư hỏng gây mất an toàn giao thông\n".utf8)
            .write(to: URL(fileURLWithPath: input))
        let again = try KienNghiBinary.run(["route", input, "--lexicons", lexicons, "-o", output], logs: folder)
        #expect(again.status == 0 && again.stderr.contains("muc-luc-2.csv"), "\(again.stderr)")
        let oldRow = (text(output + "/muc-luc.csv") ?? "").components(separatedBy: .newlines).first {
            $0.hasPrefix("muc-luc,")
        }
        #expect(oldRow?.contains("TỆP CŨ") == true && oldRow?.hasSuffix(",muc-luc-2.csv") == true, "\(oldRow ?? "")")
    }

    /// An agency named like the other language's index gets `-2`; a `--rejected` list named like
    /// one of the run's files but for case is refused: on a FAT or exFAT drive it would replace it.
    @Test func namesClashingOnACaseInsensitiveDiskAreKeptApartOrRefused() throws {
        guard let (folder, lexicons) = try lexiconsRenamingLabour(to: "index") else { return }
        let output = folder.appendingPathComponent("routed").path
        let input = Golden.corpus("petitions-2019.csv")
        let run = try KienNghiBinary.run(["route", input, "--lexicons", lexicons, "-o", output], logs: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(text(output + "/index-2.csv") != nil && text(output + "/index.csv") == nil)
        let clash = try KienNghiBinary.run(
            ["route", input, "--lexicons", lexicons, "-o", output, "--rejected", output + "/MUC-LUC.csv"], logs: folder)
        #expect(clash.status == 73, "\(clash.stderr)")
        #expect(text(output + "/MUC-LUC.csv") == nil)
    }

    // MARK: 2. outputs of one run appear together

    @Test func classifyNeverCommitsTheRejectedListWhenTheOutputFails() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = pile(in: folder, count: 1_500, long: 1)
        let output = folder.appendingPathComponent("ket-qua.csv").path
        let rejected = folder.appendingPathComponent("bi-loai.csv").path
        try "cũ".write(toFile: output, atomically: false, encoding: .utf8)
        try "cũ".write(toFile: rejected, atomically: false, encoding: .utf8)
        // ~750 KB of output (under the 1 MiB buffer: written at the end), over a 256 KiB limit; the rejected list is small.
        let result = try runWithFileSizeLimit(
            256, ["classify", input, "-o", output, "--rejected", rejected, "--lang", "en"], logs: folder)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(text(output) == "cũ")
        #expect(text(rejected) == "cũ", "--rejected was replaced though -o failed")
        #expect(entries(folder.path).allSatisfy { !$0.hasSuffix(".tmp") }, "\(entries(folder.path))")
    }

    @Test func aFullDiskForTheRejectedListIsAnIOError() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = pile(in: folder, count: 3, long: 12)
        let rejected = folder.appendingPathComponent("bi-loai.csv").path
        let result = try runWithFileSizeLimit(
            1,
            ["classify", input, "-o", folder.appendingPathComponent("k.jsonl").path, "--rejected", rejected],
            logs: folder)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: rejected))
    }

    @Test func routeFailingMidwayLeavesTheEarlierRunUntouched() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let routed = folder.appendingPathComponent("routed").path
        let first = try KienNghiBinary.run(["route", Golden.corpus("petitions-2019.csv"), "-o", routed], logs: folder)
        #expect(first.status == 0, "\(first.stderr)")
        var before: [String: Data] = [:]
        for name in entries(routed) { before[name] = FileManager.default.contents(atPath: routed + "/" + name) }
        #expect(before.count > 3)
        // The same agencies' small files again, and one agency's of ~600 KB, written at the end, over a 128 KiB limit.
        let big = folder.appendingPathComponent("bhxh.txt").path
        let line = "Công ty nợ đóng BHXH 7 tháng, nhiều công nhân nghỉ việc chưa được chốt sổ bảo hiểm xã hội.\n"
        try String(repeating: line, count: 1_500).write(toFile: big, atomically: false, encoding: .utf8)
        let result = try runWithFileSizeLimit(
            128, ["route", Golden.corpus("petitions-2019.csv"), big, "-o", routed], logs: folder)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(entries(routed) == before.keys.sorted(), "\(entries(routed))")
        for (name, data) in before {
            #expect(FileManager.default.contents(atPath: routed + "/" + name) == data, "\(name) was replaced")
        }
    }

    @Test func aGroupReplacesNothingWhenOneDestinationTurnsBad() throws {
        let folder = temporaryFolder().path
        try "old".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
        let group = OutputGroup()
        let a = try AtomicOutputFile(path: folder + "/a.csv", inputs: [], group: group)
        let b = try AtomicOutputFile(path: folder + "/b.csv", inputs: [], group: group)
        try a.write("new")
        try b.write("new")
        try a.commit()
        try b.commit()
        #expect(text(folder + "/a.csv") == "old", "a member is moved into place only with its group")
        try FileManager.default.createDirectory(atPath: folder + "/b.csv", withIntermediateDirectories: false)
        #expect(throws: AtomicOutputFile.Failure.self) { try group.commit() }
        #expect(text(folder + "/a.csv") == "old")
        #expect(entries(folder) == ["a.csv", "b.csv"])
    }

    // MARK: 3. output folders

    @Test func lexiconFitRefusesAFileOrLinkAsItsFolderWith73() throws {
        let folder = temporaryFolder()
        let file = folder.appendingPathComponent("learned").path
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        let link = folder.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path)
        for output in [file, link] {
            let code = exitCode {
                try LexiconFitCommand.parse(["--gold", Golden.corpus("labelled/petitions-dev.jsonl"), "-o", output])
                    .run()
            }
            #expect(code == 73, "\(output)")
        }
        #expect(text(file) == "x")
    }

    @Test func foldersARunCreatesGoWhenItFailsOrReadsNothing() throws {
        let folder = temporaryFolder()
        let empty = folder.appendingPathComponent("empty.csv").path
        try "".write(toFile: empty, atomically: false, encoding: .utf8)
        let nested = folder.appendingPathComponent("a/b/c").path
        #expect(exitCode { try RouteCommand.parse([empty, "-o", nested]).run() } == 10)
        #expect(entries(folder.path) == ["empty.csv"], "\(entries(folder.path))")
        let missingGold = folder.appendingPathComponent("missing.jsonl").path
        #expect(exitCode { try LexiconFitCommand.parse(["--gold", missingGold, "-o", nested]).run() } != 0)
        #expect(entries(folder.path) == ["empty.csv"], "\(entries(folder.path))")
        // `x/../y` creates y only.
        let detour = folder.path + "/x/../y"
        #expect(exitCode { try RouteCommand.parse([Golden.corpus("petitions-2019.csv"), "-o", detour]).run() } == 0)
        #expect(entries(folder.path) == ["empty.csv", "y"], "\(entries(folder.path))")
        #expect(entries(folder.path + "/y").contains("muc-luc.csv"))
    }

    @Test func anInterruptedRouteRemovesTheFoldersItCreated() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = HostileFixtures.largeText(in: folder, count: 60_000)
        let routed = folder.appendingPathComponent("new/routed").path
        let (process, _) = try KienNghiBinary.start(["route", input, "-o", routed], logs: folder)
        let deadline = Date().addingTimeInterval(60)
        while entries(routed).isEmpty && process.isRunning && Date() < deadline { usleep(5_000) }
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
    }

    // MARK: 4. FIFOs in a lexicon folder

    @Test func aFifoInTheLexiconFolderIsNeverOpened() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let lexicons = try lexiconCopy(in: folder)
        #expect(mkfifo(lexicons + "/notes.fifo", 0o644) == 0)
        func finishes(_ arguments: [String]) throws -> (status: Int32, stderr: String)? {
            let (process, err) = try KienNghiBinary.start(arguments, logs: folder)
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            guard !process.isRunning else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            return (process.terminationStatus, text(err.path) ?? "")
        }
        let classify = try finishes([
            "classify", Golden.corpus("petitions-2019.csv"), "--lexicons", lexicons, "-o",
            folder.appendingPathComponent("k.csv").path,
        ])
        #expect(classify?.status == 0, "hung or failed: \(String(describing: classify))")
        let check = try finishes(["lexicon", "check", "--lexicons", lexicons, "--lang", "en"])
        #expect(check != nil, "lexicon check hung on a FIFO")
        let stdout = text(folder.appendingPathComponent("stdout.log").path) ?? ""
        #expect(stdout.contains("notes.fifo") && stdout.contains("skipped: not a regular file"), "\(stdout)")

        try FileManager.default.removeItem(atPath: lexicons + "/themes/traffic.tsv")
        #expect(mkfifo(lexicons + "/themes/traffic.tsv", 0o644) == 0)
        let refused = try finishes(["lexicon", "check", "--lexicons", lexicons, "--lang", "en"])
        #expect(refused?.status == 65, "\(String(describing: refused))")
        let report = text(folder.appendingPathComponent("stdout.log").path) ?? ""
        #expect(report.contains("themes/traffic.tsv:1:1: error: this is not a regular file (fifo)"), "\(report)")
    }

    /// A theme file that is there but cannot be read (over the 64 MiB limit here, as permissions
    /// do not stop root) is an error naming it, never a theme silently left without phrases.
    @Test func anUnreadableThemeFileIsAnErrorNotASilentlyEmptyTheme() throws {
        let folder = temporaryFolder()
        let lexicons = URL(fileURLWithPath: try lexiconCopy(in: folder))
        let traffic = lexicons.appendingPathComponent("themes/traffic.tsv").path
        #expect(truncate(traffic, 65 << 20) == 0)  // sparse: no 65 MiB written
        let (_, diagnostics) = LexiconLoader(directory: lexicons).check()
        let unreadable = diagnostics.filter { $0.problem == .unreadableFile && $0.severity == .error }
        #expect(unreadable.map(\.path).contains { $0.hasSuffix("themes/traffic.tsv") }, "\(diagnostics)")
    }

    /// A theme file that is a dangling or looping link, or a folder named like one, is named
    /// as an error too (the snapshot had skipped a name it could not stat, so the theme lost its phrases).
    @Test(arguments: ["dangling", "looping", "folder"])
    func aThemeFileThatIsNoFileIsAnError(kind: String) throws {
        let folder = temporaryFolder()
        let lexicons = URL(fileURLWithPath: try lexiconCopy(in: folder))
        let traffic = lexicons.appendingPathComponent("themes/traffic.tsv").path
        try FileManager.default.removeItem(atPath: traffic)
        switch kind {
        case "dangling": #expect(symlink(folder.path + "/nowhere.tsv", traffic) == 0)
        case "looping": #expect(symlink(traffic, traffic) == 0)
        default: try FileManager.default.createDirectory(atPath: traffic, withIntermediateDirectories: false)
        }
        let (_, diagnostics) = LexiconLoader(directory: lexicons).check()
        let errors = diagnostics.filter { $0.severity == .error && $0.path.hasSuffix("themes/traffic.tsv") }
        let expected: LexiconDiagnostic.Problem =
            kind == "folder" ? .notARegularFile(kind: "directory") : .unreadableFile
        #expect(errors.map(\.problem) == [expected], "\(diagnostics)")
    }

    // MARK: 5. lexicon cache

    @Test func theCacheIsKeyedByTheBytesCompiledAndOnlyTrustedWhenPrivate() throws {
        let folder = temporaryFolder()
        let lexicons = URL(fileURLWithPath: try lexiconCopy(in: folder))
        let themes = lexicons.appendingPathComponent("themes.tsv").path
        let loader = LexiconLoader(directory: lexicons)
        let label = try #require(loader.load().lexicon.themes.first).labelEn

        // What is compiled is the snapshot the key was hashed from, whatever the disk says meanwhile.
        var frozen = loader
        frozen.snapshot = LexiconSnapshot(reading: lexicons)
        let original = try #require(text(themes))
        try original.replacingOccurrences(of: label, with: "EDITED").write(
            toFile: themes, atomically: false, encoding: .utf8)
        #expect(try frozen.load().lexicon.themes.first?.labelEn == label)
        try original.write(toFile: themes, atomically: false, encoding: .utf8)

        // A cache folder others can write is not used: a planted file is ignored.
        let cacheRoot = folder.appendingPathComponent("cache")
        let cacheFolder = cacheRoot.appendingPathComponent("kiennghi")
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        chmod(cacheFolder.path, 0o777)
        var poisoned = try loader.load().lexicon
        poisoned.themes[0].labelEn = "POISONED"
        let key = try #require(LexiconCache.key(of: lexicons))
        let planted = cacheFolder.appendingPathComponent(String(format: "lexicon-%016llx.bin", key))
        _ = FileManager.default.createFile(
            atPath: planted.path, contents: Data(LexiconCache.encode(poisoned, key: key)))
        let cache = LexiconCache(directory: cacheFolder)
        #expect(try cache.load(loader).themes.first?.labelEn == label, "a world-writable cache was trusted")
        chmod(cacheFolder.path, 0o700)
        #expect(try cache.load(loader).themes.first?.labelEn == "POISONED", "the same file in a private folder is used")

        // The checksum covers the key: a payload under another key's name is refused.
        var bytes = LexiconCache.encode(poisoned, key: 1)
        withUnsafeBytes(of: UInt64(2).littleEndian) { bytes.replaceSubrange(12..<20, with: $0) }
        #expect(LexiconCache.decode(bytes, key: 2) == nil)
    }

    // MARK: 6. case export

    @Test func caseExportIsSafeCSVOrARealWorkbookAndAFullDiskIs74() throws {
        guard KienNghiBinary.path != nil else {
            Issue.record("kiennghi binary not found beside the tests; run `swift build` first")
            return
        }
        let folder = temporaryFolder()
        let input = folder.appendingPathComponent("don.csv").path
        // The third petition (~70 KB, its own group) makes the export larger than the 40 KiB limit below.
        let long =
            "Chủ trọ ở huyện Đông Anh thu tiền điện " + String(repeating: "quá cao so với giá quy định ", count: 2_500)
        try
            "STT,Nội dung kiến nghị\r\n1,\"=HYPERLINK(\"\"http://x\"\") Công ty nợ lương công nhân 3 tháng chưa trả\"\r\n2,Đường vào KCN Quang Minh ùn tắc giờ tan ca\r\n3,\(long)\r\n"
            .write(toFile: input, atomically: false, encoding: .utf8)
        let store = folder.appendingPathComponent("so.sqlite").path
        let imported = try KienNghiBinary.run(
            ["case", "import", input, "--dialogue", "D", "--date", "2019-05-15", "--store", store], logs: folder)
        #expect(imported.status == 0, "\(imported.stderr)")

        let csv = folder.appendingPathComponent("x.csv").path
        let exported = try KienNghiBinary.run(["case", "export", "--store", store, "-o", csv], logs: folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.contains("'=HYPERLINK"), "\(written)")
        #expect(!written.contains(",=HYPERLINK") && !written.contains("\"=HYPERLINK"), "\(written)")

        let xlsx = folder.appendingPathComponent("x.xlsx").path
        let workbook = try KienNghiBinary.run(["case", "export", "--store", store, "-o", xlsx], logs: folder)
        #expect(workbook.status == 0, "\(workbook.stderr)")
        var rows: [[String]] = []
        try PetitionSources.open(xlsx, options: .init()).read(
            batchSize: 10, { rows += $0.map(\.cells) }, rejected: { _ in })
        #expect(rows.contains { $0.contains { $0.hasPrefix("=HYPERLINK") } }, "\(rows.map { $0.prefix(3) })")

        // 40 KiB: room for the register's own 32 KiB shared-memory file, not for the export.
        let full = try runWithFileSizeLimit(
            40, ["case", "export", "--store", store, "-o", folder.appendingPathComponent("y.csv").path], logs: folder)
        #expect(full.status == 74, "\(full.stderr)")
        #expect(!entries(folder.path).contains { $0.hasPrefix(".y.csv") || $0 == "y.csv" })
    }

    // MARK: 7. long names

    @Test func anOutputNameUpToNameMaxIsAccepted() throws {
        let folder = temporaryFolder()
        let name = String(repeating: "ẫ", count: 83) + ".csv"  // 253 bytes
        #expect(name.utf8.count == 253)
        #expect(AtomicOutputFile.temporaryStem(name).utf8.count <= 255 - 28)
        // Cut between characters, as long as fits: "ẫ" is 3 bytes, so 227 bytes hold 75 of them.
        #expect(AtomicOutputFile.temporaryStem(name) == String(repeating: "ẫ", count: 75))
        #expect(
            SafeFileName.sanitized("a/" + String(repeating: "ẫ", count: 40)) == "a_" + String(repeating: "ẫ", count: 32)
        )
        let output = folder.appendingPathComponent(name).path
        #expect(exitCode { try ClassifyCommand.parse([Golden.corpus("petitions-2019.csv"), "-o", output]).run() } == 0)
        #expect(entries(folder.path) == [name])
    }
}
