import Foundation
import Testing

@testable import KienNghiCore

@Suite("Output escaping")
struct ByteEscapingTests {
    func csv(_ cell: String) -> String { CSVPetitionWriter.escape(cell) }

    @Test func formulaGuardAfterLeadingWhitespace() {
        for cell in [
            "=1+1", "+84 912", "-5", "@SUM(A1)", " =cmd", "  +1", "\t=1", "\r=1", "\n=1", " \t\r\n@x",
            "＝1+1", "＋84", "－5", "＠SUM(A1)", "  ＝1", "\tplain", "\rplain",
        ] {
            let escaped = csv(cell)
            let body = escaped.hasPrefix("\"") ? String(escaped.dropFirst()) : escaped
            #expect(body.hasPrefix("'"), "not guarded: \(cell.debugDescription) → \(escaped.debugDescription)")
        }
        for cell in ["bình thường", " khoảng trắng", "\nxuống dòng", "a=b", "1-2", "", "  ", "e-mail: a@b.vn", "＄100"] {
            #expect(!csv(cell).contains("'"), "guarded without need: \(cell.debugDescription)")
        }
    }

    @Test func quotingIsRFC4180() {
        #expect(csv("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(csv("a,b") == "\"a,b\"")
        #expect(csv("dòng 1\r\ndòng 2") == "\"dòng 1\r\ndòng 2\"")
        #expect(csv("Công nhân KCN Quang Minh") == "Công nhân KCN Quang Minh")
        #expect(CSVPetitionWriter.line(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    static let bidiControls: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200E}", "\u{200F}", "\u{061C}",
    ]

    @Test func bidiControlsAreVisibleInCSVAndHTML() {
        for control in Self.bidiControls {
            let text = "Lương \(control)tháng 5\(control) chưa trả"
            let hex = String(control.value, radix: 16, uppercase: true)
            let marker = "[U+" + String(repeating: "0", count: 4 - hex.count) + hex + "]"
            let cell = csv(text)
            #expect(!cell.unicodeScalars.contains(control))
            #expect(cell == "Lương \(marker)tháng 5\(marker) chưa trả")
            let html = Markup.escapeUserText(text)
            #expect(!html.unicodeScalars.contains(control))
            #expect(html.contains(marker))
        }
        // Look-alike bytes that are not bidi controls stay as they are.
        for text in ["‐‑‒–—―", "“quoted” … ‰", "\u{2065}\u{206A}\u{200D}\u{2028}", "ؘ؛"] {
            #expect(csv(text) == text || csv(text).hasPrefix("\""))
            #expect(!csv(text).contains("[U+"))
        }
    }

