/// The quick checks of the standard character filters (canonical composition,
/// automatic look-alike repair, invisible characters) in one pass: true
/// exactly when each filter's own ``CharacterFilter/leavesUnchanged(_:)``
/// would be true. Most text passes, and one walk over its bytes costs about a
/// third of three. Input is valid UTF-8, as everywhere in the chain.
package enum StandardChainCheck {
    package static func leavesUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            // Printable ASCII passes every filter.
            if i + 8 <= count, SWAR.isPrintableASCII(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = base[i]
            if byte < 0x80 {
                // C0 controls other than tab, LF and FF go (invisible characters).
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C { return false }
                i += 1
                continue
            }
            // U+1E80–U+1EFF: precomposed Vietnamese, stable under NFC, neither invisible nor a look-alike.
            if byte == 0xE1, i + 2 < count, base[i + 1] == 0xBA || base[i + 1] == 0xBB {
                i += 3
                continue
            }
            let length = UTF8Scalars.length(of: byte)
            guard i + length <= count else { return false }
            switch byte {
            case 0xC2:
                // U+0080–U+00A0 and U+00AD are invisible; U+00A1–U+00BF are look-alikes.
                return false
            case 0xC3:
                if LegacyLookalikeFilter.foreignLatin1Letters & (1 << UInt64(base[i + 1] & 0x3F)) != 0 { return false }
            default:
                break
            }
            let value = UTF8Scalars.decode(bytes, at: i, length: length)
            if InvisibleCharacterFilter.changes(value) || CanonicalCompositionFilter.isUnstable(value) { return false }
            i += length
        }
        return true
    }
}
