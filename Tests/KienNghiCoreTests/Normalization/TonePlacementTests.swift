import Testing

@testable import KienNghiCore

/// The 15 rime × tone pairs where old (hòa) and new (hoà) placement differ
/// (shared/reference/tone-placement.md), as (old, new).
let tonePlacementPairs: [(String, String)] = [
    ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
    ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
    ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
]

@Suite("Tone placement and keys")
struct TonePlacementTests {
    func key(_ word: String) -> String { defaultAnalyzer.analyze(word).termKeys.joined(separator: " ") }

    @Test(arguments: tonePlacementPairs)
    func oldAndNewPlacementGiveOneKey(old: String, new: String) {
        for onset in ["", "h", "kh", "th", "t", "l"] {
            let expected = onset + new
            #expect(key(onset + old) == expected, "\(onset + old)")
            #expect(key(onset + new) == expected)
            #expect(key((onset + old).uppercased()) == expected, "upper \(onset + old)")
            #expect(key((onset + old).capitalized) == expected, "title \(onset + old)")
            #expect(key((onset + old).nfd) == expected, "NFD \(onset + old)")
            #expect(key(onset + new.uppercased()) == expected)
        }
    }

    @Test(arguments: tonePlacementPairs)
    func normalizeKeepsCaseAndUsesNewPlacement(old: String, new: String) {
        #expect(defaultAnalyzer.normalize("H" + old.uppercased()) == "H" + new.uppercased())
        #expect(defaultAnalyzer.normalize("H" + old) == "H" + new)
    }

    @Test(arguments: [
        ("hoàn", "hoàn"), ("hòan", "hoàn"), ("toán", "toán"), ("huỳnh", "huỳnh"), ("quyết", "quyết"),
        ("qúy", "quý"), ("qủa", "quả"), ("gìa", "già"), ("gì", "gì"), ("giữ", "giữ"), ("người", "người"),
        ("ngừơi", "người"), ("thuở", "thuở"), ("khuỷu", "khuỷu"), ("ngoài", "ngoài"), ("chuối", "chuối"),
        ("bìa", "bìa"), ("lửa", "lửa"), ("Ủy", "uỷ"), ("ĐỒNG", "đồng"), ("Đường", "đường"),
    ])
    func canonicalKeys(input: String, expected: String) {
        #expect(key(input) == expected)
    }

    @Test(arguments: [
        ("bảo hiểm", "bao hiem"), ("đường", "duong"), ("Đống Đa", "dong da"), ("người", "nguoi"), ("ĂN Ở", "an o"),
    ])
    func plainKeysDropEveryDiacritic(input: String, plain: String) {
        let analyzed = defaultAnalyzer.analyze(input)
        #expect(analyzed.terms.map { analyzed.string($0.plain) }.joined(separator: " ") == plain)
    }

    @Test func textWithoutDiacriticsIsMarkedAccentless() {
        let analyzed = defaultAnalyzer.analyze("cong nhan bi no luong")
        #expect(analyzed.terms.allSatisfy { $0.isAccentless })
        #expect(!defaultAnalyzer.analyze("công").terms[0].isAccentless)
    }

    @Test func foreignWordsAreFoldedButKeepTheirLetters() {
        #expect(key("Straße") == "strasse" || key("Straße") == "straße")
        #expect(key("WiFi") == "wifi")
    }
}
