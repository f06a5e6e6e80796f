/// Rewrites one word into KienNghi's canonical spelling: NFC, tone mark on the
/// main vowel (see ``SyllableStructure/tonePosition(in:)``), and optionally
/// lower case; also gives the diacritic-free key (đ → d).
///
/// A value type with scratch buffers: make one per thread and reuse it.
struct SyllableCanonicalizer {
    private var bases: [UInt32] = []
    private var tones: [Tone] = []
    private var upper: [Bool] = []
    private var scalars: [UInt32] = []

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
        for byte in word where byte >= 0x80 { allASCII = false; break }
        if allASCII {
            for byte in word {
                let folded = keepCase ? byte : ((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte)
                key.append(folded)
                plain?.append((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte)
            }
            return Result(isAccentless: true, isVietnameseSyllable: false)
        }
        scalars.removeAll(keepingCapacity: true)
        var iterator = word.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar.value) }

        bases.removeAll(keepingCapacity: true)
        tones.removeAll(keepingCapacity: true)
        upper.removeAll(keepingCapacity: true)
        var toneCount = 0
        var allVietnamese = true
        for value in scalars {
            guard let info = VietnameseLetters.info(value) else { allVietnamese = false; break }
            bases.append(info.base)
            tones.append(info.tone)
            upper.append(info.isUpper)
            if info.tone != .level { toneCount += 1 }
        }
        guard allVietnamese else {
            appendGeneric(keepCase: keepCase, key: &key, plain: &plain)
            return Result(isAccentless: false, isVietnameseSyllable: false)
        }
        var isSyllable = false
        if toneCount <= 1, let structure = SyllableStructure.parse(bases[...]) {
            isSyllable = true
            if toneCount == 1, let from = tones.firstIndex(where: { $0 != .level }) {
                let tone = tones[from]
                isSyllable = structure.allows(tone)
                let target = structure.tonePosition(in: bases[...])
                tones[from] = .level
                tones[target] = tone
            }
        }
        for i in bases.indices {
            let isUpper = keepCase && upper[i]
            let value = VietnameseLetters.composed(base: bases[i], tone: tones[i], isUpper: isUpper) ?? scalars[i]
            Self.appendUTF8(value, to: &key)
            if plain != nil { plain!.append(VietnameseLetters.info(value)?.plain ?? 0x3F) }
        }
        return Result(isAccentless: false, isVietnameseSyllable: isSyllable)
    }

    /// Words with letters outside Vietnamese: ICU case folding, diacritics kept.
    private func appendGeneric(keepCase: Bool, key: inout [UInt8], plain: inout [UInt8]?) {
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
        _ = utf8.withUnsafeMutableBufferPointer { canonicalizer.canonicalize(UnsafeBufferPointer($0), keepCase: false, key: &key, plain: &plain) }
        return String(decoding: key, as: UTF8.self)
    }
}
