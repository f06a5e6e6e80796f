/// A problem found in a lexicon or routing file, located like a compiler error.
/// What is wrong is data (``Problem``: which check failed, with the ids,
/// phrases and lines it concerns); ``LexiconDiagnosticPresenter`` words it,
/// so a tool can act on the case and a person reads it in their language.
public struct LexiconDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// An error stops the lexicons from loading; a warning is printed and the lexicons load.
    public enum Severity: String, Sendable { case error, warning }

    /// The file, as the user named its folder (`Lexicons/themes/traffic.tsv`).
    public var path: String
    /// 1-based line in the file.
    public var line: Int
    /// 1-based column (in characters) of the cell at fault; 1 for a whole file or line.
    public var column: Int
    public var severity: Severity
    /// What is wrong, as data.
    public var problem: Problem
    /// The offending line as written.
    public var lineText: String

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.line == b.line && a.column == b.column && a.severity == b.severity
            && a.problem == b.problem
    }

    /// `path:line:col: error: message` with the line, a caret, and the fix
    /// (a shorthand for ``LexiconDiagnosticPresenter/rendered(_:)``).
    public func rendered(_ language: Language = .vi) -> String {
        LexiconDiagnosticPresenter(language: language).rendered(self)
    }

    public var description: String { rendered(.en) }
}

extension LexiconDiagnostic {
    /// Which check failed, with what the sentence about it names. One case per
    /// check (even where two read alike), so each keeps its own advice.
    public enum Problem: Sendable, Equatable {
        // Reading a file.
        /// A required file cannot be read (missing, or not readable).
        case unreadableFile
        /// Something that is not a regular file (a FIFO, device, socket) sits at
        /// a lexicon file's name: refused, never opened.
        case notARegularFile(kind: String)
        /// Something that is not a regular file or folder sits in the lexicon
        /// folder under a name no lexicon file has: skipped, never opened.
        case specialFileSkipped(kind: String)
        /// The file is saved as UTF-16.
        case savedAsUTF16
        /// The byte at `byteOffset` is not UTF-8 (a legacy Vietnamese encoding, most likely).
        case invalidUTF8(byteOffset: Int)
        /// The byte at `byteOffset` is NUL: not a text file.
        case nulByte(byteOffset: Int)
        /// The header row lacks `missing`; it must name all of `required`.
        case missingColumns(missing: [String], required: [String])

        // abbreviations.tsv, themes.tsv and themes/*.tsv.
        /// An abbreviation row without its expansion.
        case abbreviationWithoutExpansion
        /// themes.tsv declares the theme `id` twice.
        case duplicateTheme(id: String)
        /// A phrase file for a theme that themes.tsv does not declare.
        case undeclaredThemeFile(theme: String)
        /// A theme phrase's weight is neither a number in range nor `exclude`.
        case invalidPhraseWeight(String)
        /// A theme phrase with nothing left to match once normalised.
        case emptyPhrase(String)
        /// The phrase is already in this theme (at `first`) with another weight.
        case conflictingPhraseWeight(phrase: String, first: LexiconSource)
        /// The phrase is already in this theme (at `first`) with the same weight.
        case repeatedPhrase(phrase: String, first: LexiconSource)
        /// The phrase is also in `otherTheme` (at `first`): one occurrence counts for both.
        case phraseInTwoThemes(phrase: String, otherTheme: String, first: LexiconSource)
        /// A one-syllable phrase that no longer phrase or stop phrase gives context.
        case contextlessSyllable(phrase: String)

        // negation.tsv, urgency.tsv, stop-phrases.tsv.
        /// A negation cue with no words.
        case emptyNegationCue(String)
        /// An urgency flag that ``UrgencyFlag`` does not know.
        case unknownUrgencyFlag(String)
        /// A stop phrase with no words.
        case emptyStopPhrase(String)

