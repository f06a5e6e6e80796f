internal import CICUShim

/// Thin Swift wrappers over the C shim, so the rest of the core never touches C types.
enum ICU {
    /// Composes UTF-16 code units to NFC; nil only if ICU itself fails.
    static func nfc(_ units: [UInt16]) -> [UInt16]? {
        var capacity = max(16, units.count * 2)
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            let length = units.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    kn_nfc_utf16(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity))
                }
            }
            if length >= 0 && Int(length) <= capacity {
                out.removeSubrange(Int(length)...)
                return out
            }
            if capacity > units.count * 8 + 64 { return nil }
            capacity *= 2
        }
    }

    /// Composes a short UTF-8 segment to NFC into `output`; returns the
    /// length, or nil when the segment is too long for this path.
    static func nfc(utf8 segment: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let length = kn_nfc_utf8(segment.baseAddress, Int32(segment.count), output.baseAddress, Int32(output.count))
        return length >= 0 ? Int(length) : nil
    }

    /// Composes a sequence of scalars to NFC.
    static func nfc(scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count * 2)
        for scalar in scalars { units.append(contentsOf: UTF16.encode(scalar)!) }
        guard let composed = nfc(units) else { return scalars }
        var result: [Unicode.Scalar] = []
        var iterator = composed.makeIterator()
        var decoder = UTF16()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { result.append(scalar) }
        return result
    }

    static func isNFCUnstable(_ value: UInt32) -> Bool { kn_nfc_unstable(value) != 0 }

    /// Closed ranges of the scalars for which ``isNFCUnstable(_:)`` is true,
    /// from ICU's property sets in one call (much faster than asking per scalar);
    /// nil if ICU cannot build the set.
    static func nfcUnstableRanges() -> [ClosedRange<UInt32>]? {
        var capacity: Int32 = 1024
        while true {
            var pairs = [UInt32](repeating: 0, count: Int(capacity) * 2)
            let count = pairs.withUnsafeMutableBufferPointer { kn_nfc_unstable_ranges($0.baseAddress, capacity) }
            if count == -1 { return nil }
            if count < 0 {
                capacity = -count + 16
                continue
            }
            return (0..<Int(count)).map { pairs[2 * $0]...pairs[2 * $0 + 1] }
        }
    }
    static func foldCase(_ value: UInt32) -> UInt32 { kn_fold_case(value) }
    static func isAlphabetic(_ value: UInt32) -> Bool { kn_is_alphabetic(value) != 0 }
    /// ICU's own name for the converter `name` (e.g. "UTF-16" for "unicode"), nil when ICU knows none.
    static func canonicalConverterName(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = buffer.withUnsafeMutableBufferPointer { kn_converter_name(name, $0.baseAddress, 128) }
        guard length >= 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Result of an ICU conversion to UTF-16.
    struct Conversion {
        var units: [UInt16]
        var errorOffset: Int?
        var replaced: Int
    }

    /// Decodes bytes with the ICU converter `name`.
    static func convert(_ bytes: [UInt8], from name: String, lenient: Bool) -> Conversion? {
        let capacity = bytes.count * 2 + 16
        var out = [UInt16](repeating: 0, count: capacity)
        var errorOffset: Int32 = -1
        var replaced: Int32 = 0
        let length = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                kn_convert_to_utf16(
                    name, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity),
                    lenient ? 1 : 0, &errorOffset, &replaced)
            }
        }
        if errorOffset >= 0 && !lenient {
            return Conversion(units: [], errorOffset: Int(errorOffset), replaced: 0)
        }
        guard length >= 0 else { return nil }
        out.removeSubrange(Int(length)...)
        return Conversion(units: out, errorOffset: nil, replaced: Int(replaced))
    }
}
