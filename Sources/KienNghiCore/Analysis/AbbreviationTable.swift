/// Abbreviations and their expansions (BHXH → bảo hiểm xã hội), read from
/// `abbreviations.tsv` and applied as a token filter.
///
/// An abbreviation whose lower-case form is also a Vietnamese word (TU, CA)
/// expands only when written in capitals; others (bhxh, kcn, cty) in any case.
package struct AbbreviationTable: Sendable {
    struct Expansion: Sendable {
        var keys: [[UInt8]]
        var plains: [[UInt8]]
        var requiresCapitals: Bool
    }

    /// One row of the file.
    package struct Entry: Sendable, Equatable {
        package var abbreviation: String
        package var expansion: String
        package var line: Int
    }

    package private(set) var entries: [Entry] = []
    private var table = ByteKeyTable(capacity: 512)
    private var expansions: [Expansion] = []
    /// Key of the word "và", used for & inside acronyms.
    private var andKey: [UInt8] = Array("và".utf8)

    package init() {}

    /// Adds an entry; the expansion is analysed by `analyzer` (which must not itself expand).
    package mutating func add(_ entry: Entry, analyzer: Analyzer) {
        let abbreviationKey = Array(SyllableCanonicalizer.key(of: entry.abbreviation).utf8)
        guard !abbreviationKey.isEmpty, table.value(for: abbreviationKey) == nil else { return }
        let analyzed = analyzer.analyze(entry.expansion)
        let keys = analyzed.terms.filter { analyzed.tokens[Int($0.tokenIndex)].kind == .word }
        guard !keys.isEmpty else { return }
        let lower = entry.abbreviation.lowercased().unicodeScalars.map(\.value)
        let expansion = Expansion(
            keys: keys.map { Array(analyzed.keyArena[Int($0.key.lowerBound)..<Int($0.key.upperBound)]) },
            plains: keys.map { Array(analyzed.keyArena[Int($0.plain.lowerBound)..<Int($0.plain.upperBound)]) },
            requiresCapitals: lower.count <= 2 || SyllableValidator.isPlausible(lower))
        table.insert(abbreviationKey, value: Int32(expansions.count))
        expansions.append(expansion)
        entries.append(entry)
    }

    package var isEmpty: Bool { expansions.isEmpty }

    /// Expansion for a token key, honouring the capitals rule.
    func expansion(for key: UnsafeBufferPointer<UInt8>, writtenInCapitals: Bool) -> Expansion? {
        guard let index = table.value(for: key) else { return nil }
        let expansion = expansions[Int(index)]
        if expansion.requiresCapitals && !writtenInCapitals { return nil }
        return expansion
    }

    /// Whether `key` is an abbreviation, in any case.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { table.value(for: key) != nil }

    var conjunctionKey: [UInt8] { andKey }
}
