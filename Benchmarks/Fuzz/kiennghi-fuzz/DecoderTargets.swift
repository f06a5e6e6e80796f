import KienNghiCore

/// Each decoder on raw bytes, strict and lenient: a result or a typed failure, never a crash.
enum DecoderTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "utf16", summary: "UTF-16 LE/BE, named and behind a BOM") { bytes in
            for encoding in [TextEncoding.utf16LittleEndian, .utf16BigEndian] {
                decodeBoth(bytes, TextDecoder(encoding: encoding))
            }
            decodeBoth([0xFF, 0xFE] + bytes, TextDecoder())
            decodeBoth([0xFE, 0xFF] + bytes, TextDecoder())
        },
        FuzzTarget(name: "windows1258", summary: "Windows-1258 through ICU") { bytes in
            decodeBoth(bytes, TextDecoder(encoding: .windows1258))
        },
        legacy(.tcvn3), legacy(.vni), legacy(.viscii), legacy(.vps),
        FuzzTarget(name: "detect", summary: "encoding detection (BOM, UTF-8 check, ranking)") { bytes in
            for candidate in EncodingDetector().rank(bytes) {
                require(
                    candidate.score >= 0 && candidate.score <= 1,
                    "score \(candidate.score) of \(candidate.encoding) outside 0…1")
            }
            decodeBoth(bytes, TextDecoder())
        },
        FuzzTarget(name: "cut", summary: "cut points of lines longer than a block (UTF-8 and UTF-16)") { bytes in
            // Inside the text, never inside a UTF-8 character or surrogate pair of valid text.
            if let cut = TextCut.utf8(bytes) {
                require(cut > 0 && cut < bytes.count, "UTF-8 cut \(cut) outside 1..<\(bytes.count)")
                if String(validating: bytes, as: UTF8.self) != nil {
                    require(
                        String(validating: bytes[..<cut], as: UTF8.self) != nil
                            && String(validating: bytes[cut...], as: UTF8.self) != nil,
                        "UTF-8 cut \(cut) splits a character")
                }
            }
            for bigEndian in [false, true] {
                guard let cut = TextCut.utf16(bytes, bigEndian: bigEndian) else { continue }
                require(cut > 0 && cut < bytes.count && cut % 2 == 0, "UTF-16 cut \(cut) not on a code unit inside")
                func unit(_ at: Int) -> Int {
                    bigEndian ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at + 1]) << 8 | Int(bytes[at])
                }
                require(
                    !((0xD800...0xDBFF).contains(unit(cut - 2)) && (0xDC00...0xDFFF).contains(unit(cut))),
                    "UTF-16 cut \(cut) splits a surrogate pair")
            }
        },
    ]

    /// A single-byte table maps every byte to exactly one scalar; VNI pairs at most halve the count.
    static func legacy(_ codec: LegacyCodec) -> FuzzTarget {
        FuzzTarget(name: codec.rawValue, summary: "\(codec.rawValue) table decoder") { bytes in
            let scalars = codec.decode(bytes)
            if codec == .vni {
                require(
                    scalars.count <= bytes.count && scalars.count * 2 >= bytes.count,
                    "VNI gave \(scalars.count) scalars for \(bytes.count) bytes")
            } else {
                require(scalars.count == bytes.count, "\(codec) gave \(scalars.count) scalars for \(bytes.count) bytes")
            }
            decodeBoth(bytes, TextDecoder(encoding: .legacy(codec)))
        }
    }

    /// Strict, then lenient when the strict decode failed. `lenient` only changes
    /// what happens at a bad byte, so after a strict success a lenient decode
    /// would redo the same work (for detection: the whole candidate ranking) for
    /// the same result; skipping it is what keeps `detect` fast.
    static func decodeBoth(_ bytes: [UInt8], _ decoder: TextDecoder) {
        var strict = decoder
        strict.lenient = false
        if let decoded = try? strict.decode(bytes) {
            touch(decoded)
            return
        }
        var lenient = decoder
        lenient.lenient = true
        if let decoded = try? lenient.decode(bytes) { touch(decoded) }
    }

    /// Reads the result so nothing is optimised away.
    static func touch(_ decoded: DecodedText) {
        require(decoded.confidence >= 0 && decoded.confidence <= 1, "confidence \(decoded.confidence) outside 0…1")
        require(decoded.replacedSequences >= 0, "negative replacement count")
        _ = decoded.text.utf8.count
    }
}
