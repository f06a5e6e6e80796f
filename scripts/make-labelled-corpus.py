#!/usr/bin/env python3
"""Builds the labelled corpus Corpus/labelled/petitions-{dev,test}.jsonl.

Every petition is composed from hand-written fragments (written for KienNghi,
not copied from any source): a sender's opening, one or two complaint clauses
(each clause carries its theme, agency and urgency label), a place, a closing,
and the noise real piles have (no diacritics, abbreviations, typos, greetings,
signatures, very short and very long items). Labels follow from construction:
themes = main clause theme first, then the second clause's; agency = main
clause's (Hà Nội 2019 ids). Deterministic (seeded). Split 55/45 into a
development part (lexicon tuning allowed) and a test part (never tuned on):
the clause pools are split too, so test petitions use clauses dev never saw.

Usage: python3 scripts/make-labelled-corpus.py
"""
import json, pathlib, random, unicodedata

OUT = pathlib.Path(__file__).resolve().parent.parent / "Corpus/labelled"
rng = random.Random(20191212)

# theme -> list of (clause, agency, urgency flags)
CLAUSES = {
    "social-insurance": [
        ("công ty nợ tiền bảo hiểm xã hội của người lao động gần một năm", "bhxh", []),
        ("tôi nghỉ việc ba tháng rồi mà công ty vẫn chưa chốt sổ bảo hiểm", "bhxh", []),
        ("chị em sinh con xong không được thanh toán chế độ thai sản vì công ty chưa nộp hồ sơ", "bhxh", []),
        ("xin hỏi đóng bảo hiểm xã hội 20 năm thì lương hưu được tính thế nào", "bhxh", []),
        ("doanh nghiệp trừ tiền bảo hiểm trong lương nhưng không nộp cho cơ quan bảo hiểm xã hội", "bhxh", []),
        ("tôi muốn rút bảo hiểm xã hội một lần để về quê nhưng hồ sơ bị trả lại nhiều lần", "bhxh", []),
        ("công ty đóng bảo hiểm theo mức lương thấp hơn lương thực nhận", "bhxh", []),
        ("ốm đau nghỉ một tuần có giấy viện mà không được hưởng chế độ ốm đau", "bhxh", []),
        ("sổ bảo hiểm của tôi bị sai ngày tháng năm sinh, đề nghị điều chỉnh", "bhxh", []),
        ("đề nghị có biện pháp mạnh với doanh nghiệp trốn đóng bảo hiểm xã hội", "bhxh", []),
        ("tôi làm ở hai công ty, xin hướng dẫn gộp sổ bảo hiểm", "bhxh", []),
        ("chồng tôi mất do tai nạn, gia đình chưa nhận được trợ cấp tuất và mai táng phí", "bhxh", []),
        ("lao động tự do muốn tham gia bảo hiểm xã hội tự nguyện thì đăng ký ở đâu", "bhxh", []),
        ("giám đốc bỏ trốn, công ty nợ đóng bảo hiểm, hàng trăm người không chốt được sổ", "bhxh", ["unpaid-wages"]),
    ],
    "health-insurance": [
        ("thẻ bảo hiểm y tế của con tôi bị in sai tên nên bệnh viện không chấp nhận", "bhxh", []),
        ("công nhân muốn chuyển nơi khám chữa bệnh ban đầu về gần khu trọ", "bhxh", []),
        ("đi khám trái tuyến chỉ được thanh toán một phần, chi phí quá lớn", "bhxh", []),
        ("bệnh viện huyện thiếu thuốc trong danh mục bảo hiểm, bệnh nhân phải tự mua ngoài", "health", []),
        ("công ty đã trừ tiền nhưng thẻ bảo hiểm y tế bị khoá vì chưa đóng", "bhxh", []),
        ("xin cấp lại thẻ bảo hiểm y tế bị mất mà phải chờ cả tháng", "bhxh", []),
        ("giấy chuyển tuyến chỉ có giá trị ngắn, người bệnh mạn tính phải xin lại liên tục", "bhxh", []),
        ("khám bằng thẻ bảo hiểm y tế phải xếp hàng lâu hơn khám dịch vụ", "bhxh", []),
        ("đề nghị quỹ bảo hiểm y tế chi trả thêm cho một số loại thuốc điều trị ung thư", "health", []),
        ("thẻ bảo hiểm y tế hộ gia đình năm nay tăng mức đóng, nhiều hộ công nhân không kham nổi", "bhxh", []),
    ],
    "unemployment-insurance": [
        ("tôi nộp hồ sơ hưởng trợ cấp thất nghiệp đã quá hạn mà chưa có quyết định", "labour", []),
        ("tháng này tôi quên thông báo tìm kiếm việc làm nên bị tạm dừng hưởng trợ cấp", "labour", []),
        ("xin hỏi bảo hiểm thất nghiệp có được bảo lưu khi tôi có việc làm mới không", "labour", []),
        ("trung tâm dịch vụ việc làm đông quá, xếp hàng từ sáng mới nộp được hồ sơ", "labour", []),
        ("mức hưởng trợ cấp thất nghiệp thấp, không đủ trang trải khi chưa tìm được việc", "labour", []),
        ("đề nghị cho nộp hồ sơ bảo hiểm thất nghiệp trực tuyến để công nhân đỡ đi lại", "labour", []),
        ("tôi bị công ty cho nghỉ nhưng không được trả sổ nên không làm được hồ sơ thất nghiệp", "labour", []),
        ("muốn đăng ký học nghề bằng tiền hỗ trợ của bảo hiểm thất nghiệp thì làm thế nào", "labour", []),
    ],
    "employment": [
        ("công ty chậm trả lương hai tháng liền, anh em rất khó khăn", "labour", ["unpaid-wages"]),
        ("đề nghị tăng lương tối thiểu vùng vì giá cả leo thang", "labour", []),
        ("tổ trưởng bắt làm thêm giờ đến 10 giờ đêm mà không trả tiền tăng ca", "labour", []),
        ("công ty chỉ ký hợp đồng thời vụ suốt nhiều năm để né trách nhiệm", "labour", []),
        ("nhà máy cắt giảm lao động hàng loạt, không báo trước và không trả trợ cấp thôi việc", "labour", ["layoff"]),
        ("hơn 500 công nhân đình công vì công ty cắt thưởng tết", "labour", ["strike"]),
        ("bữa ăn ca quá ít thịt, tiền ăn ca nhiều năm không tăng", "labour", []),
        ("công nhân bị trừ lương khi đi vệ sinh quá số lần quy định", "labour", []),
        ("xưởng hàn thiếu bảo hộ lao động, đã có người bị bỏng do tai nạn lao động", "labour", ["accident"]),
        ("lao động nữ mang thai vẫn bị xếp ca đêm và làm thêm giờ", "labour", []),
        ("công ty đơn phương chấm dứt hợp đồng với người lớn tuổi", "labour", []),
        ("đề nghị giảm giờ làm xuống 44 giờ một tuần", "labour", []),
        ("công nhân ngừng việc tập thể vì chủ doanh nghiệp nợ lương", "labour", ["strike", "unpaid-wages"]),
        ("quản lý người nước ngoài thường xuyên chửi mắng, đe doạ công nhân", "labour", ["violence"]),
        ("nhiều người lớn tuổi mất việc, mong được giới thiệu việc làm phù hợp", "labour", []),
    ],
    "living-conditions": [
        ("chủ trọ tính tiền điện 4 nghìn một số, gấp đôi giá quy định", "industry-trade", []),
        ("giá phòng trọ tăng mỗi năm trong khi lương không tăng", "district", []),
        ("con công nhân không xin được vào trường mầm non công lập", "education", []),
        ("đề nghị xây nhà ở xã hội cho công nhân thuê giá rẻ", "construction", []),
        ("khu công nhân không có nhà văn hoá, sân chơi cho trẻ em", "district", []),
        ("phòng trọ chật chội, ẩm thấp, nhà vệ sinh chung cho cả dãy", "district", []),
        ("chủ nhà trọ thu tiền nước theo đầu người rất cao", "industry-trade", []),
        ("đời sống tinh thần của công nhân nghèo nàn, ít có hoạt động văn hoá thể thao", "district", []),
        ("thiếu nhóm trẻ gửi con khi bố mẹ làm ca đêm", "education", []),
        ("giá cả sinh hoạt tăng, chi phí ăn ở chiếm gần hết thu nhập", "district", []),
        ("đề nghị công đoàn xây thiết chế công đoàn có nhà ở cho công nhân", "trade-union", []),
    ],
    "traffic": [
        ("đường vào khu công nghiệp giờ tan ca ùn tắc cả cây số", "transport", []),
        ("đề nghị mở tuyến xe buýt từ trung tâm huyện đến khu công nghiệp", "transport", []),
        ("quốc lộ trước cổng nhà máy xuống cấp, ổ gà ổ voi khắp nơi", "transport", []),
        ("nút giao không có đèn tín hiệu, đã xảy ra nhiều vụ tai nạn giao thông", "transport", ["accident"]),
        ("xe container đỗ kín hai bên đường, công nhân đi xe máy rất nguy hiểm", "transport", []),
        ("điểm dừng xe buýt không có nhà chờ, mưa nắng công nhân phải đứng ngoài đường", "transport", []),
        ("hàng quán lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường", "district", []),
        ("xe tải chở vật liệu quá tải làm hỏng đường liên xã", "transport", []),
        ("đề nghị lắp gờ giảm tốc và biển báo trước cổng trường gần khu trọ", "transport", []),
        ("tuyến buýt chạy thưa, giờ cao điểm không bắt được xe", "transport", []),
        ("ngõ vào khu trọ nhỏ hẹp, ô tô đỗ chắn lối đi", "district", []),
    ],
    "administrative-procedures": [
        ("thủ tục đăng ký tạm trú cho công nhân ngoại tỉnh còn phiền hà", "police", []),
        ("làm căn cước công dân phải đi lại nhiều lần vì hệ thống lỗi", "police", []),
        ("xin giấy khai sinh cho con ở phường bị hẹn đi hẹn lại", "district", []),
        ("bộ phận một cửa trả kết quả trễ hẹn, không thông báo lý do", "district", []),
        ("công chứng hợp đồng thuê nhà mất cả tuần", "justice", []),
        ("xác nhận tình trạng hôn nhân cho người tạm trú rất khó khăn", "district", []),
        ("dịch vụ công trực tuyến hay lỗi, nộp hồ sơ xong vẫn phải mang giấy tờ lên", "district", []),
        ("cán bộ tiếp dân thái độ hách dịch với công nhân", "district", []),
        ("đăng ký kinh doanh hộ cá thể phải bổ sung hồ sơ nhiều lần", "investment", []),
    ],
    "security-order": [
        ("khu trọ liên tục mất trộm xe máy, công an chưa tìm ra thủ phạm", "police", []),
        ("nhóm thanh niên tụ tập gây rối trước cổng nhà máy lúc tan ca", "police", []),
        ("tín dụng đen cho vay nặng lãi, đe doạ công nhân vay không trả kịp", "police", ["violence"]),
        ("đêm về công nhân nữ bị cướp giật điện thoại trên đường vắng", "police", ["violence"]),
        ("tệ nạn cờ bạc, ma tuý xuất hiện gần khu nhà trọ", "police", []),
        ("quán karaoke hoạt động quá giờ, ồn ào và mất an ninh trật tự", "police", []),
        ("đề nghị lắp camera an ninh và tăng cường tuần tra ở ngõ vào khu trọ", "police", []),
        ("có người lạ vào khu trọ đánh nhau, đâm chém gây hoang mang", "police", ["violence"]),
    ],
    "iz-infrastructure": [
        ("trong khu công nghiệp mưa to là ngập úng đường nội bộ", "iz-authority", []),
        ("đèn chiếu sáng trong khu công nghiệp hỏng nhiều tháng chưa sửa", "iz-authority", []),
        ("hệ thống thoát nước của khu công nghiệp quá tải, nước tràn vào nhà xưởng", "iz-authority", []),
        ("khu công nghiệp thường xuyên mất điện đột xuất làm máy móc dừng", "iz-authority", []),
        ("nhà máy xử lý nước thải tập trung của khu công nghiệp chưa hoạt động", "iz-authority", []),
        ("hạ tầng kỹ thuật khu công nghiệp xuống cấp, mặt đường nội bộ bong tróc", "iz-authority", []),
        ("cổng khu công nghiệp không có hàng rào, dây điện chằng chịt", "iz-authority", []),
    ],
    "telecom": [
        ("khu trọ sóng điện thoại rất yếu, gọi điện hay bị mất sóng", "information", []),
        ("đề nghị lắp wifi miễn phí ở nhà văn hoá khu công nhân", "information", []),
        ("nhà mạng tự đăng ký dịch vụ gia tăng, trừ tiền trong tài khoản", "information", []),
        ("ngày nào cũng nhận tin nhắn rác và cuộc gọi rác quảng cáo", "information", []),
        ("dây cáp viễn thông chằng chịt, rủ xuống sát đầu người đi đường", "information", []),
        ("mạng internet chập chờn, công nhân không học trực tuyến được", "information", []),
        ("trạm phát sóng đặt sát nhà dân, người dân lo ảnh hưởng sức khoẻ", "information", []),
        ("đề nghị có bản tin, loa phát thanh phổ biến pháp luật cho công nhân", "information", []),
    ],
    "planning": [
        ("dự án treo hơn mười năm, dân không được xây sửa nhà", "planning", []),
        ("đề nghị công khai quy hoạch chi tiết khu vực dự kiến xây khu công nghiệp mới", "planning", []),
        ("thu hồi đất làm đường mà giá đền bù quá thấp", "district", []),
        ("hộ dân chờ cấp giấy chứng nhận quyền sử dụng đất nhiều năm chưa được", "district", []),
        ("đề nghị dành quỹ đất xây nhà ở công nhân trong quy hoạch khu công nghiệp", "planning", []),
        ("tranh chấp đất giữa các hộ kéo dài, chính quyền chưa giải quyết dứt điểm", "district", []),
        ("khu tái định cư chưa có hạ tầng mà đã bắt dân chuyển đến", "district", []),
        ("điều chỉnh quy hoạch làm nhiều nhà dân nằm trong chỉ giới đường", "planning", []),
    ],
    "environment": [
        ("nhà máy xả nước thải chưa xử lý ra kênh, cá chết hàng loạt", "environment", []),
        ("xưởng sơn gây mùi hôi nồng nặc suốt ngày đêm", "environment", []),
        ("bãi rác tự phát cạnh khu trọ bốc mùi, ruồi muỗi nhiều", "district", []),
        ("khói bụi từ lò đốt của nhà máy bay vào khu dân cư", "environment", []),
        ("tiếng ồn máy móc xưởng cơ khí làm dân không ngủ được", "environment", []),
        ("có người đổ trộm chất thải công nghiệp ra ruộng", "environment", []),
        ("khai thác cát trái phép gây sạt lở bờ sông", "environment", []),
        ("rác thải sinh hoạt không được thu gom nhiều ngày", "district", []),
    ],
    "other": [
        ("xin gửi lời cảm ơn tới lãnh đạo thành phố đã quan tâm tới công nhân", None, []),
        ("đề nghị hỗ trợ giống cây trồng cho nông dân vụ đông", None, []),
        ("mong thành phố tổ chức thêm các buổi đối thoại như hôm nay", None, []),
        ("xin hỏi chế độ cho người có công với cách mạng được điều chỉnh thế nào", None, []),
        ("đề nghị sửa chữa nhà văn hoá thôn bị dột", None, []),
        ("cảm ơn công đoàn đã tặng quà tết cho công nhân khó khăn", None, []),
    ],
}

