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
    /// How many trailing units (lines, blocks, rows, paragraphs) the readers hold back to find
    /// the closing's start; ``closingCount(_:)`` reads up to twice as many lines (units of
    /// several lines). A closing of more lines than the units held loses its top (a long list
    /// of recipients), and those lines are read as petitions: bounded memory first.
    package static let lookbehind = 16

    /// How many of `lines` (a file's last non-blank lines, trimmed, in order) are its closing.
    package static func closingCount(_ lines: [String]) -> Int {
        let lines = Array(lines.suffix(lookbehind * 2))
        let kinds = lines.map(kind)
        // The longest run of closing lines at the end.
        var start = kinds.count
        while start > 0, kinds[start - 1] != nil { start -= 1 }
        // Under a petition's line ending with a colon or a word that calls for more ("Đề nghị
        // làm rõ trách nhiệm của:"), the lines it lists ("Giám đốc", "Trưởng thôn"), up to a
        // line only a document has.
        if start > 0, opensList(lines[start - 1]) {
            start =
                kinds[start...].firstIndex { $0 == .date || $0 == .signatory || $0 == .recipients || $0 == .signed }
                ?? kinds.count
        }
        // A recipient belongs to "Nơi nhận:" above it; a "- …" line with none above is a petition's.
        var listed = false
        for index in start..<kinds.count {
            if kinds[index] == .recipients { listed = true }
            if kinds[index] == .recipient && !listed { start = index + 1 }
        }
        // A name only just under who signs ("CHỦ TỊCH", "(Đã ký)"), or under other signers' names
        // (fewer than ``maximumSigners`` in a row); recipients between them are the other column
        // of a flattened layout, and a rule to sign on ("______") may stand between.
        func signs(_ kind: Kind?) -> Bool { kind == .position || kind == .signed || kind == .signatory }
        for index in start..<kinds.count where kinds[index] == .name {
            let above = kinds[start..<index].filter { $0 != .recipient && $0 != .rule }
            let names = above.reversed().prefix { $0 == .name }.count
            if !(names < maximumSigners && signs(above.dropLast(names).last ?? nil)) {
                start = index + 1
            }
        }
        // From the first anchor; above it only courtesy lines, rules and the place and date (a
        // dated line alone ends a petition as often: "Cháy chợ Mơ, ngày 12/3/2019").
        guard var first = kinds[start...].firstIndex(where: { $0?.isAnchor == true }) else { return 0 }
        while first > start, [.courtesy, .rule, .date].contains(kinds[first - 1]) { first -= 1 }
        return kinds.count - first
    }

    /// A line that announces what follows: "…trách nhiệm của:", "…gồm", "…như sau".
    private static func opensList(_ line: String) -> Bool {
        if line.hasSuffix(":") { return true }
        // A full stop ends the sentence: "…lắp đèn." calls for nothing.
        if let last = line.last, ".!?;".contains(last) { return false }
        guard let last = InputSchema.fold(String(line.suffix(12))).split(separator: " ").last else { return false }
        return listCallingWords.contains(last)
    }

    private static let listCallingWords: Set<Substring> = [
        "cua", "la", "gom", "sau", "voi", "ve", "cho", "tai", "va", "nhu", "hoac", "boi", "tu", "den", "ong", "ba",
    ]

    /// Whether a table's rows (or a block's lines) are a document's closing and nothing else:
    /// a signature laid out in a borderless table.
    package static func closes(_ rows: [[String]]) -> Bool {
        let lines = rows.flatMap { $0 }.flatMap(\.trimmedLines)
        return !lines.isEmpty && lines.count <= lookbehind * 2 && closingCount(lines) == lines.count
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
        /// A rule of dashes, stars or underscores.
        case rule

        var isAnchor: Bool {
            switch self {
            case .signatory, .position, .signed, .recipients: true
            case .date, .recipient, .name, .courtesy, .rule: false
            }
        }
    }

    /// Longer than this, a line is a petition's.
    static let maximumBytes = 160

    /// Most names in a row under who signs ("ĐẠI DIỆN CÁC HỘ DÂN" over three names).
    static let maximumSigners = 5

    static func kind(_ written: String) -> Kind? {
        guard written.utf8.count <= maximumBytes else { return nil }
        let line = spacesUnified(written)
        if DocumentHeading.isRule(line) { return line.contains("/") ? .courtesy : .rule }
        if isPageNumber(line) { return .rule }
        let folded = InputSchema.fold(line)
        let words = folded.split(separator: " ")
        // "Nơi nhận:" alone, or with what a flattened two-column layout put beside it; never
        // "Nơi nhận hồ sơ quá xa".
        if words.starts(with: ["noi", "nhan"]) {
            guard words.count > 2 else { return .recipients }
            guard let colon = line.firstIndex(of: ":"), words.count <= 16 else { return nil }
            let rest = String(line[line.index(after: colon)...]).trimmingWhitespace()
            return bullets.contains(where: { rest.hasPrefix($0) }) || kind(rest)?.isAnchor == true ? .recipients : nil
        }
        // A bullet marks a list's item: a recipient under "Nơi nhận:" at most, never who signs.
        if bullets.contains(where: { line.hasPrefix($0) }) { return isRecipient(line, words) ? .recipient : nil }
        if words.first == "luu" && isRecipient(line, words) { return .recipient }
        let capitals = InputSchema.looksLikeTitle(line)
        // A signature asks nothing: "GIÁM ĐỐC!", "Chủ tịch?" are a petition's.
        if line.contains(where: { $0 == "?" || $0 == "!" }) && !words.allSatisfy(courtesyWords.contains) {
            return nil
        }
        if capitals || signatoryMarks.contains(where: { line.hasPrefix($0) }),
            isSignatoryLine(line, words, capitals: capitals)
        {
            return .signatory
        }
        if isPosition(words, capitals: capitals) { return .position }
        if isSignedMark(line, words) { return .signed }
        if isDate(line, words) { return .date }
        if isName(line, words) { return .name }
        if words.count <= 8 && words.allSatisfy(courtesyWords.contains)
            && (folded.contains("cam on") || folded.contains("tran trong") || folded == "kinh don"
                || folded.contains("kinh chao"))
        {
            return .courtesy
        }
        return nil
    }

    /// The line with no-break and narrow spaces as spaces and zero-width characters gone, as
    /// Word's export leaves a signature block.
    private static func spacesUnified(_ line: String) -> String {
        guard
            line.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value < 0x3000 && unusualSpaces.contains($0) })
        else { return line }
        var scalars = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{200C}" || scalar == "\u{200D}" {
                continue
            }
            scalars.append(unusualSpaces.contains(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    private static let unusualSpaces: Set<Unicode.Scalar> = [
        "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{FEFF}",
        "\u{200C}", "\u{200D}",
    ]

    /// "- Như trên;", "- Thường trực HĐND thành phố (để b/c);", "- Lưu: VT.": a body or a
    /// formula, reporting nothing ("- Công ty nợ lương;" is a petition's).
    private static func isRecipient(_ line: String, _ words: [Substring]) -> Bool {
        if words.first == "luu" { return words.count <= 6 && !words.contains(where: complaintWords.contains) }
        guard bullets.contains(where: { line.hasPrefix($0) }), words.count <= 14,
            !DocumentHeading.asksOrReports(line), !words.contains(where: complaintWords.contains)
        else { return false }
        if let comrade = comrades.first(where: { words.starts(with: $0) }) {
            // "- Đ/c Chủ tịch UBND phường;": a position or a body, nothing said of them.
            let rest = Array(words.dropFirst(comrade.count))
            return isPosition(rest, capitals: false)
                || (DocumentHeading.namesAddressee(rest) && rest.allSatisfy(bodyNameWords.contains))
        }
        return words.starts(with: ["nhu", "tren"]) || DocumentHeading.namesAddressee(words)
    }

    /// "- Đ/c Chủ tịch UBND phường;", "- Các đ/c Ủy viên BTV;": recipients only under "Nơi nhận:".
    private static let comrades: [[Substring]] = ["d c", "dc", "cac d c", "cac dong chi"].map {
        $0.split(separator: " ")
    }

    private static let bullets = ["-", "+", "*", "•", "–", "·"]

    /// Words of a complaint that a recipient's or signer's line never holds.
    private static let complaintWords: Set<Substring> = [
        "no", "chua", "khong", "bi", "cham", "thieu", "ngap", "hong", "sai", "ky", "lam",
    ]

    /// Words of a complaint written in capitals that no name holds ("LƯƠNG THẤP QUÁ").
    private static let notNames: Set<Substring> = [
        "no", "chua", "khong", "bi", "cham", "thieu", "ngap", "thap", "rac", "cho", "qua", "nang", "nhiem", "pha",
    ]

    /// "TM. BAN THƯỜNG TRỰC", "KT. GIÁM ĐỐC", "T/M BAN CHẤP HÀNH CÔNG ĐOÀN": who signs for whom,
    /// a position or a body after the mark.
    private static func isSignatoryLine(_ line: String, _ words: [Substring], capitals: Bool) -> Bool {
        // A colon opens what a body says ("TM. Tổ dân phố 5: đèn đường tắt cả tháng"); a signer's line has none.
        guard words.count >= 2, words.count <= 12, !line.contains(":"), !DocumentHeading.asksOrReports(line),
            !words.contains(where: complaintWords.contains)
        else { return false }
        let rest: ArraySlice<Substring>
        if signatoryMarks.contains(where: { line.hasPrefix($0) }) {
            rest = words.dropFirst(line.hasPrefix("T/") || line.hasPrefix("K/") ? 2 : 1)
        } else if words.starts(with: ["thay", "mat"]) {
            rest = words.dropFirst(2)
        } else {
            return false
        }
        let after = Array(rest)
        guard !protests.contains(where: { phrase in after.indices.contains { after[$0...].starts(with: phrase) } })
        else { return false }
        // In title case, and after "Q." (a district's abbreviation too), the mark stands over a
        // position or a body's name and nothing else: "Q. Giám đốc Công an tỉnh bao che cấp
        // dưới", "TM. Ban quản lý chợ thu phí cao" are petitions.
        if !capitals || line.hasPrefix("Q.") {
            return isPosition(after, capitals: false)
                || (DocumentHeading.namesAddressee(after) && after.allSatisfy(bodyNameWords.contains))
        }
        return isPosition(after, capitals: true) || DocumentHeading.namesAddressee(after)
    }

    /// Words of a body's name a title-case signatory line may hold ("TM. Ban chấp hành Công đoàn").
    private static let bodyNameWords: Set<Substring> = positionQualifiers.union([
        "chap", "hanh", "thuong", "vu", "hoi", "uy", "nhan", "dai", "dien", "nguoi", "lao", "dong", "lien", "mat",
        "tran", "dang", "bch", "ubnd", "hdnd", "cuu", "chien", "binh", "phu", "nu", "thanh", "nien",
    ])

    /// What a body's name never says and a petition in capitals does ("THAY MẶT CÔNG ĐOÀN
    /// CÔNG TY PHẢN ĐỐI CẮT THƯỞNG TẾT").
    private static let protests: [[Substring]] = [
        "phan doi", "bac bo", "cat thuong", "cat luong", "cat giam", "no luong", "tru luong", "dinh cong",
        // Not "tố cáo", "khiếu nại" ("T/M NHỮNG NGƯỜI KHIẾU NẠI" signs), nor "đòi" (it folds as "Đội").
        "ngung viec", "lan chiem", "tranh chap", "tra lai", "thu hoi", "giai toa", "cuong che", "tang luong",
        "tham nhung", "doi tang", "doi tra", "doi quyen",
    ].map { $0.split(separator: " ") }

    /// "Q." is "quyền" (acting) before a position; before a district's name ("Q. Ba Đình") it
    /// is no signatory, as neither a position nor a body follows.
    private static let signatoryMarks = ["TM.", "TM ", "T/M", "KT.", "KT ", "K/T", "TL.", "T/L", "TUQ.", "Q."]

    /// "(Đã ký)", "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)", "Đã ký": the mark alone; never
    /// "(Kỳ họp thứ 7)" nor "(đã ký hợp đồng)".
    private static func isSignedMark(_ line: String, _ words: [Substring]) -> Bool {
        guard words.count <= 8, words.contains("ky"), words.allSatisfy(signedWords.contains) else { return false }
        if (line.hasPrefix("(") && line.hasSuffix(")")) || (line.hasPrefix("[") && line.hasSuffix("]")) {
            // One bracket: "(Đã ký) công ty nợ" is a petition's.
            return line.dropFirst().dropLast().allSatisfy { !"()[]".contains($0) }
                && (words.first == "ky" || words.starts(with: ["da", "ky"]) || words.starts(with: ["chu", "ky"]))
        }
        return ["da ky", "ky ten", "da ky ten", "chu ky"].contains(words.joined(separator: " "))
    }

    private static let signedWords: Set<Substring> = [
        "da", "ky", "ten", "va", "ghi", "ro", "ho", "dong", "dau", "xac", "nhan", "chu",
    ]

    /// "Hà Nội, ngày 12 tháng 3 năm 2019", "Hà Nội, ngày 12/3/2019": a place first (a date
    /// alone heads a log's petitions as often).
    private static func isDate(_ line: String, _ words: [Substring]) -> Bool {
        words.first != "ngay" && DocumentHeading.anchorKind(line) == .date
    }

    /// A position alone ("CHỦ TỊCH", "PHÓ CHỦ TỊCH UBND PHƯỜNG", "Tổ trưởng tổ dân phố").
    private static func isPosition(_ words: [Substring], capitals: Bool) -> Bool {
        positions.contains { position in
            words.starts(with: position) && words.count <= position.count + (capitals ? 3 : 4)
                && words.dropFirst(position.count).allSatisfy(positionQualifiers.contains)
                // "bỏ dân", "xa dân" fold like the qualifiers "bộ", "xã" + "dân": "Chủ tịch xã bỏ dân".
                && !zip(words, words.dropFirst()).contains { ["bo", "xa"].contains($0) && $1 == "dan" }
        }
    }

    private static let positions: [[Substring]] = [
        "chu tich", "pho chu tich", "truong ban", "pho truong ban", "giam doc", "pho giam doc", "bi thu",
        "pho bi thu", "thu ky", "chanh van phong", "pho chanh van phong", "truong phong", "pho truong phong",
        "to truong", "truong thon", "truong khu pho", "nguoi lam don", "nguoi viet don", "nguoi kien nghi",
        "nguoi phan anh", "nguoi lap bieu", "nguoi lap", "nguoi tong hop", "nguoi gui", "thu truong",
        "truong doan", "chu nhiem", "pho chu nhiem", "xac nhan cua", "dai dien cac ho dan",
        "dai dien nguoi lao dong", "dai dien cong nhan", "dai dien doan dai bieu", "ke toan truong",
        "nguoi de nghi", "nguoi khieu nai", "nguoi to cao", "nguoi dai dien", "uy vien",
    ].map { $0.split(separator: " ") }

    /// What may follow a position: "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "CHỦ TỊCH UBND PHƯỜNG",
    /// "Tổ trưởng tổ dân phố", "THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN CỦA UBND PHƯỜNG".
    private static let positionQualifiers: Set<Substring> = [
        "thuong", "truc", "phu", "trach", "ban", "to", "dan", "pho", "hdnd", "ubnd", "ubmttq", "mttq", "so", "phuong",
        "xa", "quan", "huyen", "chi", "bo", "don", "vi", "cong", "doan", "dia", "chinh", "quyen", "co", "so", "thon",
        "khu", "ty", "btv", "bch",
    ]

    /// "Nguyễn Văn An", "Ông Trần Văn Bình", "NGUYỄN THỊ HOA": two to five words of letters,
    /// each capitalised, the first (after "Ông"/"Bà") a common family name. Only just under a
    /// position, a signature mark or another name (see ``closingCount(_:)``).
    private static func isName(_ line: String, _ folded: [Substring]) -> Bool {
        let written = line.split(separator: " ")
        guard written.count == folded.count, (2...6).contains(written.count),
            written.allSatisfy({ word in word.first!.isUppercase && word.allSatisfy(\.isLetter) })
        else { return false }
        let title = folded.first == "ong" || folded.first == "ba"
        let family = title ? folded.dropFirst().first : folded.first
        return family.map(familyNames.contains) == true && folded.count - (title ? 1 : 0) >= 2
            && !folded.contains(where: notNames.contains)
    }

    /// The commonest family names, folded (well over nine in ten Vietnamese).
    private static let familyNames: Set<Substring> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
        "duong", "ly", "dao", "dinh", "mai", "trinh", "luong", "cao", "ta", "chu", "lam", "kieu", "trieu", "to",
        "doan", "quach", "thai", "lai", "phung", "tang", "vuong", "khuc", "nghiem", "giang", "chau", "ton", "mac",
        "diep", "luu", "truong", "tu", "ha", "lu", "van", "tong", "khuat", "au", "thach", "kim", "la", "nong",
    ]

    private static let courtesyWords: Set<Substring> = [
        "xin", "tran", "trong", "chan", "thanh", "cam", "on", "kinh", "don", "chao", "quy", "co", "quan",
    ]

    /// A page's number left by a print: "- 2 -", "Trang 2", "Trang 2/3"; never a bare figure,
    /// as a table's row number is.
    private static func isPageNumber(_ line: String) -> Bool {
        guard line.utf8.count <= 16 else { return false }
        var rest = Substring(line)
        let named = rest.lowercased().hasPrefix("trang ")
        if named {
            rest = rest.dropFirst(6)
        } else {
            guard rest.first == "-" || rest.first == "–", rest.last == rest.first else { return false }
        }
        let pieces = rest.split(whereSeparator: { " -–/".contains($0) })
        return (1...2).contains(pieces.count)
            && pieces.allSatisfy { $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// The last units of a list (lines, blocks, rows), held back until the list's end shows which
/// of them close an office document: at most ``DocumentClosing/lookbehind``, so memory stays
/// bounded, in a ring, so holding costs no copy on the hot path.
package struct DocumentClosingTail<Unit> {
    private var ring: [Unit] = []
    /// The oldest unit's slot once the ring is full.
    private var oldest = 0
    /// A unit's texts: a line or block, or a row's cells.
    private let texts: (Unit) -> [String]

    package init(texts: @escaping (Unit) -> [String]) { self.texts = texts }

    /// Holds `unit`; returns the units now too far from the end to close anything: the oldest
    /// once the ring is full, or every unit held when `unit` is one no closing can take whole
    /// (a line longer than a closing's, or more lines than one has), since a closing never
    /// reaches above it. So a file of long petitions holds one of them, not sixteen.
    package mutating func hold(_ unit: Unit) -> [Unit] {
        if Self.closesNothingAbove(texts(unit)) {
            defer { ring.append(unit) }
            return release()
        }
        guard ring.count == DocumentClosing.lookbehind else {
            ring.append(unit)
            return []
        }
        defer {
            ring[oldest] = unit
            oldest = (oldest + 1) % ring.count
        }
        return [ring[oldest]]
    }

    /// Whether no closing can take a unit of these texts whole: only a unit longer than the
    /// longest closing ``DocumentClosing/closingCount(_:)`` looks at is split into its lines.
    private static func closesNothingAbove(_ texts: [String]) -> Bool {
        let reach = 2 * DocumentClosing.lookbehind
        guard texts.reduce(0, { $0 + $1.utf8.count }) > reach * (DocumentClosing.maximumBytes + 1) else {
            return false
        }
        var lines = 0
        for line in texts.lazy.flatMap(\.trimmedLines) {
            lines += 1
            if lines > reach || line.utf8.count > DocumentClosing.maximumBytes { return true }
        }
        return false
    }

    /// Every unit held, in order, none taken for a closing (something came between them and the end).
    package mutating func release() -> [Unit] {
        defer {
            ring.removeAll()
            oldest = 0
        }
        return Array(ring[oldest...] + ring[..<oldest])
    }

    /// The units held, split at the closing: a unit is the closing's when each line of its
    /// texts is.
    package mutating func settle() -> (read: [Unit], closing: [Unit]) {
        let units = release()
        let lines = units.map { texts($0).flatMap(\.trimmedLines) }
        // Whole units only; the units taken must close the document by themselves (a name
        // whose position stands in a numbered row is no closing).
        var split = units.count
        var closingLines = DocumentClosing.closingCount(lines.flatMap { $0 })
        while closingLines > 0 {
            split = units.count
            var left = closingLines
            while split > 0, !lines[split - 1].isEmpty, lines[split - 1].count <= left {
                left -= lines[split - 1].count
                split -= 1
            }
            let taken = lines[split...].flatMap { $0 }
            let again = DocumentClosing.closingCount(taken)
            if again == taken.count { break }
            closingLines = again
        }
        if closingLines == 0 { split = units.count }
        return (Array(units[..<split]), Array(units[split...]))
    }
}

/// A table's last rows, held back for ``DocumentClosingTail``: a petition, or a row already
/// judged (no text: a signature beside an empty text cell is no lost petition).
package enum HeldTableRow {
    case petition(PetitionRecord, byteOffset: Int?)
    case rejected(RejectedRow, cells: [String])

    /// The cells that tell whether the row closes a document.
    package var cells: [String] {
        switch self {
        case .petition(let record, _): record.cells
        case .rejected(_, let cells): cells
        }
    }

    /// Hands the row on once it is known to close nothing: a petition to `batch`, a rejected row to `rejected`.
    package func report(to batch: inout PetitionBatch, rejected: (RejectedRow) -> Void) throws {
        switch self {
        case .petition(let petition, _): try batch.append(petition)
        case .rejected(let row, _): rejected(row)
        }
    }

    /// The row reported as a document's closing.
    package func asClosing(file: String) -> RejectedRow {
        switch self {
        case .petition(let record, let byteOffset):
            return RejectedRow(
                file: file, location: record.location, reason: .closing,
                detail: RejectedRow.titleExcerpt(record.cells), byteOffset: byteOffset,
                excerpt: RejectedRow.excerpt(of: record.cells))
        case .rejected(var row, let cells):
            row.reason = .closing
            row.detail = RejectedRow.titleExcerpt(cells)
            return row
        }
    }
}
