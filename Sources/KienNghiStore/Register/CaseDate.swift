import Foundation

/// A calendar day (no time, no time zone), stored as `YYYY-MM-DD`.
package struct CaseDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    package var dayNumber: Int

    package init(dayNumber: Int) { self.dayNumber = dayNumber }

    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CaseDate.daysIn(month, year), (1900...2200).contains(year)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146097 + doe - 719468
    }

    /// `2019-04-15`, or the day-first forms offices write: `15/4/2019`, `15-04-2019`, `15.4.2019`.
    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { self.init(year: a, month: b, day: c) } else { self.init(year: c, month: b, day: a) }
    }

    package static func today() -> CaseDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600  // Việt Nam time
        return CaseDate(dayNumber: seconds / 86400)
    }

    package var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

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
/// (`--days`, `--urgent-days`).
package struct DueDateRule: Sendable, Equatable {
    package var days: Int
    package var urgentDays: Int

    package static let standard = DueDateRule(days: 15, urgentDays: 7)

    package init(days: Int, urgentDays: Int) {
        self.days = days
        self.urgentDays = urgentDays
    }

    package func due(received: CaseDate, urgent: Bool) -> CaseDate {
        received.adding(days: urgent ? urgentDays : days)
    }
}
