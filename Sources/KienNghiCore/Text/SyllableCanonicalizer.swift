/// Rewrites one word into KienNghi's canonical spelling: NFC, tone mark on the
/// main vowel (see ``SyllableStructure/tonePosition(in:)``), and optionally
/// lower case; also gives the diacritic-free key (đ → d).
///
/// Runs once per word on the hot path: ASCII words are copied byte by byte,
/// other words are decoded into stack buffers; no allocation per word.
struct SyllableCanonicalizer {
    /// Outcome for one word.
    struct Result {
        /// No letter of the word carries a diacritic or tone (typed without accents).
        var isAccentless: Bool
        /// Every letter is a Vietnamese letter and the word spells a valid syllable.
        var isVietnameseSyllable: Bool
    }

    /// Appends the canonical form of `word` (NFC UTF-8) to `key` (lower-cased
    /// unless `keepCase`) and its diacritic-free form to `plain`.
    mutating func canonicalize(
        _ word: UnsafeBufferPointer<UInt8>, keepCase: Bool,
        key: inout [UInt8], plain: inout [UInt8]?
    ) -> Result {
        var allASCII = true
        for byte in word where byte >= 0x80 {
            allASCII = false
            break
        }
        if allASCII {
            for byte in word {
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                key.append(keepCase ? byte : lower)
                plain?.append(lower)
            }
            return Result(isAccentless: true, isVietnameseSyllable: false)
        }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: word.count * 3) { buffer in
            let scalars = UnsafeMutableBufferPointer(rebasing: buffer[0..<word.count])
            let bases = UnsafeMutableBufferPointer(rebasing: buffer[word.count..<(2 * word.count)])
            let marks = UnsafeMutableBufferPointer(rebasing: buffer[(2 * word.count)...])  // tone << 1 | upper
            var count = 0
            var i = 0
            while i < word.count {
                let length = min(UTF8Scalars.length(of: word[i]), word.count - i)
                var value = UInt32(word[i])
                if length > 1 {
                    value &= length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07
                    for k in 1..<length { value = value << 6 | UInt32(word[i + k] & 0x3F) }
                }
                scalars[count] = value
                count += 1
                i += length
            }
            let table = VietnameseLetters.table
            var toneCount = 0
            var toneIndex = -1
            for n in 0..<count {
                let value = scalars[n]
                guard value < VietnameseLetters.tableLimit, let info = table[Int(value)] else {
                    Self.appendGeneric(
                        UnsafeBufferPointer(rebasing: scalars[0..<count]), keepCase: keepCase, key: &key, plain: &plain)
                    return Result(isAccentless: false, isVietnameseSyllable: false)
                }
                bases[n] = info.base
                marks[n] = UInt32(info.tone.rawValue) << 1 | (info.isUpper ? 1 : 0)
                if info.tone != .level {
                    toneCount += 1
                    toneIndex = n
                }
            }
            var isSyllable = false
            let letters = UnsafeBufferPointer(rebasing: bases[0..<count])
            if toneCount <= 1, let structure = SyllableStructure.parse(letters) {
                isSyllable = true
                if toneCount == 1 {
                    let tone = Tone(rawValue: UInt8(marks[toneIndex] >> 1))!
                    isSyllable = structure.allows(tone)
                    let target = structure.tonePosition(in: letters)
                    marks[toneIndex] &= 1
                    marks[target] |= UInt32(tone.rawValue) << 1
                }
            }
            for n in 0..<count {
                let tone = Tone(rawValue: UInt8(marks[n] >> 1))!
                let isUpper = keepCase && marks[n] & 1 == 1
                let value = VietnameseLetters.composed(base: bases[n], tone: tone, isUpper: isUpper) ?? scalars[n]
                Self.appendUTF8(value, to: &key)
                if plain != nil { plain!.append(table[Int(bases[n])]?.plain ?? 0x3F) }
            }
            return Result(isAccentless: false, isVietnameseSyllable: isSyllable)
        }
    }

    /// Words with letters outside Vietnamese: ICU case folding, diacritics kept.
    private static func appendGeneric(
        _ scalars: UnsafeBufferPointer<UInt32>, keepCase: Bool, key: inout [UInt8], plain: inout [UInt8]?
    ) {
        for value in scalars {
            let folded = keepCase ? value : ICU.foldCase(value)
            Self.appendUTF8(folded, to: &key)
            guard plain != nil else { continue }
            if let info = VietnameseLetters.info(folded), info.plain != 0 {
                plain!.append(info.plain)
            } else {
                Self.appendUTF8(folded, to: &plain!)
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}

extension SyllableCanonicalizer {
    /// Convenience for tests and lexicon compilation: the lower-case key of a word.
    static func key(of word: String) -> String {
        var canonicalizer = SyllableCanonicalizer()
        var key: [UInt8] = []
        var plain: [UInt8]? = nil
        var utf8 = Array(word.utf8)
        _ = utf8.withUnsafeMutableBufferPointer {
            canonicalizer.canonicalize(UnsafeBufferPointer($0), keepCase: false, key: &key, plain: &plain)
        }
        return String(decoding: key, as: UTF8.self)
    }
}
