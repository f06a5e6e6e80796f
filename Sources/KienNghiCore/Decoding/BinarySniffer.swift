/// A kind of file that is not text, recognised from its first bytes, so a
/// renamed spreadsheet or a scan is named for what it is instead of being
/// decoded as garbage.
public enum BinaryFormat: String, Sendable, Equatable, Codable {
    case xlsx, docx, zip
    case oldOffice = "ole2"
    case pdf, png, jpeg, gif, tiff, webp, bmp
    case gzip, bzip2, xz
    case sevenZip = "7z"
    case rar, elf
    case windowsProgram = "exe"
    case sqlite
    case unknown = "binary"
}

/// Recognises binary files by magic number, or by NUL and control bytes that
/// no text encoding KienNghi reads would produce (UTF-16 is checked first).
package enum BinarySniffer {
    /// The format of `prefix` if it is clearly not text.
    package static func format(of prefix: some Collection<UInt8>) -> BinaryFormat? {
        let head = Array(prefix.prefix(4096))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            if ByteSearch.contains(head, xlsxPart) { return .xlsx }
            if ByteSearch.contains(head, docxPart) { return .docx }
            return .zip
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oldOffice }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts(Array("BZh".utf8)) && starts([0x31, 0x41, 0x59, 0x26, 0x53, 0x59], at: 4) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts(Array("Rar!".utf8) + [0x1A, 0x07]) { return .rar }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return .elf }
        if starts(Array("SQLite format 3".utf8) + [0]) { return .sqlite }
        let nuls = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if starts(Array("MZ".utf8)) && nuls > 0 { return .windowsProgram }
        if starts(Array("BM".utf8)) && nuls > 0 { return .bmp }
        // A stray NUL in a text file is a damaged row, rejected by the reader with its
        // line and offset; only many of them (not explained by UTF-16) make the file binary.
        if nuls >= 4 && nuls * 64 >= head.count { return .unknown }
        // Control bytes other than tab, line breaks, form feed, Ctrl-Z and the
        // VISCII/VPS letters that live among them.
        let controls = head.reduce(0) { $0 + ($1 < 0x20 && !textControls[Int($1)] ? 1 : 0) }
        if head.count >= 64 && controls * 10 > head.count { return .unknown }
        // Random or compressed bytes (a renamed archive without a known magic number,
        // encrypted data): fewer of each, spread evenly, but more than any text holds.
        if head.count >= 512 && nuls >= 2 && controls * 32 >= head.count { return .unknown }
        return nil
    }

    /// Folder names inside a ZIP's first entries that mark a workbook or a Word document.
    private static let xlsxPart = Array("xl/".utf8)
    private static let docxPart = Array("word/".utf8)

    private static let textControls: [Bool] = (0..<32).map { byte in
        [0x09, 0x0A, 0x0C, 0x0D, 0x1A].contains(byte) || LegacyTables.viscii[byte] >= 0x80
            || LegacyTables.vps[byte] >= 0x80
    }

    /// UTF-16 without a byte-order mark: ASCII-heavy text leaves a NUL in every
    /// other byte (odd positions for little endian, even for big endian).
    package static func utf16WithoutMark(_ prefix: some Collection<UInt8>) -> TextEncoding? {
        let head = Array(prefix.prefix(8192))
        let pairs = head.count / 2
        guard pairs >= 2 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in 0..<pairs * 2 where head[index] == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        if oddZeros * 4 >= pairs && evenZeros * 20 <= pairs { return .utf16LittleEndian }
        if evenZeros * 4 >= pairs && oddZeros * 20 <= pairs { return .utf16BigEndian }
        return nil
    }
}
