import Foundation
import KienNghiCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder a command writes its files into (`route -o DIR`, `lexicon fit -o DIR`).
///
/// A real folder there is used as it is; a symbolic link (even to a folder), a
/// regular file, a FIFO or a device is refused (73). Missing levels are
/// created like `mkdir -p`, on the path with `.` and `..` worked out first (so
/// `a/../b` creates `b` only), and registered with ``InterruptCleanup``: if
/// the run fails, writes nothing or is interrupted, they are removed again,
/// deepest first, and only while empty (`rmdir`), so nothing else is ever removed.
final class OutputFolder {
    /// The folder as written to (standardized: `a/../b` is `b`).
    let path: String
    /// Folders this run created, outermost first.
    private var created: [String] = []
    private let language: Language

    init(_ requested: String, _ l: Language) throws {
        path = Self.standardized(requested)
        language = l
        switch AtomicOutputFile.FileKind.of(path) {
        case .directory?:
            return
        case let kind?:
            throw Self.refusal(path, kind, l)
        case nil:
            break
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
            var status = stat()
            if stat(prefix, &status) == 0 {
                // An existing level may be a link to a folder (`/tmp` on some systems), except the last.
                let kind = AtomicOutputFile.FileKind(mode: status.st_mode)
                if kind == .directory && prefix != path { continue }
                throw Self.refusal(prefix, AtomicOutputFile.FileKind.of(prefix) ?? kind, l)
            }
            InterruptCleanup.registerFolder(prefix)
            guard mkdir(prefix, 0o777) == 0 else {
                let code = errno
                InterruptCleanup.unregisterFolder(prefix)
                removeCreated()
                throw CLIError(
                    l.pick(
                        "Không tạo được thư mục \(prefix) (\(String(cString: strerror(code)))): kiểm tra quyền ghi hoặc chọn chỗ khác.",
                        "Cannot create folder \(prefix) (\(String(cString: strerror(code)))): check write permission or choose another place."
                    ), code: .cannotCreate)
            }
            created.append(prefix)
        }
    }

    /// `name` inside the folder; refused (a bug, 70) unless it is one plain name, so the path stays inside.
    func file(_ name: String) throws -> String {
        guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")) else {
            let shown = SafeFileName.shown(name)
            throw CLIError(
                language.pick(
                    "Lỗi nội bộ: tên tệp kết quả \"\(shown)\" không nằm trong \(path). Hãy báo lỗi này kèm lệnh đã chạy.",
                    "Internal error: output name \"\(shown)\" is not inside \(path). Please report it with the command you ran."
                ),
                code: .software)
        }
        return (path == "/" ? "" : path) + "/" + name
    }

    /// The run succeeded: the folders stay.
    func keep() {
        for folder in created { InterruptCleanup.unregisterFolder(folder) }
        created.removeAll()
    }

    /// The run failed or wrote nothing: the folders it created go again,
    /// deepest first, each only if empty. Call after the outputs' temporary files are gone.
    func removeCreated() {
        for folder in created.reversed() {
            rmdir(folder)
            InterruptCleanup.unregisterFolder(folder)
        }
        created.removeAll()
    }

    /// Runs `body` with the folder: when it succeeds (and `keepIf` its
    /// result) the folder stays; otherwise `outputs` are discarded first and
    /// then the folders created are removed.
    func using<T>(
        discarding outputs: OutputGroup? = nil, _ body: (OutputFolder) throws -> T,
        keepIf: (T) -> Bool = { _ in true }
    ) throws -> T {
        do {
            let result = try body(self)
            if keepIf(result) {
                keep()
            } else {
                outputs?.discard()
                removeCreated()
            }
            return result
        } catch {
            outputs?.discard()
            removeCreated()
            throw error
        }
    }

    /// `path` with empty and `.` components dropped and `..` taken back lexically (kept at the start of a relative path).
    static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !path.hasPrefix("/") {
                    parts.append(component)
                }
            default: parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    private static func refusal(_ path: String, _ kind: AtomicOutputFile.FileKind, _ l: Language) -> CLIError {
        CLIError(
            l.pick(
                "Không ghi vào \(path): đường dẫn này \(kind.words(l)), không phải thư mục. KienNghi không đi theo hay thay thế nó; hãy chọn một thư mục khác.",
                "Not writing into \(path): it \(kind.words(l)), not a folder. KienNghi never follows or replaces it; choose another folder."
            ), code: .cannotCreate)
    }
}
