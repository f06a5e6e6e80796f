import Testing

@testable import KienNghiStore

@Suite struct PersonalDataMaskerTests {
    let masker = PersonalDataMasker()

    @Test(arguments: [
        ("Liên hệ anh Hùng 0912 345 678 để biết thêm.", "0912 345 678", PersonalDataMasker.Kind.phone),
        ("Gọi +84 912.345.678 giúp tôi", "912.345.678", .phone),
        ("SĐT: 0243-8251-234", "8251", .phone),
        ("Tôi số CCCD 001190012345 nghỉ việc", "001190012345", .idNumber),
        ("CMND số 012345678 bị mất", "012345678", .idNumber),
        ("mã số BHXH 0123456789 của tôi", "0123456789", .insuranceNumber),
        ("email lan.pham@example.com nhé", "lan.pham@example.com", .email),
        ("Nhà tôi ở số 12 ngõ 34 phố Kim Mã", "ngõ 34", .address),
        ("ở ngách 5/12 Hoàng Mai", "5/12", .address),
    ])
    func masksPersonalData(text: String, secret: String, kind: PersonalDataMasker.Kind) {
        let masked = masker.mask(text)
        #expect(!masked.contains(secret), "\(masked)")
        #expect(masker.findings(text).contains(kind))
    }

    @Test(arguments: [
        "Công ty nợ lương 3 tháng, hơn 300 công nhân ngừng việc.",
        "Tiền điện 4.000đ/số, tiền nước 100.000đ/người/tháng.",
        "Đề nghị tăng lương tối thiểu vùng từ năm 2019.",
        "Xe buýt tuyến 31 chạy thưa.",
    ])
    func leavesOrdinaryNumbersAlone(text: String) {
        #expect(masker.mask(text) == text)
    }
}
