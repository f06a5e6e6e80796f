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
}