        // learned/*.tsv.
        /// A learned-weights file whose header lacks feature, theme or weight.
        case missingLearnedColumns
        /// A learned weight for a theme that themes.tsv does not declare.
        case unknownLearnedTheme(String)
        /// A learned weight row without a feature or with a weight out of range.
        case invalidLearnedWeight
        /// An `@setting:` row for a setting the tool does not know.
        case unknownLearnedSetting(String)
        /// An `@setting:` row whose value is not a number in range.
        case invalidLearnedSetting(String)
        /// The weights record no settings (fitted by an older version): read with the cap of then.
        case unrecordedLearnedSettings(assumedCap: Double)

        // routing/agencies.tsv (dates also in routing/rules.tsv).
        /// A valid_from or valid_until that is not a YYYY-MM-DD date.
        case invalidDate(String)
        /// valid_until is before valid_from.
        case endBeforeStart
        /// The agency `id` has another row (on `otherLine`) for some of the same days.
        case overlappingAgency(id: String, otherLine: Int)
        /// A successor id that the table does not list.
        case unknownSuccessor(String)
        /// An agency id that cannot be a file name (`route` writes `ID.csv`):
        /// holds `/`, `\`, `..` or a control character, starts with `.`, is empty or too long.
        case unsafeAgencyID(id: String, fault: SafeFileName.Fault)

        // routing/rules.tsv.
        /// A rule for a theme that themes.tsv does not declare.
        case unknownRuleTheme(String)
        /// A rule for an agency that routing/agencies.tsv does not list; `known` are the ids it does.
        case unknownRuleAgency(String, known: [String])
        /// A rule phrase with nothing left to match once normalised.
        case emptyRulePhrase(String)
        /// Another rule (on `otherLine`) has the same theme, phrase and scope on some of the same days.
        case overlappingRule(otherLine: Int)
        /// A rule scope that is neither empty, local nor citywide.
        case invalidRuleScope(String)
        /// A rule priority that is not a whole number.
        case invalidPriority(String)
        /// The rule never decides: the rule on line `by` always applies with it and wins.
        case shadowedRule(by: Int)
        /// A theme without a rule with an empty phrase and any scope.
        case missingDefaultRule(theme: String)

        // routing/scope.tsv.
        /// The header lacks the column `name`.
        case missingScopeColumn(String)
        /// A scope cue's scope that is neither local nor citywide.
        case invalidCueScope(String)
        /// A scope cue's weight that is not a number from 0 to 10.
        case invalidCueWeight(String)
        /// A scope cue's context that is neither empty, name nor number.
        case invalidCueContext(String)
        /// A scope cue with nothing left to match once normalised.
        case emptyScopeCue(String)
        /// The cue is already on `firstLine`; this row is never used.
        case repeatedScopeCue(String, firstLine: Int)
    }
}

/// Collects diagnostics while files are read (a reference, shared by the
/// loader's helpers for one check).
final class DiagnosticLog {
    private(set) var items: [LexiconDiagnostic] = []

    func report(
        _ severity: LexiconDiagnostic.Severity, _ file: TabularFile, _ row: TabularFile.Row?, cell: Int = 0,
        _ problem: LexiconDiagnostic.Problem
    ) {
        let column = row.map { TabularFile.columnOffset($0, cell: cell) } ?? 1
        items.append(
            LexiconDiagnostic(
                path: file.path, line: row?.line ?? 1, column: column, severity: severity, problem: problem,
                lineText: row?.text ?? ""))
    }

    /// A file that is not UTF-8: an error at the first bad byte, so no theme silently loses phrases.
    func reportUndecodable(path: String, _ failure: TabularFile.DecodingFailure) {
        let problem: LexiconDiagnostic.Problem =
            switch failure.kind {
            case .utf16: .savedAsUTF16
            case .invalidUTF8: .invalidUTF8(byteOffset: failure.byteOffset)
            case .nulByte: .nulByte(byteOffset: failure.byteOffset)
            }
        items.append(
            LexiconDiagnostic(
                path: path, line: failure.line, column: 1, severity: .error, problem: problem, lineText: ""))
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
