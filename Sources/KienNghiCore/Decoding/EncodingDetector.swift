/// Guesses the encoding of bytes that are not UTF-8 by decoding them with every
/// candidate and measuring how much of the result is plausible Vietnamese
/// (share of non-ASCII words that spell valid syllables with a correctly placed tone).
package struct EncodingDetector: Sendable {
    /// One candidate and its score (0…1).
    package struct Candidate: Sendable {
        package var encoding: TextEncoding
        package var score: Double
        package var text: String
    }

    package init() {}

    /// Ranks the candidates, best first. At most `sampleLimit` bytes are scored.
    package func rank(_ bytes: [UInt8], sampleLimit: Int = 64 * 1024) -> [Candidate] {
        let sample = Array(bytes.prefix(sampleLimit))
        var candidates: [Candidate] = []
        for encoding in TextEncoding.detectable {
            guard let text = try? TextDecoder.decodeStrictly(sample, as: encoding, lenient: true).text else { continue }
            candidates.append(Candidate(encoding: encoding, score: Self.plausibility(of: text), text: text))
        }
        return candidates.sorted { $0.score > $1.score }
    }

    /// Share of words containing a non-ASCII character that are plausible Vietnamese.
    static func plausibility(of text: String) -> Double {
        let composed = CanonicalCompositionFilter().apply(FilteredText(Array(text.utf8))).bytes
        var scalars: [UInt32] = []
        var plausible = 0
        var total = 0
        func finishWord() {
            defer { scalars.removeAll(keepingCapacity: true) }
            guard scalars.contains(where: { $0 >= 0x80 }) else { return }
            total += 1
            if SyllableValidator.isPlausible(scalars) { plausible += 1 }
        }
        for scalar in String(decoding: composed, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let isBreak =
                value < 0x80
                ? !((value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A))
                : (value == 0xA0 || (0x2000...0x206F).contains(value))
            if isBreak { finishWord() } else { scalars.append(value) }
        }
        finishWord()
        return total == 0 ? 0 : Double(plausible) / Double(total)
    }
}
