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
        description = "\(file):\(line)"
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
    /// Learned agency weights (`learned/agency-weights.tsv`; column `theme` holds the agency id); nil: rules alone route.
    public var learnedAgency: LearnedWeights? = nil

    public func theme(_ id: String) -> ThemeDefinition? { themes.first { $0.id == id } }
}
