import Testing

@testable import KienNghiCore

@Suite("Routing across dates")
struct RoutingTests {
    func route(_ text: String, _ date: String?) -> AgencySuggestion? {
        defaultClassifier.classify(text, asOf: date.flatMap(RoutingDate.init(iso:)) ?? .structure2019).agency
    }

    static let wages = "Công ty chậm trả lương, không ký hợp đồng lao động cho công nhân."

    @Test(arguments: [
        (nil as String?, "labour"), ("2025-02-28", "labour"), ("2025-03-01", "home-affairs"),
        ("2026-01-01", "home-affairs"),
    ])
    func labourBecomesHomeAffairs(date: String?, agency: String) {
        #expect(route(Self.wages, date)?.id == agency)
    }

    @Test(arguments: [("2019-06-01", "transport"), ("2025-03-01", "construction")])
    func transportMergesIntoConstruction(date: String, agency: String) {
        #expect(route("Đề nghị mở thêm tuyến xe buýt đến khu công nghiệp.", date)?.id == agency)
    }

    @Test(arguments: [("2025-02-28", "justice"), ("2025-03-01", "police")])
    func criminalRecordCertificatesMoveToThePolice(date: String, agency: String) {
        #expect(route("Thủ tục cấp lý lịch tư pháp cho công nhân còn chậm.", date)?.id == agency)
    }

    @Test func districtBeforeJuly2025() {
        let agency = route(
            "Công dân huyện Gia Lâm phản ánh thủ tục giấy khai sinh phải đi lại nhiều lần.", "2025-06-30")
        #expect(agency?.id == "district")
        #expect(
            agency.map { vietnamese.bodyName($0, asOf: RoutingDate(iso: "2025-06-30")!) }
                == "Ủy ban nhân dân huyện Gia Lâm")
    }

    @Test func oldDistrictMapsToSeveralCommunesAndSaysSo() {
        let agency = route(
            "Công dân huyện Gia Lâm phản ánh thủ tục giấy khai sinh phải đi lại nhiều lần.", "2025-07-01")
        #expect(agency?.id == "commune")
        #expect(agency?.ambiguous == true)
        #expect(agency?.localUnits.contains("Xã Gia Lâm") == true)
        #expect(
            agency.map { vietnamese.reason($0, asOf: RoutingDate(iso: "2025-07-01")!) }?.contains("nhiều phường/xã")
                == true)
    }

    @Test func namedNewCommuneIsUsedDirectly() {
        let agency = route(
            "Bộ phận một cửa phường Yên Hòa trả hồ sơ giấy khai sinh chậm, phải đi lại nhiều lần.", "2025-08-01")
        #expect(agency?.id == "commune")
        #expect(
            agency.map { vietnamese.bodyName($0, asOf: RoutingDate(iso: "2025-08-01")!) }
                == "Ủy ban nhân dân phường Yên Hòa")
        #expect(agency?.ambiguous == false)
    }

    @Test func specificRulesBeatTheThemeDefault() {
        #expect(route("Thủ tục đăng ký tạm trú cho công nhân rườm rà.", nil)?.id == "police")
        #expect(route("Chủ nhà trọ thu giá điện quá cao.", nil)?.id == "industry-trade")
        #expect(route("Con công nhân không có chỗ học mầm non.", nil)?.id == "education")
        #expect(route("Đề nghị xây nhà ở cho công nhân thuê.", nil)?.id == "construction")
    }

    @Test func everyRuleNamesAnAgencyThatExistsOnEveryDate() {
        let table = defaultLexicon.routing
        for date in ["2019-01-01", "2025-02-28", "2025-03-01", "2025-06-30", "2025-07-01", "2030-01-01"].compactMap(
            RoutingDate.init(iso:))
        {
            for rule in table.rules where rule.period.contains(date) {
                #expect(table.resolve(rule.agency, on: date) != nil, "\(rule.source) on \(date)")
            }
        }
    }

    @Test func datesParseStrictly() {
        #expect(RoutingDate(iso: "2025-02-29") == nil)
        #expect(RoutingDate(iso: "2024-02-29") != nil)
        #expect(RoutingDate(iso: "2025-7-1") == nil)
    }
}
