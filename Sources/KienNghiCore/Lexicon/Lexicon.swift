/// A theme a petition can be about.
package struct ThemeDefinition: Sendable, Equatable, Codable {
    package var id: String
    package var labelVi: String
    package var labelEn: String

    package func label(_ language: Language) -> String { language.pick(labelVi, labelEn) }
}

/// Where a lexicon entry was written, for evidence and diagnostics.
public struct LexiconSource: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// `file:line`, built once: every piece of evidence carries it.
    public let description: String

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
        description = Self.describe(file, line)
    }

    /// `file:line` written into one buffer: start-up builds ~20k of these
    /// (learned weights), where string interpolation was a tenth of the time.
    static func describe(_ file: String, _ line: Int) -> String {
        guard line >= 0 else { return "\(file):\(line)" }
        var file = file
        return file.withUTF8 { name in
            String(unsafeUninitializedCapacity: name.count + 21) { buffer in
                var end = name.count
                _ = buffer.initialize(fromContentsOf: name)
                buffer[end] = 0x3A
                end += 1
                var digits = 1
                var rest = line
                while rest >= 10 {
                    digits += 1
                    rest /= 10
                }
                rest = line
                for position in stride(from: end + digits - 1, through: end, by: -1) {
                    buffer[position] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
                return end + digits
            }
        }
    }
}

/// One phrase of a theme file.
package struct ThemePhrase: Sendable, Equatable {
    package enum Effect: Sendable, Equatable {
        /// Adds (or, if negative, removes) this much to the theme's score.
        case weight(Double)
        /// Rules the theme out.
        case exclude
    }

    package var text: String
    package var theme: String
    package var effect: Effect
    package var source: LexiconSource
}

/// Urgency categories an office must see first.
public enum UrgencyFlag: String, Sendable, CaseIterable, Codable {
    case strike
    case unpaidWages = "unpaid-wages"
    case accident, layoff, violence
}

/// One phrase of urgency.tsv.
package struct UrgencyPhrase: Sendable, Equatable {
    package var text: String
    package var flag: UrgencyFlag
    package var source: LexiconSource
}

/// Everything read from a Lexicons/ folder: themes, phrases, cues, abbreviations,
/// gazetteer and routing table. Immutable once loaded.
package struct Lexicon: Sendable {
    package var themes: [ThemeDefinition]
    package var phrases: [ThemePhrase]
    package var negationCues: [String]
    package var urgency: [UrgencyPhrase]
    package var abbreviations: AbbreviationTable
    package var gazetteer: Gazetteer
    package var routing: RoutingTable
    /// Phrases that match only to mask the shorter phrases inside them (`hầm cầu`).
    package var stopPhrases: [String] = []
    /// Learned weights combined with the phrase scores; nil: hand lexicons only.
    package var learned: LearnedWeights? = nil

    package func theme(_ id: String) -> ThemeDefinition? { themes.first { $0.id == id } }
}
