import Foundation
import Testing

@testable import KienNghiCore

/// Scope-aware routing: one place → the local People's Committee, the whole city
/// or a policy → the department; petitions sent to review still get a suggestion.
/// Examples are written for these tests (not taken from the shared data sets).
@Suite("Routing by scope")
struct ScopeRoutingTests {
    func classify(_ text: String, _ date: String? = nil) -> Classification {
        defaultClassifier.classify(text, asOf: date.flatMap(RoutingDate.init(iso:)) ?? .structure2019)
    }

    static let pothole =
        "Mặt đường ngõ 47 phố Vọng, phường Đồng Tâm bị sụt lún, nhiều ổ gà lớn, trời mưa là ngập, xe máy đi qua rất nguy hiểm."
    static let busPolicy =
        "Đề nghị thành phố mở thêm tuyến xe buýt đến các khu công nghiệp và giảm giá vé tháng cho công nhân."

    @Test func potholeInOneAlleyGoesToTheDistrict() throws {
        let c = classify(Self.pothole)
        #expect(c.mainTheme == "traffic")
        let agency = try #require(c.agency)
        #expect(agency.id == "district")
        #expect(agency.scope.scope == .local)
        #expect([.scope, .phraseAndScope].contains(agency.basis))
        let reason = vietnamese.reason(agency, asOf: c.asOf)
        #expect(reason.contains("ngõ 47"))
        #expect(
            reason.contains("\"phường Đồng Tâm\" (không có trong danh mục)"),
            "an unlisted ward is named, not ignored")
        #expect(agency.needsReview == false)
    }

    /// A cue named thousands of times in a long petition counts every time but is shown at most
    /// three times with a name and three without; the reason still names the strongest cues and
    /// the unlisted ward.
    @Test func aRepeatedCueIsShownAFewTimesAndCountsEveryTime() throws {
        let once = classify(Self.pothole)
        let repeated = classify(Self.pothole + String(repeating: " Ngõ 47 ngập, ngõ ngập.", count: 50))
        let agency = try #require(repeated.agency)
        let shownAlley = agency.scope.evidence.filter { $0.phrase == "ngõ" }
        #expect(shownAlley.map(\.surface) == ["ngõ 47", "Ngõ 47", "ngõ", "Ngõ 47", "ngõ", "ngõ"])
        let alleyWeight = try #require(shownAlley.first?.weight)
        #expect(agency.scope.localWeight == (try #require(once.agency)).scope.localWeight + 100 * alleyWeight)
        let reason = vietnamese.reason(agency, asOf: repeated.asOf)
        #expect(reason.contains("\"ngõ 47\", \"Ngõ 47\", \"Ngõ 47\""), "\(reason)")
        #expect(reason.contains("\"phường Đồng Tâm\" (không có trong danh mục)"), "\(reason)")
    }

    @Test func busRoutePolicyGoesToTheDepartment() throws {
        let agency = try #require(classify(Self.busPolicy).agency)
        #expect(agency.id == "transport")
        #expect(agency.scope.scope == .citywide)
    }

    @Test func afterJuly2025TheLocalMatterGoesToTheCommune() throws {
        let agency = try #require(
            classify("Đoạn đường Trần Cung qua phường Nghĩa Đô xuống cấp, nhiều ổ gà, đề nghị sửa chữa.", "2025-07-01")
                .agency)
        #expect(agency.id == "commune")
        #expect(vietnamese.bodyName(agency, asOf: RoutingDate(iso: "2025-07-01")!) == "Ủy ban nhân dân phường Nghĩa Đô")
        #expect(agency.scope.scope == .local)
    }

    @Test func theSameLocalMatterIsForTheDistrictIn2019() throws {
        let agency = try #require(
            classify("Đoạn đường Trần Cung qua phường Nghĩa Đô xuống cấp, nhiều ổ gà, đề nghị sửa chữa.").agency)
        #expect(agency.id == "district")
    }

    @Test func rubbishInAnAlleyIsLocalButFactorySmokeIsForTheDepartment() {
        #expect(
            classify(
                "Rác thải sinh hoạt đổ thành đống ở đầu ngõ 12 tổ dân phố số 3 nhiều ngày không ai thu gom, bốc mùi hôi thối."
            ).agency?.id == "district")
        #expect(
            classify("Nhà máy thép xả khói đen và bụi suốt đêm, gây ô nhiễm môi trường cho cả thôn Đông, xã Hòa Bình.")
                .agency?.id == "environment")
    }

    @Test func landCertificateOfOneHouseholdIsLocalButCityPlanIsNot() {
        #expect(
            classify(
                "Gia đình tôi ở thôn Hạ, xã Minh Phú nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất đã hai năm chưa được giải quyết."
            ).agency?.id == "district")
        #expect(
            classify(
                "Cử tri đề nghị thành phố sớm phê duyệt quy hoạch phân khu, công khai quy hoạch chung để người dân biết."
            ).agency?.id == "planning")
    }

    @Test func healthInsurancePolicyGoesToTheHealthDepartment() {
        #expect(
            classify("Đề nghị có chính sách hỗ trợ mức đóng bảo hiểm y tế cho học sinh, sinh viên thuộc hộ cận nghèo.")
                .agency?.id == "health")
        #expect(
            classify("Tôi bị mất thẻ bảo hiểm y tế, xin hỏi làm lại thẻ ở đâu và mất bao lâu?").agency?.id == "bhxh")
    }

    /// "thuoc" typed without diacritics is mostly "thuộc" (belongs): a drug is named by two syllables.
    @Test func drugsInCoveredTreatmentGoToTheHealthDepartmentWithoutDiacritics() {
        let text = "Đi khám bảo hiểm y tế, bệnh viện chỉ kê thuốc giảm đau, còn lại phải ra nhà thuốc ngoài tự mua."
        #expect(classify(text).agency?.id == "health")
        #expect(classify(stripDiacritics(text)).agency?.id == "health")
        #expect(
            classify("The bao hiem y te cua toi thuoc dien ho can ngheo, xin hoi lam lai the o dau?").agency?.id
                == "bhxh")
    }

    /// Household waste is collected locally, typed with diacritics or without them.
    @Test func householdWasteGoesToTheDistrictWithoutDiacritics() {
        let text =
            "Rác sinh hoạt để cả tuần nay không ai chở đi, bốc mùi hôi thối, ruồi nhặng bu đầy, người dân rất bức xúc."
        #expect(classify(text).agency?.id == "district")
        #expect(classify(stripDiacritics(text)).agency?.id == "district")
    }

    @Test func trafficFinesGoToThePolice() {
        #expect(
            classify("Xe máy của tôi bị phạt nguội vì vượt đèn đỏ trên đường, tôi phải nộp phạt ở đâu?").agency?.id
                == "police")
    }

    @Test func aPetitionSentToReviewStillGetsItsBestAgency() throws {
        // One weak traffic word: under the threshold, so the petition goes to review.
        let c = classify("Đường trước cửa nhà tôi ở ngõ 8 có ổ gà.")
        if c.needsReview {
            let agency = try #require(c.agency, "a routable petition sent to review must still get a suggestion")
            #expect(agency.needsReview)
            #expect(agency.confidence > 0 && agency.confidence <= 0.5)
            #expect(agency.id == "district")
            #expect(vietnamese.reason(agency, asOf: c.asOf).contains("chờ xem xét"))
        } else {
            #expect(c.agency?.id == "district")
        }
    }

    @Test func reviewSuggestionIsMarkedInEveryOutput() throws {
        let c = classify("Xin hỏi quyết toán thuế thu nhập cá nhân khi làm hai nơi thì làm thế nào?")
        #expect(c.needsReview)
        let agency = try #require(c.agency)
        #expect(agency.id == "tax")
        #expect(agency.needsReview)
        let columns = OutputColumns.values(c, vietnamese)
        #expect(columns[7].hasPrefix("chờ xem xét"))
        #expect(columns[7].contains("Cục Thuế"))
        let json = String(
            decoding: try JSONEncoder().encode(ClassificationRecord(classification: c, presenter: vietnamese)),
            as: UTF8.self)
        #expect(json.contains("\"review\":true"))
        #expect(json.contains("\"confidence\""))
    }

    @Test func aTaxQuestionInsideAnotherThemeGoesToTheTaxOffice() {
        #expect(
            defaultClassifier.route(
                "Công ty khấu trừ thuế thu nhập cá nhân từ tiền lương tháng 13 của công nhân như thế nào?",
                mainTheme: "employment")?.id == "tax")
    }

    @Test func precedenceDoesNotDependOnRowOrder() {
        var reversed = defaultLexicon
        reversed.routing.rules.reverse()
        let other = Classifier(lexicon: reversed)
        let texts = [
            Self.pothole, Self.busPolicy, "Chủ nhà trọ thu giá điện quá cao, con công nhân không có chỗ học mầm non.",
            "Đề nghị xây nhà ở cho công nhân, giá điện nhà trọ cao.", "Xe buýt dừng đỗ lấn chiếm vỉa hè trước chợ Hôm.",
            "Thủ tục đăng ký tạm trú và cấp căn cước cho công nhân còn chậm.",
        ]
        for text in texts {
            #expect(defaultClassifier.classify(text).agency?.id == other.classify(text).agency?.id, "\(text)")
        }
    }
}

