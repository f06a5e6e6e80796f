/// An input encoding KienNghi can read.
public enum TextEncoding: Sendable, Hashable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// UTF-16 named without a byte order (`utf-16`, `unicode`, `ucs-2`): the order
    /// is read from the file (see ``resolved(for:)``) before anything is decoded.
    case utf16
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

    /// Parses the names users type (`--encoding tcvn3`, `cp1258`, `utf-16le`...),
    /// in any case. This is the one place names become encodings: ICU's other
    /// names of UTF-8, UTF-16 and Windows-1258 (`unicode`, `ucs-2`, `csUnicode`,
    /// `UnicodeLittle`…) give the same value as the usual name, so every check
    /// made on UTF-16 input applies whatever name the user typed.
    public init?(name: String) {
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch folded {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "utf-16", "utf16", "unicode", "ucs-2", "ucs2": self = .utf16
        case "windows-1258", "cp1258", "win1258": self = .windows1258
        case "tcvn3", "tcvn", "abc", "vn3", "tcvn5712": self = .legacy(.tcvn3)
        case "vni", "vni-windows", "vni-win": self = .legacy(.vni)
        case "viscii": self = .legacy(.viscii)
        case "vps": self = .legacy(.vps)
        default:
            guard let canonical = ICU.canonicalConverterName(name) else { return nil }
            // "UTF-16LE,version=1" (UnicodeLittle) is UTF-16LE that writes a mark.
            switch canonical.prefix(while: { $0 != "," }) {
            case "UTF-8": self = .utf8
            case "UTF-16LE": self = .utf16LittleEndian
            case "UTF-16BE": self = .utf16BigEndian
            case "UTF-16": self = .utf16
            case "ibm-5354_P100-1998": self = .windows1258
            default: self = .icu(name)
            }
        }
    }

    /// UTF-16 in either byte order, or with the order still to be read from the file.
    public var isUTF16: Bool { self == .utf16 || self == .utf16LittleEndian || self == .utf16BigEndian }

    /// This encoding for `bytes`: ``utf16`` takes the byte order of the file's mark,
    /// else of its bytes (where ASCII's NULs fall), else little-endian (Windows'
    /// "Unicode"); any other encoding is itself.
    public func resolved(for bytes: some Collection<UInt8>) -> TextEncoding {
        guard self == .utf16 else { return self }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return BinarySniffer.utf16WithoutMark(bytes) ?? .utf16LittleEndian
    }

    public var description: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LittleEndian: "utf-16le"
        case .utf16BigEndian: "utf-16be"
        case .utf16: "utf-16"
        case .windows1258: "windows-1258"
        case .legacy(let codec): codec.rawValue
        case .icu(let name): name
        }
    }

    /// The encoding names known by name (any ICU converter name is accepted
    /// too; ``FailurePresenter`` words that part in the user's language).
    public static let knownNames = "utf-8, utf-16, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii, vps"
}