    @Test func jsonStringsMatchJSONEncoderAndStayLossless() throws {
        var samples = [
            "", "a\"b\\c/d", "tab\there", "line\nbreak\r\n", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
            "Tiếng Việt có dấu ơ ư đ",
            "emoji 🇻🇳 👍🏽", "\u{2028}\u{2029}", "Lương \u{202E}5 tháng\u{202C} chưa trả",
            "\u{061C}\u{200E}\u{200F}\u{2066}x\u{2069}",
        ]
        samples += (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for sample in samples {
            var out: [UInt8] = []
            ByteEscaping.appendJSONString(sample, to: &out)
            let decoded = try JSONDecoder().decode(String.self, from: Data(out))
            #expect(decoded == sample, "not lossless: \(sample.debugDescription)")
            let mine = String(decoding: out, as: UTF8.self)
            #expect(!Self.bidiControls.contains(where: mine.unicodeScalars.contains))
            if !ByteEscaping.containsBidiControl(sample) && !sample.contains("\u{2028}") {
                let theirs = String(decoding: try encoder.encode(sample), as: UTF8.self)
                #expect(mine == theirs, "differs from JSONEncoder for \(sample.debugDescription)")
            }
        }
    }

    @Test func jsonNumbersMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        for value in [
            0, 1, 2, 3, 0.7, 0.83, 1.4, 2.0999999999999996, 0.25, 1.75, 12.5, -3, 1e-7, 123456.789, 0.1 + 0.2,
        ] as [Double] {
            var out: [UInt8] = []
            ByteEscaping.appendJSONNumber(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        for value in [0, 7, -12, Int.max, Int.min + 1] {
            var out: [UInt8] = []
            ByteEscaping.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }

    /// The writer's number forms against Swift's shortest form, for the
    /// hundredths that scores and weights are rounded to and for other values.
    @Test func jsonNumbersMatchTheShortestForm() {
        var values: [Double] = (-30_000...30_000).map { Double($0) / 100 }
        values += (0..<20_000).map { (Double($0) * 0.731 * 100).rounded() / 100 }
        values += (0..<2_000).map { Double($0) * 0.0137 } + [1e-5, 0.005, 999_999.99, 1_000_000.01, 1e7 + 0.5]
        for value in values {
            var out: [UInt8] = []
            ByteEscaping.appendJSONNumber(value, to: &out)
            let expected = value == value.rounded() ? String(Int(value)) : value.description
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    /// JSON string literal, scalar by scalar: the reference for the byte-level writer.
    static func referenceJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every escaped byte and sequence at every offset of a long string, so the
    /// eight-bytes-at-a-time skip is checked at every position in a word.
    @Test func jsonStringsEscapeAtEveryOffsetOfALongString() {
        var specials = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        specials += ["\u{2028}", "\u{2029}", "\u{202E}", "\u{061C}", "\u{2066}", "–", "“", "…", "ؠ", "ư", "đ"]
        for special in specials {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + "bcdefghijklmnopqrst" + special
                var out: [UInt8] = []
                ByteEscaping.appendJSONString(text, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == Self.referenceJSON(text), "\(text.debugDescription)")
            }
        }
    }

    /// A special byte followed by any byte in a string's last eight: the tail is
    /// tested as the string's last word, which also holds bytes already written.
    @Test func jsonStringsEscapeSpecialPairsInTheLastWord() {
        let specials = ["\"", "\\", "\u{1}", "\u{1F}", "“", "\u{202E}", "ؠ", "\u{2028}"]
        var followers = (0x01..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        followers += ["ã", "ế", "đ", "ư", "–"]
        for special in specials {
            for follower in followers {
                for prefix in 0..<10 {
                    let text = String(repeating: "x", count: prefix) + special + follower
                    var out: [UInt8] = []
                    ByteEscaping.appendJSONString(text, to: &out)
                    #expect(
                        String(decoding: out, as: UTF8.self) == Self.referenceJSON(text), "\(text.debugDescription)")
                }
            }
        }
    }

    /// CSV cells with every special byte at every offset of a long cell, against
    /// a scalar-by-scalar reference (quotes, doubled quotes, formula guard, bidi markers).
    @Test func csvCellsEscapeAtEveryOffsetOfALongCell() {
        var specials = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        specials += ["\u{2028}", "\u{202E}", "\u{061C}", "\u{2066}", "–", "“", "ؠ", "ư", "\"\"", "＝"]
        func reference(_ text: String) -> String {
            let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            var guardFormula = false
            var copy = text
            copy.withUTF8 { guardFormula = ByteEscaping.needsFormulaGuard($0) }
            var out = (needsQuotes ? "\"" : "") + (guardFormula ? "'" : "")
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: out += "\"\""
                case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "[U+" + String(repeating: "0", count: 4 - hex.count) + hex + "]"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + (needsQuotes ? "\"" : "")
        }
        for special in specials {
            for offset in 0..<17 {
                for text in [
                    String(repeating: "a", count: offset) + special + "bcdefghijklmnopqrst" + special,
                    special + String(repeating: "ê", count: offset) + special + "bcdefghijklmnopqrst",
                ] {
                    var out: [UInt8] = []
                    ByteEscaping.appendCSVCell(text, to: &out)
                    #expect(String(decoding: out, as: UTF8.self) == reference(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func twoDecimalsMatchesPrintf() {
        for value in [0, 0.5, 0.83, 0.07, 1, 0.1, 0.99, 0.3] as [Double] {
            #expect(OutputColumns.twoDecimals(value) == String(format: "%.2f", value))
        }
    }

    /// The writers' growable buffer grows past its capacity without losing or
    /// reordering bytes, for short (copied in line) and long (memcpy) runs alike.
    @Test func growableBytesKeepEveryByteAcrossGrowth() {
        var sink = GrowableBytes(capacity: 64)
        defer { sink.deallocate() }
        var expected: [UInt8] = []
        for round in 0..<300 {
            let run = (0..<(round % 41)).map { UInt8(truncatingIfNeeded: round &* 7 &+ $0) }
            run.withUnsafeBufferPointer { sink.append(contentsOf: $0) }
            expected += run
            sink.append(UInt8(truncatingIfNeeded: round))
            expected.append(UInt8(truncatingIfNeeded: round))
            if round == 150 {
                #expect(sink.bytes == expected)
                sink.removeAll()
                expected.removeAll()
            }
        }
        #expect(sink.count == expected.count)
        #expect(sink.bytes == expected)
        sink.withUnsafeBytes { #expect(Array($0) == expected) }
    }

    @Test func jsonColumnKeysAreUnique() {
        #expect(
            JSONLinesPetitionWriter.uniqueKeys(["STT", "", "Ghi chú", "Ghi chú"]) == [
                "STT", "column 2", "Ghi chú", "Ghi chú (4)",
            ])
    }
}
