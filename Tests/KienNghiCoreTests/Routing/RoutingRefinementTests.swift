import Testing

@testable import KienNghiCore

/// Routing rules that say more precisely than the theme's default who must act.
/// Examples are written for these tests (not taken from the shared data sets).
@Suite("Routing refinements")
struct RoutingRefinementTests {
    func classify(_ text: String) -> Classification { defaultClassifier.classify(text) }

    func expect(
        _ text: String, theme: String, agency: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let c = classify(text)
        #expect(c.mainTheme == theme, "main theme", sourceLocation: sourceLocation)
        #expect(c.agency?.id == agency, "\(c.agency?.rule ?? "no rule")", sourceLocation: sourceLocation)
    }

    @Test func tradingOnANationalRoadIsStillForTheLocalCommittee() {
        expect(
            "Nhiều hộ dân họp chợ tự phát ngay trên quốc lộ 5 đoạn qua xã An Lạc, gây ùn tắc giao thông.",
            theme: "traffic", agency: "district")
        expect(
            "Các điểm dừng xe buýt trên phố bị chiếm dụng làm chỗ bán nước, hành khách phải đứng dưới lòng đường.",
            theme: "traffic", agency: "district")
    }

    @Test func theBusRouteItselfStaysWithTheTransportDepartment() {
        expect(
            "Đề nghị thành phố mở thêm tuyến xe buýt đến các khu công nghiệp và giảm giá vé tháng cho công nhân.",
            theme: "traffic", agency: "transport")
    }

    @Test func reimbursementIsForTheFundAndDrugShortagesForTheHealthDepartment() {
        expect(
            "Tôi đi khám bảo hiểm y tế, bệnh viện hết thuốc nên phải tự mua bên ngoài. Xin hỏi tôi có được quỹ bảo hiểm y tế thanh toán lại tiền thuốc không?",
            theme: "health-insurance", agency: "bhxh")
        expect(
            "Cử tri phản ánh tình trạng thiếu thuốc tại các bệnh viện, người bệnh có thẻ bảo hiểm y tế phải mua thuốc ngoài và đề nghị có cơ chế thanh toán lại.",
            theme: "health-insurance", agency: "health")
    }

    @Test func waitingInHospitalsAndPetitionsToTheHealthMinistryAreForTheHealthDepartment() {
        expect(
            "Người khám bảo hiểm y tế phải chờ đợi rất lâu ở bệnh viện tuyến huyện, đông hơn nhiều so với khám dịch vụ.",
            theme: "health-insurance", agency: "health")
        expect(
            "Cử tri đề nghị Bộ Y tế xem xét miễn đóng bảo hiểm y tế cho học sinh vùng khó khăn.",
            theme: "health-insurance", agency: "health")
    }

    @Test func askingWhatTheRulesSayIsNotAPolicyPetition() throws {
        let c = classify("Tôi bị mất thẻ bảo hiểm y tế. Hồ sơ cấp lại thẻ bảo hiểm y tế được quy định như thế nào?")
        #expect(c.mainTheme == "health-insurance")
        let agency = try #require(c.agency)
        #expect(agency.id == "bhxh")
        #expect(agency.scope.scope != .citywide)
    }

    @Test func civilStatusRulesAreForTheJusticeDepartmentButOneBirthCertificateIsLocal() {
        expect(
            "Đề nghị sửa đổi quy định về cấp bản sao trích lục khai sinh, bỏ yêu cầu chứng thực giấy tờ khi đã có cơ sở dữ liệu dân cư.",
            theme: "administrative-procedures", agency: "justice")
        expect(
            "Gia đình tôi ở thôn Đoài, xã Tiên Phong làm thủ tục khai sinh cho con phải đi lại ba lần mới xong.",
            theme: "administrative-procedures", agency: "district")
    }

    @Test func workPermitsAreForTheLabourDepartmentAndVehiclePapersForThePolice() {
        expect(
            "Doanh nghiệp phản ánh thủ tục cấp giấy phép lao động cho chuyên gia nước ngoài kéo dài hai tháng.",
            theme: "administrative-procedures", agency: "labour")
        expect(
            "Tôi mua một chiếc xe máy cũ đã qua nhiều chủ, nay bị mất giấy tờ xe thì làm thủ tục thế nào?",
            theme: "administrative-procedures", agency: "police")
    }

    @Test func theRetirementAgeIsLabourCodePolicy() {
        expect(
            "Cử tri là công nhân kiến nghị giảm tuổi nghỉ hưu cho lao động nữ làm việc nặng nhọc trong các nhà máy.",
            theme: "social-insurance", agency: "labour")
    }

    @Test func schoolsCheapHousingAndCleanWaterForWorkers() {
        expect(
            "Con công nhân không có trường học gần khu nhà trọ, công nhân phải nghỉ làm để đưa đón con.",
            theme: "living-conditions", agency: "education")
        expect(
            "Đề nghị thành phố xây dựng nhà ở giá rẻ cho công nhân thuê gần khu công nghiệp.",
            theme: "living-conditions", agency: "construction")
        expect(
            "Khu nhà trọ công nhân chưa có nước sạch, phải dùng nước giếng khoan bị nhiễm phèn.",
            theme: "living-conditions", agency: "construction")
    }

    @Test func wasteSortingAtSourceIsACityProgramme() {
        expect(
            "Cử tri đề nghị thành phố đẩy mạnh phân loại rác tại nguồn và hướng dẫn người dân cách phân loại rác thải sinh hoạt.",
            theme: "environment", agency: "environment")
    }

    @Test func callsAndSandMiningGiveAReviewSuggestion() throws {
        for text in [
            "Mỗi ngày tôi phải nghe hơn chục cuộc gọi lạ, từ chối rồi họ vẫn gọi tiếp.",
            "Cứ đến tối là bị ngắt kết nối, trả tiền đủ mà dùng không được.",
        ] {
            #expect(defaultClassifier.route(text, mainTheme: ThemeID.other)?.id == "information", "\(text)")
        }
        let c = classify("Đêm nào cũng có tàu hút cát ngoài bãi sông, bờ ruộng nhà tôi đã sạt mất mấy mét.")
        #expect(c.mainTheme == ThemeID.other)
        let agency = try #require(c.agency)
        #expect(agency.id == "environment")
        #expect(agency.needsReview)
    }
}
