/// Decodes a text that arrives in blocks (a file read piece by piece, a pipe)
/// into UTF-8 blocks, never splitting a character: an incomplete UTF-8
/// sequence, an odd UTF-16 byte or a high surrogate, or a VNI letter still
/// waiting for its tone mark is held back until the next block.
///
/// The encoding is detected from the first block given (the sniffed prefix);
/// while everything so far is ASCII the decision waits for the first block
/// that is not, so legacy bytes deep in a file are still recognised.
package struct StreamingTextDecoder: Sendable {
    package private(set) var detection: TextDecoder.Detection?
    /// Invalid sequences replaced by U+FFFD so far (lenient mode).
    package private(set) var replacedSequences = 0
    private let decoder: TextDecoder
    private var carry: [UInt8] = []
    /// Offset in the input of `carry[0]` (or of the next byte when empty).
    private var carryOffset = 0
    private var provisional = false

    package init(encoding: TextEncoding? = nil, lenient: Bool = false) {
        decoder = TextDecoder(encoding: encoding, lenient: lenient)
    }

    /// Whether decoded byte offsets equal input byte offsets (UTF-8 input, after any mark).
    package var preservesOffsets: Bool { detection.map { $0.encoding == .utf8 } ?? true }

    /// Decodes the next block; `isFinal` flushes whatever was held back.
    /// Failures carry offsets counted from the start of the input.
    package mutating func decode(_ block: [UInt8], isFinal: Bool) throws(TextDecodingFailure) -> [UInt8] {
        var data = carry.isEmpty ? block : carry + block
        var base = carryOffset
        if detection == nil && !isFinal && data.count < 4 {
            // Too little to see a byte-order mark yet.
            carry = data
            return []
        }
        if detection == nil {
            let found: TextDecoder.Detection
            do { found = try decoder.detect(data, atEnd: isFinal) } catch { throw error.shifted(by: base) }
            detection = found
            if found.byteOrderMarkLength > 0 {
                data.removeFirst(found.byteOrderMarkLength)
                base += found.byteOrderMarkLength
            }
            provisional =
                decoder.encoding == nil && found.encoding == .utf8 && !isFinal && data.allSatisfy { $0 < 0x80 }
        } else if provisional, data.contains(where: { $0 >= 0x80 }) {
            provisional = false
            var again = decoder
            again.encoding = nil
            do { detection = try again.detectLater(data, atEnd: isFinal) } catch { throw error.shifted(by: base) }
        }
        let encoding = detection!.encoding
        let keep = isFinal ? 0 : held(data, encoding)
        let body = keep == 0 ? data : Array(data[..<(data.count - keep)])
        carry = keep == 0 ? [] : Array(data[(data.count - keep)...])
        carryOffset = base + body.count
        if encoding == .utf8 {
            if String(validating: body, as: UTF8.self) != nil { return body }
            let check = UTF8Validation.check(body)
            guard decoder.lenient, check.firstInvalidOffset != nil else {
                let offset = check.firstInvalidOffset ?? 0
                throw .invalidUTF8(
                    offset: base + offset, byte: body[offset], looksMixed: check.invalidBytes >= 3 || base > 0)
            }
            replacedSequences += check.invalidBytes
            return Array(String(decoding: body, as: UTF8.self).utf8)
        }
        if encoding.isUTF16 && body.count % 2 == 1 && !decoder.lenient {
            throw .truncatedUTF16(length: base + body.count)
        }
        do {
            let decoded = try TextDecoder.decodeStrictly(body, as: encoding, lenient: decoder.lenient)
            replacedSequences += decoded.replacedSequences
            return Array(decoded.text.utf8)
        } catch {
            throw error.shifted(by: base)
        }
    }

    /// How many bytes at the end of `data` may belong to a character continued in the next block.
    private func held(_ data: [UInt8], _ encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8:
            return data.count - UTF8Validation.completeLength(data)
        case .utf16LittleEndian, .utf16BigEndian, .utf16:
            var keep = data.count % 2
            let end = data.count - keep
            if end >= 2 {
                let high = encoding == .utf16BigEndian ? data[end - 2] : data[end - 1]
                if (0xD8...0xDB).contains(high) { keep += 2 }
            }
            return keep
        case .legacy(.vni):
            return min(1, data.count)
        case .icu:
            // Converters of any shape: cut after the last line feed.
            guard let last = data.lastIndex(of: 0x0A) else {
                return data.count > InputLimits.maxRecordBytes ? 0 : data.count
            }
            return data.count - last - 1
        default:
            return 0
        }
    }
}

extension TextDecoder {
    /// Detection for a block met after an ASCII-only start: no mark, no binary sniffing.
    func detectLater(_ bytes: [UInt8], atEnd: Bool) throws(TextDecodingFailure) -> Detection {
        let checked = atEnd ? bytes : Array(bytes.prefix(UTF8Validation.completeLength(bytes)))
        let check = UTF8Validation.check(checked)
        if check.firstInvalidOffset == nil || isDamagedUTF8(bytes, check) {
            return Detection(encoding: .utf8, confidence: 1, byteOrderMarkLength: 0)
        }
        let ranked = EncodingDetector().rank(bytes)
        guard let best = ranked.first, best.score >= minimumConfidence else {
            throw .undetectable(
                bestGuess: ranked.first?.encoding.description ?? "?", confidence: ranked.first?.score ?? 0)
        }
        return Detection(encoding: best.encoding, confidence: best.score, byteOrderMarkLength: 0)
    }
}
