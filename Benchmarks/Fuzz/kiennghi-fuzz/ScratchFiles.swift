import Foundation

/// With KIENNGHI_FUZZ_SCRATCH=DIR, every input is also written to DIR/NAME as
/// the file a reader would see, which turns a crashing fuzz input into the very
/// file a regression test reads. Off otherwise: the targets read from memory.
enum ScratchFiles {
    static let directory: String? = {
        guard let kept = ProcessInfo.processInfo.environment["KIENNGHI_FUZZ_SCRATCH"], !kept.isEmpty else { return nil }
        try? FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: true)
        return kept
    }()

    /// Writes `bytes` to `name` inside the scratch folder, when one is named.
    static func keep(_ bytes: [UInt8], as name: String) {
        guard let directory else { return }
        let path = "\(directory)/\(name)"
        require(
            FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write scratch file \(path)")
    }
}
