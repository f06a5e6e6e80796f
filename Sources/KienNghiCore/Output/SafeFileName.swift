import Foundation

/// Names that come from data the user can edit (an agency id in
/// routing/agencies.tsv) and become file names inside an output folder
/// (`route -o DIR` writes `ID.csv`): such a name must stay one plain name in
/// that folder, never a path.
public enum SafeFileName {
    /// Why a name cannot be a file name inside an output folder.
    public enum Fault: String, Sendable, Equatable {
        /// Empty.
        case empty
        /// Holds `/` or `\`.
        case separator
        /// Holds NUL or another control character.
        case control
        /// Holds `..`.
        case dotDot = "dot-dot"
        /// Starts with `.` (a hidden file, or `.`).
        case leadingDot = "leading-dot"
        /// Longer than ``maximumBytes`` bytes of UTF-8.
        case tooLong = "too-long"
    }

    /// The longest name accepted, in bytes of UTF-8 (room for an extension
    /// and the temporary file's decorations within NAME_MAX).
    public static let maximumBytes = 100

    /// The first reason `name` is unsafe as a file name, or nil when it is safe.
    public static func fault(_ name: String) -> Fault? {
        if name.isEmpty { return .empty }
        if name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) { return .separator }
        if name.unicodeScalars.contains(where: isControl) { return .control }
        if name.contains("..") { return .dotDot }
        if name.hasPrefix(".") { return .leadingDot }
        if name.utf8.count > maximumBytes { return .tooLong }
        return nil
    }

    /// `name` when safe; otherwise a safe stand-in: separators and control
    /// characters become `_`, `..` becomes `__`, a leading dot `_`, cut to
    /// ``maximumBytes`` bytes at a character boundary, `_` when empty. Only a
    /// second line of defence: the loader refuses unsafe ids.
    public static func sanitized(_ name: String) -> String {
        guard fault(name) != nil else { return name }
        var replaced = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            replaced.append(scalar == "/" || scalar == "\\" || isControl(scalar) ? "_" : scalar)
        }
        var out = prefix(String(replaced), maximumBytes: maximumBytes)
        while out.contains("..") { out = out.replacingOccurrences(of: "..", with: "__") }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }

    /// The longest start of `name` that fits in `maximumBytes` bytes of UTF-8, cut between
    /// characters (scalars), never inside one.
    static func prefix(_ name: String, maximumBytes: Int) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        var out = String.UnicodeScalarView()
        var bytes = 0
        for scalar in name.unicodeScalars {
            bytes += UTF8.width(scalar)
            guard bytes <= maximumBytes else { break }
            out.append(scalar)
        }
        return String(out)
    }

    /// `name` for a message: control characters shown as `[U+001B]`, so a
    /// hostile id cannot drive the terminal.
    public static func shown(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
