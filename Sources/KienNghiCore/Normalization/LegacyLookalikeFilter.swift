/// Repairs legacy Vietnamese text that arrived already inside Unicode as its
/// Windows-1252 look-alikes ("B¶o hiÓm x· héi" for TCVN3, "baûo hieåm" for VNI),
/// as Word and Excel store runs typed in .VnTime or VNI-Times fonts.
///
/// In automatic mode the codec (TCVN3 or VNI) is chosen per text by which one
/// turns more implausible words into plausible Vietnamese; words are rewritten
/// only when their decoding is plausible, and only if some repaired word shows
/// a real look-alike symbol. A forced codec (known from a font name) is applied
/// to every non-ASCII word.
package struct LegacyLookalikeFilter: CharacterFilter {
    package enum Mode: Sendable, Equatable {
        case automatic
        case forced(LegacyCodec, allCaps: Bool)
        case off
    }

    package var mode: Mode

    package init(mode: Mode = .automatic) { self.mode = mode }

    /// A candidate word: byte range and scalars.
    private struct Word {
        var range: Range<Int>
        var scalars: [UInt32]
    }

    /// The repaired text (offsets not kept): for cells and runs whose font is known.
    package func repair(_ text: String) -> String {
        String(decoding: apply(FilteredText(Array(text.utf8))).bytes, as: UTF8.self)
    }

    /// Automatic mode acts only on text with Latin-1 symbols or foreign
    /// Latin-1 letters; a forced codec may change any non-ASCII text.
    package func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch mode {
        case .off: return true
        case .automatic: return !Self.hasSuspiciousBytes(bytes)
        case .forced: return !bytes.contains { $0 >= 0x80 }
        }
    }

    package func apply(_ text: FilteredText) -> FilteredText {
        if mode == .off { return text }
        let bytes = text.bytes
        if case .automatic = mode, !Self.hasSuspiciousBytes(bytes) { return text }
        let words = Self.candidateWords(bytes)
        if words.isEmpty { return text }

        var builder = FilterOutputBuilder(bytes)
        switch mode {
        case .off: return text
        case .forced(let codec, let allCaps):
            for word in words {
                guard let decoded = Self.decode(word.scalars, with: codec) else { continue }
                let output = allCaps ? decoded.map(Self.upper) : decoded
                Self.utf8(output).withUnsafeBufferPointer { builder.replaceChanged(word.range, with: $0) }
            }
        case .automatic:
            for (range, decoded) in Self.automaticRepairs(words) {
                Self.utf8(decoded).withUnsafeBufferPointer { builder.replaceChanged(range, with: $0) }
            }
        }
        return builder.finish(text)
    }

    /// Chooses the codec that repairs more implausible words. When most
    /// non-ASCII words are implausible the text is legacy throughout, and every
    /// word whose decoding is plausible is rewritten (also "sím" for sớm, which
    /// happens to look like a Unicode word); otherwise only implausible ones.
    private static func automaticRepairs(_ words: [Word]) -> [(Range<Int>, [UInt32])] {
        // A lone look-alike character (a soft hyphen, a «) is no evidence: only
        // words of two or more characters vote.
        let plausible = words.map { SyllableValidator.isPlausible($0.scalars) }
        let voters = words.indices.filter { words[$0].scalars.count >= 2 }
        let suspiciousCount = voters.filter { !plausible[$0] }.count
        guard suspiciousCount > 0 else { return [] }
        let throughout = suspiciousCount * 2 >= voters.count
        var best: [(Range<Int>, [UInt32])] = []
        var bestImplausibleRepairs = 0
        var bestHasSymbol = false
        for codec in [LegacyCodec.tcvn3, .vni] {
            var repairs: [(Range<Int>, [UInt32])] = []
            var implausibleRepairs = 0
            var hasSymbol = false
            for (word, isPlausible) in zip(words, plausible) where throughout || !isPlausible {
                guard let decoded = decode(word.scalars, with: codec), decoded != word.scalars,
                    SyllableValidator.isPlausible(decoded)
                else { continue }
                repairs.append((word.range, decoded))
                if !isPlausible && word.scalars.count >= 2 { implausibleRepairs += 1 }
                if !hasSymbol && word.scalars.contains(where: isLookalikeSymbol) { hasSymbol = true }
            }
            if implausibleRepairs > bestImplausibleRepairs {
                (best, bestImplausibleRepairs, bestHasSymbol) = (repairs, implausibleRepairs, hasSymbol)
            }
        }
        // Real TCVN3/VNI text always has look-alike symbols (® « ¬ µ ø…) besides
        // the soft hyphen; soft hyphens alone are Unicode text's own, not ư.
        guard bestImplausibleRepairs * 2 >= suspiciousCount, bestHasSymbol else { return [] }
        return best
    }

    /// Latin-1 symbols and non-Vietnamese Latin-1 letters, except the soft hyphen.
    private static func isLookalikeSymbol(_ value: UInt32) -> Bool {
        if value == 0xAD { return false }
        if (0xA1...0xBF).contains(value) { return true }
        if (0xC0...0xFF).contains(value) { return foreignLatin1Letters & (1 << UInt64(value - 0xC0)) != 0 }
        return value > 0xFF && LegacyCodec.cp1252Byte(of: value) != nil
    }

    /// Bytes that Vietnamese Unicode text never has inside words: Latin-1
    /// symbols (U+00A1–U+00BF) and Latin-1 letters outside Vietnamese.
    static func hasSuspiciousBytes(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { hasSuspiciousBytes($0) }
    }

    static func hasSuspiciousBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return false }
        while i + 1 < count {
            // Eight bytes at a time until one of them is 0xC2 or 0xC3.
            if i + 8 <= count,
                !SWAR.hasByte(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0xFEFE_FEFE_FEFE_FEFE, 0xC2)
            {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead == 0xC2 {
                let next = bytes[i + 1]
                if next >= 0xA1 && next <= 0xBF { return true }
            } else if lead == 0xC3 {
                if foreignLatin1Letters & (1 << UInt64(bytes[i + 1] & 0x3F)) != 0 { return true }
            }
            i += 1
        }
        return false
    }

    /// Bit n set: U+00C0+n is a Latin-1 letter (or ×, ÷) that Vietnamese does not use.
    static let foreignLatin1Letters: UInt64 = {
        let vietnamese = Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý".unicodeScalars.map(\.value))
        var mask: UInt64 = 0
        for value in UInt32(0xC0)...0xFF where !vietnamese.contains(value) { mask |= 1 << UInt64(value - 0xC0) }
        return mask
    }()

    /// Maximal runs of letters and Windows-1252 look-alike characters containing
    /// at least one non-ASCII scalar.
    private static func candidateWords(_ bytes: [UInt8]) -> [Word] {
        var words: [Word] = []
        var current: [UInt32] = []
        var start = 0
        var hasNonASCII = false
        var i = 0
        func flush(_ end: Int) {
            if hasNonASCII && !current.isEmpty { words.append(Word(range: start..<end, scalars: current)) }
            current.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }
        while i < bytes.count {
            let length = UTF8Scalars.length(of: bytes[i])
            guard i + length <= bytes.count else { break }
            let value = UTF8Scalars.decode(bytes, at: i, length: length)
            let isWordPart: Bool
            if value < 0x80 {
                isWordPart = (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            } else {
                isWordPart = LegacyCodec.cp1252Byte(of: value) != nil && value != 0xA0
            }
            if isWordPart {
                if current.isEmpty { start = i }
                current.append(value)
                if value >= 0x80 { hasNonASCII = true }
            } else {
                flush(i)
            }
            i += length
        }
        flush(bytes.count)
        return words
    }

    private static func decode(_ scalars: [UInt32], with codec: LegacyCodec) -> [UInt32]? {
        var raw: [UInt8] = []
        raw.reserveCapacity(scalars.count)
        for value in scalars {
            guard let byte = LegacyCodec.cp1252Byte(of: value) else { return nil }
            raw.append(byte)
        }
        return codec.decode(raw)
    }

    private static func upper(_ value: UInt32) -> UInt32 {
        guard let info = VietnameseLetters.info(value), !info.isUpper else { return value }
        return VietnameseLetters.composed(base: info.base, tone: info.tone, isUpper: true) ?? value
    }

    private static func utf8(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        for value in scalars { SyllableCanonicalizer.appendUTF8(value, to: &out) }
        return out
    }
}