OPENINGS = [
    ("worker", ["Tôi là công nhân", "Chúng tôi là công nhân", "Em là công nhân may", "Tôi làm ở nhà máy điện tử"]),
    ("union", ["Công đoàn cơ sở phản ánh", "Ban chấp hành công đoàn đề nghị", "Tổng hợp ý kiến đoàn viên công đoàn:", "LĐLĐ huyện chuyển ý kiến công nhân:"]),
    ("employer", ["Doanh nghiệp chúng tôi kiến nghị", "Hiệp hội doanh nghiệp trong khu công nghiệp phản ánh", "Chủ doanh nghiệp đề nghị"]),
    ("resident", ["Cử tri phản ánh", "Người dân sống gần khu công nghiệp phản ánh", "Các hộ dân đề nghị", "Tổ dân phố kiến nghị"]),
]
PLACES = ["ở KCN Thăng Long", "tại KCN Quang Minh", "ở khu công nghiệp Nội Bài", "tại huyện Đông Anh", "ở quận Hoàng Mai",
          "tại huyện Gia Lâm", "ở KCN Phú Nghĩa", "tại huyện Mê Linh", "ở quận Long Biên", "tại KCN Bắc Thăng Long",
          "ở huyện Thạch Thất", "tại quận Bắc Từ Liêm", "", "", ""]
