import Foundation
import KienNghiCore
import KienNghiOffice

/// Classifies piles with the ordinary pipeline and stores them in the
/// register, one batch per transaction: an interrupted import keeps the
/// batches it finished, and running it again adds only the rest.
package struct CaseImporter {
    private let source: RegisterSource
    package var processor: PileProcessor
    /// Words the register stores (the agency name), chosen at the edge.
    package var presenter: ClassificationPresenter

    package struct FileResult: Sendable {
        package var file: String
        package var counts: CaseRegister.ImportCounts
        package var summary: PileProcessor.Summary
    }

    /// `presenter` defaults to Vietnamese with the processor's lexicons.
    package init(register: CaseRegister, processor: PileProcessor, presenter: ClassificationPresenter? = nil) {
        self.init(opening: { register }, processor: processor, presenter: presenter)
    }

    /// Opens the register with `opening` only when the first batch of a pile
    /// is ready to be stored: an import whose every file is refused (missing,
    /// binary, not decodable) creates no register.
    package init(
        opening: @escaping () throws -> CaseRegister, processor: PileProcessor,
        presenter: ClassificationPresenter? = nil
    ) {
        source = RegisterSource(opening)
        self.processor = processor
        self.presenter =
            presenter ?? ClassificationPresenter(language: .vi, lexicon: processor.batch.classifier.lexicon)
    }

    /// The register, once a batch has opened it (to close it after ``run(_:dialogue:heldOn:afterBatch:rejectedRow:)``).
    package var openedRegister: CaseRegister? { source.opened }

    /// Imports each file into `dialogue`. Each rejected row goes to
    /// `rejectedRow` as it is found (for a rejected-rows file). `afterBatch`
    /// is called after each committed batch (progress; tests use it to stop
    /// an import midway).
    package func run(
        _ files: [String], dialogue: String, heldOn: CaseDate?,
        afterBatch: (CaseRegister.ImportCounts) throws -> Void = { _ in },
        rejectedRow: (RejectedRow) -> Void = { _ in }
    ) throws -> [FileResult] {
        var results: [FileResult] = []
        for file in files {
            var counts = CaseRegister.ImportCounts()
            let columns = processor.columns(of: [file])
            // Begun with the first batch: a file refused before any petition (not found, not
            // decodable, too many columns) leaves no import behind, so it is neither listed
            // nor held to this dialogue ("already imported into another").
            var ticket: CaseRegister.ImportTicket?
            let summary = try processor.run(
                [file], progress: { _ in }, rejectedRow: rejectedRow,
                { batch in
                    let register = try source.register()
                    if ticket == nil {
                        ticket = try register.beginImport(
                            file: file, columns: columns, dialogue: dialogue, heldOn: heldOn)
                    }
                    guard let ticket else { return }
                    let added = try register.store(batch, into: ticket, presenter: presenter)
                    counts.added += added.added
                    counts.alreadyThere += added.alreadyThere
                    counts.newGroups += added.newGroups
                    counts.joinedGroups += added.joinedGroups
                    try afterBatch(counts)
                })
            results.append(FileResult(file: file, counts: counts, summary: summary))
        }
        return results
    }
}

/// The register of an import, opened on first use. Used from one thread at a
/// time: the batches of a pile are stored one after another.
private final class RegisterSource {
    private let open: () throws -> CaseRegister
    private(set) var opened: CaseRegister?

    init(_ open: @escaping () throws -> CaseRegister) { self.open = open }

    func register() throws -> CaseRegister {
        if let opened { return opened }
        let register = try open()
        opened = register
        return register
    }
}
