import Foundation

/// Reads several inputs, classifies them in parallel, hands results on in
/// order, and keeps count of everything: for every run,
/// rows read = classified + sent to review + rejected, exactly
/// (blank lines and header rows are not rows; a file that cannot be read at
/// all is listed in ``Summary/failedFiles``).
public struct PileProcessor {
    /// The accounting of one run (see ``PileSummary``).
    public struct Summary: Sendable {
        /// Petitions read and classified (review included).
        public var read = 0
        /// Petitions classified, review included (equals ``read``).
        public var classified = 0
        /// Of ``classified``, petitions sent to review (no theme accepted).
        public var review = 0
        /// Petitions with at least one urgency flag.
        public var urgent = 0
        /// The first ``keptRejectedRows`` rejected rows (all of them go to the rejected-rows sink).
        public var rejected: [RejectedRow] = []
        /// Every rejected row, counted.
        public var rejectedCount = 0
        /// Rejected rows counted by reason code.
        public var rejectedByReason: [RejectedRow.Reason: Int] = [:]
        /// Whether some rejected row may have been a petition.
        public var lostPetitions = false
        /// Inputs that could not be read at all, with why; the others were still read.
        public var failedFiles: [(path: String, failure: InputFailure)] = []
        /// Detected header rows that read like petitions (see ``PetitionSource/doubtfulHeader``), by input.
        public var doubtfulHeaders: [(path: String, header: DoubtfulHeader)] = []
        /// Invalid byte sequences replaced with U+FFFD (`--lenient`), by input.
        public var replaced: [(path: String, count: Int)] = []

        /// How many rejected rows are kept in memory for display.
        public static let keptRejectedRows = 1000

        /// An empty account (nothing read yet).
        package init() {}

        /// Rows read: petitions plus rejected rows.
        public var rows: Int { read + rejectedCount }

        mutating func reject(_ row: RejectedRow) {
            rejectedCount += 1
            rejectedByReason[row.reason, default: 0] += 1
            if row.reason.losesPetition { lostPetitions = true }
            if rejected.count < Self.keptRejectedRows { rejected.append(row) }
        }

        /// Adds another run's accounting to this one (several runs, one account).
        package mutating func add(_ other: Summary) {
            read += other.read
            classified += other.classified
            review += other.review
            urgent += other.urgent
            rejected += other.rejected.prefix(Self.keptRejectedRows - rejected.count)
            rejectedCount += other.rejectedCount
            rejectedByReason.merge(other.rejectedByReason, uniquingKeysWith: +)
            lostPetitions = lostPetitions || other.lostPetitions
            failedFiles += other.failedFiles
            doubtfulHeaders += other.doubtfulHeaders
            replaced += other.replaced
        }
    }

    package let batch: BatchClassifier
    package let options: PetitionSourceOptions
    /// The readers inputs are opened with (by extension).
    package let readers: PetitionReaders
    package var batchSize = 2048
    /// Inputs opened early (by ``columns(of:)``), handed to ``run`` so nothing is opened or read twice.
    private let opened = OpenedSources()

    package init(batch: BatchClassifier, options: PetitionSourceOptions, readers: PetitionReaders = .text) {
        self.batch = batch
        self.options = options
        self.readers = readers
    }

    private final class OpenedSources {
        var sources: [String: Result<any PetitionSource, InputFailure>] = [:]
        /// The pile's columns once ``columns(of:)`` gave them to the writers: every input's
        /// rows are placed in them by name.
        var union: ColumnUnion?
    }

    private func open(_ input: String) -> Result<any PetitionSource, InputFailure> {
        if let early = opened.sources.removeValue(forKey: input) { return early }
        do { return .success(try readers.open(input, options: options)) } catch let failure as InputFailure {
            return .failure(failure)
        } catch {
            return .failure(.unreadable(path: input))
        }
    }

    /// Column names of the pile (for writers' headers): the first readable input's, then the
    /// columns later inputs add, by name; ``run`` places every row in them, so a cell never
    /// lands under another file's column. Inputs that cannot be opened again (a pipe, standard
    /// input) and the first one stay open for ``run``: nothing is read twice.
    package func columns(of inputs: [String]) -> [String] {
        var union: ColumnUnion?
        for input in inputs {
            let result = opened.sources[input] ?? open(input)
            guard case .success(let source) = result else {
                opened.sources[input] = result
                continue
            }
            let first = union == nil
            if first {
                union = ColumnUnion(source.columns)
            } else {
                // Nil when too wide together: ``run`` reports this input (the union stays as it was).
                _ = union!.place(source.columns)
            }
            // Others are opened again by ``run``, so a pile of many files holds one open at a time.
            if first || !Self.canOpenAgain(input) { opened.sources[input] = result }
        }
        opened.union = union
        return union?.names ?? ["text"]
    }

