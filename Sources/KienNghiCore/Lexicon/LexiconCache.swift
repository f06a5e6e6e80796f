import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A binary copy of a loaded, checked ``Lexicon``, kept in the user's cache
/// folder so that start-up reads one file instead of parsing and checking
/// ~40k lines of TSV (issue 13: cold start under 50 ms).
///
/// The file is named after a hash of every lexicon file's path and bytes plus
/// the running tool's identity, so an edited lexicon (or a rebuilt tool) gets a
/// new file at once. It is validated on load (magic, format version, hash,
/// length, checksum); anything wrong means "compile again", never a crash.
/// Written atomically (temporary file + rename), never through a symlink; a
/// missing or read-only cache folder just means no cache.
package struct LexiconCache: Sendable {
    /// The folder holding the cache files; nil: no caching.
    package let directory: URL?

    /// Bump when the loader's output or the encoding changes.
    static let formatVersion: UInt32 = 5
    static let magic: [UInt8] = Array("KNLEXC01".utf8)
    static let headerSize = 8 + 4 + 8 + 8 + 8

    package init(directory: URL?) { self.directory = directory }

    /// `$XDG_CACHE_HOME/kiennghi` or `~/.cache/kiennghi`; no cache when
    /// `KIENNGHI_LEXICON_CACHE=off` or no home folder is known.
    package static var user: LexiconCache {
        let environment = ProcessInfo.processInfo.environment
        if environment["KIENNGHI_LEXICON_CACHE"] == "off" { return LexiconCache(directory: nil) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return LexiconCache(
                directory: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent(
                    "kiennghi", isDirectory: true))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return LexiconCache(directory: nil) }
        return LexiconCache(
            directory: URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".cache", isDirectory: true).appendingPathComponent(
                    "kiennghi", isDirectory: true))
    }

    /// The lexicon in `directory`, from the cache when a valid copy exists,
    /// otherwise loaded (and checked) by ``LexiconLoader`` and then cached.
    ///
    /// The folder is read once: the key is hashed from the very bytes the
    /// loader compiles. The cache folder is used only when it is a real folder
    /// owned by the user and writable by nobody else (a shared or planted cache
    /// could hand over someone else's lexicon).
    package func load(_ loader: LexiconLoader) throws(LexiconLoader.Failure) -> Lexicon {
        guard let folder = directory else { return try loader.load().lexicon }
        var loader = loader
        let snapshot = LexiconSnapshot(reading: loader.directory)
        loader.snapshot = snapshot
        guard let key = Self.key(of: snapshot) else { return try loader.load().lexicon }
        let file = folder.appendingPathComponent(String(format: "lexicon-%016llx.bin", key))
        // The folder holding the cache (`$XDG_CACHE_HOME`, `~/.cache`) may be a link, or missing (created private).
        let parent = folder.deletingLastPathComponent().path
        guard access(parent, F_OK) != 0 || Self.isPrivateFolder(parent, followLinks: true) else {
            return try loader.load().lexicon
        }
        if Self.isPrivateFolder(folder.path), let bytes = Self.readFile(file),
            let lexicon = Self.decode(bytes, key: key)
        {
            return lexicon
        }
        let lexicon = try loader.load().lexicon
        Self.store(Self.encode(lexicon, key: key), in: folder, as: file)
        return lexicon
    }

    /// A real folder (not a link) owned by this user, not writable by group or
    /// others: the cache folder and the one holding it (`$XDG_CACHE_HOME`).
    static func isPrivateFolder(_ path: String, followLinks: Bool = false) -> Bool {
        var status = stat()
        return (followLinks ? stat(path, &status) : lstat(path, &status)) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            && status.st_uid == geteuid()
            && status.st_mode & 0o022 == 0
    }

    // MARK: Key

    /// Hash of every regular file under `directory` (relative path and bytes,
    /// in path order) and of the running executable's size and modification time.
    static func key(of directory: URL) -> UInt64? { key(of: LexiconSnapshot(reading: directory)) }

    /// The key of a folder already read; nil (no caching: the loader reports
    /// what is wrong) when it holds no file, an unreadable one or a FIFO, device…
    static func key(of snapshot: LexiconSnapshot) -> UInt64? {
        var hasher = ByteHasher()
        guard !snapshot.files.isEmpty, snapshot.special.isEmpty, snapshot.unreadable.isEmpty else { return nil }
        for name in snapshot.paths {
            let bytes = snapshot.files[name]!
            hasher.combine(Array(name.utf8))
            hasher.combine(UInt64(bytes.count))
            hasher.combine(bytes)
        }
        var status = stat()
        if stat("/proc/self/exe", &status) == 0 {
            hasher.combine(UInt64(status.st_size))
            hasher.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_sec)))
            hasher.combine(UInt64(bitPattern: Int64(status.st_mtim.tv_nsec)))
        }
        hasher.combine(UInt64(formatVersion))
        return hasher.value
    }

    // MARK: Files

    /// A cache file's bytes (a regular file, never through a symbolic link), or nil.
    static func readFile(_ url: URL) -> [UInt8]? { try? RegularFile.read(url.path, followLinks: false) }

    /// Writes `bytes` to a fresh temporary file in `folder`, then renames it to
    /// `file`. Gives up silently on any failure (the cache is an optimisation).
    static func store(_ bytes: [UInt8], in folder: URL, as file: URL) {
        var status = stat()
        if lstat(folder.path, &status) != 0 {
            // Create the parent (~/.cache) and the folder, private to the user.
            let parent = folder.deletingLastPathComponent().path
            if lstat(parent, &status) != 0 { _ = mkdir(parent, 0o700) }
            guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else { return }
        }
        // Never follow a symlink or write into something that is not a real, private folder.
        guard isPrivateFolder(folder.path) else { return }
        let temporary = folder.path + "/.lexicon-\(getpid())-\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        // rename() replaces a directory entry without following it: a symlink
        // planted at the target name is replaced, never written through.
        if !ok || rename(temporary, file.path) != 0 {
            unlink(temporary)
            return
        }
        prune(folder, keeping: file.lastPathComponent)
    }

    /// Old cache files (other lexicon folders, earlier builds) beyond the
    /// newest ``keptFiles`` are removed, so the folder stays small.
    static let keptFiles = 8

    static func prune(_ folder: URL, keeping current: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var files: [(name: String, time: Int)] = []
        for name in names where name.hasPrefix("lexicon-") && name.hasSuffix(".bin") && name != current {
            var status = stat()
            guard lstat(folder.path + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            files.append((name, Int(status.st_mtim.tv_sec)))
        }
        guard files.count >= keptFiles else { return }
        for old in files.sorted(by: { $0.time > $1.time }).dropFirst(keptFiles - 1) {
            unlink(folder.path + "/" + old.name)
        }
    }

    // MARK: Encoding

    static func encode(_ lexicon: Lexicon, key: UInt64) -> [UInt8] {
        var payload = CacheWriter()
        payload.write(lexicon)
        var header = CacheWriter()
        header.bytes += magic
        header.u32(formatVersion)
        header.u64(key)
        header.u64(UInt64(payload.bytes.count))
        header.u64(checksum(key: key, payload: payload.bytes[...]))
        return header.bytes + payload.bytes
    }

    /// The lexicon stored in `bytes`, or nil if they are not a complete, intact
    /// cache file for `key` (any length, any content: never traps).
    static func decode(_ bytes: [UInt8], key: UInt64) -> Lexicon? {
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else { return nil }
        var header = CacheReader(bytes[8..<headerSize])
        guard header.u32() == formatVersion, header.u64() == key, let length = header.u64(),
            let checksum = header.u64(),
            length == UInt64(bytes.count - headerSize)
        else { return nil }
        guard Self.checksum(key: key, payload: bytes[headerSize...]) == checksum else { return nil }
        return decodePayload(bytes[headerSize...])
    }

    /// The stored checksum: over the key and format version as well as the
    /// payload, so a payload moved under another key's name does not pass.
    static func checksum(key: UInt64, payload: ArraySlice<UInt8>) -> UInt64 {
        var hasher = ByteHasher()
        hasher.combine(UInt64(formatVersion))
        hasher.combine(key)
        hasher.combine(payload)
        return hasher.value
    }

    /// Decodes a payload without the header checks (for robustness tests).
    static func decodePayload(_ payload: ArraySlice<UInt8>) -> Lexicon? {
        var reader = CacheReader(payload)
        guard let lexicon = reader.lexicon(), reader.atEnd else { return nil }
        return lexicon
    }
}

