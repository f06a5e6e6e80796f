/// Text decoded to Unicode, with how it was decoded.
///
/// `text` is the *source text*: every span KienNghi reports is a UTF-8 byte
/// offset into it. For UTF-8 input without a BOM it is byte-identical to the file.
package struct DecodedText: Sendable {
    package var text: String
    package var encoding: TextEncoding
    /// 0…1: how sure detection was (1 for a BOM, valid UTF-8 or `--encoding`).
    package var confidence: Double
    /// Whether the input started with a byte-order mark (dropped from `text`).
    package var hadByteOrderMark: Bool
    /// Invalid sequences replaced by U+FFFD in lenient mode.
    package var replacedSequences: Int

    package init(
        text: String, encoding: TextEncoding, confidence: Double = 1, hadByteOrderMark: Bool = false,
        replacedSequences: Int = 0
    ) {
        self.text = text
        self.encoding = encoding
        self.confidence = confidence
        self.hadByteOrderMark = hadByteOrderMark
        self.replacedSequences = replacedSequences
    }
}

/// Why bytes could not be decoded. Carries what a person needs to act.
public enum TextDecodingFailure: Error, Sendable, Equatable {
    /// Bytes are mostly UTF-8 but not at `offset` (often: two encodings mixed).
    case invalidUTF8(offset: Int, byte: UInt8, looksMixed: Bool)
    /// The named encoding cannot decode the byte at `offset`.
    case invalidBytes(encoding: String, offset: Int)
    /// No candidate encoding gives plausible Vietnamese.
    case undetectable(bestGuess: String, confidence: Double)
    /// `--encoding` named something unknown.
    case unknownEncoding(String)
    /// UTF-16 input with an odd number of bytes.
    case truncatedUTF16(length: Int)
    /// Bytes read as UTF-16 hold, from `offset` on, the line breaks of single-byte
    /// text (UTF-8, ASCII): two encodings mixed, or the wrong one named. Read on,
    /// its petitions would run together into one.
    case singleByteLinesInUTF16(encoding: String, offset: Int)
    /// Not text at all: an image, a PDF, an old .xls, a ZIP... named by its magic number.
    case binary(BinaryFormat)

    /// The same failure with its byte offset moved by `delta` (a skipped mark, an earlier block).
    public func shifted(by delta: Int) -> TextDecodingFailure {
        switch self {
        case .invalidUTF8(let offset, let byte, let mixed):
            .invalidUTF8(offset: offset + delta, byte: byte, looksMixed: mixed)
        case .invalidBytes(let encoding, let offset): .invalidBytes(encoding: encoding, offset: offset + delta)
        case .singleByteLinesInUTF16(let encoding, let offset):
            .singleByteLinesInUTF16(encoding: encoding, offset: offset + delta)
        default: self
        }
    }
}
