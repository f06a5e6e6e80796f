/// Removes or replaces characters that look like nothing or like something
/// else: zero-width characters, soft hyphens, stray BOMs and C0 controls are
/// dropped; NBSP and the other Unicode spaces become a space; CRLF and CR become
/// LF; U+2028/2029 become LF; Ð (U+00D0, Icelandic eth) written for Đ becomes Đ.
///
/// Must run after legacy-lookalike repair: TCVN3 writes ư as the soft hyphen.
package struct InvisibleCharacterFilter: CharacterFilter {
    package init() {}

    package var worksLineByLine: Bool { true }

    /// True when the text has none of the characters this filter removes or
    /// replaces. Runs of printable ASCII are skipped eight bytes at a time;
    /// other bytes are judged by their UTF-8 lead byte.
    package func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i < count {
            if i + 8 <= count, SWAR.isPrintableASCII(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C { return false }
                i += 1
                continue
            }
            let length = UTF8Scalars.length(of: byte)
            guard i + length <= count else { return false }
            switch byte {
            case 0xC2, 0xC3, 0xCD, 0xE1, 0xE2, 0xE3, 0xEF:
                if Self.changes(UTF8Scalars.decode(bytes, at: i, length: length)) { return false }
            default:
                break
            }
            i += length
        }
        return true
    }

    /// Non-ASCII scalars that ``apply(_:)`` removes or replaces.
    @inline(__always)
    static func changes(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0xA0, 0x00AD, 0x00D0, 0x034F, 0x180E, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060,
            0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    package func apply(_ text: FilteredText) -> FilteredText {
        let bytes = text.bytes
        var builder = FilterOutputBuilder(bytes)
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x0D {
                    let end = (i + 1 < count && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
                    builder.replace(i..<end, with: CollectionOfOne(0x0A))
                    i = end
                    continue
                }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C {
                    builder.replace(i..<i + 1, with: EmptyCollection())
                }
                i += 1
                continue
            }
            let length = UTF8Scalars.length(of: byte)
            guard i + length <= count else { break }
            let value = UTF8Scalars.decode(bytes, at: i, length: length)
            switch value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x034F:
                builder.replace(i..<i + length, with: EmptyCollection())
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                builder.replace(i..<i + length, with: CollectionOfOne(0x20))
            case 0x2028, 0x2029, 0x0085:
                builder.replace(i..<i + length, with: CollectionOfOne(0x0A))
            case 0x00D0:
                builder.replace(i..<i + length, with: [0xC4, 0x90])
            case 0x80...0x9F:
                builder.replace(i..<i + length, with: EmptyCollection())
            default:
                break
            }
            i += length
        }
        return builder.finish(text)
    }
}

/// Word-at-a-time tests on eight bytes (little- or big-endian alike).
enum SWAR {
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// No byte has its high bit set.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// Some byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (v &- 0x0101_0101_0101_0101) & ~v & highBits != 0
    }

    /// Every byte is in 0x20...0x7F.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & highBits
        return (word | belowSpace) & highBits == 0
    }
}

/// Small helpers for walking UTF-8 by scalar without building Strings.
enum UTF8Scalars {
    @inline(__always)
    static func length(of lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar of `length` bytes at `index` (input is valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    /// Decodes the scalar of `length` bytes at `index` (input is valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    static func encode(_ value: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        SyllableCanonicalizer.appendUTF8(value, to: &bytes)
        return bytes
    }
}