/// 64-bit hash of byte strings, eight bytes at a time.
struct ByteHasher {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func combine(_ word: UInt64) {
        value = (value ^ word) &* 0x100_0000_01B3
        value ^= value >> 29
        value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 32
    }

    mutating func combine<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let handled = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            combineRaw(UnsafeRawBufferPointer(buffer))
            return true
        }
        if handled == nil { Array(bytes).withUnsafeBytes { combineRaw($0) } }
    }

    private mutating func combineRaw(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        var state = value
        while index + 8 <= buffer.count {
            state = (state ^ buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
            state ^= state >> 31
            index += 8
        }
        var tail: UInt64 = UInt64(buffer.count - index) << 56
        var shift: UInt64 = 0
        while index < buffer.count {
            tail |= UInt64(buffer[index]) << shift
            shift += 8
            index += 1
        }
        value = state
        combine(tail ^ UInt64(buffer.count))
    }
}

struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
    mutating func double(_ value: Double) { u64(value.bitPattern) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes += utf8
        }
    }
    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }
    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }
    private var files: [String: UInt32] = [:]

    /// See ``CacheReader/sharedString()``.
    mutating func sharedString(_ value: String) {
        if let index = files[value] {
            u32(index)
        } else {
            let index = UInt32(files.count)
            files[value] = index
            u32(index)
            string(value)
        }
    }

    mutating func source(_ value: LexiconSource) {
        sharedString(value.file)
        int(value.line)
    }
    mutating func date(_ value: RoutingDate?) {
        bool(value != nil)
        if let value {
            int(value.year)
            int(value.month)
            int(value.day)
        }
    }
    mutating func period(_ value: ValidityPeriod) {
        date(value.from)
        date(value.until)
    }

    mutating func write(_ lexicon: Lexicon) {
        u32(UInt32(lexicon.themes.count))
        for theme in lexicon.themes {
            string(theme.id)
            string(theme.labelVi)
            string(theme.labelEn)
        }
        u32(UInt32(lexicon.phrases.count))
        for phrase in lexicon.phrases {
            string(phrase.text)
            sharedString(phrase.theme)
            source(phrase.source)
            switch phrase.effect {
            case .exclude: bool(false)
            case .weight(let weight):
                bool(true)
                double(weight)
            }
        }
        strings(lexicon.negationCues)
        u32(UInt32(lexicon.urgency.count))
        for phrase in lexicon.urgency {
            string(phrase.text)
            string(phrase.flag.rawValue)
            source(phrase.source)
        }
        u32(UInt32(lexicon.abbreviations.entries.count))
        for entry in lexicon.abbreviations.entries {
            string(entry.abbreviation)
            string(entry.expansion)
            int(entry.line)
        }
        let gazetteer = lexicon.gazetteer
        u32(UInt32(gazetteer.districts.count))
        for district in gazetteer.districts {
            string(district.name)
            string(district.type)
            strings(district.variants)
            strings(district.successors)
        }
        u32(UInt32(gazetteer.communes.count))
        for commune in gazetteer.communes {
            string(commune.name)
            string(commune.type)
            strings(commune.predecessorDistricts)
        }
        u32(UInt32(gazetteer.zones.count))
        for zone in gazetteer.zones {
            string(zone.name)
            strings(zone.variants)
            strings(zone.districts)
            optionalString(zone.commune)
        }
        let routing = lexicon.routing
        u32(UInt32(routing.agencies.count))
        for agency in routing.agencies {
            string(agency.id)
            string(agency.nameVi)
            string(agency.nameEn)
            period(agency.period)
            optionalString(agency.successor)
            source(agency.source)
        }
        u32(UInt32(routing.rules.count))
        for rule in routing.rules {
            string(rule.theme)
            string(rule.phrase)
            optionalString(rule.scope?.rawValue)
            int(rule.priority)
            string(rule.agency)
            period(rule.period)
            string(rule.reasonVi)
            string(rule.reasonEn)
            source(rule.source)
        }
        u32(UInt32(routing.scopeCues.count))
        for cue in routing.scopeCues {
            string(cue.phrase)
            string(cue.scope.rawValue)
            double(cue.weight)
            string(cue.context.rawValue)
            source(cue.source)
        }
        strings(lexicon.stopPhrases)
        bool(lexicon.learned != nil)
        if let learned = lexicon.learned {
            let policy = learned.policy
            double(policy.minimumConfidence)
            double(policy.minimumWithoutLexicon)
            double(policy.secondaryProbability)
            double(policy.secondaryWithLexicon)
            int(policy.evidencePerTheme)
            double(policy.smallestEvidence)
            double(learned.lexiconCap)
            u32(UInt32(learned.entries.count))
            for entry in learned.entries {
                string(entry.feature)
                sharedString(entry.theme)
                double(entry.weight)
                source(entry.source)
            }
        }
    }
}

