/// What every reader calls an empty petition: text of white space or invisible
/// marks only (a byte order mark, zero-width spaces and joiners, soft hyphens),
/// so a cell holding nothing a person can see is rejected alike in CSV, JSON
/// Lines, plain text, Excel, Word and `classify-text`.
package enum BlankText {
    /// Whether `text` holds nothing visible; any visible ASCII byte answers at once.
    package static func isBlank(_ text: Substring) -> Bool {
        for byte in text.utf8 where byte > 0x20 && byte < 0x80 { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
        }
    }

    package static func isBlank(_ text: String) -> Bool { isBlank(text[...]) }

    /// The same for UTF-8 bytes (a line as read).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        for byte in bytes where byte > 0x20 && byte < 0x80 { return false }
        return isBlank(String(decoding: bytes, as: UTF8.self)[...])
    }
}
