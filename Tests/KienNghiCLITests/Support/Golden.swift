import ArgumentParser
import Foundation
import Testing

/// Golden-file comparison. `KIENNGHI_RECORD=1 swift test` rewrites the file
/// AND fails, so nothing is ever re-recorded silently.
enum Golden {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/KienNghiCoreTests/Fixtures/\(name)").path
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = testsRoot.appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["KIENNGHI_RECORD"] != nil {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record(
                "Recorded golden file \(name); run again without KIENNGHI_RECORD.", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "Missing golden file \(name): run once with KIENNGHI_RECORD=1.", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}

/// A fresh temporary folder for one test.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Golden {
    static func cliFixture(_ name: String) -> String { testsRoot.appendingPathComponent("Fixtures/\(name)").path }
    static func corpus(_ name: String) -> String { repositoryRoot.appendingPathComponent("Corpus/\(name)").path }
}

/// The exit code a command's `run()` ends with (0 when it returns normally).
func exitCode(_ body: () throws -> Void) -> Int32 {
    do {
        try body()
        return 0
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch {
        return -1
    }
}