    /// Whether opening `input` again reads the same bytes: a regular file (not standard input, a pipe or a device).
    private static func canOpenAgain(_ input: String) -> Bool {
        var info = stat()
        return input != "-" && stat(input, &info) == 0 && (UInt32(info.st_mode) & 0o170000) == 0o100000
    }

    /// Reads, classifies and hands on every input in order. Each rejected row
    /// goes to `rejectedRow` as it is found (for a rejected-rows file).
    /// `consume` runs on a thread of its own, one batch at a time and in order,
    /// while the next batch is classified; its first error ends the run.
    package func run(
        _ inputs: [String], progress: (Int) -> Void = { _ in }, rejectedRow: (RejectedRow) -> Void = { _ in },
        _ consume: ([ClassifiedPetition]) throws -> Void
    ) throws -> Summary {
        try withoutActuallyEscaping(consume) { consume in
            let handOff = BatchHandOff(consume)
            // The consumer must be done, and let go of `consume`, before it goes out of scope, whatever happens.
            defer { handOff.close() }
            let summary = try run(inputs, progress: progress, rejectedRow: rejectedRow, handOff: handOff)
            try handOff.finishPending()
            return summary
        }
    }

    private func run(
        _ inputs: [String], progress: (Int) -> Void, rejectedRow: (RejectedRow) -> Void, handOff: BatchHandOff
    ) throws -> Summary {
        var summary = Summary()
        for input in inputs {
            let source: any PetitionSource
            switch open(input) {
            case .success(let opened):
                source = opened
                if let header = opened.doubtfulHeader { summary.doubtfulHeaders.append((input, header)) }
            case .failure(let failure):
                summary.failedFiles.append((input, failure))
                continue
            }
            // A row of an input with other columns goes into the pile's columns, by name.
            var placement: (map: [Int], width: Int)? = nil
            if var union = opened.union, source.columns != union.names {
                let width = union.names.count
                // Placed on a copy: the writers' header is fixed, so a column it lacks refuses the input.
                guard let map = union.place(source.columns), union.names.count == width else {
                    summary.failedFiles.append((input, .columnsBeyondPile(path: input, limit: InputLimits.maxColumns)))
                    continue
                }
                placement = (map, width)
            }
            do {
                try source.read(
                    batchSize: batchSize,
                    { records in
                        summary.read += records.count
                        var records = records
                        if let placement {
                            for index in records.indices {
                                records[index].cells = ColumnUnion.place(
                                    records[index].cells, by: placement.map, width: placement.width)
                            }
                        }
                        let classified = batch.classify(records, file: input)
                        summary.classified += classified.count
                        // Counted in place: filtering copied every petition it kept.
                        for index in classified.indices {
                            if classified[index].classification.needsReview { summary.review += 1 }
                            if !classified[index].classification.urgency.isEmpty { summary.urgent += 1 }
                        }
                        try handOff.submit(classified)
                        progress(summary.read)
                    },
                    rejected: { row in
                        summary.reject(row)
                        rejectedRow(row)
                    })
            } catch let failure as InputFailure {
                summary.failedFiles.append((input, failure))
            }
            if source.replacedSequences > 0 { summary.replaced.append((input, source.replacedSequences)) }
        }
        return summary
    }
}

/// Hands classified batches to a consumer (a writer, the case register) on one
/// background thread, in order, so writing one batch overlaps classifying the
/// next. At most one batch is being consumed while the next is classified, so
/// memory stays at two batches.
final class BatchHandOff: @unchecked Sendable {
    /// Set until ``close()``: the caller's closure must not outlive its call.
    private var consume: (([ClassifiedPetition]) throws -> Void)?
    private let queue = DispatchQueue(label: "kiennghi.batch-hand-off")
    private let pending = DispatchGroup()
    /// The consumer's first error; written on the queue, read after waiting for it.
    private var failure: (any Error)?

    init(_ consume: @escaping ([ClassifiedPetition]) throws -> Void) {
        self.consume = consume
    }

    /// Waits for the previous batch (rethrowing its error), then starts this one.
    func submit(_ batch: [ClassifiedPetition]) throws {
        try finishPending()
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            do { try consume?(batch) } catch { failure = error }
        }
    }

    /// Waits until the consumer is idle; throws the error it met, if any.
    func finishPending() throws {
        pending.wait()
        if let failure {
            self.failure = nil
            throw failure
        }
    }

    /// Waits until the consumer is idle and drops the closure (a pending
    /// error is left unthrown: on a failed run the first error is already on its way).
    func close() {
        pending.wait()
        consume = nil
    }
}