/// Bounds-checked reader: every read returns nil past the end or on a bad value.
struct CacheReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    /// File names of sources, shared so each is stored once.
    private var files: [String] = []

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position == bytes.endIndex }

    mutating func u32() -> UInt32? {
        guard bytes.endIndex - position >= 4 else { return nil }
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) {
            value |= UInt32(bytes[position]) << UInt32(shift)
            position += 1
        }
        return value
    }

    mutating func u64() -> UInt64? {
        guard bytes.endIndex - position >= 8 else { return nil }
        let value = bytes.withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: position - bytes.startIndex, as: UInt64.self)
        }
        position += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() -> Int? {
        guard let raw = u64() else { return nil }
        let value = Int64(bitPattern: raw)
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func double() -> Double? { u64().map(Double.init(bitPattern:)) }

    mutating func bool() -> Bool? {
        guard position < bytes.endIndex else { return nil }
        defer { position += 1 }
        switch bytes[position] {
        case 0: return false
        case 1: return true
        default:
            position = bytes.endIndex - 1
            return nil
        }
    }

    /// A count of items that each take at least `size` bytes (so a garbled count cannot ask for gigabytes).
    mutating func count(itemSize size: Int = 1) -> Int? {
        guard let value = u32(), Int(value) <= (bytes.endIndex - position) / max(size, 1) else { return nil }
        return Int(value)
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        let start = position
        position += length
        // Bytes a checked cache file holds were written from Strings; garbled
        // bytes (tests) are repaired, never trapped on. Decoding from a buffer
        // takes the standard library's fast path (`String(validating:)` did not).
        return bytes.withUnsafeBufferPointer { buffer in
            String(
                decoding: UnsafeBufferPointer(
                    rebasing: buffer[(start - bytes.startIndex)..<(position - bytes.startIndex)]), as: UTF8.self)
        }
    }

    mutating func strings() -> [String]? {
        guard let count = count(itemSize: 4) else { return nil }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            result.append(value)
        }
        return result
    }

    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    /// A string repeated thousands of times (a source's file, a theme id) is its
    /// index in the shared strings read so far; a new one is written once, right
    /// after its index (`shared.count`). Repeats share one heap buffer.
    mutating func sharedString() -> String? {
        guard let index = u32() else { return nil }
        if Int(index) == files.count {
            guard let file = string() else { return nil }
            files.append(file)
        }
        guard Int(index) < files.count else { return nil }
        return files[Int(index)]
    }

    mutating func source() -> LexiconSource? {
        guard let file = sharedString(), let line = int() else { return nil }
        return LexiconSource(file: file, line: line)
    }

    mutating func date() -> RoutingDate?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let year = int(), let month = int(), let day = int() else { return nil }
        return .some(RoutingDate(year: year, month: month, day: day))
    }

    mutating func period() -> ValidityPeriod? {
        guard let from = date(), let until = date() else { return nil }
        var period = ValidityPeriod()
        period.from = from
        period.until = until
        return period
    }

    /// Reads `count` items with `item`, or nil as soon as one fails.
    mutating func list<T>(itemSize: Int = 4, _ item: (inout CacheReader) -> T?) -> [T]? {
        guard let count = count(itemSize: itemSize) else { return nil }
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = item(&self) else { return nil }
            result.append(value)
        }
        return result
    }

    mutating func lexicon() -> Lexicon? {
        guard
            let themes = list({ r -> ThemeDefinition? in
                guard let id = r.string(), let vi = r.string(), let en = r.string() else { return nil }
                return ThemeDefinition(id: id, labelVi: vi, labelEn: en)
            })
        else { return nil }
        guard
            let phrases = list({ r -> ThemePhrase? in
                guard let text = r.string(), let theme = r.sharedString(), let source = r.source(),
                    let weighted = r.bool()
                else { return nil }
                let effect: ThemePhrase.Effect
                if weighted {
                    guard let weight = r.double() else { return nil }
                    effect = .weight(weight)
                } else {
                    effect = .exclude
                }
                return ThemePhrase(text: text, theme: theme, effect: effect, source: source)
            })
        else { return nil }
        guard let negationCues = strings() else { return nil }
        guard
            let urgency = list({ r -> UrgencyPhrase? in
                guard let text = r.string(), let flag = r.string().flatMap(UrgencyFlag.init(rawValue:)),
                    let source = r.source()
                else { return nil }
                return UrgencyPhrase(text: text, flag: flag, source: source)
            })
        else { return nil }
        guard
            let abbreviationEntries = list({ r -> AbbreviationTable.Entry? in
                guard let abbreviation = r.string(), let expansion = r.string(), let line = r.int() else { return nil }
                return AbbreviationTable.Entry(abbreviation: abbreviation, expansion: expansion, line: line)
            })
        else { return nil }
        var gazetteer = Gazetteer()
        guard
            let districts = list({ r -> Gazetteer.District? in
                guard let name = r.string(), let type = r.string(), let variants = r.strings(),
                    let successors = r.strings()
                else { return nil }
                return Gazetteer.District(name: name, type: type, variants: variants, successors: successors)
            }),
            let communes = list({ r -> Gazetteer.Commune? in
                guard let name = r.string(), let type = r.string(), let predecessors = r.strings() else { return nil }
                return Gazetteer.Commune(name: name, type: type, predecessorDistricts: predecessors)
            }),
            let zones = list({ r -> Gazetteer.IndustrialZone? in
                guard let name = r.string(), let variants = r.strings(), let districts = r.strings(),
                    let commune = r.optionalString()
                else { return nil }
                return Gazetteer.IndustrialZone(name: name, variants: variants, districts: districts, commune: commune)
            })
        else { return nil }
        gazetteer.districts = districts
        gazetteer.communes = communes
        gazetteer.zones = zones
        guard
            let agencies = list({ r -> AgencyRecord? in
                guard let id = r.string(), let vi = r.string(), let en = r.string(), let period = r.period(),
                    let successor = r.optionalString(),
                    let source = r.source()
                else { return nil }
                return AgencyRecord(
                    id: id, nameVi: vi, nameEn: en, period: period, successor: successor, source: source)
            }),
            let rules = list({ r -> RoutingRule? in
                guard let theme = r.string(), let phrase = r.string(), let scopeText = r.optionalString(),
                    let priority = r.int(), let agency = r.string(),
                    let period = r.period(), let vi = r.string(), let en = r.string(), let source = r.source()
                else { return nil }
                var scope: RoutingScope? = nil
                if let scopeText {
                    guard let known = RoutingScope(rawValue: scopeText) else { return nil }
                    scope = known
                }
                return RoutingRule(
                    theme: theme, phrase: phrase, scope: scope, priority: priority, agency: agency, period: period,
                    reasonVi: vi, reasonEn: en, source: source)
            }),
            let scopeCues = list({ r -> ScopeCue? in
                guard let phrase = r.string(), let scope = r.string().flatMap(RoutingScope.init(rawValue:)),
                    let weight = r.double(),
                    let context = r.string().flatMap(ScopeCue.Context.init(rawValue:)), let source = r.source()
                else { return nil }
                return ScopeCue(phrase: phrase, scope: scope, weight: weight, context: context, source: source)
            })
        else { return nil }
        guard let stopPhrases = strings(), let hasLearned = bool() else { return nil }
        var learned: LearnedWeights? = nil
        if hasLearned {
            var policy = LearnedWeights.Policy()
            guard let minimum = double(), let withoutLexicon = double(), let secondary = double(),
                let withLexicon = double(), let perTheme = int(),
                let smallest = double(), let lexiconCap = double(),
                let entries = list(
                    itemSize: 16,
                    { r -> LearnedWeights.Entry? in
                        guard let feature = r.string(), let theme = r.sharedString(), let weight = r.double(),
                            let source = r.source()
                        else { return nil }
                        return LearnedWeights.Entry(feature: feature, theme: theme, weight: weight, source: source)
                    })
            else { return nil }
            policy.minimumConfidence = minimum
            policy.minimumWithoutLexicon = withoutLexicon
            policy.secondaryProbability = secondary
            policy.secondaryWithLexicon = withLexicon
            policy.evidencePerTheme = perTheme
            policy.smallestEvidence = smallest
            var weights = LearnedWeights(entries: entries, lexiconCap: lexiconCap)
            weights.policy = policy
            learned = weights
        }
        // The abbreviation table is rebuilt as the loader builds it (a few rows).
        var abbreviations = AbbreviationTable()
        let plainAnalyzer = Analyzer()
        for entry in abbreviationEntries { abbreviations.add(entry, analyzer: plainAnalyzer) }
        guard abbreviations.entries.count == abbreviationEntries.count else { return nil }
        return Lexicon(
            themes: themes, phrases: phrases, negationCues: negationCues, urgency: urgency,
            abbreviations: abbreviations,
            gazetteer: gazetteer, routing: RoutingTable(agencies: agencies, rules: rules, scopeCues: scopeCues),
            stopPhrases: stopPhrases, learned: learned)
    }
}
