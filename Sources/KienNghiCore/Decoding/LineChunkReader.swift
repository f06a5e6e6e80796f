import Foundation

/// Reads a large file in blocks cut at line ends, so a pile of any size can be
/// analysed with memory bounded by the block size (plus the longest line).
package struct LineChunkReader: Sendable {
    package let path: String
    package let blockSize: Int

    package init(path: String, blockSize: Int = 4 << 20) {
        self.path = path
        self.blockSize = blockSize
    }

    /// Calls `body` with each chunk (whole lines) and its byte offset in the file.
    package func forEachChunk(_ body: (_ chunk: [UInt8], _ offset: Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var offset = 0
        while true {
            let block = try handle.read(upToCount: blockSize) ?? Data()
            if block.isEmpty { break }
            pending.append(contentsOf: block)
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            let chunk = Array(pending[...lastNewline])
            pending.removeSubrange(...lastNewline)
            try body(chunk, offset)
            offset += chunk.count
        }
        if !pending.isEmpty { try body(pending, offset) }
    }
}
