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
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded golden file \(name); run again without KIENNGHI_RECORD.", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden file \(name): run once with KIENNGHI_RECORD=1.", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
