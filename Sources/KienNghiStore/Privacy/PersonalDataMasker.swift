import Foundation

/// Masks personal data in text that leaves the register (exports, group
/// lists, reports): phone numbers, CCCD/CMND and other ID numbers, BHXH
/// numbers, e-mail addresses and house addresses. The store keeps the
/// original; only an explicit `--unmask` shows it.
package struct PersonalDataMasker: Sendable {
    /// What was found, as data (the kinds are stable codes).
    package enum Kind: String, Sendable, CaseIterable {
        case email, phone
        case idNumber = "id-number"
        case insuranceNumber = "bhxh-number"
        case address
    }

    package init() {}

    // Order matters: e-mails before numbers, labelled numbers before bare ones.
    private static let sources: [(Kind, String)] = [
        (.email, #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#),
        // "mã số BHXH 0123456789", "sổ BHXH số 01 2345 6789"
        (
            .insuranceNumber,
            #"(?i)((?:mã\s*số|số\s*sổ|sổ|mã|số)\s*(?:BHXH|bảo\s*hiểm\s*xã\s*hội)\s*(?:số|là|:)?\s*)(\d[\d .]{8,13}\d)"#
        ),
        (
            .idNumber,
            #"(?i)((?:CCCD|CMND|CMT|căn\s*cước(?:\s*công\s*dân)?|chứng\s*minh(?:\s*nhân\s*dân|\s*thư)?|hộ\s*chiếu|định\s*danh(?:\s*cá\s*nhân)?)\s*(?:số|là|:)?\s*)([A-Z]?\d[\d .]{7,13}\d)"#
        ),
        // +84 or 0, then 9–10 more digits, in groups separated by spaces, dots or dashes.
        (.phone, #"(?<![\d])(?:\+84|0084|0)(?:[\s.\-]?\d){8,10}(?![\d])"#),
        // Bare 12-digit (CCCD) or 9-digit (CMND) numbers and 10-digit BHXH numbers not caught above.
        (.idNumber, #"(?<![\d.,/])\d{12}(?![\d.,/])|(?<![\d.,/])\d{9}(?![\d.,/])"#),
        (.insuranceNumber, #"(?<![\d.,/])\d{10}(?![\d.,/])"#),
        // "số 12 ngõ 34 phố X", "số nhà 5, ngách 6/7", "nhà số 15 hẻm 3"
        (
            .address,
            #"(?i)((?:số\s*nhà|nhà\s*số|số)\s*\d+[A-Za-z]?(?:/\d+)*\s*,?\s*(?:(?:ngõ|ngách|hẻm|kiệt|tổ|đường|phố)\s*\d*[A-Za-z]?(?:/\d+)*\s*,?\s*)+)"#
        ),
        (.address, #"(?i)((?:ngõ|ngách|hẻm|kiệt)\s*\d+[A-Za-z]?(?:/\d+)*)"#),
    ]
    private static let patterns: [(Kind, NSRegularExpression)] = sources.map {
        ($0.0, try! NSRegularExpression(pattern: $0.1))
    }

    /// The text with each finding replaced by `[…]` naming its kind (`[SĐT]`, `[CCCD/CMND]`…),
    /// keeping the label words ("số CCCD") so the reader knows what was there.
    package func mask(_ text: String) -> String {
        var result = text
        for (kind, regex) in Self.patterns {
            let ns = result as NSString
            var pieces: [String] = []
            var last = 0
            for match in regex.matches(in: result, range: NSRange(location: 0, length: ns.length)) {
                var range = match.range
                var keep = ""
                if match.numberOfRanges >= 3, match.range(at: 2).location != NSNotFound {
                    keep = ns.substring(with: match.range(at: 1))
                    range = NSRange(location: match.range.location, length: match.range.length)
                }
                pieces.append(ns.substring(with: NSRange(location: last, length: range.location - last)))
                pieces.append(keep + Self.placeholder(kind))
                last = range.location + range.length
            }
            guard !pieces.isEmpty else { continue }
            pieces.append(ns.substring(from: last))
            result = pieces.joined()
        }
        return result
    }

    /// Which kinds occur in a text (for tests and reports).
    package func findings(_ text: String) -> [Kind] {
        var found: [Kind] = []
        for (kind, regex) in Self.patterns
        where regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil {
            if !found.contains(kind) { found.append(kind) }
        }
        return found
    }

    static func placeholder(_ kind: Kind) -> String {
        switch kind {
        case .email: "[email]"
        case .phone: "[SĐT]"
        case .idNumber: "[số giấy tờ]"
        case .insuranceNumber: "[số BHXH]"
        case .address: "[địa chỉ]"
        }
    }
}
