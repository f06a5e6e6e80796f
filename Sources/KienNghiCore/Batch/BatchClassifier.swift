import Dispatch
import Foundation

/// One petition with its classification.
public struct ClassifiedPetition: Sendable {
    /// The petition as read (id, text, original cells, row or line).
    public var record: PetitionRecord
    /// What was decided about it.
    public var classification: Classification
    /// The input file it came from.
    public var file: String
}

/// Classifies batches on every core, keeping input order.
package struct BatchClassifier: Sendable {
    package let classifier: Classifier
    package let asOf: RoutingDate
    package let threads: Int
    /// Word-key caches kept from batch to batch, one per running slice.
    private let caches = WordKeyCachePool()

    package init(classifier: Classifier, asOf: RoutingDate = .structure2019, threads: Int = System.coreCount) {
        self.classifier = classifier
        self.asOf = asOf
        self.threads = max(1, threads)
    }

    package func classify(_ batch: [PetitionRecord], file: String) -> [ClassifiedPetition] {
        guard !batch.isEmpty else { return [] }
        var results = [Classification?](repeating: nil, count: batch.count)
        let slices = min(threads * 4, batch.count)
        let classifier = classifier
        let asOf = asOf
        let caches = caches
        let isLong: @Sendable (Int) -> Bool = { batch[$0].text.utf8.count > InputLimits.parallelPetitionBytes }
        results.withUnsafeMutableBufferPointer { buffer in
            // Each slice writes only its own indices, so the writes never overlap.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var cache = caches.take()
                var index = slice
                while index < batch.count {
                    if !isLong(index) {
                        output[index] = classifier.classify(batch[index].text, asOf: asOf, cache: &cache)
                    }
                    index += slices
                }
                caches.give(cache)
            }
        }
        // Long petitions one after another, so memory holds one's analysis at a time.
        var cache = caches.take()
        for index in batch.indices where isLong(index) {
            results[index] = classifier.classify(batch[index].text, asOf: asOf, cache: &cache)
        }
        caches.give(cache)
        // Each classification is moved out of the results, not copied.
        return batch.indices.map {
            ClassifiedPetition(record: batch[$0], classification: results[$0].take()!, file: file)
        }
    }
}

/// Facts about the machine the batch runs on.
package enum System {
    package static var coreCount: Int { ProcessInfoShim.activeProcessorCount }
}

/// Word-key caches shared by the slices of successive batches: a slice takes
/// one (or starts a new one) and gives it back, so no two threads share one.
/// Each holds at most 16,384 words, so memory stays bounded.
final class WordKeyCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var caches: [WordKeyCache] = []

    func take() -> WordKeyCache? {
        lock.lock()
        defer { lock.unlock() }
        return caches.popLast() ?? WordKeyCache(limit: 1 << 14)
    }

    func give(_ cache: WordKeyCache?) {
        guard let cache else { return }
        lock.lock()
        defer { lock.unlock() }
        caches.append(cache)
    }
}
