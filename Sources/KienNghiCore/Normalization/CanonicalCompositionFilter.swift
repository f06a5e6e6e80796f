/// Composes text to Unicode NFC with ICU, so NFD text (macOS, Windows-1258
/// decoders) and NFC text give the same bytes.
///
/// Scans UTF-8 directly and hands ICU only the short segments around a
/// character that may change under NFC; text already in NFC is not copied.
package struct CanonicalCompositionFilter: CharacterFilter {
    package init() {}

    /// One bit per BMP scalar: may change or combine under NFC.
    /// Built from ICU's range set at first use (a per-scalar query of all
    /// 64k scalars cost milliseconds of every start-up).
    private static let unstableBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        if let ranges = ICU.nfcUnstableRanges() {
            for range in ranges {
                let low = max(range.lowerBound, 0x80)
                let high = min(range.upperBound, 0xFFFF)
                guard low <= high else { continue }
                for value in low...high {
                    bits[Int(value >> 6)] |= 1 << (value & 63)
                }
            }
            return bits
        }
        for value in UInt32(0x80)..<0x10000 where !(0xD800...0xDFFF).contains(value) {
            if ICU.isNFCUnstable(value) { bits[Int(value >> 6)] |= 1 << (value & 63) }
        }
        return bits
    }()

    /// Vietnamese vowels written decomposed (base letter and marks, in either
    /// order, or with one mark already composed) and their NFC form, as ICU
    /// composes them: the usual NFD segment is one table probe instead of a
    /// round trip through ICU's UTF-16 interface.
    private static let decomposedVowels: (table: ByteKeyTable, composed: [[UInt8]]) = {
        var table = ByteKeyTable(capacity: 4096)
        var composed: [[UInt8]] = []
        func utf8(_ scalars: [UInt32]) -> [UInt8] {
            var bytes: [UInt8] = []
            for value in scalars {
                if let scalar = Unicode.Scalar(value) { bytes.append(contentsOf: String(scalar).utf8) }
            }
            return bytes
        }
        func nfc(_ bytes: [UInt8]) -> [UInt8]? {
            bytes.withUnsafeBufferPointer { source in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { output in
                    ICU.nfc(utf8: source, into: output).map { Array(output[0..<$0]) }
                }
            }
        }
        let vowelMarks: [UInt32] = [0x302, 0x306, 0x31B]
        let toneMarks: [UInt32] = [0x300, 0x301, 0x303, 0x309, 0x323]
        for base in "aeiouyAEIOUY".unicodeScalars.map(\.value) {
            var markSets: [[UInt32]] = vowelMarks.map { [$0] } + toneMarks.map { [$0] }
            for vowelMark in vowelMarks { for tone in toneMarks { markSets.append([vowelMark, tone]) } }
            for marks in markSets {
                var sequences: [[UInt32]] = [[base] + marks, [base] + marks.reversed()]
                // One mark already composed with the letter, the other combining ("ê" + U+0301).
                for (index, first) in marks.enumerated() where marks.count == 2 {
                    let composedFirst = String(decoding: nfc(utf8([base, first])) ?? [], as: UTF8.self)
                    if composedFirst.unicodeScalars.count == 1 {
                        sequences.append([composedFirst.unicodeScalars.first!.value, marks[1 - index]])
                    }
                }
                for sequence in sequences {
                    let key = utf8(sequence)
                    guard let value = nfc(key), value != key, table.value(for: key) == nil else { continue }
                    table.insert(key, value: Int32(composed.count))
                    composed.append(value)
                }
            }
        }
        return (table, composed)
    }()

    @inline(__always)
    static func isUnstable(_ value: UInt32) -> Bool {
        if value < 0x80 { return false }
        if value < 0x10000 { return unstableBMP[Int(value >> 6)] & (1 << (value & 63)) != 0 }
        return ICU.isNFCUnstable(value)
    }

    package var worksLineByLine: Bool { true }

    /// NFC quick check on UTF-8: true when no scalar may change or combine
    /// under NFC (ASCII and precomposed Vietnamese always pass).
    package func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i < count {
            if i + 8 <= count, SWAR.isASCII(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            if byte == 0xE1, i + 2 < count, bytes[i + 1] == 0xBA || bytes[i + 1] == 0xBB {
                i += 3  // U+1E80–U+1EFF: precomposed Latin letters, all NFC-stable.
                continue
            }
            let length = UTF8Scalars.length(of: byte)
            guard i + length <= count else { return false }
            if Self.isUnstable(UTF8Scalars.decode(bytes, at: i, length: length)) { return false }
            i += length
        }
        return true
    }

    /// Records a composed segment as one edit per cluster (a starter and the
    /// marks after it) when composing the clusters one by one gives the same
    /// bytes, so a token boundary between two clusters ("nĝ" | "·" from
    /// "ng\u{302}\u{387}") falls between edits and each token keeps its own
    /// source bytes; otherwise as one edit.
    private static func record(
        _ range: Range<Int>, _ segment: UnsafeBufferPointer<UInt8>, _ composed: UnsafeBufferPointer<UInt8>,
        into builder: inout FilterOutputBuilder
    ) {
        var clusterStarts: [Int] = [0]
        var i = UTF8Scalars.length(of: segment[0])
        while i < segment.count {
            let length = UTF8Scalars.length(of: segment[i])
            guard i + length <= segment.count else { break }
            let value = UTF8Scalars.decode(segment, at: i, length: length)
            if let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered {
                clusterStarts.append(i)
            }
            i += length
        }
        guard clusterStarts.count > 1 else {
            builder.replaceChanged(range, with: composed)
            return
        }
        let bounds = clusterStarts + [segment.count]
        var pieces: [[UInt8]] = []
        for index in clusterStarts.indices {
            let cluster = UnsafeBufferPointer(rebasing: segment[bounds[index]..<bounds[index + 1]])
            let piece = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cluster.count * 3 + 16) {
                scratch -> [UInt8]? in
                ICU.nfc(utf8: cluster, into: scratch).map { Array(scratch[0..<$0]) }
            }
            guard let piece else {
                builder.replaceChanged(range, with: composed)
                return
            }
            pieces.append(piece)
        }
        guard pieces.joined().elementsEqual(composed) else {
            builder.replaceChanged(range, with: composed)
            return
        }
        for index in pieces.indices {
            pieces[index].withUnsafeBufferPointer {
                builder.replaceChanged(
                    range.lowerBound + bounds[index]..<range.lowerBound + bounds[index + 1], with: $0)
            }
        }
    }

    package func apply(_ text: FilteredText) -> FilteredText {
        let bytes = text.bytes
        let count = bytes.count
        var builder = FilterOutputBuilder(bytes)
        var lastStableStart = 0
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                // Eight ASCII bytes at a time: each is a stable starter.
                if i + 8 <= count,
                    bytes.withUnsafeBufferPointer({
                        SWAR.isASCII(UnsafeRawPointer($0.baseAddress! + i).loadUnaligned(as: UInt64.self))
                    })
                {
                    lastStableStart = i + 7
                    i += 8
                    continue
                }
                lastStableStart = i
                i += 1
                continue
            }
            if byte == 0xE1, i + 2 < count, bytes[i + 1] == 0xBA || bytes[i + 1] == 0xBB {
                // U+1E80–U+1EFF: precomposed letters, stable starters (a mark after one still composes with it).
                lastStableStart = i
                i += 3
                continue
            }
            let length = UTF8Scalars.length(of: byte)
            guard i + length <= count else { break }
            let value = UTF8Scalars.decode(bytes, at: i, length: length)
            guard Self.isUnstable(value) else {
                lastStableStart = i
                i += length
                continue
            }
            // Segment: from the last stable starter to the next stable starter.
            var end = i + length
            while end < count {
                let next = UTF8Scalars.length(of: bytes[end])
                guard end + next <= count else { break }
                if !Self.isUnstable(UTF8Scalars.decode(bytes, at: end, length: next)) { break }
                end += next
            }
            // A decomposed Vietnamese vowel: one starter and its marks, so one edit.
            let known = bytes.withUnsafeBufferPointer { source in
                Self.decomposedVowels.table.value(for: UnsafeBufferPointer(rebasing: source[lastStableStart..<end]))
            }
            if let known {
                Self.decomposedVowels.composed[Int(known)].withUnsafeBufferPointer {
                    builder.replaceChanged(lastStableStart..<end, with: $0)
                }
                lastStableStart = end
                i = end
                continue
            }
            // Other short segments: composed in C on stack buffers.
            let done = bytes.withUnsafeBufferPointer { source in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { scratch -> Bool in
                    let segment = UnsafeBufferPointer(rebasing: source[lastStableStart..<end])
                    guard let length = ICU.nfc(utf8: segment, into: scratch) else { return false }
                    let composed = UnsafeBufferPointer(rebasing: scratch[0..<length])
                    Self.record(lastStableStart..<end, segment, composed, into: &builder)
                    return true
                }
            }
            if done {
                lastStableStart = end
                i = end
                continue
            }
            let segment = String(decoding: bytes[lastStableStart..<end], as: UTF8.self)
            if let composed = ICU.nfc(Array(segment.utf16)) {
                let replacement = Array(String(decoding: composed, as: UTF16.self).utf8)
                replacement.withUnsafeBufferPointer { builder.replaceChanged(lastStableStart..<end, with: $0) }
            }
            lastStableStart = end
            i = end
        }
        return builder.finish(text)
    }
}