@Suite("Scope detection")
struct ScopeDetectorTests {
    func scope(_ text: String) -> ScopeAssessment { defaultClassifier.scope(of: text) }

    @Test func namedStreetIsLocalWithItsNameAsEvidence() throws {
        let (text, spans) = marked("Lòng ‹đường Lê Duẩn› bị đào bới.")
        let result = scope(text)
        #expect(result.scope == .local)
        let cue = try #require(result.evidence.first)
        #expect(SourceSpan(start: cue.start, end: cue.end) == spans[0])
        #expect(cue.surface == "đường Lê Duẩn")
    }

    @Test(arguments: [
        "Tổng đài đường dây nóng không ai nghe máy.",
        "Công ty tổ chức tăng ca liên tục.",
        "Tham gia bảo hiểm xã hội tự nguyện như thế nào?",
        "Đời sống ở nông thôn còn khó khăn.",
    ])
    func falseFriendsAreNotPlaces(text: String) {
        #expect(scope(text).scope != .local, "\(scope(text).evidence.map(\.surface))")
    }

    @Test(arguments: [
        "Ngõ 5 phố Huế ngập nước.", "Hẻm 12 bị lấn chiếm.", "Kiệt 30 Hồ Xuân Hương tối om.",
        "Tổ dân phố số 7 chưa có đèn.",
        "Thôn Đông chưa có đường bê tông.", "Chợ Mơ họp tràn ra lòng đường.", "Trước cửa nhà số 15 có hố ga mất nắp.",
    ])
    func placesAreLocal(text: String) {
        #expect(scope(text).scope == .local)
    }

