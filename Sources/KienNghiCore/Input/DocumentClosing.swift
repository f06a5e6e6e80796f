/// The lines an office document ends with below its petitions, when it is kept as plain text
/// or a list of one column: the courtesy line, the place and date, who signs ("TM. BAN THƯỜNG
/// TRỰC", "CHỦ TỊCH", "(Đã ký)", the signer's name) and the list of recipients ("Nơi nhận:",
/// "- Như trên;", "- Lưu: VT."). Read as petitions, each went to review and was counted in the
/// pile; the readers report them as a document's closing instead.
///
/// A petition may end a file with "Trân trọng cảm ơn" or be one short line, so the block is
/// anchored: it needs a line no petition is (a signatory's "TM."/"KT." line, a position alone,
/// "(Đã ký)", "Nơi nhận:", a place and date), a name counts only below such a line, a recipient
/// only below "Nơi nhận:", and above the first anchor only courtesy lines and rules.
package enum DocumentClosing {
    /// How many trailing units (lines or blocks) the readers hold back to find the closing's start.
    package static let lookbehind = 16

    /// How many of `lines` (a file's last non-blank lines, trimmed, in order) are its closing.
    package static func closingCount(_ lines: [String]) -> Int {
        let kinds = lines.suffix(lookbehind * 2).map(kind)
        // The longest run of closing lines at the end.
        var start = kinds.count
        while start > 0, kinds[start - 1] != nil { start -= 1 }
        // A recipient belongs to "Nơi nhận:" above it; a "- …" line with none above is a petition's.
        var listed = false
        for index in start..<kinds.count {
            if kinds[index] == .recipients { listed = true }
            if kinds[index] == .recipient && !listed { start = index + 1 }
        }
        // From the first anchor; above it only courtesy lines and rules.
        guard var first = kinds[start...].firstIndex(where: { $0?.isAnchor == true }) else { return 0 }
        while first > start, kinds[first - 1] == .courtesy || kinds[first - 1] == .rule { first -= 1 }
        return kinds.count - first
    }

    enum Kind {
        /// "TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "T/M BAN CHẤP HÀNH".
        case signatory
        /// A position alone: "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "Người làm đơn".
        case position
        /// "(Đã ký)", "(Ký, ghi rõ họ tên)".
        case signed
        /// "Nơi nhận:" (with what a flattened two-column layout put beside it).
        case recipients
        /// "- Như trên;", "- Lưu: VT." (only under "Nơi nhận:").
        case recipient
        /// "Hà Nội, ngày 12 tháng 3 năm 2019".
        case date
        /// The signer's name: "Nguyễn Văn An", "NGUYỄN THỊ HOA".
        case name
        /// "Trân trọng cảm ơn!", "./.".
        case courtesy
        case rule

        var isAnchor: Bool {
            switch self {
            case .signatory, .position, .signed, .recipients, .date: true
            case .recipient, .name, .courtesy, .rule: false
            }
        }
    }

    /// Longer than this, a line is a petition's.
    static let maximumBytes = 160

    static func kind(_ line: String) -> Kind? {
        guard line.utf8.count <= maximumBytes else { return nil }
        if DocumentHeading.isRule(line) { return line.contains("/") ? .courtesy : .rule }
        let folded = InputSchema.fold(line)
        let words = folded.split(separator: " ")
        if words.starts(with: ["noi", "nhan"]) && words.count <= 30 { return .recipients }
        let capitals = InputSchema.looksLikeTitle(line)
        if (line.hasPrefix("-") || line.hasPrefix("+")) && words.count <= 16 && !DocumentHeading.asksOrReports(line)
            || words.first == "luu" && words.count <= 6
        {
            return .recipient
        }
        if capitals && isSignatoryLine(line, words) { return .signatory }
        if isPosition(words, capitals: capitals) { return .position }
        if (line.hasPrefix("(") || line.hasPrefix("[")) && words.count <= 8
            && signedOpenings.contains(where: { words.starts(with: $0) }) || folded == "da ky"
        {
            return .signed
        }
        if DocumentHeading.anchorKind(line) == .date { return .date }
        if isName(line, words) { return .name }
        if words.count <= 6 && words.allSatisfy(courtesyWords.contains)
            && (folded.contains("cam on") || folded.contains("tran trong"))
        {
            return .courtesy
        }
        return nil
    }

    /// "TM. BAN THƯỜNG TRỰC", "KT. GIÁM ĐỐC", "T/M BAN CHẤP HÀNH CÔNG ĐOÀN": who signs for whom.
    private static func isSignatoryLine(_ line: String, _ words: [Substring]) -> Bool {
        guard words.count >= 2, words.count <= 12, !DocumentHeading.asksOrReports(line) else { return false }
        return signatoryMarks.contains { line.hasPrefix($0) } || words.starts(with: ["thay", "mat"])
    }

    private static let signatoryMarks = ["TM.", "TM ", "T/M", "KT.", "KT ", "K/T", "TL.", "T/L", "TUQ."]

    /// "(Đã ký)", "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)", folded; never "(Kỳ họp thứ 7)".
    private static let signedOpenings: [[Substring]] = [
        ["da", "ky"], ["ky", "ten"], ["ky", "ghi"], ["ky", "va"], ["ky", "dong"], ["ky", "xac"],
    ]

    /// A position alone ("CHỦ TỊCH", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"); in lower case only as written
    /// exactly ("Người làm đơn").
    private static func isPosition(_ words: [Substring], capitals: Bool) -> Bool {
        positions.contains { position in
            words.elementsEqual(position)
                || capitals && words.starts(with: position) && words.count <= position.count + 2
                    && words.dropFirst(position.count).allSatisfy(positionQualifiers.contains)
        }
    }

    private static let positions: [[Substring]] = [
        "chu tich", "pho chu tich", "truong ban", "pho truong ban", "giam doc", "pho giam doc", "bi thu",
        "pho bi thu", "thu ky", "chanh van phong", "pho chanh van phong", "truong phong", "pho truong phong",
        "to truong", "truong thon", "truong khu pho", "truong to dan pho", "nguoi lam don", "nguoi viet don",
        "nguoi kien nghi", "nguoi phan anh", "nguoi lap bieu", "nguoi tong hop", "nguoi gui", "thu truong",
        "truong doan", "chu nhiem", "pho chu nhiem", "xac nhan cua dia phuong", "dai dien cac ho dan",
        "dai dien nguoi lao dong", "dai dien cong nhan", "dai dien doan dai bieu",
    ].map { $0.split(separator: " ") }

    /// What may follow a position: "PHÓ CHỦ TỊCH THƯỜNG TRỰC".
    private static let positionQualifiers: Set<Substring> = ["thuong", "truc", "phu", "trach", "ban", "to"]

    /// "Nguyễn Văn An", "NGUYỄN THỊ HOA", "Ông Trần Văn Bình": two to five words of letters,
    /// each capitalised, the first (after "Ông"/"Bà") a common family name.
    private static func isName(_ line: String, _ folded: [Substring]) -> Bool {
        let written = line.split(separator: " ")
        guard written.count == folded.count, (2...6).contains(written.count),
            written.allSatisfy({ word in word.first!.isUppercase && word.allSatisfy(\.isLetter) })
        else { return false }
        let family = folded.first == "ong" || folded.first == "ba" ? folded.dropFirst().first : folded.first
        return family.map(familyNames.contains) == true && folded.count - (family == folded.first ? 0 : 1) >= 2
    }

    /// The commonest family names, folded (well over nine in ten Vietnamese).
    private static let familyNames: Set<Substring> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
        "duong", "ly", "dao", "dinh", "mai", "trinh", "luong", "cao", "ta", "chu", "lam", "kieu", "trieu", "to",
        "doan", "quach", "thai", "lai", "phung", "tang", "vuong", "khuc", "nghiem", "giang", "chau", "ton", "mac",
        "diep", "luu", "truong", "tu", "ha", "lu", "van", "tong", "khuat", "au", "thach", "kim", "la", "nong",
    ]

    private static let courtesyWords: Set<Substring> = ["xin", "tran", "trong", "chan", "thanh", "cam", "on"]
}

