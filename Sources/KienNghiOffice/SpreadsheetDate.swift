import KienNghiCore

/// Dates and times in a workbook: Excel stores them as day counts ("serials")
/// shown through a number format, so a date column read naively gives `43570`
/// where the office sees 15/04/2019. A cell whose style formats a date or a
/// time is read as ISO 8601 text (`2019-04-15`, `2019-04-15 08:30`, `08:30`),
/// which every later stage (and the case register) reads unambiguously.
enum SpreadsheetDate {
    /// What a number format shows.
    enum Kind: Sendable, Equatable {
        case number, date, time, dateTime
        /// Elapsed time (`[h]:mm`): whole days count as hours, 1.5 shows as `36:00`.
        case duration
    }

    /// The kind of one of Excel's built-in formats (ECMA-376 §18.8.30, with the
    /// East Asian date formats 27–36 and 50–58).
    static func kind(builtinFormat id: Int) -> Kind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 18...21, 32, 33, 45, 47: .time
        case 46: .duration
        case 22: .dateTime
        default: .number
        }
    }

    /// The kind of a custom format code such as `dd/mm/yyyy` or `[$-42A]h:mm`:
    /// quoted text, escapes and bracketed colours, currencies and locales
    /// (`[Red]`, `[$USD-409]`, `[$-42A]`) are ignored; `d` or `y` mean a date,
    /// `h` or `s` a time, and `[h]`, `[mm]` or `[ss]` elapsed time.
    static func kind(formatCode code: String) -> Kind {
        var date = false
        var time = false
        var elapsed = false
        var inQuote = false
        var bracket: [UInt8]? = nil
        var escaped = false
        for raw in code.utf8 {
            let byte = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(raw) ? raw | 0x20 : raw
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if byte == UInt8(ascii: "\"") { inQuote = false }
                continue
            }
            if let content = bracket {
                if byte == UInt8(ascii: "]") {
                    // Elapsed only when the bracket holds one of h, m, s repeated.
                    if let first = content.first, "hms".utf8.contains(first), content.allSatisfy({ $0 == first }) {
                        elapsed = true
                    }
                    bracket = nil
                } else {
                    bracket = content + [byte]
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inQuote = true
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"): escaped = true
            case UInt8(ascii: "["): bracket = []
            case UInt8(ascii: ";"): return kind(date: date, time: time, elapsed: elapsed)  // first section decides
            case UInt8(ascii: "d"), UInt8(ascii: "y"): date = true
            case UInt8(ascii: "h"), UInt8(ascii: "s"): time = true
            default: break
            }
        }
        return kind(date: date, time: time, elapsed: elapsed)
    }

    private static func kind(date: Bool, time: Bool, elapsed: Bool) -> Kind {
        if elapsed && !date { return .duration }
        return switch (date, time || elapsed) {
        case (true, true): .dateTime
        case (true, false): .date
        case (false, true): .time
        case (false, false): .number
        }
    }

    /// The serial's ISO text, or nil when it is not a number or lies outside
    /// Excel's calendar (then the cell keeps its digits).
    static func text(serial: String, kind: Kind, date1904: Bool) -> String? {
        guard kind != .number, let value = Double(serial), value.isFinite, value >= 0, value < 2_958_466 else {
            return nil
        }
        var days = Int(value.rounded(.down))
        var seconds = Int(((value - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            // Rounded to the next midnight: a date alone shows its own day, as Excel does.
            if kind != .date { days += 1 }
            seconds -= 86_400
        }
        let hours = seconds / 3600 + (kind == .duration ? days * 24 : 0)
        let time =
            seconds % 60 == 0
            ? clock(hours, seconds / 60 % 60) : clock(hours, seconds / 60 % 60, seconds % 60)
        if kind == .time || kind == .duration { return time }
        // Days since 1970-01-01. Excel's 1900 calendar counts a 29 February 1900
        // that never was (serial 60), so serials from 61 on are one day ahead.
        let unixDay: Int
        if date1904 {
            unixDay = days - 24_107
        } else {
            guard days >= 1 else { return nil }
            unixDay = (days >= 61 ? days - 1 : days) - 25_568
        }
        let (year, month, day) = CivilCalendar.date(days: unixDay)
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        return kind == .date || seconds == 0 ? date : date + " " + time
    }

    private static func clock(_ parts: Int...) -> String {
        parts.map { pad($0, 2) }.joined(separator: ":")
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
