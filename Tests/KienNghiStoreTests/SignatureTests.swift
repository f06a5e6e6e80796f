import Foundation
import Testing

@testable import KienNghiStore

@Suite struct SignatureTests {
    let builder = SignatureBuilder(analyzer: StoreTestSupport.classifier.analyzer)
    let threshold = CaseRegister.defaultThreshold

    @Test func everyHandCheckedDuplicatePairGroups() {
        for (a, b) in NearDuplicatePairs.same {
            let estimate = builder.signature(a).similarity(builder.signature(b))
            #expect(
                estimate >= threshold,
                "same concern scored \(estimate) (exact \(builder.jaccard(a, b))): «\(a)» / «\(b)»")
        }
    }

    @Test func noHandCheckedDistinctPairGroups() {
        for (a, b) in NearDuplicatePairs.different {
            let estimate = builder.signature(a).similarity(builder.signature(b))
            #expect(
                estimate < threshold,
                "different concerns scored \(estimate) (exact \(builder.jaccard(a, b))): «\(a)» / «\(b)»")
        }
    }

    /// Prints the score distribution used to choose the threshold (run with --filter to see it).
    @Test func scoreDistribution() {
        let same = NearDuplicatePairs.same.map { builder.signature($0.0).similarity(builder.signature($0.1)) }.sorted()
        let different = NearDuplicatePairs.different.map { builder.signature($0.0).similarity(builder.signature($0.1)) }
            .sorted()
        print(
            "same: min \(same.first!) median \(same[same.count / 2]); different: max \(different.last!) median \(different[different.count / 2])"
        )
        #expect(same.first! > different.last!)
    }

    @Test func minHashEstimatesJaccard() {
        for (a, b) in NearDuplicatePairs.same + NearDuplicatePairs.different {
            let exact = builder.jaccard(a, b)
            let estimate = builder.signature(a).similarity(builder.signature(b))
            #expect(abs(exact - estimate) < 0.2, "exact \(exact) vs estimate \(estimate)")
        }
    }

    @Test func accentsCaseAndAbbreviationsGiveTheSameShingles() {
        #expect(builder.shingles("Công ty nợ BHXH") == builder.shingles("cong ty no bảo hiểm xã hội"))
        #expect(builder.shingles("Hoà bình") == builder.shingles("HÒA BÌNH"))
    }

    @Test func signatureRoundTripsThroughStorage() {
        let signature = builder.signature("Công ty nợ lương 3 tháng")
        #expect(PetitionSignature(encoded: signature.encoded) == signature)
        #expect(signature.bandKeys.count == PetitionSignature.bands)
        #expect(PetitionSignature(encoded: "zz") == nil)
    }

    @Test func sha256MatchesKnownVectors() {
        var empty = SHA256()
        #expect(
            empty.finalize().map { String(format: "%02x", $0) }.joined()
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256()
        abc.update(Array("abc".utf8))
        #expect(
            abc.finalize().map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256()
        for _ in 0..<1000 { long.update(Array(repeating: 0x61, count: 1000)) }
        #expect(
            long.finalize().map { String(format: "%02x", $0) }.joined()
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func datesAndDueRule() {
        #expect(CaseDate("15/4/2019")?.description == "2019-04-15")
        #expect(CaseDate("2019-04-15") == CaseDate("15-04-2019"))
        #expect(CaseDate("31/2/2019") == nil)
        // A spreadsheet's date-time cell (read as ISO text) keeps its day; other trailing words do not parse.
        #expect(CaseDate("2019-04-15 08:30")?.description == "2019-04-15")
        #expect(CaseDate("2019-04-15T08:30:15")?.description == "2019-04-15")
        #expect(CaseDate("15/4/2019 sáng") == nil && CaseDate("2019-04-15 ") != nil)
        #expect(CaseDate("2020-02-28")!.adding(days: 1).description == "2020-02-29")
        #expect(DueDateRule.standard.due(received: CaseDate("2019-04-15")!, urgent: false).description == "2019-04-30")
        #expect(DueDateRule.standard.due(received: CaseDate("2019-04-15")!, urgent: true).description == "2019-04-22")
    }
}
