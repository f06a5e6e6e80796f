/// Byte-level escaping for the writers: CSV cells, JSON strings and numbers,
/// and the display-safety rules (formula guard, bidi controls). Everything
/// appends UTF-8 to a caller's reusable buffer; no Foundation on this path.
package enum ByteEscaping {
    /// The string's UTF-8 bytes, read in place: a `var` copy for `withUTF8`
    /// cost a retain and a release per field written.
    @inline(__always)
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    // MARK: Bidi controls

    /// Length in bytes of a bidi control starting at `i` (0 when none):
    /// U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
    @inline(__always)
    static func bidiControlLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let lead = bytes[i]
        if lead == 0xD8 {
            return i + 1 < bytes.count && bytes[i + 1] == 0x9C ? 2 : 0
        }
        guard lead == 0xE2, i + 2 < bytes.count else { return 0 }
        let second = bytes[i + 1]
        let third = bytes[i + 2]
        if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) { return 3 }
        if second == 0x81 && (0xA6...0xA9).contains(third) { return 3 }
        return 0
    }

    /// The scalar value of the bidi control of `length` bytes at `i`.
    static func bidiScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> UInt32 {
        length == 2
            ? (UInt32(bytes[i] & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
            : (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
    }

    /// Display outputs (CSV, XLSX, HTML) show a bidi control as this visible
    /// marker, `[U+202E]`, instead of letting it reorder the text around it.
    static func appendBidiMarker(_ scalar: UInt32, to out: inout some ByteAppending) {
        out.append(literal: "[U+")
        appendHex(scalar, digits: 4, uppercase: true, to: &out)
        out.append(0x5D)
    }

    /// Whether the text holds a bidi control (cheap pre-check for the slow paths).
    package static func containsBidiControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if (byte == 0xE2 || byte == 0xD8) && bidiControlLength(bytes, i) > 0 { return true }
                i += 1
            }
            return false
        }
    }

    /// The text with each bidi control replaced by its visible marker.
    package static func neutralizingBidi(_ text: String) -> String {
        guard containsBidiControl(text) else { return text }
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let length = bidiControlLength(bytes, i)
                if length > 0 {
                    appendBidiMarker(bidiScalar(bytes, i, length), to: &out)
                    i += length
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: CSV

    /// Whether a spreadsheet could run the cell as a formula: its first
    /// character is a tab or CR, or its first character after spaces, tabs,
    /// CR and LF is one of `= + - @` or their full-width forms `＝ ＋ － ＠`.
    static func needsFormulaGuard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == 0x09 || first == 0x0D { return true }
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case 0x3D, 0x2B, 0x2D, 0x40: return true
        case 0xEF:
            // U+FF0B ＋, U+FF0D －, U+FF1D ＝ (EF BC 8B/8D/9D), U+FF20 ＠ (EF BC A0)
            guard i + 2 < bytes.count, bytes[i + 1] == 0xBC else { return false }
            let third = bytes[i + 2]
            return third == 0x8B || third == 0x8D || third == 0x9D || third == 0xA0
        default: return false
        }
    }

    /// One CSV cell (RFC 4180): quoted when it holds `,` `"` CR or LF, an
    /// apostrophe before a possible formula, bidi controls made visible.
    package static func appendCSVCell(_ cell: String, to out: inout some ByteAppending) {
        withBytes(of: cell) { bytes in
            var needsQuotes = false
            var hasBidi = false
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none is `,` `"` CR LF or a bidi control's lead byte.
                if i + 8 <= bytes.count,
                    !mayNeedCSVQuoting(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                switch bytes[i] {
                case 0x2C, 0x22, 0x0A, 0x0D: needsQuotes = true
                case 0xE2, 0xD8: hasBidi = true
                default: break
                }
                i += 1
            }
            let guardFormula = needsFormulaGuard(bytes)
            if !needsQuotes && !hasBidi && !guardFormula {
                out.append(contentsOf: bytes)
                return
            }
            if needsQuotes { out.append(0x22) }
            if guardFormula { out.append(0x27) }
            // Runs between a quote (doubled) and a bidi control (shown as a marker) are copied whole.
            i = 0
            var runStart = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...i]))
                    out.append(0x22)
                    i += 1
                    runStart = i
                    continue
                }
                if hasBidi && (byte == 0xE2 || byte == 0xD8) {
                    let length = bidiControlLength(bytes, i)
                    if length > 0 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                        appendBidiMarker(bidiScalar(bytes, i, length), to: &out)
                        i += length
                        runStart = i
                        continue
                    }
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            if needsQuotes { out.append(0x22) }
        }
    }

    /// Whether any of the 8 bytes of `word` is `,` `"` LF CR, or the lead byte
    /// 0xE2 or 0xD8 of a bidi control (exact "some byte is zero" word tests).
    @inline(__always)
    static func mayNeedCSVQuoting(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & high != 0 }
        return hasZeroByte(word ^ (ones &* 0x2C)) || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D))
            || hasZeroByte(word ^ (ones &* 0xE2)) || hasZeroByte(word ^ (ones &* 0xD8))
    }

    /// A CSV line of cells, ending with CRLF.
    package static func appendCSVLine(_ cells: [String], to out: inout some ByteAppending) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendCSVCell(cell, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    // MARK: JSON

    /// A JSON string literal. Escapes what JSON requires (`"` `\` and C0
    /// controls, as JSONEncoder does) and writes bidi controls and U+2028/
    /// U+2029 as `\uXXXX`: the decoded value is exactly the original text.
    package static func appendJSONString(_ text: String, to out: inout some ByteAppending) {
        out.append(0x22)
        withBytes(of: text) { bytes in
            var i = 0
            var runStart = 0
            while i < bytes.count {
                // Eight bytes at a time up to the first byte that may need an escape; only
                // that byte is looked at alone. The last few bytes are the top of the
                // string's last eight (or, in a shorter string, padded with a letter).
                let remaining = bytes.count - i
                let mask: UInt64
                if remaining >= 8 {
                    mask = jsonEscapeCandidates(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                } else if bytes.count >= 8 {
                    let last = UnsafeRawPointer(bytes.baseAddress! + bytes.count - 8).loadUnaligned(as: UInt64.self)
                    mask = jsonEscapeCandidates(last) >> UInt64((8 - remaining) * 8)
                } else {
                    var word: UInt64 = 0x4141_4141_4141_4141
                    for k in 0..<remaining {
                        word = word & ~(0xFF << UInt64(k * 8)) | UInt64(bytes[i + k]) << UInt64(k * 8)
                    }
                    mask = jsonEscapeCandidates(word)
                }
                if mask == 0 {
                    i += min(8, remaining)
                    continue
                }
                i += mask.trailingZeroBitCount >> 3
                let byte = bytes[i]
                // The overlapping last word can flag a byte after an earlier one: look again.
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 && byte != 0xD8 {
                    i += 1
                    continue
                }
                var length = 1
                var escape: UInt32? = nil
                switch byte {
                case 0x22, 0x5C: escape = UInt32(byte)
                case 0xE2, 0xD8:
                    length = bidiControlLength(bytes, i)
                    if length == 0, byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
                        bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
                    {
                        length = 3
                    }
                    if length == 0 {
                        i += 1
                        continue
                    }
                    escape = bidiScalar(bytes, i, length)
                default: escape = UInt32(byte)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                appendJSONEscape(escape!, to: &out)
                i += length
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }

    /// The high bit of each byte of `word` (little-endian order) that is below
    /// U+0020, `"`, `\`, or the lead byte 0xE2 or 0xD8 (of a bidi control or
    /// U+2028/U+2029). A borrow can only flag bytes above a flagged one, so the
    /// lowest set bit marks the first such byte of the word.
    @inline(__always)
    static func jsonEscapeCandidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        return
            ((word &- ones &* 0x20) & ~word | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0xE2)) | zeroBytes(word ^ (ones &* 0xD8))) & high
    }

    private static func appendJSONEscape(_ scalar: UInt32, to out: inout some ByteAppending) {
        out.append(0x5C)
        switch scalar {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x08: out.append(0x62)
        case 0x0C: out.append(0x66)
        case 0x0A: out.append(0x6E)
        case 0x0D: out.append(0x72)
        case 0x09: out.append(0x74)
        default:
            out.append(0x75)
            appendHex(scalar, digits: 4, uppercase: false, to: &out)
        }
    }

    static func appendHex(_ value: UInt32, digits: Int, uppercase: Bool, to out: inout some ByteAppending) {
        let letters: UInt8 = uppercase ? 0x41 : 0x61
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let nibble = UInt8((value >> UInt32(shift)) & 0xF)
            out.append(nibble < 10 ? 0x30 + nibble : letters + nibble - 10)
            shift -= 4
        }
    }

    /// A JSON number as JSONEncoder writes a Double: the shortest form that
    /// reads back the same, without a trailing `.0`.
    package static func appendJSONNumber(_ value: Double, to out: inout some ByteAppending) {
        guard value.isFinite else {
            out.append(literal: "null")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int(value), to: &out)
            return
        }
        // Scores and weights are rounded to hundredths: k / 100 is the double
        // nearest to that decimal, so its shortest form is the decimal itself.
        let hundredths = (value * 100).rounded()
        if hundredths / 100 == value, abs(hundredths) < 1e8 {
            let k = Int(hundredths)
            if k < 0 { out.append(0x2D) }
            appendInteger(Int(k.magnitude / 100), to: &out)
            out.append(0x2E)
            let fraction = UInt8(k.magnitude % 100)
            out.append(0x30 + fraction / 10)
            if fraction % 10 != 0 { out.append(0x30 + fraction % 10) }
            return
        }
        var text = value.description
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    package static func appendInteger(_ value: Int, to out: inout some ByteAppending) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count > 0 {
                count -= 1
                out.append(buffer[count])
            }
        }
    }
}
