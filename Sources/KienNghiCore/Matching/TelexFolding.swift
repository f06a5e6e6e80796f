/// Reads a word typed with Telex keystrokes that were never converted
/// ("dduowngf", "nhaf", "khoong") as its diacritic-free key ("duong", "nha",
/// "khong"), so a petition typed on a keyboard without a Vietnamese input
/// method still matches. Only used for words the lexicons do not know as typed.
enum TelexFolding {
    /// Tone keys Telex appends: sắc s, huyền f, hỏi r, ngã x, nặng j.
    static func isToneKey(_ byte: UInt8) -> Bool {
        byte == 0x73 || byte == 0x66 || byte == 0x72 || byte == 0x78 || byte == 0x6A
    }

    /// The plain key of a lower-case ASCII word read as Telex, or nil when the
    /// word has no Telex keystroke in it.
    static func fold(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        guard word.count >= 2, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let end = word.count
        var changed = false
        output.removeAll(keepingCapacity: true)
        var index = 0
        while index < end {
            let byte = word[index]
            let next: UInt8 = index + 1 < end ? word[index + 1] : 0
            // Tone keys: Vietnamese spelling has s, r, x only word-initially
            // (and r in "tr"); f and j never. Anywhere else they are tones.
            if index > 0 && isToneKey(byte) && !(byte == 0x72 && index == 1 && word[0] == 0x74) {
                changed = true
                index += 1
                continue
            }
            if byte == 0x77 {  // w: horn or breve on the previous vowel (uw, ow, aw) or ư alone
                if let last = output.last, last == 0x75 || last == 0x6F || last == 0x61 {
                    changed = true
                } else {
                    output.append(0x75)
                    changed = true
                }
                index += 1
                continue
            }
            // Doubled letters: dd → đ, aa → â, ee → ê, oo → ô.
            if next == byte && (byte == 0x64 || byte == 0x61 || byte == 0x65 || byte == 0x6F) {
                output.append(byte)
                index += 2
                changed = true
                continue
            }
            output.append(byte)
            index += 1
        }
        return changed
    }
}