    @Test(arguments: [
        "Đề nghị sửa đổi quy định về mức phí trông giữ xe trên toàn thành phố.", "Quốc lộ 32 thường xuyên ùn tắc.",
        "Nghị định mới về xử phạt cần hướng dẫn rõ.",
    ])
    func cityWideAndPolicyMatters(text: String) {
        #expect(scope(text).scope == .citywide)
    }

    @Test func unaccentedAlleyStillCountsWhenTheCueHasTwoSyllables() {
        #expect(scope(stripDiacritics("Khu dân cư tổ dân phố 4 ngập nặng.")).scope == .local)
    }

    @Test func unaccentedPlaceWordsBeforeANameCount() {
        #expect(scope("ngo 12 duong Le Loi bi ngap sau moi tran mua").scope == .local)
        #expect(scope("phuong tien giao thong dong, ton nhieu thoi gian").scope != .local)
    }

    /// Typed without diacritics, a one-syllable place word ("xã", "tổ", "ấp") counts before a
    /// capitalised name or a number, and only then; in text written with diacritics, "xa" stays "far".
    @Test func oneSyllablePlaceWordsTypedWithoutDiacriticsCountBeforeANameOrNumber() throws {
        let commune = scope(stripDiacritics("Nước thải của trại lợn ở xã Tân Lập chảy ra mương, bốc mùi hôi thối."))
        #expect(commune.scope == .local)
        let cue = try #require(commune.evidence.first)
        #expect(cue.phrase == "xã" && cue.surface == "xa Tan Lap" && cue.match == .plain)
        #expect(scope(stripDiacritics("Rác thải ở tổ 5 không được thu gom cả tuần nay.")).scope == .local)
        #expect(scope(stripDiacritics("Đường vào ấp Bình Lợi bị ngập sau mỗi trận mưa.")).scope == .local)
        // Not before a name or number: "ở xa nhà", "to quá"; and "cho" is "for", "Pho Giam doc" a deputy.
        #expect(scope("Cong nhan o xa nha, tien thue tro to qua, de nghi ho tro them.").evidence.isEmpty)
        #expect(scope("De nghi ho tro cho 40 cong nhan mat viec, Pho Giam doc cong ty da hua.").evidence.isEmpty)
        // Written with diacritics, "xa Hà Nội" is "far from Hà Nội".
        #expect(scope("Công nhân làm việc xa Hà Nội nên ít khi được về thăm gia đình.").evidence.isEmpty)
    }

