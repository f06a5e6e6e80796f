import Foundation
import Testing

@testable import KienNghiCore

/// Paths to test data, found from this source file so no resource copying is needed.
enum TestData {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: testsRoot.appendingPathComponent("Fixtures/\(name)").path) ?? Data())
    }

    static func fixtureText(_ name: String) -> String {
        String(decoding: fixture(name), as: UTF8.self)
    }

    /// The shared development set, when present beside the repository.
    static var sharedEvalDev: URL? { shared("eval-dev.jsonl") }

    /// A file of ../shared (real labelled data), when present beside the repository.
    static func shared(_ name: String) -> URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

typealias TextPetitionsRead = (texts: [String], ids: [String], rejected: [Int])

/// Reads `text` as the file `name` with the text readers: the petitions' texts and ids, and
/// the lines of the rows rejected, each of which must be for `reason` and lose no petition.
func readTextPetitions(
    _ text: String, name: String, header: HeaderRowChoice = .detect, rejectedFor reason: RejectedRow.Reason
) throws -> TextPetitionsRead {
    var records: [PetitionRecord] = []
    var rejected: [Int] = []
    try PetitionReaders.text.open(bytes: Array(text.utf8), name: name, options: .init(header: header)).read(
        batchSize: 2, { records += $0 },
        rejected: {
            #expect($0.reason == reason && !$0.reason.losesPetition)
            rejected.append($0.location)
        })
    return (records.map(\.text), records.map(\.id), rejected)
}

/// Analyzer with the default abbreviations, built once.
let defaultAnalyzer: Analyzer = {
    let url = TestData.repositoryRoot.appendingPathComponent("Lexicons/abbreviations.tsv")
    return Analyzer(abbreviations: .load(try! TabularFile.load(url)))
}()

/// Text with spans marked by ‹ and ›: the text without markers and the marked
/// spans as UTF-8 byte offsets into it.
func marked(_ text: String) -> (text: String, spans: [SourceSpan]) {
    var output: [UInt8] = []
    var spans: [SourceSpan] = []
    var open: Int? = nil
    for scalar in text.unicodeScalars {
        if scalar == "‹" {
            open = output.count
            continue
        }
        if scalar == "›", let start = open {
            spans.append(SourceSpan(start: start, end: output.count))
            open = nil
            continue
        }
        output.append(contentsOf: String(scalar).utf8)
    }
    return (String(decoding: output, as: UTF8.self), spans)
}

extension String {
    var nfd: String { decomposedStringWithCanonicalMapping }
}

/// The default lexicons from the repository, loaded and compiled once.
let defaultLexicon: Lexicon = {
    let loader = LexiconLoader(directory: TestData.repositoryRoot.appendingPathComponent("Lexicons"))
    return try! loader.load().lexicon
}()

let defaultClassifier = Classifier(lexicon: defaultLexicon)

/// The words of the default lexicons, as the CLI prints them by default.
let vietnamese = ClassificationPresenter(language: .vi, lexicon: defaultLexicon)
let english = ClassificationPresenter(language: .en, lexicon: defaultLexicon)

/// The default lexicons without their learned weights: the hand phrases alone.
let handClassifier = defaultClassifier.withLearned(nil)

/// Removes every Vietnamese diacritic (đ → d), as text typed on a phone without them.
func stripDiacritics(_ text: String) -> String {
    let folded = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
        !(0x0300...0x036F).contains($0.value)
    }
    return String(String.UnicodeScalarView(folded)).replacingOccurrences(of: "đ", with: "d").replacingOccurrences(
        of: "Đ", with: "D")
}
