import ArgumentParser
import KienNghiCore
import KienNghiStore

/// The documented range of every numeric option, checked in the commands'
/// `validate()`: a value outside it stops the run before anything is read or
/// written, with exit 64 and a message naming the option and its range.
/// (A value too large for its type at all is refused earlier by the argument
/// parser, also with 64; the range is in the option's help, which it shows.)
enum OptionRange {
    /// `case assign --days` and `--urgent-days`: at most a year.
    static let dueDays: ClosedRange<Int> = DueDateRule.allowedDays
    /// `lexicon suggest --min-count`.
    static let minCount: ClosedRange<Int> = 1...1_000_000
    /// `lexicon suggest --per-theme`.
    static let perTheme: ClosedRange<Int> = 1...1000
    /// `evaluate --folds` (and at most the number of petitions, checked once they are read).
    static let folds: ClosedRange<Int> = 2...1000
    /// Register ids (groups, petitions): from 1.
    static let registerID: ClosedRange<Int64> = 1...Int64.max

    /// A usage error (64) unless every value lies in `range`.
    static func check<T: BinaryInteger>(
        _ values: some Sequence<T>, _ range: ClosedRange<T>, option: String, _ l: Language
    ) throws {
        for value in values where !range.contains(value) {
            throw CLIError(
                l.pick(
                    "Giá trị \(value) của \(option) không hợp lệ: dùng \(words(range, .vi)).",
                    "Invalid value \(value) for \(option): use \(words(range, .en))."), code: .usage)
        }
    }

    /// The same for an optional value (an option not given is not checked).
    static func check<T: BinaryInteger>(_ value: T?, _ range: ClosedRange<T>, option: String, _ l: Language) throws {
        try check(value.map { [$0] } ?? [], range, option: option, l)
    }

    /// `một số nguyên từ 1 đến 365`, `a whole number from 1 to 365`; an
    /// unbounded top is said as `từ 1 trở lên` / `1 or more`.
    static func words<T: BinaryInteger>(_ range: ClosedRange<T>, _ l: Language) -> String {
        let unbounded = range.upperBound == T(exactly: Int64.max) || range.upperBound == T(exactly: Int.max)
        if unbounded {
            return l.pick("một số nguyên từ \(range.lowerBound) trở lên", "a whole number, \(range.lowerBound) or more")
        }
        return l.pick(
            "một số nguyên từ \(range.lowerBound) đến \(range.upperBound)",
            "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
}
