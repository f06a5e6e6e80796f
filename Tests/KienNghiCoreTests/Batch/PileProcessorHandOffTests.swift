import Foundation
import Testing

@testable import KienNghiCore

/// The consumer of a pile runs on its own thread while the next batch is
/// classified: batches must still arrive whole, once, in input order, and the
/// consumer's first error must end the run.
@Suite("Pile processor hand-off")
struct PileProcessorHandOffTests {
    struct WriteFailed: Error, Equatable { let batch: Int }

    /// A plain-text pile of `count` petitions (one per line), in a folder of its own.
    static func pile(_ count: Int) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kiennghi-handoff-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("pile.txt").path
        let lines = (1...count).map { "Kiến nghị số \($0): công ty nợ bảo hiểm xã hội của công nhân." }
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }

    static func processor(batchSize: Int) -> PileProcessor {
        var processor = PileProcessor(
            batch: BatchClassifier(classifier: defaultClassifier, threads: 2), options: .init())
        processor.batchSize = batchSize
        return processor
    }

    /// Collects what the consumer saw; the consumer is the only writer while a run lasts.
    final class Seen: @unchecked Sendable {
        var batches: [[String]] = []
    }

    @Test func batchesArriveWholeOnceAndInOrder() throws {
        let path = Self.pile(103)
        let seen = Seen()
        let summary = try Self.processor(batchSize: 10).run([path]) { batch in
            seen.batches.append(batch.map(\.record.text))
        }
        #expect(summary.read == 103)
        #expect(seen.batches.map(\.count) == Array(repeating: 10, count: 10) + [3])
        let texts = seen.batches.flatMap { $0 }
        #expect(texts == (1...103).map { "Kiến nghị số \($0): công ty nợ bảo hiểm xã hội của công nhân." })
    }

    @Test func theConsumersFirstErrorEndsTheRunAndNothingFollowsIt() throws {
        let path = Self.pile(100)
        let seen = Seen()
        #expect(throws: WriteFailed(batch: 2)) {
            _ = try Self.processor(batchSize: 10).run([path]) { batch in
                seen.batches.append(batch.map(\.record.text))
                if seen.batches.count == 2 { throw WriteFailed(batch: 2) }
            }
        }
        // The failing batch was the last one handed over: the run stopped at the next hand-off.
        #expect(seen.batches.count == 2)
    }

    @Test func anErrorInTheLastBatchIsNotLost() throws {
        let path = Self.pile(25)
        #expect(throws: WriteFailed(batch: 3)) {
            var calls = 0
            _ = try Self.processor(batchSize: 10).run([path]) { _ in
                calls += 1
                if calls == 3 { throw WriteFailed(batch: 3) }
            }
        }
    }
}
