/// Copies of a labelled text as people type it without a Vietnamese keyboard,
/// for measuring how much the classifier depends on diacritics.
package enum TextVariant: String, Sendable, CaseIterable, Codable {
    /// The text as labelled.
    case original
    /// Every diacritic removed, đ → d ("Đường ngập" → "Duong ngap").
    case noDiacritics = "no-diacritics"
    /// Telex keystrokes left unconverted: dd, aa, ow, uw, aw, and the tone as a
    /// trailing s/f/r/x/j ("đường" → "dduwowngf").
    case telex

    package func apply(_ text: String) -> String {
        switch self {
        case .original: text
        case .noDiacritics: Self.transform(text, telex: false)
        case .telex: Self.transform(text, telex: true)
        }
    }

    private static func transform(_ text: String, telex: Bool) -> String {
        var output = String.UnicodeScalarView()
        var pendingTone: Unicode.Scalar? = nil
        func flushTone() {
            if let tone = pendingTone { output.append(tone) }
            pendingTone = nil
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:  // tones
                if telex {
                    let keys: [UInt32: Unicode.Scalar] = [
                        0x0301: "s", 0x0300: "f", 0x0309: "r", 0x0303: "x", 0x0323: "j",
                    ]
                    pendingTone = keys[scalar.value]
                }
            case 0x0302:  // circumflex: â ê ô → aa ee oo
                if telex, let last = output.last {
                    output.append(Unicode.Scalar(last.properties.lowercaseMapping.unicodeScalars.first!.value)!)
                }
            case 0x0306, 0x031B:  // breve, horn → w
                if telex { output.append("w") }
            case 0x0300...0x036F:
                break
            case 0x0110, 0x0111:  // Đ đ
                output.append(scalar.value == 0x0110 ? "D" : "d")
                if telex { output.append("d") }
            default:
                if !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) { flushTone() }
                output.append(scalar)
            }
        }
        flushTone()
        return String(output)
    }
}
