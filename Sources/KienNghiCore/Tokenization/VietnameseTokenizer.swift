/// Cuts normalised UTF-8 text into tokens: words (syllables), numbers, dates,
/// document numbers, acronyms, URLs, e-mail addresses, phone numbers,
/// punctuation and symbols. Whitespace separates; nothing is dropped but it.
///
/// Works on bytes with an ASCII fast path; non-ASCII scalars are classified
/// with ICU's Alphabetic property.
package struct VietnameseTokenizer: Sendable {
    package init() {}

    /// Tokens with their byte range in `bytes`. Spans are left equal to that
    /// range; ``Analyzer`` maps them back to the source text.
    package func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            scanner.run { tokens.append($0) }
        }
        return tokens
    }

    /// Calls `body` with each token of `bytes` in order, building no array:
    /// the streaming form of ``tokenize(_:)``.
    package func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var scanner = Scanner(bytes: bytes)
        scanner.run(body)
    }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var sawNewline = true

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func run(_ emit: (Token) -> Void) {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
                position += 1
                continue
            }
            if byte == 0x0A {
                sawNewline = true
                position += 1
                continue
            }
            let start = position
            let kind: TokenKind
            var end: Int
            if isDigit(byte) {
                (kind, end) = scanNumeric(start)
            } else if byte == 0x2B, start + 1 < count, isDigit(bytes[start + 1]), let phone = scanPhone(start) {
                (kind, end) = (.phone, phone)
            } else if isLetter(at: start) {
                (kind, end) = scanWordLike(start)
            } else {
                (kind, end) = scanOther(start)
            }
            // Combining marks belong to the token before them: NFC may reorder a run
            // of marks, and a token boundary inside that run would give two tokens
            // the same source span.
            while end < count, bytes[end] >= 0x80 {
                let (value, length) = scalar(at: end)
                guard isCombiningMark(value) else { break }
                end += length
            }
            emit(
                Token(
                    kind: kind, span: SourceSpan(start: start, end: end), normalized: start..<end,
                    startsLine: sawNewline))
            sawNewline = false
            position = end
        }
    }

    // MARK: character classes

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// Scalar at `i` and its byte length.
    @inline(__always) func scalar(at i: Int) -> (UInt32, Int) {
        let length = UTF8Scalars.length(of: bytes[i])
        guard i + length <= bytes.count else { return (0xFFFD, bytes.count - i) }
        return (UTF8Scalars.decode(bytes, at: i, length: length), length)
    }

    /// A combining mark of any script (Vietnamese tone and vowel marks first).
    @inline(__always) func isCombiningMark(_ value: UInt32) -> Bool {
        if (0x0300...0x036F).contains(value) { return true }
        guard value >= 0x0483, let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always) func isLetter(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) }
        return isLetter(scalar(at: i).0)
    }

    /// A non-ASCII scalar that is a letter: Vietnamese letters from the table, others by ICU.
    @inline(__always) func isLetter(_ value: UInt32) -> Bool {
        VietnameseLetters.info(value) != nil || ICU.isAlphabetic(value)
    }

    @inline(__always) func isUpperLetter(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIIUpper(b) }
        return VietnameseLetters.info(scalar(at: i).0)?.isUpper ?? false
    }

    /// End of the run of letters and digits starting at `i`.
    func wordEnd(_ i: Int) -> Int {
        var j = i
        while j < bytes.count {
            let b = bytes[j]
            if b < 0x80 {
                if isASCIILetter(b) || isDigit(b) {
                    j += 1
                    continue
                }
                break
            }
            let (value, length) = scalar(at: j)
            // Letters, and combining marks left over after NFC (they belong to their letter).
            if !(0x0300...0x036F).contains(value) && !isLetter(value) { break }
            j += length
        }
        return j
    }

    /// End of a run of capitals and digits starting with a capital at `i`, or nil.
    func capitalsEnd(_ i: Int) -> Int? {
        guard i < bytes.count, isLetter(at: i), isUpperLetter(at: i) else { return nil }
        var j = i
        while j < bytes.count, isLetter(at: j) || isDigit(bytes[j]) {
            if isLetter(at: j), !isUpperLetter(at: j) { return nil }
            j += scalar(at: j).1
        }
        return j
    }

    // MARK: words, acronyms, URLs, e-mail

    func scanWordLike(_ start: Int) -> (TokenKind, Int) {
        let first = bytes[start] | 0x20
        if first == 0x68 || first == 0x77, start + 3 < bytes.count,
            bytes[start + 1] | 0x20 == (first == 0x68 ? 0x74 : 0x77),
            let end = scanURL(start)
        {
            return (.url, end)
        }
        let end = wordEnd(start)
        if end < bytes.count {
            let next = bytes[end]
            if next == 0x26 || next == 0x2D, let acronym = scanAcronym(start, firstEnd: end) {
                return (.acronym, acronym)
            }
            if next == 0x40 || next == 0x2E || next == 0x5F || next == 0x2B || next == 0x2D || next == 0x25,
                let email = scanEmail(start)
            {
                return (.email, email)
            }
        }
        return (.word, end)
    }

    func hasPrefix(_ i: Int, _ prefix: String) -> Bool {
        var j = i
        for p in prefix.utf8 {
            guard j < bytes.count, bytes[j] | (isASCIIUpper(bytes[j]) ? 0x20 : 0) == p else { return false }
            j += 1
        }
        return true
    }

    func scanURL(_ start: Int) -> Int? {
        guard hasPrefix(start, "http://") || hasPrefix(start, "https://") || hasPrefix(start, "www.") else {
            return nil
        }
        var j = start
        while j < bytes.count, bytes[j] > 0x20, bytes[j] != 0x22, bytes[j] != 0x3C, bytes[j] != 0x3E { j += 1 }
        while j > start, Self.isTrailingURLPunctuation(bytes[j - 1]) { j -= 1 }
        return j > start + 4 ? j : nil
    }

    static func isTrailingURLPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x29 || b == 0x27
    }

    func isEmailLocal(_ b: UInt8) -> Bool {
        isASCIILetter(b) || isDigit(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    func scanEmail(_ start: Int) -> Int? {
        var j = start
        while j < bytes.count, isEmailLocal(bytes[j]) { j += 1 }
        guard j > start, j < bytes.count, bytes[j] == 0x40 else { return nil }
        var k = j + 1
        var lastDot = -1
        while k < bytes.count, isASCIILetter(bytes[k]) || isDigit(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x2E {
            if bytes[k] == 0x2E { lastDot = k }
            k += 1
        }
        while k > j + 1, bytes[k - 1] == 0x2E { k -= 1 }
        guard lastDot > j + 1, lastDot < k - 2 else { return nil }
        return k
    }

    /// Capitals joined by & or -, at least two parts (KCN&CX, QH-KT, LĐ-TB&XH).
    func scanAcronym(_ start: Int, firstEnd: Int) -> Int? {
        guard let first = capitalsEnd(start), first == firstEnd else { return nil }
        var end = first
        var parts = 1
        while end + 1 < bytes.count, bytes[end] == 0x26 || bytes[end] == 0x2D, let next = capitalsEnd(end + 1) {
            end = next
            parts += 1
        }
        return parts >= 2 ? end : nil
    }

    // MARK: numbers, dates, document numbers, phones

    func digitsEnd(_ i: Int) -> Int {
        var j = i
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        return j
    }

    func scanNumeric(_ start: Int) -> (TokenKind, Int) {
        if let end = scanDocumentNumber(start) { return (.documentNumber, end) }
        if let end = scanDate(start) { return (.date, end) }
        if let end = scanPhone(start) { return (.phone, end) }
        // A number: digits with . or , group separators or decimals.
        var end = digitsEnd(start)
        while end + 1 < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x2C, isDigit(bytes[end + 1]) {
            end = digitsEnd(end + 1)
        }
        // Digits glued to letters (3G, 4G, 5km) stay one word.
        if end < bytes.count, isLetter(at: end) { return (.word, wordEnd(end)) }
        return (.number, end)
    }

    func number(_ range: Range<Int>) -> Int {
        var value = 0
        for i in range where value < 100_000 { value = value * 10 + Int(bytes[i] - 0x30) }
        return value
    }

    /// d/m/yyyy, d-m-yyyy, d.m.yyyy (spaces allowed after a separator), and m/yyyy.
    func scanDate(_ start: Int) -> Int? {
        let dayEnd = digitsEnd(start)
        guard dayEnd - start <= 2, dayEnd < bytes.count else { return nil }
        let separator = bytes[dayEnd]
        guard separator == 0x2F || separator == 0x2D || separator == 0x2E else { return nil }
        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while j < bytes.count, bytes[j] == 0x20, j - i < 2 { j += 1 }
            return j
        }
        let secondStart = skipSpaces(dayEnd + 1)
        let secondEnd = digitsEnd(secondStart)
        guard secondEnd > secondStart else { return nil }
        let first = number(start..<dayEnd)
        if secondEnd < bytes.count, bytes[secondEnd] == separator {
            let yearStart = skipSpaces(secondEnd + 1)
            let yearEnd = digitsEnd(yearStart)
            let month = number(secondStart..<secondEnd)
            let yearLength = yearEnd - yearStart
            if (1...31).contains(first), (1...12).contains(month), secondEnd - secondStart <= 2,
                yearLength == 4 || yearLength == 2
            {
                return yearEnd
            }
            return nil
        }
        // Month/year: 5/2019.
        if separator == 0x2F, (1...12).contains(first), secondEnd - secondStart == 4,
            (1900...2100).contains(number(secondStart..<secondEnd))
        {
            return secondEnd
        }
        return nil
    }

    /// Digits, then segments separated by / or -, at least one of capitals
    /// (letters may follow the first capital: TTr, CTr; digits may follow: QH14).
    func scanDocumentNumber(_ start: Int) -> Int? {
        var end = digitsEnd(start)
        var sawCapitals = false
        while end + 1 < bytes.count, bytes[end] == 0x2F || bytes[end] == 0x2D {
            let segmentStart = end + 1
            if isDigit(bytes[segmentStart]) {
                end = digitsEnd(segmentStart)
            } else if isLetter(at: segmentStart), isUpperLetter(at: segmentStart) {
                let segmentEnd = wordEnd(segmentStart)
                end = segmentEnd
                sawCapitals = true
            } else {
                break
            }
        }
        return sawCapitals ? end : nil
    }

    /// Vietnamese phone numbers: 0 + 9–10 digits, +84/84 + 9–10 digits, 1800/1900
    /// hotlines; groups of two or more digits may be split by one space, dot or hyphen.
    func scanPhone(_ start: Int) -> Int? {
        var j = bytes[start] == 0x2B ? start + 1 : start
        let firstDigit = j < bytes.count ? bytes[j] : 0
        var digitCount = 0
        var leading: UInt32 = 0  // the first four digits, as a number
        var groupLength = 0
        var end = j
        while j < bytes.count {
            let b = bytes[j]
            if isDigit(b) {
                if digitCount < 4 { leading = leading * 10 + UInt32(b - 0x30) }
                digitCount += 1
                if digitCount > 12 { return nil }
                groupLength += 1
                j += 1
                end = j
            } else if b == 0x20 || b == 0x2E || b == 0x2D, groupLength >= 2, digitCount < 10,
                j + 1 < bytes.count, isDigit(bytes[j + 1])
            {
                groupLength = 0
                j += 1
            } else {
                break
            }
        }
        if end < bytes.count, isLetter(at: end) { return nil }
        // `leading` of a number with fewer than four digits is shorter; the lengths below exclude those.
        let isHotline = (leading == 1800 || leading == 1900) && (8...10).contains(digitCount)
        let isLocal = firstDigit == 0x30 && (10...11).contains(digitCount)
        let isInternational = leading / 100 == 84 && (11...12).contains(digitCount)
        return (isHotline || isLocal || isInternational) ? end : nil
    }

    // MARK: punctuation and symbols

    func scanOther(_ start: Int) -> (TokenKind, Int) {
        let b = bytes[start]
        if b < 0x80 {
            var end = start + 1
            if b == 0x2E || b == 0x2D || b == 0x21 || b == 0x3F {
                while end < bytes.count, bytes[end] == b { end += 1 }
            }
            return (.punctuation, end)
        }
        let (value, length) = scalar(at: start)
        let isPunctuation =
            (0x2010...0x205E).contains(value) || (0x3000...0x303F).contains(value)
            || [0x00AB, 0x00BB, 0x00BF, 0x00A1, 0x00B7].contains(value)
        return (isPunctuation ? .punctuation : .symbol, start + length)
    }
}
