import Testing

@testable import KienNghiCore

@Suite("Tokenizer")
struct TokenizerTests {
    func kinds(_ text: String) -> [(TokenKind, String)] {
        let analyzed = defaultAnalyzer.analyze(text)
        return analyzed.tokens.indices.map { (analyzed.tokens[$0].kind, analyzed.surface($0)) }
    }

    func single(_ text: String) -> TokenKind? {
        let all = kinds(text)
        return all.count == 1 ? all[0].0 : nil
    }

    @Test(arguments: ["11/5/2019", "05/6/ 2019", "5/2019", "1-7-2025", "01.03.2025"])
    func dates(text: String) { #expect(single(text) == .date) }

    @Test(arguments: ["644/TB-UBND", "2200-QĐ/TU", "30/2020/NĐ-CP", "45/2019/QH14", "1234/TTr-UBND"])
    func documentNumbers(text: String) { #expect(single(text) == .documentNumber) }

    @Test(arguments: ["KCN&CX", "TT&TT", "QH-KT", "LĐ-TB&XH", "BHXH-BHYT"])
    func acronyms(text: String) { #expect(single(text) == .acronym) }

    @Test(arguments: ["0912 345 678", "0912.345.678", "0243 8256 789", "+84 912 345 678", "1900 1234", "0912345678"])
    func phones(text: String) { #expect(single(text) == .phone) }

    @Test(arguments: ["https://dichvucong.hanoi.gov.vn/thu-tuc?id=5", "www.baohiemxahoi.gov.vn"])
    func urls(text: String) { #expect(single(text) == .url) }

    @Test(arguments: ["ldld.hanoi@gmail.com", "cong.doan-kcn@congty.com.vn"])
    func emails(text: String) { #expect(single(text) == .email) }

    @Test(arguments: ["1.500.000", "3,5", "2019", "100"])
    func numbers(text: String) { #expect(single(text) == .number) }

    @Test func wordsAndPunctuationInContext() {
        let result = kinds("Đề nghị (UBND quận) xem xét: lương 4,68 triệu/tháng là thấp!")
        #expect(
            result.map(\.1) == [
                "Đề", "nghị", "(", "UBND", "quận", ")", "xem", "xét", ":", "lương", "4,68", "triệu", "/", "tháng", "là",
                "thấp", "!",
            ])
        #expect(result[2].0 == .punctuation)
        #expect(result[10].0 == .number)
    }

    @Test func spansPointIntoTheSourceText() {
        let (text, spans) = marked("‹Công› ‹ty› ‹nợ› ‹BHXH› ‹từ› ‹5/2019›‹,› ‹KCN&CX› ‹Thăng› ‹Long›‹.›")
        let analyzed = defaultAnalyzer.analyze(text)
        #expect(analyzed.tokens.map(\.span) == spans)
    }

    @Test func spansPointIntoNFDSource() {
        let source = "Hoà bình khoẻ".nfd
        let analyzed = defaultAnalyzer.analyze(source)
        #expect(analyzed.tokens.indices.map { analyzed.surface($0) } == source.split(separator: " ").map(String.init))
        #expect(analyzed.termKeys == ["hoà", "bình", "khoẻ"])
    }

    @Test func sentences() {
        let text =
            "Công nhân KCN Quang Minh đề nghị TP. Hà Nội mở tuyến xe buýt. Lương thấp quá! Ai giải quyết?\nXin cảm ơn"
        let analyzed = defaultAnalyzer.analyze(text)
        let sentences = analyzed.sentences.map { analyzed.surface(of: $0.span) }
        #expect(
            sentences == [
                "Công nhân KCN Quang Minh đề nghị TP. Hà Nội mở tuyến xe buýt.", "Lương thấp quá!", "Ai giải quyết?",
                "Xin cảm ơn",
            ])
    }

    @Test func abbreviationsExpandWithTheirToken() {
        let analyzed = defaultAnalyzer.analyze("cnld o kcn, bhxh va BHYT")
        #expect(analyzed.termKeys.contains("khu"))
        #expect(analyzed.expansion(2) == "khu công nghiệp")
        #expect(analyzed.expansion(4) == "bảo hiểm xã hội")
        // A two-letter abbreviation that is a word in lower case expands only in capitals.
        #expect(defaultAnalyzer.analyze("ca").termKeys == ["ca"])
    }

    /// A road code written with its number reads as if spaced (QL18 = QL 18 = quốc lộ 18), with
    /// every term on the code's token; a word with digits that is no abbreviation stays whole.
    @Test func anAbbreviationWrittenWithItsNumberExpands() {
        let joined = defaultAnalyzer.analyze("Hố sâu trên QL18 và QL1A")
        #expect(joined.termKeys == defaultAnalyzer.analyze("Hố sâu trên QL 18 và QL 1a").termKeys)
        #expect(joined.termKeys.suffix(7) == ["quốc", "lộ", "18", "và", "quốc", "lộ", "1a"])
        #expect(joined.expansion(3) == "quốc lộ 18")
        #expect(joined.tokens.count == 6, "the code stays one token: evidence points at QL18")
        for whole in ["Mã ĐT186 đã đăng ký", "Phòng A12 tầng 3", "Xe 29LD12345 đỗ ở đây", "Gọi ql18 nhé"] {
            let analyzed = defaultAnalyzer.analyze(whole)
            #expect(analyzed.terms.allSatisfy { !$0.isExpansion }, "\(whole): \(analyzed.termKeys)")
        }
    }

    /// One long line stays linear (a quadratic step would take minutes at this size);
    /// throughput itself is measured by the benchmark, not here.
    @Test func megabyteSingleLine() {
        let unit = "Công nhân KCN đề nghị tăng lương, giảm giờ làm; "
        let repeats = 1_000_000 / unit.utf8.count + 1
        let text = String(repeating: unit, count: repeats)
        let analyzed = defaultAnalyzer.analyze(text)
        #expect(analyzed.tokens.count == repeats * 12)
        #expect(analyzed.tokens.last!.span.end == text.utf8.count - 1)
        #expect(analyzed.sentences.count == 1)
    }
}
