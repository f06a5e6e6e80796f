/// The lines an office document opens with above its petitions, when it is kept as plain
/// text or a list of one column: the issuing body, the national motto and the rule under it,
/// the document's number, its place and date, its title ("TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ
/// TRI"). Read as petitions, each went to review and was counted in the pile; the readers
/// report them as titles instead, and only while no petition has come yet.
package enum DocumentHeading {
    /// Whether `line` (one line, trimmed) is a heading line of an office document.
    package static func isHeadingLine(_ line: String) -> Bool {
        guard line.utf8.count <= maximumBytes else { return false }
        let folded = InputSchema.fold(line)
        // A rule of dashes or stars under the motto or the body's name.
        if folded.isEmpty { return true }
        if folded.hasPrefix("cong hoa xa hoi chu nghia viet nam") || folded == "doc lap tu do hanh phuc" {
            return true
        }
        let words = folded.split(separator: " ")
        if isDateLine(words) || isNumberLine(line, words) { return true }
        // A title is one phrase: a colon, a full stop, a question opens a petition's sentences
        // ("Tổng hợp ý kiến đoàn viên: …").
        let isOnePhrase = !line.unicodeScalars.contains { sentenceMarks.contains($0) }
        if InputSchema.looksLikeTitle(line) {
            if opens(words, with: titleOpenings) { return isOnePhrase }
            return words.count <= 10 && opens(words, with: bodyOpenings) && !InputSchema.judgesOrAsks(line)
        }
        // A title in ordinary case names a list of petitions.
        return opens(words, with: titleOpenings) && isOnePhrase
            && petitionWords.contains { phrase in words.indices.contains { words[$0...].starts(with: phrase) } }
    }

    private static let sentenceMarks: Set<Unicode.Scalar> = [".", ":", ";", "!", "?", "…"]

    /// Longer than this, a line is a petition's (a title in capitals is at most 120 letters).
    static let maximumBytes = 240

    /// "Hà Nội, ngày 12 tháng 3 năm 2019" (or with the numbers left blank): a place of at
    /// most five words, then the date.
    private static func isDateLine(_ words: [Substring]) -> Bool {
        let named = words.filter { !$0.allSatisfy(\.isNumber) }
        return named.count <= 8 && named.suffix(3).elementsEqual(["ngay", "thang", "nam"])
            && words.last?.allSatisfy(\.isNumber) == true
    }

    /// "Số: 644/TB-UBND": a number with the kind and the body after a slash.
    private static func isNumberLine(_ line: String, _ words: [Substring]) -> Bool {
        words.count <= 6 && words.first == "so" && words.count > 1 && words[1].first?.isNumber == true
            && line.contains("/")
    }

    private static func opens(_ words: [Substring], with openings: [[Substring]]) -> Bool {
        openings.contains { words.starts(with: $0) }
    }

    /// How a document's title opens, folded.
    private static let titleOpenings: [[Substring]] = [
        "tong hop", "danh sach", "bao cao", "phu luc", "bieu mau", "mau so", "ket qua", "y kien", "kien nghi",
        "cac kien nghi", "noi dung kien nghi", "thong bao", "to trinh", "cong van", "bien ban",
    ].map { $0.split(separator: " ") }

    /// How the issuing body's name opens, folded: a line in capitals of at most ten words
    /// that asks or judges nothing ("ỦY BAN MTTQ VIỆT NAM", "QUẬN BẮC TỪ LIÊM").
    private static let bodyOpenings: [[Substring]] = [
        "uy ban", "ubnd", "hoi dong", "hdnd", "mat tran", "mttq", "ban", "lien doan", "ldld", "tong lien doan",
        "cong doan", "doan", "thanh uy", "quan uy", "huyen uy", "dang uy", "dang bo", "so", "phong", "van phong",
        "thanh pho", "tp", "quan", "huyen", "thi xa", "phuong", "xa", "bo", "cuc", "chi cuc", "trung tam",
    ].map { $0.split(separator: " ") }

    /// Words of a title in ordinary case that names petitions ("Tổng hợp ý kiến cử tri…").
    private static let petitionWords: [[Substring]] = [
        "kien nghi", "y kien", "phan anh", "de xuat", "cu tri", "don thu",
    ].map { $0.split(separator: " ") }
}
