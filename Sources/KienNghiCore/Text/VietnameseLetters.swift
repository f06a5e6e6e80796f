/// The six Vietnamese tones; `level` (ngang) carries no mark.
package enum Tone: UInt8, Sendable, CaseIterable {
    case level = 0
    case grave, acute, hook, tilde, dot

    /// The combining mark that writes this tone (nil for the level tone).
    package var combiningMark: Unicode.Scalar? {
        switch self {
        case .level: nil
        case .grave: "\u{0300}"
        case .acute: "\u{0301}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .dot: "\u{0323}"
        }
    }
}

/// What the pipeline needs to know about one letter: its toneless lower-case
/// base (with its vowel diacritic, e.g. ơ for ợ), its tone, its case, and its
/// diacritic-free ASCII letter (đ → d).
struct LetterInfo: Sendable {
    /// Lower-case letter without tone (ă, â, ê, ô, ơ, ư and đ keep their diacritic).
    var base: UInt32
    /// ASCII lower-case letter with every diacritic removed; 0 if none.
    var plain: UInt8
    var tone: Tone
    var isUpper: Bool
    var isVowel: Bool
}

/// Lookup tables for the Latin letters Vietnamese uses, built once from ICU's
/// own composition data rather than typed in by hand.
enum VietnameseLetters {
    /// Highest scalar the flat table covers (Latin Extended Additional ends at U+1EFF).
    static let tableLimit: UInt32 = 0x1F00

    static let vowelBases: [(lower: UInt32, upper: UInt32, plain: UInt8)] = [
        (0x61, 0x41, 0x61), (0x103, 0x102, 0x61), (0xE2, 0xC2, 0x61),
        (0x65, 0x45, 0x65), (0xEA, 0xCA, 0x65), (0x69, 0x49, 0x69),
        (0x6F, 0x4F, 0x6F), (0xF4, 0xD4, 0x6F), (0x1A1, 0x1A0, 0x6F),
        (0x75, 0x55, 0x75), (0x1B0, 0x1AF, 0x75), (0x79, 0x59, 0x79),
    ]

    /// `table[scalar]` for every scalar below `tableLimit`; nil when not a Vietnamese letter.
    static let table: [LetterInfo?] = {
        var table = [LetterInfo?](repeating: nil, count: Int(tableLimit))
        for c in UInt32(0x61)...0x7A {
            let isVowel = "aeiouy".utf8.contains(UInt8(c))
            table[Int(c)] = LetterInfo(base: c, plain: UInt8(c), tone: .level, isUpper: false, isVowel: isVowel)
            table[Int(c - 0x20)] = LetterInfo(base: c, plain: UInt8(c), tone: .level, isUpper: true, isVowel: isVowel)
        }
        table[0x111] = LetterInfo(base: 0x111, plain: 0x64, tone: .level, isUpper: false, isVowel: false)
        table[0x110] = LetterInfo(base: 0x111, plain: 0x64, tone: .level, isUpper: true, isVowel: false)
        for base in vowelBases {
            for (scalar, isUpper) in [(base.lower, false), (base.upper, true)] {
                table[Int(scalar)] = LetterInfo(
                    base: base.lower, plain: base.plain, tone: .level, isUpper: isUpper, isVowel: true)
                for tone in Tone.allCases.dropFirst() {
                    let composed = ICU.nfc(scalars: [Unicode.Scalar(scalar)!, tone.combiningMark!])
                    guard composed.count == 1 else { continue }
                    table[Int(composed[0].value)] = LetterInfo(
                        base: base.lower, plain: base.plain, tone: tone, isUpper: isUpper, isVowel: true)
                }
            }
        }
        return table
    }()

    /// Precomposed vowels: `composedVowels[(vowelNumber - 1) * 12 + tone * 2 + upper]`.
    private static let composedVowels: [UInt32] = {
        var flat = [UInt32](repeating: 0, count: 12 * 12)
        for (index, info) in table.enumerated() {
            guard let info, info.isVowel else { continue }
            let number = SyllableStructure.vowelNumber(info.base)
            flat[(number - 1) * 12 + Int(info.tone.rawValue) * 2 + (info.isUpper ? 1 : 0)] = UInt32(index)
        }
        return flat
    }()

    @inline(__always)
    static func info(_ value: UInt32) -> LetterInfo? {
        value < tableLimit ? table[Int(value)] : nil
    }

    /// The letter for (toneless lower-case base, tone, case); nil if no such letter exists.
    @inline(__always)
    static func composed(base: UInt32, tone: Tone, isUpper: Bool) -> UInt32? {
        let number = SyllableStructure.vowelNumber(base)
        if number != 0 {
            let value = composedVowels[(number - 1) * 12 + Int(tone.rawValue) * 2 + (isUpper ? 1 : 0)]
            return value == 0 ? nil : value
        }
        guard tone == .level else { return nil }
        if !isUpper { return base }
        if base >= 0x61 && base <= 0x7A { return base - 0x20 }
        return base == 0x111 ? 0x110 : nil
    }

    /// Vowel letters that carry a diacritic of their own and so attract the tone.
    @inline(__always)
    static func hasVowelDiacritic(_ base: UInt32) -> Bool {
        base == 0x103 || base == 0xE2 || base == 0xEA || base == 0xF4 || base == 0x1A1 || base == 0x1B0
    }
}
