/// The written structure of one Vietnamese syllable: onset consonant(s),
/// vowel cluster (medial glide, main vowel, vowel ending) and final consonant.
///
/// Works on toneless lower-case bases (see ``LetterInfo/base``), so it serves
/// both tone-mark placement and encoding detection (share of valid syllables).
/// Allocation-free: it runs once per word on the hot path.
struct SyllableStructure: Equatable {
    /// Index of the first vowel letter of the cluster.
    var nucleusStart: Int
    /// Index one past the last vowel letter.
    var nucleusEnd: Int
    /// Whether a final consonant follows the cluster.
    var hasFinal: Bool
    /// Final consonant is c, ch, p or t (these allow only the acute and dot tones).
    var hasStopFinal: Bool

    /// Vowel bases numbered 1...12 (a ă â e ê i o ô ơ u ư y); 0 for anything else.
    @inline(__always)
    static func vowelNumber(_ base: UInt32) -> Int {
        switch base {
        case 0x61: 1
        case 0x103: 2
        case 0xE2: 3
        case 0x65: 4
        case 0xEA: 5
        case 0x69: 6
        case 0x6F: 7
        case 0xF4: 8
        case 0x1A1: 9
        case 0x75: 10
        case 0x1B0: 11
        case 0x79: 12
        default: 0
        }
    }

    /// Valid vowel clusters of standard spelling, indexed by up to three 4-bit vowel numbers.
    private static let validClusters: [Bool] = {
        var table = [Bool](repeating: false, count: 1 << 12)
        let clusters = [
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "iê", "oa", "oă", "oe", "oi", "oo",
            "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
            "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
        ]
        for cluster in clusters {
            var code = 0
            for (i, scalar) in cluster.unicodeScalars.enumerated() { code |= vowelNumber(scalar.value) << (4 * i) }
            table[code] = true
        }
        return table
    }()

    /// Length of the onset at the start of `bases`, or nil if it starts with a
    /// letter no Vietnamese syllable starts with.
    @inline(__always)
    private static func onsetLength(_ bases: UnsafeBufferPointer<UInt32>) -> Int? {
        let count = bases.count
        let first = bases[0]
        let second: UInt32 = count > 1 ? bases[1] : 0
        switch first {
        case 0x6E:  // n: ngh, ng, nh, n
            if second == 0x67 { return count > 2 && bases[2] == 0x68 ? 3 : 2 }
            return second == 0x68 ? 2 : 1
        case 0x63, 0x6B, 0x70:  // c, k, p (+h)
            return second == 0x68 ? 2 : 1
        case 0x74:  // t (+h, +r)
            return second == 0x68 || second == 0x72 ? 2 : 1
        case 0x67:  // g (+h, +i)
            if second == 0x68 { return 2 }
            if second == 0x69 {
                // "gi" owns its i only when another vowel follows (già), not in gì, gìn.
                return count > 2 && vowelNumber(bases[2]) != 0 ? 2 : 1
            }
            return 1
        case 0x71:  // q needs its u and a vowel after it
            return second == 0x75 && count > 2 && vowelNumber(bases[2]) != 0 ? 2 : nil
        case 0x62, 0x64, 0x111, 0x68, 0x6C, 0x6D, 0x72, 0x73, 0x76, 0x78:
            return 1
        default:
            return vowelNumber(first) != 0 ? 0 : nil
        }
    }

