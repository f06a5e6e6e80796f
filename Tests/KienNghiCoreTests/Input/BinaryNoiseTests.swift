import Foundation
import Testing

@testable import KienNghiCore

/// Random or compressed bytes are refused, not read as "mostly UTF-8" text of mojibake petitions.
@Suite("Binary noise")
struct BinaryNoiseTests {
    /// NULs and control bytes no text has: binary, whatever the extension, even leniently.
    @Test func randomBytesWithNulsAreBinary() throws {
        let random = InputReading.noise(count: 20_000, seed: 7)
        #expect(BinarySniffer.format(of: random) == .unknown)
        for name in ["don.txt", "don.csv", "don.jsonl"] {
            for lenient in [false, true] {
                #expect(
                    InputReading.decodingFailure {
                        _ = try InputReading.texts(random, name: name, options: .init(lenient: lenient))
                    } == .binary(.unknown))
            }
        }
        // Two NULs in real text are damaged rows, not a binary file.
        let text = Array(InputReading.lines.joined(separator: "\n").utf8)
        #expect(BinarySniffer.format(of: text.prefix(600) + [0, 0] + text.dropFirst(600)) == nil)
    }

    /// High bytes at random without NULs: neither UTF-8 (invalid bytes swamp the few valid
    /// letters) nor a legacy Vietnamese encoding. Refused, even leniently.
    @Test func randomHighBytesAreNotReadAsDamagedUTF8() throws {
        let random = InputReading.noise(count: 20_000, seed: 11) { $0 >= 0x20 }
        for lenient in [false, true] {
            for failure in [
                InputReading.decodingFailure { _ = try TextDecoder(lenient: lenient).decode(random) },
                InputReading.decodingFailure {
                    _ = try InputReading.texts(random, name: "don.txt", options: .init(lenient: lenient))
                },
            ] {
                guard case .undetectable? = failure else {
                    Issue.record("\(String(describing: failure))")
                    continue
                }
            }
        }
        // UTF-8 with a damaged byte is still UTF-8, read leniently with the byte counted.
        var damaged = Array(InputReading.lines.joined(separator: "\n").utf8)
        damaged[40] = 0xFF
        let decoded = try TextDecoder(lenient: true).decode(damaged)
        #expect(decoded.encoding == .utf8 && decoded.replacedSequences == 1)
    }
}
