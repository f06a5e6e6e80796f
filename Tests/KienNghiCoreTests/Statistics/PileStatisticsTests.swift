import Foundation
import Testing

@testable import KienNghiCore

/// Examples and queues keep a few petitions each, but a petition near the 1 MiB limit kept whole
/// made `stats` and `report` hold (and the report write) hundreds of megabytes.
@Suite("Statistics over a pile")
struct PileStatisticsTests {
    @Test func anExampleShowsTheStartOfALongPetition() throws {
        // Decomposed marks at the cut: the text must end on a whole character.
        let opening = "Công ty nợ lương công nhân ba tháng, đề nghị can thiệp gấp. "
        let long =
            opening + String(repeating: "Đuờng ngõ 5 hỏng nặng. ".decomposedStringWithCanonicalMapping, count: 600)
        let text = long + opening
        let classification = defaultClassifier.classify(text)
        var statistics = PileStatistics(label: "a.txt")
        let record = PetitionRecord(id: "1", text: text, cells: [text], location: 1)
        statistics.add(
            [ClassifiedPetition(record: record, classification: classification, file: "a.txt")],
            presenter: vietnamese)
        let examples = statistics.urgent + statistics.review + statistics.examples.values.flatMap { $0 }
        #expect(!examples.isEmpty)
        for example in examples {
            #expect(example.text.hasSuffix("…"))
            let shown = example.text.dropLast()
            #expect(shown.utf8.count <= PileStatistics.exampleBytes)
            #expect(shown.utf8.count > PileStatistics.exampleBytes - 16)
            // Compared character by character: a letter cut from its mark would differ.
            #expect(text.hasPrefix(shown))
            #expect(!example.evidence.isEmpty)
            #expect(example.evidence.allSatisfy { $0.end <= shown.utf8.count })
        }
        let short = PileStatistics.shown(opening)
        #expect(short.text == opening && short.keptBytes == opening.utf8.count)
    }
}
