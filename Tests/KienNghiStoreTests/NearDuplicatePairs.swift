/// Hand-checked pairs for near-duplicate grouping, written for these tests.
/// `same` pairs raise the same concern (reordered, re-punctuated, typed
/// without accents, abbreviated, a few words changed); `different` pairs share
/// vocabulary (BHXH, KCN, nhà trọ, xe buýt…) but ask for different things.
enum NearDuplicatePairs {
    static let same: [(String, String)] = [
        (
            "Công ty nợ lương công nhân 3 tháng, đề nghị các cơ quan vào cuộc giải quyết.",
            "Đề nghị các cơ quan vào cuộc giải quyết: công ty nợ lương công nhân 3 tháng."
        ),
        (
            "Công ty không đóng bảo hiểm xã hội cho công nhân suốt 8 tháng nay.",
            "Cong ty khong dong bao hiem xa hoi cho cong nhan suot 8 thang nay."
        ),
        (
            "Công ty không đóng BHXH cho công nhân suốt 8 tháng nay.",
            "Công ty không đóng bảo hiểm xã hội cho công nhân suốt 8 tháng nay!"
        ),
        (
            "Đường vào KCN Bắc Thăng Long ngập nặng mỗi khi mưa to, xe máy chết máy giữa đường.",
            "Mỗi khi mưa to, đường vào khu công nghiệp Bắc Thăng Long ngập nặng; xe máy chết máy giữa đường."
        ),
        (
            "Chủ nhà trọ thu tiền điện 4.000 đồng một số, cao hơn giá quy định.",
            "chủ nhà trọ thu tiền điện 4.000 đồng 1 số - cao hơn giá quy định !!!"
        ),
        (
            "Đề nghị mở thêm tuyến xe buýt từ trung tâm huyện vào khu công nghiệp cho công nhân đi làm.",
            "De nghi mo them tuyen xe buyt tu trung tam huyen vao khu cong nghiep cho cong nhan di lam."
        ),
        (
            "Trường mầm non công lập không nhận con công nhân vì không có hộ khẩu thường trú.",
            "Con công nhân không được nhận vào trường mầm non công lập vì không có hộ khẩu thường trú."
        ),
        (
            "Tôi nghỉ việc đã 6 tháng nhưng công ty chưa trả sổ bảo hiểm xã hội, gọi điện không ai nghe máy.",
            "Tôi nghỉ việc 6 tháng rồi mà công ty chưa trả sổ BHXH, gọi điện không ai nghe máy. Đề nghị giúp đỡ."
        ),
        (
            "Khu trọ thường xuyên mất trộm xe máy, đề nghị công an phường tăng cường tuần tra ban đêm.",
            "Đề nghị công an phường tăng cường tuần tra ban đêm vì khu trọ thường xuyên mất trộm xe máy."
        ),
        (
            "Bếp ăn ca của công ty không đảm bảo vệ sinh, nhiều công nhân bị đau bụng sau bữa trưa.",
            "Nhiều công nhân bị đau bụng sau bữa trưa, bếp ăn ca của công ty không đảm bảo vệ sinh."
        ),
        (
            "Đề nghị thành phố xây nhà ở xã hội cho công nhân thuê với giá phù hợp thu nhập.",
            "Đề nghị TP xây nhà ở xã hội cho công nhân thuê với giá phù hợp với thu nhập."
        ),
        (
            "Công ty bắt làm thêm giờ quá quy định, chủ nhật cũng phải đi làm, không được nghỉ phép năm.",
            "cong ty bat lam them gio qua quy dinh, chu nhat cung phai di lam va khong duoc nghi phep nam"
        ),
        (
            "Trạm y tế xã quá xa khu trọ, đề nghị cho đổi nơi đăng ký khám chữa bệnh ban đầu.",
            "Đề nghị cho đổi nơi đăng ký khám chữa bệnh ban đầu vì trạm y tế xã quá xa khu trọ."
        ),
        (
            "Xe container đỗ tràn lan dưới lòng đường trước cổng KCN Quang Minh gây ùn tắc giờ tan ca.",
            "Giờ tan ca ùn tắc vì xe container đỗ tràn lan dưới lòng đường trước cổng khu công nghiệp Quang Minh."
        ),
        (
            "Hồ sơ hưởng trợ cấp thất nghiệp nộp hơn một tháng vẫn chưa có quyết định.",
            "Nộp hồ sơ hưởng trợ cấp thất nghiệp đã hơn 1 tháng mà vẫn chưa có quyết định."
        ),
        (
            "Quản đốc thường xuyên xúc phạm công nhân nữ, ai phản ánh thì bị đe doạ cho nghỉ việc.",
            "Công nhân nữ bị quản đốc thường xuyên xúc phạm; ai phản ánh thì bị đe dọa cho nghỉ việc."
        ),
    ]

