/// A text input read once, forward, as decoded UTF-8 blocks, whatever its size
/// or kind (a file, a named pipe, standard input as "-").
///
/// Readers first look at a bounded ``prefix(atLeast:)`` to sniff the delimiter,
/// header or layout; ``forEachBlock(_:)`` then replays that prefix and goes on
/// with the rest, so every byte is read from the input exactly once.
package final class TextStream {
    package let path: String
    package let encoding: TextEncoding?
    package let lenient: Bool
    private var input: ByteInput?
    /// An input opened (and perhaps peeked at) by the caller, used for the first pass.
    private var given: ByteInput?
    /// The whole input when it is held in memory (``init(bytes:name:encoding:lenient:)``).
    private let memory: [UInt8]?
    private var decoder: StreamingTextDecoder
    /// Decoded bytes read ahead for sniffing, not yet handed to `forEachBlock`.
    private var buffered: [UInt8] = []
    private var ended = false
    private var consumed = false

    package init(path: String, encoding: TextEncoding? = nil, lenient: Bool = false) {
        self.path = path
        self.encoding = encoding
        self.lenient = lenient
        memory = nil
        decoder = StreamingTextDecoder(encoding: encoding, lenient: lenient)
    }

    /// A text already in memory (read from a pipe for sniffing, tests, fuzzing):
    /// read exactly as a file with the same bytes would be; `name` is used in messages.
    package init(bytes: [UInt8], name: String, encoding: TextEncoding? = nil, lenient: Bool = false) {
        path = name
        self.encoding = encoding
        self.lenient = lenient
        memory = bytes
        decoder = StreamingTextDecoder(encoding: encoding, lenient: lenient)
    }

    /// An input already opened (standard input or a pipe whose first bytes were
    /// looked at to tell its format); read from where it stands, once.
    package init(input: ByteInput, encoding: TextEncoding? = nil, lenient: Bool = false) {
        path = input.path
        self.encoding = encoding
        self.lenient = lenient
        memory = nil
        given = input
        decoder = StreamingTextDecoder(encoding: encoding, lenient: lenient)
    }

    /// The encoding used (known once reading has begun).
    package var detection: TextDecoder.Detection? { decoder.detection }
    /// Invalid sequences replaced by U+FFFD so far (with `lenient`).
    package var replacedSequences: Int { decoder.replacedSequences }

    /// The input byte offset of decoded offset `offset`, when the two coincide
    /// up to a byte-order mark (UTF-8 input); nil for other encodings.
    package func inputOffset(_ offset: Int) -> Int? {
        guard decoder.preservesOffsets else { return nil }
        return offset + (decoder.detection?.byteOrderMarkLength ?? 0)
    }

    /// The first decoded bytes: at least `count` of them unless the input is
    /// shorter (then all of it, and ``isComplete`` is true). Kept for replay.
    package func prefix(atLeast count: Int) throws -> [UInt8] {
        if consumed { restart() }
        while buffered.count < count && !ended { buffered += try nextBlock() }
        return buffered
    }

    /// Whether everything the input holds has been read into the prefix.
    package var isComplete: Bool { ended }

    /// Calls `body` with consecutive decoded UTF-8 blocks (a block may end in
    /// the middle of a line, never inside a character). Meant once per stream:
    /// a second pass opens the input again (fine for a file, not for a pipe).
    package func forEachBlock(_ body: ([UInt8]) throws -> Void) throws {
        if consumed { restart() }
        if input == nil { _ = try prefix(atLeast: 1) }
        consumed = true
        if !buffered.isEmpty {
            let first = buffered
            buffered = []
            try body(first)
        }
        while !ended {
            let block = try nextBlock()
            if !block.isEmpty { try body(block) }
        }
    }

    /// Decoded text in chunks of whole lines (LF-terminated), with the first
    /// line number of each: for callers that want `String`s. A line is held
    /// whole, so prefer ``forEachBlock(_:)`` for input of unknown shape.
    package func forEachChunk(_ body: (String, Int) throws -> Void) throws {
        var pending: [UInt8] = []
        var line = 1
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            try body(String(decoding: bytes, as: UTF8.self), line)
            for byte in bytes where byte == 0x0A { line += 1 }
        }
        try forEachBlock { block in
            pending += block
            guard let last = pending.lastIndex(of: 0x0A) else { return }
            try emit(pending[...last])
            pending.removeSubrange(...last)
        }
        if !pending.isEmpty { try emit(pending[...]) }
    }

    private func restart() {
        input = nil
        buffered = []
        ended = false
        consumed = false
        decoder = StreamingTextDecoder(encoding: encoding, lenient: lenient)
    }

    /// Reads and decodes the next piece; the first one is the sniffing prefix.
    private func nextBlock() throws -> [UInt8] {
        let isFirst = input == nil
        if isFirst {
            if let given {
                input = given
                self.given = nil
            } else {
                input = try memory.map { ByteInput(bytes: $0, name: path) } ?? ByteInput(path: path)
            }
        }
        let raw = try input!.read(upTo: isFirst ? InputLimits.sniffBytes : InputLimits.blockBytes)
        if raw.count < (isFirst ? InputLimits.sniffBytes : InputLimits.blockBytes) { ended = true }
        if isFirst && raw.isEmpty { throw InputFailure.empty(path: path) }
        do {
            return try decoder.decode(raw, isFinal: ended)
        } catch {
            throw InputFailure.decoding(path: path, error)
        }
    }
}
