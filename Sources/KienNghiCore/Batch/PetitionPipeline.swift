import Foundation

/// The front door of KienNghiCore: made once from a lexicon folder (the
/// bundled one by default), it classifies one text, one record, or whole piles
/// of files, and returns decisions as data (``Classification``: ids, scores,
/// spans, reason codes). Word them with a ``ClassificationPresenter``.
///
/// ```swift
/// let pipeline = try PetitionPipeline()
/// let presenter = ClassificationPresenter(language: .en, pipeline: pipeline)
/// let summary = try pipeline.classify(files: ["petitions.csv"]) { petitions in
///     for petition in petitions { print(presenter.themeLabel(petition.classification.mainTheme)) }
/// }
/// ```
public struct PetitionPipeline: Sendable {
    /// What the pipeline decides with, besides the lexicons.
    public struct Options: Sendable {
        /// The date agencies are routed for (defaults to the 2019 structure).
        public var asOf: RoutingDate
        /// Thresholds and weights of theme scoring.
        public var policy: ScoringPolicy
        /// How files are opened (encoding, text column, sheet).
        public var sources: PetitionSourceOptions
        /// Threads classifying a batch; nil uses every core available.
        public var threads: Int?

        /// Options for routing on `asOf`, scoring with `policy`, opening files with `sources`.
        public init(
            asOf: RoutingDate = .structure2019, policy: ScoringPolicy = ScoringPolicy(),
            sources: PetitionSourceOptions = PetitionSourceOptions(), threads: Int? = nil
        ) {
            self.asOf = asOf
            self.policy = policy
            self.sources = sources
            self.threads = threads
        }
    }

    /// The options it was made with.
    public let options: Options
    /// The readers files are opened with; register more (KienNghiOffice's XLSX and DOCX) before classifying files.
    public var readers: PetitionReaders
    package let classifier: Classifier

    /// Loads, checks and compiles the lexicons in `directory` (nil: the copy bundled with KienNghiCore).
    /// - Throws: ``LexiconLoader/Failure`` with every diagnostic when a lexicon file has errors.
    public init(lexicons directory: URL? = nil, options: Options = Options(), readers: PetitionReaders = .text)
        throws(LexiconLoader.Failure)
    {
        let (lexicon, _) = try LexiconLoader(directory: directory ?? BundledLexicons.directory).load()
        self.init(classifier: Classifier(lexicon: lexicon, policy: options.policy), options: options, readers: readers)
    }

    /// A pipeline around an already compiled classifier (the command-line tool's own lexicon handling).
    package init(classifier: Classifier, options: Options, readers: PetitionReaders) {
        self.classifier = classifier
        self.options = options
        self.readers = readers
    }

    /// The lexicons the pipeline classifies with (for presenters and reports).
    package var lexicon: Lexicon { classifier.lexicon }

    /// Classifies one petition text, routed for ``Options/asOf``.
    public func classify(_ text: String) -> Classification {
        classifier.classify(text, asOf: options.asOf)
    }

    /// Classifies one record read from `file` (for a record built by the caller, any label).
    public func classify(_ record: PetitionRecord, file: String = "") -> ClassifiedPetition {
        ClassifiedPetition(record: record, classification: classify(record.text), file: file)
    }

    /// Reads, classifies and hands on every file in order, in batches, with
    /// bounded memory. Rows that are not petitions go to `rejected` as they are
    /// found; a file that cannot be read at all is listed in the summary and the
    /// others go on. For every run, rows read = classified + review + rejected.
    public func classify(
        files: [String], progress: (Int) -> Void = { _ in }, rejected: (RejectedRow) -> Void = { _ in },
        _ consume: ([ClassifiedPetition]) throws -> Void
    ) throws -> PileSummary {
        try processor().run(files, progress: progress, rejectedRow: rejected, consume)
    }

    /// A processor for one run (it keeps inputs opened early for their columns).
    package func processor() -> PileProcessor {
        PileProcessor(
            batch: BatchClassifier(
                classifier: classifier, asOf: options.asOf, threads: options.threads ?? System.coreCount),
            options: options.sources, readers: readers)
    }
}

/// The accounting of one run over a pile: rows read = classified + review + rejected.
public typealias PileSummary = PileProcessor.Summary
