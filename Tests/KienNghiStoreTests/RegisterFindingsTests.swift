import Foundation
import KienNghiCore
import Testing

@testable import KienNghiStore

/// Hostile findings of 2026-12-05 in the register: bulk answers were not one
/// transaction; an import of many near-copies was quadratic (10k rows, 8 min).
@Suite(.serialized) struct RegisterFindingsTests {
    static let today = CaseDate("2019-06-30")!

    static let texts = [
        "Công ty nợ đóng BHXH 7 tháng, nhiều công nhân nghỉ việc chưa được chốt sổ bảo hiểm xã hội để làm thủ tục hưởng trợ cấp thất nghiệp.",
        "Đường vào khu công nghiệp giờ tan ca ùn tắc kéo dài, xe container đỗ dưới lòng đường, đã xảy ra tai nạn giao thông.",
        "Chủ nhà trọ thu tiền điện 4.000 đồng một số, tiền nước 100.000 đồng một người một tháng, cao hơn giá nhà nước quy định.",
    ]

    /// Copy `n` of a text: one word left out, a serial number added.
    static func variant(_ text: String, _ n: Int) -> String {
        var words = text.split(separator: " ").map(String.init)
        words.remove(at: n % words.count)
        return words.joined(separator: " ") + " (đơn số \(n * 7919 % 100_000))"
    }

    @Test(arguments: StoreTestSupport.kinds)
    func anAnswerSheetIsRecordedWholeOrNotAtAll(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        _ = try CaseImporter(register: register, processor: StoreTestSupport.processor())
            .run([StoreTestSupport.sample2019], dialogue: "Đối thoại 2019", heldOn: CaseDate("2019-05-15"))
        _ = try register.assignAll(dialogue: "Đối thoại 2019", actor: "Lan", on: CaseDate("2019-05-20")!)
        let before = try StoreTestSupport.dump(register, today: Self.today)
        let day = CaseDate("2019-06-10")!
        let sheet = [
            CaseRegister.Answer(group: 1, agency: "so-ldtbxh", text: "Đã làm việc.", day: day, partial: false),
            CaseRegister.Answer(group: 2, agency: "so-ldtbxh", text: "Đã kiểm tra.", day: day, partial: true),
            CaseRegister.Answer(group: 9999, agency: "so-ldtbxh", text: "Không có nhóm này.", day: day, partial: false),
            CaseRegister.Answer(group: 3, agency: "so-ldtbxh", text: "Đã trả lời.", day: day, partial: false),
        ]
        #expect(throws: CaseRegisterFailure.entry(index: 2, .unknownGroup(9999))) {
            try register.answer(sheet, actor: "Lan")
        }
        #expect(try StoreTestSupport.dump(register, today: Self.today) == before)
        #expect(try register.history(group: 1).allSatisfy { !$0.event.hasPrefix("answered") })
        // Without the bad row, all of it is recorded.
        try register.answer(sheet.filter { $0.group != 9999 }, actor: "Lan")
        let statuses = Dictionary(
            uniqueKeysWithValues: try register.groups(today: Self.today).map { ($0.id, $0.storedStatus) })
        #expect(statuses[1] == .answered && statuses[2] == .partial && statuses[3] == .answered)
    }

    /// Each new petition among thousands of near-copies is compared with a
    /// bounded number of earlier ones (it was compared with every earlier copy),
    /// and still finds a copy of its own text.
    @Test func nearCopiesAreMatchedWithBoundedWork() {
        let builder = SignatureBuilder(analyzer: StoreTestSupport.classifier.analyzer)
        let index = CandidateIndex(dialogue: 1)
        let rows = 3000
        var textOf: [Int64: Int] = [:]
        var unmatched = 0
        for n in 0..<rows {
            let which = n % Self.texts.count
            let signature = builder.signature(Self.variant(Self.texts[which], n))
            if let match = index.bestMatch(signature, threshold: CaseRegister.defaultThreshold) {
                #expect(textOf[match.petition] == which, "row \(n) matched a copy of another text")
            } else {
                unmatched += 1
            }
            textOf[Int64(n + 1)] = which
            index.add(Int64(n + 1), signature)
        }
        #expect(unmatched == Self.texts.count)
        // Compared with every earlier copy, this was rows² / 6 ≈ 1.5 million.
        #expect(index.comparisons <= rows * 4 * CandidateIndex.crowd, "\(index.comparisons) comparisons")
    }

    /// Through the whole import: the near-copies form one group per text, on both backends.
    @Test(arguments: StoreTestSupport.kinds)
    func anImportOfNearCopiesGroupsThemByText(kind: String) throws {
        let register = try StoreTestSupport.register(kind)
        defer { register.store.close() }
        let rows = (0..<300).map { n in
            (sender: "Đơn vị \(n)", text: Self.variant(Self.texts[n % 3], n), date: "15/4/2019")
        }
        let pile = StoreTestSupport.writePile(rows)
        // Small batches: the in-memory candidates carry over from one transaction to the next.
        let results = try CaseImporter(register: register, processor: StoreTestSupport.processor(batchSize: 37))
            .run([pile], dialogue: "D", heldOn: nil)
        #expect(results[0].counts.added == 300)
        #expect(results[0].counts.newGroups == 3)
        let groups = try register.groups(today: Self.today)
        #expect(groups.map(\.count) == [100, 100, 100])
    }
}
