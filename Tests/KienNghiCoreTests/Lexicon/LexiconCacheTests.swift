import Foundation
import Testing

@testable import KienNghiCore

/// The binary lexicon cache: the same lexicon back, a new key when a lexicon
/// file changes, and garbled or truncated cache bytes ignored (never a crash).
@Suite("lexicon cache")
struct LexiconCacheTests {
    static let bundled: Lexicon = try! LexiconLoader().load().lexicon

    /// Encoding what was decoded gives the same bytes: nothing lost or changed.
    @Test func roundTripKeepsEveryField() throws {
        let bytes = LexiconCache.encode(Self.bundled, key: 42)
        let decoded = try #require(LexiconCache.decode(bytes, key: 42))
        #expect(LexiconCache.encode(decoded, key: 42) == bytes)
        #expect(decoded.phrases == Self.bundled.phrases)
        #expect(decoded.learned == Self.bundled.learned)
        #expect(decoded.routing.rules == Self.bundled.routing.rules)
        #expect(decoded.abbreviations.entries == Self.bundled.abbreviations.entries)
        #expect(LexiconCache.decode(bytes, key: 43) == nil, "another key is another lexicon")
        // The hand-score cap the weights were fitted with survives too (not only the current default).
        var older = Self.bundled
        older.learned?.lexiconCap = LearnedWeights.unrecordedLexiconCap
        let olderDecoded = try #require(LexiconCache.decode(LexiconCache.encode(older, key: 7), key: 7))
        #expect(olderDecoded.learned?.lexiconCap == LearnedWeights.unrecordedLexiconCap)
    }

    /// Same classification from a cached lexicon as from the TSV files.
    @Test func cachedLexiconClassifiesTheSame() throws {
        let decoded = try #require(LexiconCache.decode(LexiconCache.encode(Self.bundled, key: 1), key: 1))
        let text = "Công ty nợ lương công nhân ba tháng, đường Láng ngập sâu sau mưa, đề nghị quận Đống Đa xử lý."
        let fresh = Classifier(lexicon: Self.bundled).classify(text)
        let cached = Classifier(lexicon: decoded).classify(text)
        #expect(fresh == cached)
    }

    /// Every truncation and many garbled copies are rejected or decode to a
    /// lexicon; none traps. Garbled payloads also go through the payload decoder
    /// directly (past the checksum), which is what a fuzzer would reach.
    @Test func truncatedAndGarbledBytesNeverCrash() {
        let bytes = LexiconCache.encode(Self.bundled, key: 7)
        let payload = Array(bytes[LexiconCache.headerSize...])
        var generator = SeededGenerator(seed: 13)
        var lengths = Array(0..<min(bytes.count, 600))
        for _ in 0..<60 { lengths.append(Int(generator.next() % UInt64(bytes.count))) }
        for length in lengths {
            #expect(LexiconCache.decode(Array(bytes[..<length]), key: 7) == nil)
            _ = LexiconCache.decodePayload(payload[..<min(length, payload.count)])
        }
        for round in 0..<120 {
            var garbled = payload
            for _ in 0...(round % 8) {
                let index = Int(generator.next() % UInt64(garbled.count))
                // Small counts and lengths are the dangerous bytes: try 0, 0xFF and random.
                garbled[index] = [0, 0xFF, UInt8(truncatingIfNeeded: generator.next())][round % 3]
            }
            _ = LexiconCache.decodePayload(garbled[...])
            var whole = bytes
            whole[LexiconCache.headerSize + Int(generator.next() % UInt64(payload.count))] ^= 0x20
            #expect(LexiconCache.decode(whole, key: 7) == nil, "the checksum catches a flipped bit")
        }
        #expect(LexiconCache.decode([], key: 7) == nil)
        #expect(LexiconCache.decode(Array(repeating: 0xFF, count: 4096), key: 7) == nil)
    }

    /// On disk: a miss compiles and stores; a hit reads; a corrupt file is
    /// replaced; an edited lexicon gets a new key; a symlink in place of the
    /// folder is not written through; a missing folder's parent is tolerated.
    @Test func storesReadsAndRebuildsOnDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiennghi-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let lexicons = root.appendingPathComponent("Lexicons")
        try FileManager.default.copyItem(at: BundledLexicons.directory, to: lexicons)
        let folder = root.appendingPathComponent("cache/kiennghi")
        let cache = LexiconCache(directory: folder)
        let loader = LexiconLoader(directory: lexicons)

        let first = try cache.load(loader)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1)
        let file = folder.appendingPathComponent(files[0])
        #expect(LexiconCache.encode(try cache.load(loader), key: 0) == LexiconCache.encode(first, key: 0))

        // Corrupt the file: ignored and rebuilt.
        try Data([1, 2, 3]).write(to: file)
        #expect(LexiconCache.encode(try cache.load(loader), key: 0) == LexiconCache.encode(first, key: 0))
        #expect(try Data(contentsOf: file).count > 1000, "rebuilt")

        // Edit a lexicon file: a new key, the edit takes effect.
        let key = try #require(LexiconCache.key(of: lexicons))
        let urgency = lexicons.appendingPathComponent("urgency.tsv")
        try (try String(contentsOf: urgency, encoding: .utf8) + "cháy nổ kho hoá chất\taccident\n").write(
            to: urgency, atomically: true, encoding: .utf8)
        #expect(LexiconCache.key(of: lexicons) != key)
        #expect(try cache.load(loader).urgency.contains { $0.text == "cháy nổ kho hoá chất" })

        // A symlink where the folder should be: nothing is written through it.
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let linked = root.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: elsewhere)
        _ = try LexiconCache(directory: linked).load(loader)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

        // A cache folder that cannot be created: the lexicon still loads.
        let blocked = root.appendingPathComponent("not-a-folder")
        try Data().write(to: blocked)
        #expect(
            try LexiconCache(directory: blocked.appendingPathComponent("kiennghi")).load(loader).phrases.count
                == first.phrases.count)
    }
}
