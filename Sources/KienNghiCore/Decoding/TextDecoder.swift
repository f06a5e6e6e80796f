/// Turns the bytes an office holds into Unicode text: BOM-marked UTF-8/UTF-16,
/// plain UTF-8, Windows-1258 (via ICU), and the legacy TCVN3, VNI, VISCII and
/// VPS encodings, detected automatically or named by the user.
package struct TextDecoder: Sendable {
    /// Named encoding, or nil to detect.
    package var encoding: TextEncoding?
    /// Replace invalid sequences with U+FFFD (and count them) instead of failing.
    package var lenient: Bool
    /// Below this plausibility, detection refuses to guess.
    package var minimumConfidence: Double

    package init(encoding: TextEncoding? = nil, lenient: Bool = false, minimumConfidence: Double = 0.5) {
        self.encoding = encoding
        self.lenient = lenient
        self.minimumConfidence = minimumConfidence
    }

    /// Decodes a whole text held in memory.
    package func decode(_ bytes: [UInt8]) throws(TextDecodingFailure) -> DecodedText {
        let detection = try detect(bytes, atEnd: true)
        let body = detection.byteOrderMarkLength == 0 ? bytes : Array(bytes.dropFirst(detection.byteOrderMarkLength))
        var decoded: DecodedText
        do {
            decoded = try Self.decodeStrictly(body, as: detection.encoding, lenient: lenient)
        } catch {
            throw error.shifted(by: detection.byteOrderMarkLength)
        }
        decoded.hadByteOrderMark = detection.byteOrderMarkLength > 0
        decoded.confidence = detection.confidence
        return decoded
    }

    /// How a text is encoded, decided from its first bytes.
    package struct Detection: Sendable, Equatable {
        package var encoding: TextEncoding
        /// 0…1, as in ``DecodedText/confidence``.
        package var confidence: Double
        /// Bytes of byte-order mark to skip (0, 2 or 3).
        package var byteOrderMarkLength: Int
    }

    /// Decides the encoding from `bytes` (a whole text, or a prefix when `atEnd`
    /// is false: a multi-byte sequence cut at its end is then not an error).
    /// Binary files (images, PDF, old .xls, ZIP...) are refused by name.
    package func detect(_ bytes: [UInt8], atEnd: Bool) throws(TextDecodingFailure) -> Detection {
        let utf16BOM: TextEncoding? =
            bytes.starts(with: [0xFF, 0xFE])
            ? .utf16LittleEndian : bytes.starts(with: [0xFE, 0xFF]) ? .utf16BigEndian : nil
        if let named = encoding {
            let encoding = named.resolved(for: bytes)
            let mark = encoding == .utf8 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : encoding == utf16BOM ? 2 : 0
            if !encoding.isUTF16, let format = BinarySniffer.format(of: bytes), format != .unknown {
                throw .binary(format)
            }
            return Detection(encoding: encoding, confidence: 1, byteOrderMarkLength: mark)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Detection(encoding: .utf8, confidence: 1, byteOrderMarkLength: 3)
        }
        if let utf16BOM { return Detection(encoding: utf16BOM, confidence: 1, byteOrderMarkLength: 2) }
        if let format = BinarySniffer.format(of: bytes), format != .unknown { throw .binary(format) }
        if let utf16 = BinarySniffer.utf16WithoutMark(bytes) {
            return Detection(encoding: utf16, confidence: 0.9, byteOrderMarkLength: 0)
        }
        if let format = BinarySniffer.format(of: bytes) { throw .binary(format) }
        let checked = atEnd ? bytes : Array(bytes.prefix(UTF8Validation.completeLength(bytes)))
        let check = UTF8Validation.check(checked)
        guard let offset = check.firstInvalidOffset else {
            return Detection(encoding: .utf8, confidence: 1, byteOrderMarkLength: 0)
        }
        if isDamagedUTF8(bytes, check) {
            guard lenient else {
                throw .invalidUTF8(offset: offset, byte: bytes[offset], looksMixed: check.invalidBytes >= 3)
            }
            return Detection(encoding: .utf8, confidence: 1, byteOrderMarkLength: 0)
        }
        let ranked = EncodingDetector().rank(bytes)
        guard let best = ranked.first else { throw .undetectable(bestGuess: "?", confidence: 0) }
        let runnerUp = ranked.dropFirst().first?.score ?? 0
        let confidence = best.score * (best.score > 0 ? min(1, 0.5 + (best.score - runnerUp)) : 0)
        guard best.score >= minimumConfidence else {
            throw .undetectable(bestGuess: best.encoding.description, confidence: confidence)
        }
        return Detection(encoding: best.encoding, confidence: confidence, byteOrderMarkLength: 0)
    }

    /// Whether bytes that are not valid UTF-8 are UTF-8 all the same: real UTF-8
    /// Vietnamese with damage, or mixed with a legacy encoding (enough letters
    /// spelled in UTF-8). Not when invalid bytes swamp those letters and no legacy
    /// encoding reads the bytes either: random or compressed data, which valid
    /// sequences dot by chance; it is then refused as undetectable, even leniently.
    func isDamagedUTF8(_ bytes: [UInt8], _ check: UTF8Validation.Result) -> Bool {
        let letters = check.vietnameseLetterSequences
        guard letters >= 3 || letters > check.invalidBytes else { return false }
        guard check.invalidBytes > 8 * letters else { return true }
        return (EncodingDetector().rank(bytes).first?.score ?? 0) >= minimumConfidence
    }

    /// The offset of the first line break of single-byte text in bytes read as
    /// UTF-16, when there are enough of them to say the text is not UTF-16 there:
    /// an LF byte that is not half of the code unit U+000A, paired in its code unit
    /// with a byte of text (printable, CR, or non-ASCII), as the LF of a UTF-8 or
    /// ASCII line is with the next line's first or the last line's last byte. Real
    /// Vietnamese UTF-16 holds such units almost never (Ḋ U+1E0A and Ċ U+010A pair
    /// the LF byte with a control byte). At least 2, and at least an eighth as many
    /// as the real line breaks.
    static func singleByteLineBreak(in bytes: [UInt8], littleEndian: Bool) -> Int? {
        var first: Int? = nil
        var stray = 0
        var aligned = 0
        var i = 0
        while let found = bytes[i...].firstIndex(of: 0x0A) {
            let isUnit =
                littleEndian
                ? found % 2 == 0 && found + 1 < bytes.count && bytes[found + 1] == 0
                : found % 2 == 1 && bytes[found - 1] == 0
            // The other byte of the code unit the LF byte is half of.
            let partner = found % 2 == 0 ? found + 1 : found - 1
            let partnerIsText =
                partner >= 0 && partner < bytes.count && (bytes[partner] >= 0x20 || bytes[partner] == 0x0D)
            if isUnit {
                aligned += 1
            } else if partnerIsText {
                stray += 1
                if first == nil { first = found }
            }
            i = found + 1
        }
        return stray >= 2 && stray * 8 >= aligned ? first : nil
    }

    /// Decodes with one known encoding, no guessing (UTF-16 without a byte order
    /// takes the one of `bytes`; a byte-order mark is expected to be dropped already).
    static func decodeStrictly(_ bytes: [UInt8], as encoding: TextEncoding, lenient: Bool) throws(TextDecodingFailure)
        -> DecodedText
    {
        switch encoding {
        case .utf16:
            return try decodeStrictly(bytes, as: encoding.resolved(for: bytes), lenient: lenient)
        case .utf8:
            let check = UTF8Validation.check(bytes)
            if let offset = check.firstInvalidOffset {
                guard lenient else { throw .invalidUTF8(offset: offset, byte: bytes[offset], looksMixed: false) }
                return DecodedText(
                    text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, replacedSequences: check.invalidBytes
                )
            }
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        case .utf16LittleEndian, .utf16BigEndian:
            guard bytes.count % 2 == 0 || lenient else { throw .truncatedUTF16(length: bytes.count) }
            let littleEndian = encoding == .utf16LittleEndian
            if let offset = singleByteLineBreak(in: bytes, littleEndian: littleEndian) {
                throw .singleByteLinesInUTF16(encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", offset: offset)
            }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < bytes.count {
                let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                units.append(UInt16(high) << 8 | UInt16(low))
                i += 2
            }
            // A surrogate without its pair is an invalid sequence, as an invalid UTF-8 byte is:
            // an error naming its offset, or U+FFFD counted when lenient.
            var replaced = 0
            var j = 0
            while j < units.count {
                let unit = units[j]
                if unit < 0xD800 || unit > 0xDFFF {
                    j += 1
                    continue
                }
                if unit <= 0xDBFF && j + 1 < units.count && (0xDC00...0xDFFF).contains(units[j + 1]) {
                    j += 2
                    continue
                }
                guard lenient else {
                    throw .invalidBytes(encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", offset: j * 2)
                }
                replaced += 1
                j += 1
            }
            return DecodedText(
                text: String(decoding: units, as: UTF16.self), encoding: encoding, replacedSequences: replaced)
        case .windows1258, .icu:
            let name = encoding == .windows1258 ? "windows-1258" : encoding.description
            guard let result = ICU.convert(bytes, from: name, lenient: lenient) else { throw .unknownEncoding(name) }
            if let offset = result.errorOffset { throw .invalidBytes(encoding: name, offset: offset) }
            return DecodedText(
                text: String(decoding: result.units, as: UTF16.self), encoding: encoding,
                replacedSequences: result.replaced)
        case .legacy(let codec):
            // Encoded to UTF-8 bytes first: appending scalar by scalar to a String costs far more.
            let scalars = codec.decode(bytes)
            var utf8: [UInt8] = []
            utf8.reserveCapacity(scalars.count * 3)
            for value in scalars {
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if scalar.value < 0x80 {
                    utf8.append(UInt8(scalar.value))
                } else {
                    utf8.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
            return DecodedText(text: String(decoding: utf8, as: UTF8.self), encoding: encoding)
        }
    }
}

/// UTF-8 validity without building a String.
enum UTF8Validation {
    struct Result {
        var firstInvalidOffset: Int?
        var invalidBytes = 0
        /// Valid multi-byte sequences that encode a Vietnamese letter: evidence
        /// that the bytes really are UTF-8 (legacy bytes form them only by accident).
        var vietnameseLetterSequences = 0
    }

    static func check(_ bytes: [UInt8]) -> Result {
        var result = Result()
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                if result.firstInvalidOffset == nil { result.firstInvalidOffset = i }
                result.invalidBytes += 1
                i += 1
            } else {
                if VietnameseLetters.info(UTF8Scalars.decode(bytes, at: i, length: length)) != nil {
                    result.vietnameseLetterSequences += 1
                }
                i += length
            }
        }
        return result
    }

    /// Length of `bytes` without a multi-byte sequence cut off at its end.
    static func completeLength(_ bytes: some RandomAccessCollection<UInt8>) -> Int {
        let count = bytes.count
        var back = 1
        while back <= min(3, count) {
            let byte = bytes[bytes.index(bytes.startIndex, offsetBy: count - back)]
            if byte & 0xC0 != 0x80 {
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return needed > back ? count - back : count
            }
            back += 1
        }
        return count
    }

    /// Length of the valid multi-byte sequence at `i`, or 0 if invalid.
    static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        var minimum: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            minimum = 0x80
        case 0xE0...0xEF:
            length = 3
            minimum = 0x800
        case 0xF0...0xF4:
            length = 4
            minimum = 0x10000
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0 }
        return length
    }
}