/// The last units of a list (lines, blocks, rows), held back until the list's end shows which
/// of them close an office document: at most ``DocumentClosing/lookbehind``, so memory stays bounded.
struct DocumentClosingTail<Unit> {
    private var held: [(unit: Unit, lines: [String])] = []

    /// Holds `unit`, whose text is `text`; returns the oldest unit once it is too far from the end to close anything.
    mutating func hold(_ unit: Unit, text: String) -> Unit? {
        held.append((unit, text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }))
        return held.count > DocumentClosing.lookbehind ? held.removeFirst().unit : nil
    }

    /// Every unit held, in order, none taken for a closing (something else came between them and the end).
    mutating func release() -> [Unit] {
        defer { held.removeAll() }
        return held.map(\.unit)
    }

    /// The units held, split at the closing: a unit is the closing's when each of its lines is.
    mutating func settle() -> (read: [Unit], closing: [Unit]) {
        let lines = held.flatMap(\.lines)
        var closingLines = DocumentClosing.closingCount(lines)
        var split = held.count
        while split > 0, held[split - 1].lines.count <= closingLines {
            closingLines -= held[split - 1].lines.count
            split -= 1
        }
        defer { held.removeAll() }
        return (held[..<split].map(\.unit), held[split...].map(\.unit))
    }
}
