import Foundation
import KienNghiCore

/// Which file a path names, so that the same file named twice (by another
/// path, a hard link, or `-` with standard input redirected from it) is
/// recognised.
enum FileIdentity {
    /// Device and inode of the regular file `path` names (standard input's for
    /// `-`); nil for anything else (missing, a pipe, a folder).
    static func of(_ path: String) -> String? {
        var info = stat()
        let found = path == "-" ? fstat(0, &info) == 0 : stat(path, &info) == 0
        guard found, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(info.st_dev):\(info.st_ino)"
    }

    /// Device and inode of whatever `path` names (standard input's for `-`): a FIFO or a pipe
    /// too, which can be read only once; nil when nothing is there.
    static func ofAnyKind(_ path: String) -> String? {
        var info = stat()
        let found = path == "-" ? fstat(0, &info) == 0 : stat(path, &info) == 0
        return found ? "\(info.st_dev):\(info.st_ino)" : nil
    }

    /// A usage error (64) naming the first file named twice in `paths`: read
    /// twice, every petition in it would be counted twice.
    static func refuseRepeats(_ paths: [String], option: String, _ l: Language) throws {
        var seen: [String: String] = [:]
        for path in paths {
            guard let identity = path == "-" && of(path) == nil ? "-" : of(path) else { continue }
            if let earlier = seen[identity] {
                let same = earlier == path ? "" : l.pick(" (là \(earlier))", " (as \(earlier))")
                let named = option.isEmpty ? path : "\(option) \(path)"
                throw CLIError(
                    l.pick(
                        "\(named): tệp này đã được nêu\(same); đọc hai lần thì mọi kiến nghị trong đó bị đếm hai lần. Bỏ tên lặp lại rồi chạy lại.",
                        "\(named): this file was already named\(same); read twice, every petition in it would count twice. Drop the repeated name and run again."
                    ), code: .usage)
            }
            seen[identity] = path
        }
    }
}
