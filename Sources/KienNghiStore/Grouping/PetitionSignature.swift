import KienNghiCore

/// A petition's fingerprint for near-duplicate grouping.
///
/// Shingles are taken over the analyzer's diacritic-free term keys (so accents,
/// tone placement, case, punctuation and abbreviations such as "BHXH" →
/// "bảo hiểm xã hội" do not matter): every single syllable and every pair of
/// neighbouring syllables. Single syllables keep a reordered sentence close;
/// pairs keep two texts with the same words in a different sense apart.
/// The set is summarised by `hashCount` MinHash values; the share of equal
/// values estimates the Jaccard similarity of two shingle sets.
package struct PetitionSignature: Sendable, Equatable {
    package static let hashCount = 128
    /// LSH: 32 bands of 4 values. Two petitions share a band with probability
    /// 1 − (1 − J⁴)³², about 0.5 at J = 0.42 and 0.98 at J = 0.6, so every pair
    /// over the grouping threshold is very likely to be compared.
    package static let bands = 32
    package static let rowsPerBand = 4

    package var values: [UInt64]

    package init(values: [UInt64]) { self.values = values }

    /// Estimated Jaccard similarity (0…1).
    package func similarity(_ other: PetitionSignature) -> Double {
        var equal = 0
        for i in 0..<min(values.count, other.values.count) where values[i] == other.values[i] { equal += 1 }
        return Double(equal) / Double(Self.hashCount)
    }

    /// One key per band (band index mixed in), as stored in `petition_bands`.
    package var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(band)
            for row in 0..<Self.rowsPerBand {
                h = Self.mix(h ^ values[band * Self.rowsPerBand + row])
            }
            return Int64(bitPattern: h)
        }
    }

    /// Hex text for storage (16 digits a value).
    package var encoded: String {
        var text = ""
        text.reserveCapacity(values.count * 16)
        for value in values {
            let hex = String(value, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }

    package init?(encoded: String) {
        let bytes = Array(encoded.utf8)
        guard bytes.count == Self.hashCount * 16 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(Self.hashCount)
        for i in 0..<Self.hashCount {
            var value: UInt64 = 0
            for byte in bytes[(i * 16)..<(i * 16 + 16)] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                case 0x41...0x46: digit = byte - 0x41 + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            values.append(value)
        }
        self.values = values
    }

    /// splitmix64's finaliser: a fast, well-spread 64-bit mix.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    static let seeds: [UInt64] = (0..<UInt64(hashCount)).map { mix($0 &* 0x632b_e59b_d9b4_e019 &+ 1) }
}

/// Builds signatures with the same analyzer chain the classifier uses.
package struct SignatureBuilder: Sendable {
    package let analyzer: Analyzer

    package init(analyzer: Analyzer = Analyzer()) { self.analyzer = analyzer }

    /// The shingle hashes of a text (FNV-1a over the diacritic-free keys).
    package func shingles(_ text: String) -> Set<UInt64> {
        let analyzed = analyzer.analyze(text)
        var syllables: [UInt64] = []
        syllables.reserveCapacity(analyzed.terms.count)
        analyzed.keyArena.withUnsafeBufferPointer { arena in
            for term in analyzed.terms {
                let kind = analyzed.tokens[Int(term.tokenIndex)].kind
                guard kind == .word || kind == .acronym || kind == .number else { continue }
                // An expansion's key may hold several syllables separated by spaces.
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                var empty = true
                for i in Int(term.plain.lowerBound)..<Int(term.plain.upperBound) {
                    let byte = arena[i]
                    if byte == 0x20 {
                        if !empty { syllables.append(h) }
                        h = 0xcbf2_9ce4_8422_2325
                        empty = true
                        continue
                    }
                    h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
                    empty = false
                }
                if !empty { syllables.append(h) }
            }
        }
        var set = Set<UInt64>()
        for (i, syllable) in syllables.enumerated() {
            set.insert(PetitionSignature.mix(syllable))
            if i > 0 { set.insert(PetitionSignature.mix(syllables[i - 1] &* 31 ^ syllable)) }
        }
        return set
    }

    package func signature(_ text: String) -> PetitionSignature {
        let set = shingles(text)
        var values = [UInt64](repeating: .max, count: PetitionSignature.hashCount)
        for shingle in set {
            for i in 0..<PetitionSignature.hashCount {
                let h = PetitionSignature.mix(shingle ^ PetitionSignature.seeds[i])
                if h < values[i] { values[i] = h }
            }
        }
        return PetitionSignature(values: values)
    }

    /// Exact Jaccard similarity of two texts' shingle sets (for evaluation).
    package func jaccard(_ a: String, _ b: String) -> Double {
        let x = shingles(a)
        let y = shingles(b)
        let union = x.union(y).count
        return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
    }
}
