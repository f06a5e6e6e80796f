/// The written structure of one Vietnamese syllable: onset consonant(s),
/// vowel cluster (medial glide, main vowel, vowel ending) and final consonant.
///
/// Works on toneless lower-case bases (see ``LetterInfo/base``), so it serves
/// both tone-mark placement and encoding detection (share of valid syllables).
struct SyllableStructure: Equatable {
    /// Index of the first vowel letter of the cluster.
    var nucleusStart: Int
    /// Index one past the last vowel letter.
    var nucleusEnd: Int
    /// Whether a final consonant follows the cluster.
    var hasFinal: Bool
    /// Final consonant is c, ch, p or t (these allow only the acute and dot tones).
    var hasStopFinal: Bool

    private static func code(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    private static let onsets: [[UInt32]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ].map(code)

    private static let finals: Set<[UInt32]> = Set(["c", "ch", "m", "n", "ng", "nh", "p", "t"].map(code))
    private static let stopFinals: Set<[UInt32]> = Set(["c", "ch", "p", "t"].map(code))

    /// Vowel clusters of standard Vietnamese spelling (bases, without tone).
    private static let clusters: Set<[UInt32]> = Set(
        [
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "iê", "oa", "oă", "oe", "oi", "oo",
            "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
            "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
        ].map(code))

    @inline(__always)
    private static func isVowel(_ base: UInt32) -> Bool {
        VietnameseLetters.info(base)?.isVowel ?? false
    }

    private static func hasPrefix(_ bases: ArraySlice<UInt32>, _ prefix: [UInt32]) -> Bool {
        bases.count >= prefix.count && zip(bases, prefix).allSatisfy { $0 == $1 }
    }

    /// Parses toneless lower-case bases; nil when they do not spell a Vietnamese syllable.
    static func parse(_ bases: ArraySlice<UInt32>) -> SyllableStructure? {
        let start = bases.startIndex
        var onsetLength = 0
        for onset in onsets where hasPrefix(bases, onset) {
            onsetLength = onset.count
            break
        }
        // "gi" and "qu" own their i/u only when another vowel follows (già, quả; but gì, gìn).
        if onsetLength == 2, bases[start] == 0x67 || bases[start] == 0x71 {
            let next = start + 2
            if next >= bases.endIndex || !isVowel(bases[next]) {
                onsetLength = bases[start] == 0x67 ? 1 : 0
                if onsetLength == 0 { return nil }
            }
        }
        var index = start + onsetLength
        let nucleusStart = index
        while index < bases.endIndex, isVowel(bases[index]) { index += 1 }
        guard index > nucleusStart, clusters.contains(Array(bases[nucleusStart..<index])) else { return nil }
        let final = Array(bases[index...])
        guard final.isEmpty || finals.contains(final) else { return nil }
        return SyllableStructure(
            nucleusStart: nucleusStart - start, nucleusEnd: index - start,
            hasFinal: !final.isEmpty, hasStopFinal: stopFinals.contains(final))
    }

    /// Whether the tone is allowed with this final (c, ch, p, t take only sắc and nặng).
    func allows(_ tone: Tone) -> Bool {
        !hasStopFinal || tone == .acute || tone == .dot
    }

    /// Offset (from the syllable start) of the letter that carries the tone in
    /// KienNghi's canonical convention: the "new" placement of Decision
    /// 1989/QĐ-BGDĐT (hoà, khoẻ, thuỷ), i.e. on the main vowel.
    func tonePosition(in bases: ArraySlice<UInt32>) -> Int {
        let first = bases.startIndex + nucleusStart
        let count = nucleusEnd - nucleusStart
        var marked = -1
        for i in 0..<count where VietnameseLetters.hasVowelDiacritic(bases[first + i]) { marked = i }
        if marked >= 0 { return nucleusStart + marked }
        if count == 1 { return nucleusStart }
        if hasFinal { return nucleusEnd - 1 }
        if count == 3 { return nucleusStart + 1 }
        let pair = (bases[first], bases[first + 1])
        let glideFirst = (pair.0 == 0x6F && (pair.1 == 0x61 || pair.1 == 0x65)) || (pair.0 == 0x75 && pair.1 == 0x79)
        return glideFirst ? nucleusStart + 1 : nucleusStart
    }

    /// Where the "old" convention (hòa, khỏe, thủy) puts the tone; it differs
    /// from ``tonePosition(in:)`` only for open oa, oe, uy.
    func oldStyleTonePosition(in bases: ArraySlice<UInt32>) -> Int {
        let position = tonePosition(in: bases)
        let isOpenGlidePair = !hasFinal && nucleusEnd - nucleusStart == 2 && position == nucleusStart + 1
            && !VietnameseLetters.hasVowelDiacritic(bases[bases.startIndex + position])
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
        var upperCount = 0
        for (index, value) in scalars.enumerated() {
            guard let info = VietnameseLetters.info(value) else { return false }
            if info.isUpper {
                if sawLower { return false }
                upperCount += 1
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
        guard let structure = SyllableStructure.parse(bases[...]), structure.allows(tone) else { return false }
        guard toneIndex >= 0 else { return true }
        return toneIndex == structure.tonePosition(in: bases[...])
            || toneIndex == structure.oldStyleTonePosition(in: bases[...])
    }
}