    @Test func aNationalRoadThroughACommuneIsCityWide() {
        #expect(scope("Quốc lộ 6 đoạn qua xã Trường Yên xuống cấp.").scope == .citywide)
    }
}

@Suite("Routing table checks")
struct RoutingTableCheckTests {
    @Test func invalidScopeIsAnError() throws {
        let diagnostics = try checkBroken {
            try append("traffic\tcầu\ttransport\t\t\tx\tx\tnearby", to: "routing/rules.tsv", in: $0)
        }
        #expect(diagnostics.contains { $0.severity == .error && $0.problem == .invalidRuleScope("nearby") })
    }

    @Test func invalidPriorityIsAnError() throws {
        let diagnostics = try checkBroken {
            try append("traffic\tcầu\ttransport\t\t\tx\tx\t\tcao", to: "routing/rules.tsv", in: $0)
        }
        #expect(diagnostics.contains { $0.severity == .error && $0.problem == .invalidPriority("cao") })
    }

    @Test func aRuleThatCanNeverWinIsReported() throws {
        // Same theme, the other rule has the same phrase inside and a higher priority: this one never decides.
        let diagnostics = try checkBroken { folder in
            try append("traffic\tổ gà\tdistrict\t\t\tx\tx\t\t5", to: "routing/rules.tsv", in: folder)
            try append("traffic\tổ gà lớn\ttransport\t\t\tx\tx", to: "routing/rules.tsv", in: folder)
        }
        #expect(
            diagnostics.contains {
                guard case .shadowedRule(let line) = $0.problem else { return false }
                return $0.severity == .warning && $0.lineText.contains("ổ gà lớn") && line == $0.line - 1
            })
    }

    @Test func aPhraseInsideAnotherWordDoesNotShadow() throws {
        // "xe" is inside "xem xét" only as letters, not as a word: the longer rule still decides.
        let diagnostics = try checkBroken { folder in
            try append("traffic\txe\tdistrict\t\t\tx\tx\t\t5", to: "routing/rules.tsv", in: folder)
            try append("traffic\txem xét\ttransport\t\t\tx\tx", to: "routing/rules.tsv", in: folder)
        }
        #expect(!diagnostics.contains { $0.lineText.contains("xem xét") })
    }

    @Test func badScopeCueIsAnError() throws {
        let diagnostics = try checkBroken { try append("xóm trọ\tnearby\t1\t", to: "routing/scope.tsv", in: $0) }
        #expect(
            diagnostics.contains {
                $0.path == "L/routing/scope.tsv" && $0.severity == .error && $0.problem == .invalidCueScope("nearby")
            })
    }

    @Test func scopeRulesAreLoaded() {
        #expect(
            defaultLexicon.routing.rules.contains {
                $0.theme == "traffic" && $0.scope == .local && $0.agency == "district"
            })
        #expect(defaultLexicon.routing.scopeCues.count > 50)
    }
}
