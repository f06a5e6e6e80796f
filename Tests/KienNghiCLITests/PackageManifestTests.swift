import Foundation
import Testing

/// `swift build` warns "Invalid Exclude" for every excluded path that does not
/// exist; this keeps Package.swift's excludes pointing at real folders.
@Suite("Package manifest")
struct PackageManifestTests {
    @Test func everyExcludedPathExists() throws {
        let manifest = try String(
            contentsOf: Golden.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets =
            manifest.components(separatedBy: ".testTarget(").dropFirst()
            + manifest.components(separatedBy: ".target(").dropFirst()
        var checked = 0
        for target in targets {
            guard let name = target.firstMatch(of: /name: "([^"]+)"/)?.1,
                let list = target.prefix(while: { $0 != ")" }).firstMatch(of: /exclude: \[([^\]]*)\]/)?.1
            else { continue }
            let folder =
                target.contains("testTarget") || manifest.contains(".testTarget(\n        name: \"\(name)\"")
                ? "Tests" : "Sources"
            for item in list.matches(of: /"([^"]+)"/) {
                let path = Golden.repositoryRoot.appendingPathComponent("\(folder)/\(name)/\(item.1)").path
                #expect(
                    FileManager.default.fileExists(atPath: path),
                    "Package.swift excludes \(folder)/\(name)/\(item.1), which does not exist")
                checked += 1
            }
        }
        #expect(checked >= 2)
    }
}
