// An embedding example: classify a CSV through the front door and print each
// decision in Vietnamese and in English. It is compiled as if it lived outside
// the package (see Package.swift), so it can use only KienNghiCore's public API.
//
//     swift run kiennghi-example Tests/KienNghiCoreTests/Fixtures/example.csv
import Foundation
import KienNghiCore

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: kiennghi-example FILE.csv\n".utf8))
    exit(64)
}
let pipeline = try PetitionPipeline(options: .init(asOf: RoutingDate(year: 2025, month: 7, day: 1)))
let presenters = [Language.vi, .en].map { ClassificationPresenter(language: $0, pipeline: pipeline) }
let summary = try pipeline.classify(files: [CommandLine.arguments[1]]) { petitions in
    for petition in petitions {
        let decision = petition.classification
        for words in presenters {
            let agency = decision.agency.map { words.bodyName($0, asOf: decision.asOf) } ?? "-"
            print("\(petition.record.id) [\(words.language)] \(words.themeLabel(decision.mainTheme)) → \(agency)")
        }
    }
}
for words in presenters {
    for (_, failure) in summary.failedFiles { print(words.failure(failure)) }
    print(words.summary(summary))
}
