import Foundation
import Testing

@testable import KienNghiCore

/// The word-key cache lives across the petitions of a pile, so what one
/// petition teaches it must never change how a later one is read.
@Suite("Word-key cache across petitions")
struct WordKeyCacheTests {
    /// "CA" and "TU" expand only in a petition that also uses lower case: a
    /// petition written all in capitals must not teach the cache that they
    /// never expand, nor the other way round.
    @Test func anAllCapitalsPetitionDoesNotChangeTheNextOne() {
        let sequence = [
            "ĐỀ NGHỊ CA PHƯỜNG XỬ LÝ, TU CHỈ ĐẠO GIẢI QUYẾT DỨT ĐIỂM",
            "Đề nghị CA phường xử lý tụ tập gây rối, TU chỉ đạo giải quyết",
            "ĐỀ NGHỊ CA PHƯỜNG XỬ LÝ, TU CHỈ ĐẠO GIẢI QUYẾT DỨT ĐIỂM",
            "Công an phường (CA) chưa trả lời; BHXH-BHYT và UBND&HĐND cũng chưa",
        ]
        var cache: WordKeyCache? = WordKeyCache()
        for text in sequence + sequence.reversed() {
            let fresh = defaultClassifier.classify(text)
            let cached = defaultClassifier.classify(text, cache: &cache)
            #expect(fresh == cached, "\(text)")
        }
        // The mixed-case petition did read "CA" as the police.
        let mixed = defaultClassifier.analyzer.analyze(sequence[1])
        #expect(mixed.terms.contains { mixed.string($0.key) == "công" })
    }

    /// Through the batch classifier (several workers, each with a cache from the
    /// pool, kept from batch to batch), every petition gets the decision it gets
    /// alone, in any order of the pile.
    @Test func batchesClassifyEachPetitionAsAlone() {
        let texts =
            LexiconExample.all.map(\.text) + [
                "ĐỀ NGHỊ CA PHƯỜNG XỬ LÝ, TU CHỈ ĐẠO GIẢI QUYẾT DỨT ĐIỂM",
                "Đề nghị CA phường xử lý tụ tập gây rối, TU chỉ đạo giải quyết",
                "cong ty no luong cong nhan ba thang, de nghi lien doan lao dong can thiep",
                "dduowngf ngox 47 ngaapj nuwowcs mooxi khi muwa",
            ]
        let alone = texts.map { defaultClassifier.classify($0) }
        let batch = BatchClassifier(classifier: defaultClassifier, threads: 2)
        for order in [Array(texts.indices), Array(texts.indices.reversed())] {
            for _ in 0..<2 {
                let records = order.map { PetitionRecord(id: "\($0)", text: texts[$0], location: $0) }
                let results = batch.classify(records, file: "pile.txt")
                for (position, index) in order.enumerated() {
                    #expect(results[position].classification == alone[index], "\(texts[index])")
                }
            }
        }
    }
}
