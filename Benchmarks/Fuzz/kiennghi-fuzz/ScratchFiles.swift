import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private folder for the readers that only take paths (every input becomes
/// one small file, on tmpfs when there is one): slower than bytes in memory,
/// but it runs the exact code users run. Removed when the process exits normally,
/// unless named by KIENNGHI_FUZZ_SCRATCH: then the files stay, which turns a
/// crashing fuzz input into the very file a regression test reads.
enum ScratchFiles {
    static let directory: String = {
        if let kept = ProcessInfo.processInfo.environment["KIENNGHI_FUZZ_SCRATCH"], !kept.isEmpty {
            try? FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: true)
            return kept
        }
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/kiennghi-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFiles.directory) }
        return path
    }()

    /// Writes `bytes` to `name` inside the scratch folder and returns its path.
    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = "\(directory)/\(name)"
        let ok = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        require(ok, "cannot write scratch file \(path)")
        return path
    }
}
