/// An input encoding KienNghi can read.
public enum TextEncoding: Sendable, Hashable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Windows-1258, decoded by ICU (decomposed output, composed afterwards).
    case windows1258
    /// A legacy table of KienNghi's own.
    case legacy(LegacyCodec)
    /// Any other converter ICU knows, by name (e.g. "windows-1252").
    case icu(String)

    /// Encodings tried by automatic detection for bytes that are not UTF-8.
    static let detectable: [TextEncoding] = [
        .windows1258, .legacy(.tcvn3), .legacy(.vni), .legacy(.viscii), .legacy(.vps),
    ]

    /// Parses the names users type (`--encoding tcvn3`, `cp1258`, `utf-16le`...).
    public init?(name: String) {
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch folded {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1258", "cp1258", "win1258": self = .windows1258
        case "tcvn3", "tcvn", "abc", "vn3", "tcvn5712": self = .legacy(.tcvn3)
        case "vni", "vni-windows", "vni-win": self = .legacy(.vni)
        case "viscii": self = .legacy(.viscii)
        case "vps": self = .legacy(.vps)
        default:
            guard ICU.converterExists(name) else { return nil }
            self = .icu(name)
        }
    }

    public var description: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LittleEndian: "utf-16le"
        case .utf16BigEndian: "utf-16be"
        case .windows1258: "windows-1258"
        case .legacy(let codec): codec.rawValue
        case .icu(let name): name
        }
    }

    /// The encoding names known by name (any ICU converter name is accepted
    /// too; ``FailurePresenter`` words that part in the user's language).
    public static let knownNames = "utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii, vps"
}
