/// Escaping for HTML and XML text and attributes.
package enum Markup {
    /// Escapes & < > " and drops the characters XML 1.0 forbids (C0 controls
    /// other than tab, LF, CR; U+FFFE, U+FFFF).
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text a user wrote, for display: escaped as ``escape(_:)``, with every
    /// bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
    /// shown as a visible `[U+202E]` marker so it cannot reorder what follows.
    package static func escapeUserText(_ text: String) -> String {
        escape(ByteEscaping.neutralizingBidi(text))
    }

    /// User text as an isolated HTML fragment: `<bdi>` keeps any direction it
    /// has from leaking into the page around it.
    package static func isolatedUserText(_ text: String) -> String {
        "<bdi>" + escapeUserText(text) + "</bdi>"
    }
}
