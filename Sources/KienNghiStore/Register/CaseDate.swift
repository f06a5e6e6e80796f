import Foundation
import KienNghiCore

/// A calendar day (no time, no time zone), stored as `YYYY-MM-DD`.
package struct CaseDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    package var dayNumber: Int

    package init(dayNumber: Int) { self.dayNumber = dayNumber }

    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CaseDate.daysIn(month, year), (1900...2200).contains(year)
        else { return nil }
        dayNumber = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// `2019-04-15`, or the day-first forms offices write: `15/4/2019`, `15-04-2019`, `15.4.2019`;
    /// a time after the day (`2019-04-15 08:30`, as a spreadsheet's date-time cell reads) is ignored.
    package init?(_ text: String) {
        var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        if let cut = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }) {
            let time = trimmed[trimmed.index(after: cut)...]
            guard !time.isEmpty, time.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }) else {
                return nil
            }
            trimmed = trimmed[..<cut]
        }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { self.init(year: a, month: b, day: c) } else { self.init(year: c, month: b, day: a) }
    }

    package static func today() -> CaseDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600  // Việt Nam time
        return CaseDate(dayNumber: seconds / 86400)
    }

    package var components: (year: Int, month: Int, day: Int) { CivilCalendar.date(days: dayNumber) }

    package var description: String {
        let (y, m, d) = components
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    package func adding(days: Int) -> CaseDate { CaseDate(dayNumber: dayNumber + days) }

    package static func < (a: Self, b: Self) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// How long an agency has to answer, counted in calendar days from the day the
/// case was received: 15 days, or 7 when any petition in the group carries an
/// urgency flag (wage arrears, strikes, accidents…). Both are settings
/// (`--days`, `--urgent-days`), each from 1 to 365 days.
package struct DueDateRule: Sendable, Equatable {
    package var days: Int
    package var urgentDays: Int

    package static let standard = DueDateRule(days: 15, urgentDays: 7)
    /// The periods a rule may set: a due date at most a year after receipt
    /// (the CLI refuses others; ``init(days:urgentDays:)`` clamps to it, so
    /// no day count can overflow the calendar).
    package static let allowedDays: ClosedRange<Int> = 1...365

    package init(days: Int, urgentDays: Int) {
        self.days = days.clamped(to: Self.allowedDays)
        self.urgentDays = urgentDays.clamped(to: Self.allowedDays)
    }

    package func due(received: CaseDate, urgent: Bool) -> CaseDate {
        received.adding(days: urgent ? urgentDays : days)
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
