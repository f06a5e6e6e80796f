import CZlibShim
import Foundation

/// Decodes one ZIP entry's raw deflate stream, fed only the entry's own bytes:
/// a stream cut short asks for more input and the caller, who knows where the
/// entry ends, stops with an error instead of waiting.
final class RawInflater {
    struct NotDeflate: Error {}

    private let inflater: OpaquePointer
    private var output: [UInt8]
    /// True once the stream's final block has been decoded.
    private(set) var ended = false

    init(outputBytes: Int = 64 << 10) throws {
        guard let inflater = kn_inflater_new() else { throw NotDeflate() }
        self.inflater = inflater
        output = [UInt8](repeating: 0, count: outputBytes)
    }

    deinit { kn_inflater_free(inflater) }

    /// Decodes all of `input`, handing each decoded piece to `consume`; bytes
    /// after the end of the stream are ignored, as ZIP readers do.
    func feed(_ input: Data, _ consume: (Data) throws -> Void) throws {
        try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            let bytes = source.bindMemory(to: UInt8.self)
            var offset = 0
            while !ended {
                var consumed: UInt32 = 0
                var produced: UInt32 = 0
                let status = output.withUnsafeMutableBufferPointer { room in
                    kn_inflate(
                        inflater, bytes.baseAddress.map { $0 + offset }, UInt32(bytes.count - offset), &consumed,
                        room.baseAddress, UInt32(room.count), &produced)
                }
                guard status >= 0 else { throw NotDeflate() }
                offset += Int(consumed)
                if produced > 0 { try consume(Data(output[0..<Int(produced)])) }
                ended = status == 1
                // Done with this input once it is used up and the output was not full
                // (a full output may hold more decoded bytes); also when zlib made no progress.
                if (offset == bytes.count && Int(produced) < output.count) || (consumed == 0 && produced == 0) {
                    break
                }
            }
        }
    }

    /// The ZIP CRC-32 of `bytes`, continuing from `checksum`.
    static func checksum(_ bytes: Data, continuing checksum: UInt32) -> UInt32 {
        bytes.withUnsafeBytes { buffer in
            kn_crc32(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, UInt32(buffer.count))
        }
    }
}