    /// Parses toneless lower-case bases; nil when they do not spell a Vietnamese syllable.
    static func parse(_ bases: UnsafeBufferPointer<UInt32>) -> SyllableStructure? {
        guard !bases.isEmpty, let onset = onsetLength(bases) else { return nil }
        var index = onset
        var code = 0
        while index < bases.count {
            let number = vowelNumber(bases[index])
            if number == 0 { break }
            if index - onset == 3 { return nil }
            code |= number << (4 * (index - onset))
            index += 1
        }
        guard index > onset, validClusters[code] else { return nil }
        let finalLength = bases.count - index
        var stop = false
        switch finalLength {
        case 0: break
        case 1:
            switch bases[index] {
            case 0x63, 0x70, 0x74: stop = true
            case 0x6D, 0x6E: break
            default: return nil
            }
        case 2:
            let (a, b) = (bases[index], bases[index + 1])
            if a == 0x63 && b == 0x68 { stop = true } else if !(a == 0x6E && (b == 0x67 || b == 0x68)) { return nil }
        default: return nil
        }
        return SyllableStructure(nucleusStart: onset, nucleusEnd: index, hasFinal: finalLength > 0, hasStopFinal: stop)
    }

    /// Whether the tone is allowed with this final (c, ch, p, t take only sắc and nặng).
    func allows(_ tone: Tone) -> Bool {
        !hasStopFinal || tone == .acute || tone == .dot
    }

    /// Offset (from the syllable start) of the letter that carries the tone in
    /// KienNghi's canonical convention: the "new" placement of Decision
    /// 1989/QĐ-BGDĐT (hoà, khoẻ, thuỷ), i.e. on the main vowel.
    func tonePosition(in bases: UnsafeBufferPointer<UInt32>) -> Int {
        let count = nucleusEnd - nucleusStart
        var marked = -1
        for i in nucleusStart..<nucleusEnd where VietnameseLetters.hasVowelDiacritic(bases[i]) { marked = i }
        if marked >= 0 { return marked }
        if count == 1 { return nucleusStart }
        if hasFinal { return nucleusEnd - 1 }
        if count == 3 { return nucleusStart + 1 }
        let pair = (bases[nucleusStart], bases[nucleusStart + 1])
        let glideFirst = (pair.0 == 0x6F && (pair.1 == 0x61 || pair.1 == 0x65)) || (pair.0 == 0x75 && pair.1 == 0x79)
        return glideFirst ? nucleusStart + 1 : nucleusStart
    }

    /// Where the "old" convention (hòa, khỏe, thủy) puts the tone; it differs
    /// from ``tonePosition(in:)`` only for open oa, oe, uy.
    func oldStyleTonePosition(in bases: UnsafeBufferPointer<UInt32>) -> Int {
        let position = tonePosition(in: bases)
        let isOpenGlidePair =
            !hasFinal && nucleusEnd - nucleusStart == 2 && position == nucleusStart + 1
            && !VietnameseLetters.hasVowelDiacritic(bases[position])
        return isOpenGlidePair ? nucleusStart : position
    }
}

/// Judges whether a word is plausibly correct Vietnamese as written: the test
/// that tells legacy-encoded look-alikes ("B¶o", "baûo", "héi") from real text.
enum SyllableValidator {
    /// True when every scalar is a Vietnamese letter, case is not mixed inside
    /// the word (except a leading capital), at most one tone is written, the
    /// letters spell a syllable, and the tone sits where one of the two
    /// conventions puts it.
    static func isPlausible(_ scalars: some Collection<UInt32>) -> Bool {
        var bases: [UInt32] = []
        bases.reserveCapacity(scalars.count)
        var tone = Tone.level
        var toneIndex = -1
        var sawLower = false
        for (index, value) in scalars.enumerated() {
            guard let info = VietnameseLetters.info(value) else { return false }
            if info.isUpper {
                if sawLower { return false }
            } else {
                sawLower = true
            }
            if info.tone != .level {
                if toneIndex >= 0 { return false }
                tone = info.tone
                toneIndex = index
            }
            bases.append(info.base)
        }
        return bases.withUnsafeBufferPointer { bases in
            guard let structure = SyllableStructure.parse(bases), structure.allows(tone) else { return false }
            guard toneIndex >= 0 else { return true }
            return toneIndex == structure.tonePosition(in: bases)
                || toneIndex == structure.oldStyleTonePosition(in: bases)
        }
    }
}