GREETINGS = ["Kính gửi lãnh đạo thành phố. ", "Kính gửi đồng chí Chủ tịch UBND thành phố, ", "Xin chào các đồng chí. ", "", "", ""]
CLOSINGS = [" Rất mong được quan tâm giải quyết.", " Xin trân trọng cảm ơn!", " Đề nghị các cơ quan sớm trả lời.", " Mong sớm nhận được phản hồi.", "", ""]
SIGNATURES = [" Người viết: N.V.A", " (Tổ 3, ca 2)", " Đại diện nhóm công nhân", "", "", "", ""]
ABBREVIATIONS = [("bảo hiểm xã hội", "BHXH"), ("bảo hiểm y tế", "BHYT"), ("bảo hiểm thất nghiệp", "BHTN"), ("khu công nghiệp", "KCN"),
                 ("công nhân lao động", "CNLĐ"), ("người lao động", "NLĐ"), ("hợp đồng lao động", "HĐLĐ"), ("công ty", "cty")]

def strip(text):
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("Đ", "D")

def typo(text):
    words = text.split(" ")
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 3:
        j = rng.randrange(len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)

def split_pools():
    dev, test = {}, {}
    for theme, clauses in CLAUSES.items():
        items = clauses[:]
        rng.shuffle(items)
        cut = max(1, round(len(items) * 0.55))
        dev[theme], test[theme] = items[:cut], items[cut:] or items[:1]
    return dev, test

