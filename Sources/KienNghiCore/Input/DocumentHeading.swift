/// The lines an office document opens with above its petitions, when it is kept as plain
/// text or a list of one column: the issuing body, the national name and motto and the rule
/// under them, the document's number, its place and date, its title ("TỔNG HỢP Ý KIẾN, KIẾN
/// NGHỊ CỦA CỬ TRI"). Read as petitions, each went to review and was counted in the pile;
/// the readers report them as a document's heading instead.
///
/// A petition may be written in capitals and open with a body's name ("QUẬN 1 NGẬP NẶNG"),
/// a letter of petitions may end with a place and date, a petition may follow "Kính gửi:" as
/// "- Đề nghị…", so the block is anchored: at most three lines in capitals naming a body, then
/// only anchors and rules, among them a line no petition is (the national name, the motto,
/// `Số: 12/BC-MTTQ`); under it the title, the addressees, the subject, none asking anything.
/// Without an anchor, only a first line naming a list of petitions ("TỔNG HỢP KIẾN NGHỊ CỦA
/// CỬ TRI…") is a title.
package enum DocumentHeading {
    /// How many lines the readers hold back to find the heading's end.
    package static let lookahead = 40
    /// Or fewer, once the lines held reach this much text (``textBytes(_:)``): a heading's lines
    /// are short (a title at most ``maximumBytes``), so a heading ends well before it, and a file
    /// of long petitions holds a few of them, not forty.
    package static let lookaheadBytes = 64 << 10

    /// The bytes of a unit's lines as the heading reads them: trimmed, blank ones left out (a
    /// heading line padded with 70,000 spaces is still short).
    package static func textBytes(_ text: String) -> Int {
        text.trimmedLines.reduce(0) { $0 + $1.utf8.count }
    }

    /// How many of `lines` (a file's first non-blank lines, trimmed, in order) are its heading.
    package static func headingCount(_ lines: [String]) -> Int {
        // The issuing body first (at most three lines in capitals opening with a body's name:
        // "ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM"), then anchors and rules only. The block
        // needs the national name, the motto or the number: a place and date alone closes a
        // letter as often (above it, the petitions).
        var index = 0
        var bodyLines = 0
        while index < lines.count, bodyLines < 3, !isAnchor(lines[index]) {
            if isRule(lines[index]) {
                index += 1
            } else if isBodyName(lines[index]) {
                bodyLines += 1
                index += 1
            } else {
                break
            }
        }
        var lastAnchor: Int? = nil
        var hasPrimary = false
        while index < lines.count {
            if let kind = anchorKind(lines[index]) {
                lastAnchor = index
                hasPrimary = hasPrimary || kind == .primary
            } else if !isRule(lines[index]) {
                break
            }
            index += 1
        }
        var count: Int
        var afterTitle = false
        if let lastAnchor, hasPrimary {
            count = lastAnchor + 1
        } else {
            guard let first = lines.first, isTitle(first, anchored: false) else { return 0 }
            count = 1
            afterTitle = true
        }
        // Below: rules, titles and their further lines, the addressee and its list, the subject.
        var addressees: Int? = nil
        var subject = false
        var follows = 0
        while count < lines.count {
            let line = lines[count]
            let words = InputSchema.fold(line).split(separator: " ")
            if isRule(line) {
                count += 1
            } else if addressees == nil && opens(words, with: [["kinh", "gui"]]) && words.count <= 14
                && !namesAction(words) && !line.dropLast().contains(where: { ".?!".contains($0) })
            {
                // "Kính gửi: Thường trực HĐND thành phố", not a letter's first sentence.
                addressees = 0
                count += 1
            } else if !subject && opens(words, with: [["v", "v"]]) && !namesAction(words, besides: "kien nghi") {
                subject = true
                count += 1
            } else if let listed = addressees, listed < 6, line.hasPrefix("-") || line.hasPrefix("+"),
                words.count <= 12, opens(words, with: bodyOpenings + addresseeOpenings), !namesAction(words)
            {
                // The addressees under "Kính gửi:" ("- Thường trực HĐND thành phố;"), the last ending with a full stop.
                addressees = line.hasSuffix(".") ? 6 : listed + 1
                count += 1
            } else if isTitle(line, anchored: hasPrimary) {
                afterTitle = true
                count += 1
            } else if afterTitle && follows < 2 && isOnePhrase(line) && !namesAction(words) && words.count <= 16
                && (opens(words, with: titleFollowOpenings) && words.contains(where: isNumeral)
                    || (line.hasPrefix("(") && line.hasSuffix(")") && opens(words, with: bracketOpenings)))
            {
                // Its meeting or period, a note in brackets: a number in it ("khóa XV", "năm 2019").
                follows += 1
                count += 1
            } else {
                break
            }
        }
        return count
    }

    /// A line in capitals naming an issuing body: "ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM".
    static func isBodyName(_ line: String) -> Bool {
        guard InputSchema.looksLikeTitle(line) else { return false }
        let words = InputSchema.fold(line).split(separator: " ")
        return words.count <= 10 && opens(words, with: bodyOpenings) && !namesAction(words)
    }

    /// Whether a short text asks or reports as a petition does ("đề nghị", "phản ánh",
    /// "thiếu", "chưa"…): never a heading's line, nor a name of columns.
    package static func asksOrReports(_ text: String) -> Bool {
        namesAction(InputSchema.fold(text).split(separator: " "))
    }

    /// Whether folded `words` name a body or an addressee ("UBND quận…", "Thường trực HĐND…",
    /// "Đồng chí Chủ tịch…"), as a recipient's or a signatory's line does.
    static func namesAddressee(_ words: [Substring]) -> Bool {
        opens(words, with: bodyOpenings + addresseeOpenings)
    }

    /// A number, arabic or roman, as a meeting's or a period's ("7", "2019", "XV").
    private static func isNumeral(_ word: Substring) -> Bool {
        word.allSatisfy(\.isNumber) || word.allSatisfy { "ivxlc".contains($0) }
    }

    /// Whether the words ask or report as a petition does ("đề nghị", "phản ánh", "thiếu"…);
    /// `besides`: a word a subject line may hold ("V/v tổng hợp kiến nghị cử tri").
    private static func namesAction(_ words: [Substring], besides allowed: String = "") -> Bool {
        let allowed = allowed.split(separator: " ")
        return actionWords.contains { phrase in
            phrase != allowed && words.indices.contains { words[$0...].starts(with: phrase) }
        }
    }

    /// Longer than this, a line is a petition's (a title in capitals is at most 120 letters).
    static let maximumBytes = 240

    enum AnchorKind { case primary, date }

    /// A line no petition is: the national name, the motto, the number (primary), the place and date.
    static func anchorKind(_ line: String) -> AnchorKind? {
        guard line.utf8.count <= maximumBytes else { return nil }
        let folded = InputSchema.fold(line)
        if folded == "cong hoa xa hoi chu nghia viet nam" || folded == "doc lap tu do hanh phuc"
            || isNumberLine(line, folded)
        {
            return .primary
        }
        return isDateLine(line, folded) ? .date : nil
    }

    static func isAnchor(_ line: String) -> Bool { anchorKind(line) != nil }

    /// A rule of dashes, stars or underscores under the motto or the body's name.
    static func isRule(_ line: String) -> Bool {
        line.utf8.count <= maximumBytes && InputSchema.fold(line).isEmpty
    }

    /// A document's title: one phrase naming a list of petitions or a report ("TỔNG HỢP Ý KIẾN
    /// CỬ TRI", "Danh sách kiến nghị của công nhân"), judging and asking nothing. Under an
    /// anchor, a title in capitals may be a report's kind alone ("BÁO CÁO") or open with "Ý
    /// KIẾN", "KIẾN NGHỊ".
    static func isTitle(_ line: String, anchored: Bool) -> Bool {
        guard line.utf8.count <= maximumBytes, isOnePhrase(line) else { return false }
        let words = InputSchema.fold(line).split(separator: " ")
        let capitals = InputSchema.looksLikeTitle(line)
        let opensAsTitle =
            opens(words, with: titleOpenings) || (anchored && capitals && opens(words, with: petitionWords))
        guard opensAsTitle, !InputSchema.judgesOrAsks(line) else { return false }
        return (anchored && (capitals || words.count <= 4))
            || petitionWords.contains { phrase in words.indices.contains { words[$0...].starts(with: phrase) } }
    }

    /// "Số: 644/TB-UBND", "Số:     /BC-MTTQ" (left blank in a draft): after "Số", the number
    /// and a code in capitals after a slash, in three pieces at most, nothing in lower case.
    private static func isNumberLine(_ line: String, _ folded: String) -> Bool {
        guard folded.hasPrefix("so "), line.contains("/") else { return false }
        let rest = line.drop { !$0.isWhitespace && $0 != ":" }
        let pieces = rest.split { $0.isWhitespace }
        guard pieces.count <= 3, !rest.unicodeScalars.contains(where: { $0.properties.isLowercase }) else {
            return false
        }
        // A code after the slash ("/BC-MTTQ"), not a house number ("12/5").
        return pieces.contains { piece in
            piece.split(separator: "/", omittingEmptySubsequences: false).dropFirst().contains {
                $0.first?.isLetter == true
            }
        }
    }

    /// "Hà Nội, ngày 12 tháng 3 năm 2019" (the numbers may be left blank), "Hà Nội, ngày
    /// 12/3/2019": a short place, each word capitalised but its kind, then the date and nothing
    /// after the year.
    private static func isDateLine(_ line: String, _ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        let day: Int
        let figuresOnly: Bool
        if let named = words.firstIndex(of: "ngay") {
            let inWords =
                words.last?.allSatisfy(\.isNumber) == true
                && words[named...].filter({ !$0.allSatisfy(\.isNumber) }).elementsEqual(["ngay", "thang", "nam"])
            // "Hà Nội, ngày 12/3/2019".
            let inFigures = isCalendarDate(
                words[(named + 1)...].joined(separator: "/").split(whereSeparator: { "/.-".contains($0) }))
            guard named <= 5, inWords || inFigures else { return false }
            day = named
            figuresOnly = false
        } else {
            // "Hà Nội, 05/3/2019": a place, a comma, a day, a month, a year and nothing else.
            guard let comma = line.lastIndex(of: ","),
                isCalendarDate(line[line.index(after: comma)...].split(whereSeparator: { "/.- ".contains($0) })),
                let first = words.firstIndex(where: { $0.first?.isNumber == true }), (1...4).contains(first),
                words[first...].allSatisfy({ $0.allSatisfy { $0.isNumber || "/.-".contains($0) } })
            else { return false }
            day = first
            figuresOnly = true
        }
        let place = words.prefix(day)
        guard !place.contains(where: incidentWords.contains), !namesAction(words) else { return false }
        // The place's words as written: "Bắc Từ Liêm", "Thành phố Hồ Chí Minh", "thị xã Sơn Tây",
        // "Bà Rịa - Vũng Tàu", never "Ngập nặng" nor "Nước tràn phố Huế": in lower case only the
        // place's kind, first.
        let written = line.split { $0 == " " || $0 == "," }.filter { !["-", "–"].contains($0) }.prefix(day)
        let kind = placeKinds.first { place.starts(with: $0) }?.count ?? 0
        guard written.count == day, isShortPlace(place.count - kind, line),
            written.enumerated().allSatisfy({ index, word in
                index < kind || word.first.map { $0.isUppercase || $0.isNumber } ?? true
            })
        else { return false }
        // In figures only, a place in capitals is as likely a complaint's ("RÁC THẢI PHƯỜNG 5, 12/9/2019").
        return !figuresOnly || written.contains { $0.dropFirst().contains(where: \.isLowercase) }
    }

    /// Day, month and year of a date in figures ("05/3/2019", "5-3-19"), never a sum ("12.500.000").
    private static func isCalendarDate(_ parts: [Substring]) -> Bool {
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return false }
        return (1...31).contains(day) && (1...12).contains(month)
            && (parts[2].count == 2 || (parts[2].count == 4 && (1900...2100).contains(year)))
    }

    /// A place's name, its kind aside, is short ("Hà Nội", "thị xã Sơn Tây", "Bà Rịa - Vũng Tàu"): "Giá Điện
    /// Tăng Vọt, 05/3/2019", "Tiền Điện Tăng Cao, ngày 5 tháng 3…" are a complaint's title.
    private static func isShortPlace(_ nameWords: Int, _ line: String) -> Bool {
        let dashed = line.prefix { $0 != "," }.contains { $0 == "-" || $0 == "–" }
        return nameWords <= (dashed ? 4 : 3)
    }

    /// A place's kind, written in lower case before its name ("thị xã Sơn Tây").
    private static let placeKinds = phrases([
        "thanh pho", "tp", "thi xa", "thi tran", "tinh", "quan", "huyen", "phuong", "xa",
    ])

    /// Words of an incident before a place ("Cháy Chợ Mơ", "Sập Cầu…"): no letter's place.
    static let incidentWords: Set<Substring> = [
        // Folded, so none may be a place's word too ("Đống Đa", "Cao Bằng", "Đầm Hà" are places).
        "chay", "sap", "vo", "lun", "trom", "ngap", "no", "mat", "nhiem", "tai", "nan", "cuop", "tac", "sat", "chet",
        "va", "cham", "truot", "ung", "don", "khieu", "tram",
    ]

    /// A title is one phrase: a colon, a full stop, a question opens a petition's sentences
    /// ("Tổng hợp ý kiến đoàn viên: …").
    private static func isOnePhrase(_ line: String) -> Bool {
        !line.unicodeScalars.contains { sentenceMarks.contains($0) }
    }

    private static let sentenceMarks: Set<Unicode.Scalar> = [".", ":", ";", "!", "?", "…"]

    private static func opens(_ words: [Substring], with openings: [[Substring]]) -> Bool {
        openings.contains { words.starts(with: $0) }
    }

    private static func phrases(_ list: [String]) -> [[Substring]] { list.map { $0.split(separator: " ") } }

    /// How a document's title opens, folded.
    private static let titleOpenings = phrases([
        "tong hop", "ban tong hop", "danh sach", "danh muc", "bao cao", "phu luc", "bieu mau", "ket qua",
        "thong bao",
    ])

    /// Words of a title that names petitions ("Tổng hợp ý kiến cử tri…").
    private static let petitionWords = phrases([
        "kien nghi", "y kien", "phan anh", "de xuat", "cu tri", "don thu", "cac kien nghi",
    ])

    /// How the issuing body's name opens, folded.
    private static let bodyOpenings = phrases([
        "uy ban", "ubnd", "ubmttq", "hoi dong", "hdnd", "mat tran", "mttq", "ban", "lien doan", "ldld",
        "tong lien doan", "cong doan", "doan", "thanh uy", "quan uy", "huyen uy", "dang uy", "dang bo", "chi bo",
        "so", "phong", "van phong", "thuong truc", "tm", "thanh pho", "tp", "tinh", "quan", "huyen", "thi xa",
        "phuong", "xa", "to dan pho", "bo", "cuc", "chi cuc", "trung tam", "hoi", "cong ty", "bao hiem xa hoi",
        "bch",
    ])

    /// Words of a petition's request or report, never of a heading's line.
    private static let actionWords = phrases([
        "de nghi", "kien nghi", "phan anh", "yeu cau", "mong", "xin", "thieu", "xuong cap", "ngap", "o nhiem",
        "cham", "chua duoc", "chua co", "chua giai quyet", "chua tra loi", "khong", "ton dong", "qua tai", "bi hong",
        "du an treo", "mat nuoc", "mat dien", "mat trom", "mat an ninh", "sai quy dinh", "trai phep",
        "no luong", "qua cao", "lan chiem",
    ])

    /// How an addressee under "Kính gửi:" opens, besides a body's name ("- Thường trực HĐND…").
    private static let addresseeOpenings = phrases([
        "cong an", "lanh dao", "dong chi", "chu tich", "giam doc", "cac so", "cac co quan", "dai bieu",
    ])

    /// How a note in brackets under a title opens ("(Kèm theo Báo cáo số…)", "(Tiếp xúc cử tri…)").
    private static let bracketOpenings = phrases([
        "kem theo", "ban hanh kem theo", "tiep xuc cu tri", "truoc ky hop", "sau ky hop", "tai ky hop", "ky hop",
        "nhiem ky", "khoa", "nam", "quy", "thang", "dot", "so lieu", "tinh den",
    ])

    /// How a title's further line opens: its meeting, its period ("TRƯỚC KỲ HỌP THỨ 7…").
    private static let titleFollowOpenings = phrases([
        "truoc ky hop", "sau ky hop", "tai ky hop", "ky hop", "nhiem ky", "khoa", "nam", "quy", "thang", "dot",
        "cua cu tri", "gui den", "gui toi", "tiep xuc cu tri",
    ])

}