    static let different: [(String, String)] = [
        (
            "Công ty không đóng BHXH cho công nhân suốt 8 tháng nay.",
            "Tôi muốn rút BHXH một lần thì cần thủ tục gì, bao lâu nhận được tiền?"
        ),
        (
            "Đường vào KCN Bắc Thăng Long ngập nặng mỗi khi mưa to.",
            "Đề nghị mở thêm tuyến xe buýt vào KCN Bắc Thăng Long cho công nhân."
        ),
        (
            "Chủ nhà trọ thu tiền điện cao hơn giá quy định.",
            "Khu nhà trọ thường xuyên mất trộm xe máy, điện thoại."
        ),
        (
            "Công ty nợ lương công nhân 3 tháng.",
            "Công ty cho 200 công nhân nghỉ việc không báo trước, không trả trợ cấp thôi việc."
        ),
        (
            "Đề nghị thành phố xây nhà ở xã hội cho công nhân thuê.",
            "Đề nghị thành phố xây trường mầm non gần khu công nghiệp cho con công nhân."
        ),
        (
            "Thẻ BHYT ghi sai năm sinh, đi khám không được hưởng bảo hiểm y tế.",
            "Đề nghị cho đổi nơi đăng ký khám chữa bệnh ban đầu về trạm y tế gần khu trọ."
        ),
        (
            "Xe buýt tuyến 31 chạy thưa, giờ cao điểm không bắt được xe.",
            "Xe tải chở vật liệu chạy quá tốc độ trên quốc lộ trước cổng khu công nghiệp."
        ),
        (
            "Tiền ăn ca chỉ 12 nghìn đồng một suất, bữa ăn kém chất lượng.",
            "Ngộ độc thực phẩm sau bữa ăn ca, 40 công nhân phải vào viện."
        ),
        (
            "Đề nghị lắp wifi miễn phí tại nhà văn hoá khu công nhân.",
            "Sóng điện thoại ở khu trọ rất yếu, không kết nối được internet."
        ),
        (
            "Nhà máy xả nước thải chưa qua xử lý ra mương, cá chết hàng loạt.",
            "Bãi rác tự phát cạnh khu trọ không được thu gom, ruồi muỗi nhiều."
        ),
        (
            "Công ty không ký hợp đồng lao động, chỉ ký hợp đồng thời vụ 3 tháng một lần.",
            "Công ty bắt làm thêm giờ quá quy định, không được nghỉ phép năm."
        ),
        (
            "Đề nghị tăng lương tối thiểu vùng vì giá cả sinh hoạt tăng cao.",
            "Đề nghị hỗ trợ tiền thuê nhà cho công nhân thu nhập thấp vì giá thuê phòng trọ tăng."
        ),
        (
            "Trạm biến áp trong KCN hay mất điện đột xuất, máy móc dừng.",
            "Đèn chiếu sáng trong KCN hỏng nhiều tháng chưa được sửa."
        ),
        (
            "Thủ tục đăng ký tạm trú cho công nhân ngoại tỉnh còn rườm rà.",
            "Thủ tục đăng ký kinh doanh và cấp giấy phép còn rườm rà, phải bổ sung giấy tờ nhiều lần."
        ),
        (
            "Tôi sinh con từ tháng 1 nhưng chưa nhận được tiền chế độ thai sản.",
            "Tôi mất việc từ tháng 2, đã nộp hồ sơ trợ cấp thất nghiệp nhưng chưa có quyết định."
        ),
        (
            "Khu trọ thường xuyên mất trộm xe máy, đề nghị công an phường tăng cường tuần tra.",
            "Nhóm cho vay nặng lãi dán quảng cáo khắp khu trọ, đe doạ công nhân."
        ),
    ]
}
