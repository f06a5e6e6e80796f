import Foundation

@testable import KienNghiCore

/// Small generated inputs shared by the input-reading finding tests.
enum InputReading {
    static let lines = (1...30).map { "Công nhân số \($0) đề nghị công ty trả lương tháng \($0 % 12 + 1)." }

    /// Reads `bytes` as a file called `name` would be read; returns the petition texts.
    static func texts(_ bytes: [UInt8], name: String, options: PetitionSourceOptions = .init()) throws -> [String] {
        var texts: [String] = []
        try PetitionReaders.text.open(bytes: bytes, name: name, options: options).read(
            batchSize: 7, { texts += $0.map(\.text) }, rejected: { _ in })
        return texts
    }

    /// `count` bytes of a fixed pseudo-random sequence (the same on every run), each kept by `keep`.
    static func noise(count: Int, seed: UInt64, keep: (UInt8) -> Bool = { _ in true }) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 33)
            if keep(byte) { bytes.append(byte) }
        }
        return bytes
    }

    /// The decoding failure `body` stops with (a reader wraps it with the file's path), or nil.
    static func decodingFailure(_ body: () throws -> Void) -> TextDecodingFailure? {
        do {
            try body()
        } catch InputFailure.decoding(_, let failure) {
            return failure
        } catch {
            return error as? TextDecodingFailure
        }
        return nil
    }
}
