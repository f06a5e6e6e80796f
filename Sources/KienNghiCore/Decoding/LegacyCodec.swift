/// The legacy Vietnamese byte encodings KienNghi decodes with its own tables
/// (ICU has none of them), plus the Windows-1252 view used to undo look-alikes.
public enum LegacyCodec: String, Sendable, CaseIterable {
    case tcvn3, vni, viscii, vps

    /// Decodes legacy bytes to Unicode scalars (NFC; VNI pairs composed).
    package func decode(_ bytes: some Collection<UInt8>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        switch self {
        case .tcvn3: for b in bytes { out.append(LegacyTables.tcvn3[Int(b)]) }
        case .viscii: for b in bytes { out.append(LegacyTables.viscii[Int(b)]) }
        case .vps: for b in bytes { out.append(LegacyTables.vps[Int(b)]) }
        case .vni:
            let array = Array(bytes)
            var i = 0
            while i < array.count {
                if i + 1 < array.count, array[i + 1] >= 0xC0,
                    let pair = LegacyTables.vniPairs[UInt16(array[i]) << 8 | UInt16(array[i + 1])]
                {
                    out.append(pair)
                    i += 2
                } else {
                    out.append(LegacyTables.vniSingle[Int(array[i])])
                    i += 1
                }
            }
        }
        return out
    }

    /// The Windows-1252 byte a scalar stands for, when legacy bytes were read as
    /// Windows-1252 (as Office files store .VnTime or VNI-Times runs).
    static func cp1252Byte(of value: UInt32) -> UInt8? {
        if value < 0x80 { return UInt8(value) }
        if value <= 0xFF { return (0x80...0x9F).contains(value) ? nil : UInt8(value) }
        return cp1252Reverse[value]
    }

    private static let cp1252Reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for byte in 0x80...0x9F { map[LegacyTables.cp1252[byte]] = UInt8(byte) }
        return map
    }()

    /// Guesses the codec from an Office font name (.VnTime → TCVN3, VNI-Times → VNI,
    /// VPS Times → VPS). The second value is true for the all-capitals .Vn…H fonts.
    package static func fromFontName(_ name: String) -> (codec: LegacyCodec, allCaps: Bool)? {
        let lower = name.lowercased()
        if lower.hasPrefix(".vn") {
            let stem = name.dropFirst(3)
            return (.tcvn3, stem.count > 1 && stem.last == "H")
        }
        if lower.hasPrefix("vni") { return (.vni, false) }
        if lower.hasPrefix("vps") { return (.vps, false) }
        return nil
    }
}
