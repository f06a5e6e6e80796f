import Testing

@testable import KienNghiCore

/// Routing rules that say more precisely than the theme's default who must act.
/// Examples are written for these tests (not taken from the shared data sets).
@Suite("Routing refinements")
struct RoutingRefinementTests {
    func classify(_ text: String) -> Classification { defaultClassifier.classify(text) }

    /// One petition, the theme it is about and who must answer, under the rule it illustrates.
    struct Routed: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var theme: String
        var agency: String
        init(_ rule: String, _ text: String, theme: String, agency: String) {
            self.rule = rule
            self.text = text
            self.theme = theme
            self.agency = agency
        }
        var testDescription: String { rule }
    }

    static let routed: [Routed] = [
        Routed(
            "trading on a national road is still for the local committee",
            "Nhiều hộ dân họp chợ tự phát ngay trên quốc lộ 5 đoạn qua xã An Lạc, gây ùn tắc giao thông.",
            theme: "traffic", agency: "district"),
        Routed(
            "trading on a national road is still for the local committee",
            "Các điểm dừng xe buýt trên phố bị chiếm dụng làm chỗ bán nước, hành khách phải đứng dưới lòng đường.",
            theme: "traffic", agency: "district"),
        Routed(
            "the bus route itself stays with the transport department",
            "Đề nghị thành phố mở thêm tuyến xe buýt đến các khu công nghiệp và giảm giá vé tháng cho công nhân.",
            theme: "traffic", agency: "transport"),
        Routed(
            "reimbursement is for the fund and drug shortages for the health department",
            "Tôi đi khám bảo hiểm y tế, bệnh viện hết thuốc nên phải tự mua bên ngoài. Xin hỏi tôi có được quỹ bảo hiểm y tế thanh toán lại tiền thuốc không?",
            theme: "health-insurance", agency: "bhxh"),
        Routed(
            "reimbursement is for the fund and drug shortages for the health department",
            "Cử tri phản ánh tình trạng thiếu thuốc tại các bệnh viện, người bệnh có thẻ bảo hiểm y tế phải mua thuốc ngoài và đề nghị có cơ chế thanh toán lại.",
            theme: "health-insurance", agency: "health"),
        Routed(
            "waiting in hospitals and petitions to the health ministry are for the health department",
            "Người khám bảo hiểm y tế phải chờ đợi rất lâu ở bệnh viện tuyến huyện, đông hơn nhiều so với khám dịch vụ.",
            theme: "health-insurance", agency: "health"),
        Routed(
            "waiting in hospitals and petitions to the health ministry are for the health department",
            "Cử tri đề nghị Bộ Y tế xem xét miễn đóng bảo hiểm y tế cho học sinh vùng khó khăn.",
            theme: "health-insurance", agency: "health"),
        Routed(
            "civil status rules are for the justice department but one birth certificate is local",
            "Đề nghị sửa đổi quy định về cấp bản sao trích lục khai sinh, bỏ yêu cầu chứng thực giấy tờ khi đã có cơ sở dữ liệu dân cư.",
            theme: "administrative-procedures", agency: "justice"),
        Routed(
            "civil status rules are for the justice department but one birth certificate is local",
            "Gia đình tôi ở thôn Đoài, xã Tiên Phong làm thủ tục khai sinh cho con phải đi lại ba lần mới xong.",
            theme: "administrative-procedures", agency: "district"),
        Routed(
            "work permits are for the labour department and vehicle papers for the police",
            "Doanh nghiệp phản ánh thủ tục cấp giấy phép lao động cho chuyên gia nước ngoài kéo dài hai tháng.",
            theme: "administrative-procedures", agency: "labour"),
        Routed(
            "work permits are for the labour department and vehicle papers for the police",
            "Tôi mua một chiếc xe máy cũ đã qua nhiều chủ, nay bị mất giấy tờ xe thì làm thủ tục thế nào?",
            theme: "administrative-procedures", agency: "police"),
        Routed(
            "the retirement age is labour code policy",
            "Cử tri là công nhân kiến nghị giảm tuổi nghỉ hưu cho lao động nữ làm việc nặng nhọc trong các nhà máy.",
            theme: "social-insurance", agency: "labour"),
        Routed(
            "schools cheap housing and clean water for workers",
            "Con công nhân không có trường học gần khu nhà trọ, công nhân phải nghỉ làm để đưa đón con.",
            theme: "living-conditions", agency: "education"),
        Routed(
            "schools cheap housing and clean water for workers",
            "Đề nghị thành phố xây dựng nhà ở giá rẻ cho công nhân thuê gần khu công nghiệp.",
            theme: "living-conditions", agency: "construction"),
        Routed(
            "schools cheap housing and clean water for workers",
            "Khu nhà trọ công nhân chưa có nước sạch, phải dùng nước giếng khoan bị nhiễm phèn.",
            theme: "living-conditions", agency: "construction"),
        Routed(
            "waste sorting at source is a city programme",
            "Cử tri đề nghị thành phố đẩy mạnh phân loại rác tại nguồn và hướng dẫn người dân cách phân loại rác thải sinh hoạt.",
            theme: "environment", agency: "environment"),
    ]

    @Test(arguments: routed)
    func routesAsTheRuleSays(_ case: Routed) {
        let c = classify(`case`.text)
        #expect(c.mainTheme == `case`.theme, "main theme")
        #expect(c.agency?.id == `case`.agency, "\(c.agency?.rule ?? "no rule")")
    }

    @Test func askingWhatTheRulesSayIsNotAPolicyPetition() throws {
        let c = classify("Tôi bị mất thẻ bảo hiểm y tế. Hồ sơ cấp lại thẻ bảo hiểm y tế được quy định như thế nào?")
        #expect(c.mainTheme == "health-insurance")
        let agency = try #require(c.agency)
        #expect(agency.id == "bhxh")
        #expect(agency.scope.scope != .citywide)
    }

    @Test func callsAndPowerPolesGiveAReviewSuggestion() throws {
        for text in [
            "Mỗi ngày tôi phải nghe hơn chục cuộc gọi lạ, từ chối rồi họ vẫn gọi tiếp.",
            "Cứ đến tối là bị ngắt kết nối, trả tiền đủ mà dùng không được.",
        ] {
            #expect(defaultClassifier.route(text, mainTheme: ThemeID.other)?.id == "information", "\(text)")
        }
        // Sand dredging is environment vocabulary now; its routing rule sends it to the department.
        let sand = classify("Đêm nào cũng có tàu hút cát ngoài bãi sông, bờ ruộng nhà tôi đã sạt mất mấy mét.")
        #expect(sand.mainTheme == "environment")
        #expect(sand.agency?.id == "environment")
        #expect(sand.agency?.needsReview == false)
        // A leaning power pole names no theme: the phrase's rule still suggests who answers.
        let pole = classify("Mấy cột điện trước cổng nhà tôi nghiêng hẳn sang một bên, mưa to là sợ đổ.")
        #expect(pole.mainTheme == ThemeID.other)
        let agency = try #require(pole.agency)
        #expect(agency.id == "industry-trade")
        #expect(agency.needsReview)
    }
}
