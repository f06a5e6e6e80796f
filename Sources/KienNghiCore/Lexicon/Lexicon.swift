/// A theme a petition can be about.
public struct ThemeDefinition: Sendable, Equatable, Codable {
    public var id: String
    public var labelVi: String
    public var labelEn: String

    public func label(_ language: Language) -> String { language.pick(labelVi, labelEn) }
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
                var digits = 1, rest = line
                while rest >= 10 { digits += 1; rest /= 10 }
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
public struct ThemePhrase: Sendable, Equatable {
    public enum Effect: Sendable, Equatable {
        /// Adds (or, if negative, removes) this much to the theme's score.
        case weight(Double)
        /// Rules the theme out.
        case exclude
    }

    public var text: String
    public var theme: String
    public var effect: Effect
    public var source: LexiconSource
}

/// Urgency categories an office must see first.
public enum UrgencyFlag: String, Sendable, CaseIterable, Codable {
    case strike, unpaidWages = "unpaid-wages", accident, layoff, violence

    public func label(_ language: Language) -> String {
        switch self {
        case .strike: language.pick("Đình công, ngừng việc", "Strike or work stoppage")
        case .unpaidWages: language.pick("Nợ lương", "Unpaid wages")
        case .accident: language.pick("Tai nạn, an toàn", "Accident or safety")
        case .layoff: language.pick("Mất việc hàng loạt", "Mass layoff")
        case .violence: language.pick("Bạo lực, đe doạ", "Violence or threats")
        }
    }
}

/// One phrase of urgency.tsv.
public struct UrgencyPhrase: Sendable, Equatable {
    public var text: String
    public var flag: UrgencyFlag
    public var source: LexiconSource
}

/// Everything read from a Lexicons/ folder: themes, phrases, cues, abbreviations,
/// gazetteer and routing table. Immutable once loaded.
public struct Lexicon: Sendable {
    public var themes: [ThemeDefinition]
    public var phrases: [ThemePhrase]
    public var negationCues: [String]
    public var urgency: [UrgencyPhrase]
    public var abbreviations: AbbreviationTable
    public var gazetteer: Gazetteer
    public var routing: RoutingTable
    /// Phrases that match only to mask the shorter phrases inside them (`hầm cầu`).
    public var stopPhrases: [String] = []
    /// Learned weights combined with the phrase scores; nil: hand lexicons only.
    public var learned: LearnedWeights? = nil

    public func theme(_ id: String) -> ThemeDefinition? { themes.first { $0.id == id } }
}
