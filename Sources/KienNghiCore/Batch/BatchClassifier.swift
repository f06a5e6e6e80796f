import Dispatch

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
        results.withUnsafeMutableBufferPointer { buffer in
            // Each slice writes only its own indices, so the writes never overlap.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var index = slice
                while index < batch.count {
                    output[index] = classifier.classify(batch[index].text, asOf: asOf)
                    index += slices
                }
            }
        }
        return batch.indices.map { ClassifiedPetition(record: batch[$0], classification: results[$0]!, file: file) }
    }
}

/// Facts about the machine the batch runs on.
package enum System {
    package static var coreCount: Int { ProcessInfoShim.activeProcessorCount }
}