def compose(pool, index):
    themes = list(pool)
    main = themes[index % len(themes)]
    clause, agency, urgency = rng.choice(pool[main])
    labels, flags = [main], set(urgency)
    voice, openings = rng.choice(OPENINGS)
    text = rng.choice(GREETINGS) + rng.choice(openings) + " " + rng.choice(PLACES) + ": " + clause + "."
    text = text.replace("  ", " ").replace(" :", ":")
    shape = rng.random()
    if shape < 0.12:  # very short: the clause alone
        text = clause[0].upper() + clause[1:]
    elif main != "other" and shape < 0.42:  # a second topic
        second = rng.choice([t for t in themes if t not in (main, "other")])
        clause2, _, urgency2 = rng.choice(pool[second])
        text += " Ngoài ra, " + clause2 + "."
        labels.append(second)
        flags |= set(urgency2)
    text += rng.choice(CLOSINGS) + rng.choice(SIGNATURES)
    if rng.random() < 0.35:
        for long, short in ABBREVIATIONS:
            text = text.replace(long, short)
    if rng.random() < 0.15:
        text = typo(text)
    if rng.random() < 0.15:
        text = strip(text)
    return {"text": text.strip(), "themes": labels, "agency": agency, "urgency": sorted(flags), "voice": voice}

dev_pool, test_pool = split_pools()
OUT.mkdir(parents=True, exist_ok=True)
for name, pool, count in [("dev", dev_pool, 420), ("test", test_pool, 340)]:
    with open(OUT / f"petitions-{name}.jsonl", "w", encoding="utf-8") as f:
        seen = set()
        n = 0
        i = 0
        while n < count:
            item = compose(pool, i)
            i += 1
            if item["text"] in seen:
                continue
            seen.add(item["text"])
            n += 1
            item = {"id": f"{name[0]}{n:04d}", **item}
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {count} petitions to Corpus/labelled/petitions-{name}.jsonl")
