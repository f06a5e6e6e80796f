import Foundation
import KienNghiCore
import KienNghiOffice
import Testing

/// Inputs the fuzz targets (scripts/fuzz.sh) found crashing, replayed through the
/// same public API as the target. In Fixtures/fuzz-crashes/<target>/, NAME.input
/// is what libFuzzer saved and NAME.<ext> the file the reader saw, rebuilt with
///   KIENNGHI_FUZZ_TARGET=<target> KIENNGHI_FUZZ_SCRATCH=DIR .build/fuzz/release/kiennghi-fuzz NAME.input
/// (DIR/input.<ext> is the file; column-letters-overflow.input was found with
/// KIENNGHI_FUZZ_SKIP_KNOWN=1, which must be set to rebuild it). A reproducer must end in a clear error naming
/// the file, or in petitions; a crash kills the test process, so one that still
/// crashes is listed in `stillCrashing` and has its own disabled test below.
@Suite("Fuzz crash reproducers")
struct FuzzCrashReproducerTests {
    static let root = Golden.testsRoot.appendingPathComponent("Fixtures/fuzz-crashes")

    /// Still crashing (or, for analyze, still breaking the span invariant) on this
    /// branch; remove an entry (and enable its test) once fixed.
    static let stillCrashing: Set<String> = []

    /// Every replayable reproducer, as "target/file".
    static var reproducers: [String] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasSuffix(".input") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func stillCrashingListNamesRealReproducers() {
        let all = Set(Self.reproducers)
        #expect(!all.isEmpty)
        for name in Self.stillCrashing { #expect(all.contains(name), "\(name) is listed but missing") }
    }

    @Test func fixedReproducersEndInPetitionsOrAClearError() {
        for reproducer in Self.reproducers where !Self.stillCrashing.contains(reproducer) {
            Self.replay(reproducer)
        }
    }

    // MARK: replay, as the fuzz targets do

    /// The analyser the classifier uses (bundled abbreviations), as in the analyze target.
    static let bundledAnalyzer: Analyzer = {
        let lexicon = try? LexiconLoader().load().lexicon
        return Analyzer(abbreviations: lexicon?.abbreviations ?? AbbreviationTable())
    }()

    static func replay(_ reproducer: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = root.appendingPathComponent(reproducer)
        switch reproducer.split(separator: "/").first.map(String.init) ?? "" {
        case "csv", "jsonl", "xlsx", "docx":
            readAll(url.path, sourceLocation: sourceLocation)
        case "analyze":
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            // As the fuzz target: first the classifier's analyser (bundled
            // abbreviations, so expansion runs), then plain.
            for analyzer in [bundledAnalyzer, Analyzer()] {
                let analyzed = analyzer.analyze(text)
                var previousEnd = 0
                for (index, token) in analyzed.tokens.enumerated() {
                    #expect(
                        token.span.start >= previousEnd && token.span.start < token.span.end
                            && token.span.end <= text.utf8.count,
                        "token \(index) span \(token.span) after \(previousEnd)", sourceLocation: sourceLocation)
                    previousEnd = token.span.end
                }
            }
            // With only local filters, each token's source slice filtered alone is the token.
            let local = Analyzer(legacyLookalikes: .off)
            let localAnalyzed = local.analyze(text)
            for index in localAnalyzed.tokens.indices {
                let slice = localAnalyzed.surface(index)
                #expect(
                    local.filter(slice).bytes
                        == Array(localAnalyzed.normalized[localAnalyzed.tokens[index].normalized]),
                    "token \(index) slice \(slice.debugDescription)", sourceLocation: sourceLocation)
            }
        case "lexicon":
            _ = LexiconLoader(directory: url).check()
        case let target:
            let bytes = Array((try? Data(contentsOf: url)) ?? Data())
            guard let encoding = TextEncoding(name: target == "utf16" ? "utf-16le" : target) else {
                _ = try? TextDecoder().decode(bytes)
                _ = try? TextDecoder(lenient: true).decode(bytes)
                return
            }
            _ = try? TextDecoder(encoding: encoding).decode(bytes)
            _ = try? TextDecoder(encoding: encoding, lenient: true).decode(bytes)
        }
    }

    /// Opens and reads every petition, strictly and leniently: petitions, or an
    /// input failure whose message names the file.
    static func readAll(_ path: String, sourceLocation: SourceLocation) {
        for lenient in [false, true] {
            do {
                let source = try PetitionSources.open(path, options: .init(lenient: lenient))
                try source.read(batchSize: 7, { _ in }, rejected: { _ in })
            } catch let failure as InputFailure {
                #expect(failure.message(.en).contains(path), "\(failure.message(.en))", sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(path): not an input failure: \(error)", sourceLocation: sourceLocation)
            }
        }
    }
}
