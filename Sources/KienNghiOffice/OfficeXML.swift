import KienNghiCore

/// One step of a streaming XML read. A self-closing element gives `start`
/// then `end`. Text is entity-decoded (the five XML entities and numeric
/// references); any other `&name;` is kept as written, never expanded, and no
/// external entity is ever resolved.
enum XMLEvent {
    case start(name: String, attributes: [(name: String, value: String)])
    case end(name: String)
    case text(String)
}

/// Why an XML part cannot be read, with the byte offset into the part.
struct XMLStreamError: Error, Equatable {
    enum Problem: Equatable {
        case invalidUTF8
        case notUTF8
        case malformed
        case mismatchedEnd
        case truncated
        case tooDeep
        case tokenTooLarge
    }
    var offset: Int
    var problem: Problem
}

/// A small streaming XML reader for Office parts: feed it the part's bytes in
/// chunks of any size; it hands on each complete event and keeps only the
/// unfinished token in memory (bounded by `maximumTokenBytes`). It replaces
/// Foundation's parser, which needs the whole part in memory, refuses parts
/// above 10 MB and crashes on invalid UTF-8 in names.
struct XMLStreamReader {
    /// The longest single tag or text run accepted; Excel cells hold at most
    /// 32,767 characters, so this is far above any real Office token.
    var maximumTokenBytes = 16 << 20
    /// Deepest element nesting accepted (Office parts stay below 30).
    var maximumDepth = 256

    private var pending: [UInt8] = []
    /// Absolute offset of `pending[0]` in the part.
    private var base = 0
    /// Where to resume the search for the end of the unfinished token.
    private var resume = 0
    private var resumeQuote: UInt8 = 0
    private var open: [String] = []
    private var started = false
    private var prefixes = OfficePrefixes()
    /// The prefixes in force outside each open element that declared its own, to restore at its end
    /// (`depth` is `open.count` once that element is closed).
    private var outerPrefixes: [(depth: Int, prefixes: OfficePrefixes)] = []

    init() {}

    /// Parses as much of `chunk` as forms complete events.
    mutating func feed(_ chunk: some Collection<UInt8>, _ handle: (XMLEvent) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        try drain(atEnd: false, handle)
    }

    /// Ends the part: what remains must be complete and every element closed.
    mutating func finish(_ handle: (XMLEvent) throws -> Void) throws {
        try drain(atEnd: true, handle)
        if !pending.isEmpty || !open.isEmpty || !started {
            throw XMLStreamError(offset: base + pending.count, problem: .truncated)
        }
    }

    /// Parses a whole in-memory part.
    static func parse(_ bytes: some Collection<UInt8>, _ handle: (XMLEvent) throws -> Void) throws {
        var reader = XMLStreamReader()
        try reader.feed(bytes, handle)
        try reader.finish(handle)
    }

    private mutating func drain(atEnd: Bool, _ handle: (XMLEvent) throws -> Void) throws {
        var events: [XMLEvent] = []
        let bytes = pending
        let consumed: Int = try bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            if base == 0, !started, buffer.count >= 2 {
                if (buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE)
                    || buffer[0] == 0 || buffer[1] == 0
                {
                    throw XMLStreamError(offset: 0, problem: .notUTF8)
                }
            }
            if base == 0, !started {
                guard buffer.count >= 3 || atEnd else { return 0 }
                if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            }
            while position < buffer.count {
                guard let end = try tokenEnd(buffer, from: position, atEnd: atEnd) else { break }
                try emit(buffer, position..<end, into: &events)
                position = end
                resume = end
                if events.count >= 256 {
                    for event in events { try handle(event) }
                    events.removeAll(keepingCapacity: true)
                }
            }
            return position
        }
        for event in events { try handle(event) }
        if consumed > 0 {
            pending.removeFirst(consumed)
            base += consumed
            resume -= consumed
        }
        resume = max(0, resume)
        if pending.count > maximumTokenBytes { throw XMLStreamError(offset: base, problem: .tokenTooLarge) }
    }

    /// End (exclusive) of the token starting at `start`, or nil when it is not complete yet.
    private mutating func tokenEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) throws -> Int? {
        let lt = UInt8(ascii: "<")
        let gt = UInt8(ascii: ">")
        if b[start] != lt {
            var i = max(start, resume)
            while i < b.count, b[i] != lt { i += 1 }
            if i < b.count || atEnd { return i }
            resume = i
            return nil
        }
        func find(_ terminator: [UInt8], after: Int) -> Int? {
            var i = max(after, resume - terminator.count)
            let last = b.count - terminator.count
            while i <= last {
                if b[i] == terminator[0] {
                    var match = true
                    for k in 1..<terminator.count where b[i + k] != terminator[k] {
                        match = false
                        break
                    }
                    if match { return i + terminator.count }
                }
                i += 1
            }
            resume = max(after, b.count - terminator.count + 1)
            return nil
        }
        guard start + 1 < b.count else {
            if atEnd { return try fail(start, .truncated) }
            return nil
        }
        switch b[start + 1] {
        case UInt8(ascii: "?"):
            if let end = find(Array("?>".utf8), after: start + 2) { return end }
        case UInt8(ascii: "!"):
            if start + 4 > b.count {
                if atEnd { return try fail(start, .truncated) }
                return nil
            }
            if b[start + 2] == UInt8(ascii: "-"), b[start + 3] == UInt8(ascii: "-") {
                if let end = find(Array("-->".utf8), after: start + 4) { return end }
            } else if b[start + 2] == UInt8(ascii: "[") {
                if let end = find(Array("]]>".utf8), after: start + 3) { return end }
            } else {
                // <!DOCTYPE …>: skipped whole, internal subset included; entities are never defined.
                var depth = 0
                var quote: UInt8 = 0
                var i = start + 2
                while i < b.count {
                    let c = b[i]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == UInt8(ascii: "[") {
                        depth += 1
                    } else if c == UInt8(ascii: "]") {
                        depth -= 1
                    } else if c == gt, depth <= 0 {
                        return i + 1
                    }
                    i += 1
                }
            }
        default:
            var quote: UInt8 = resume > start ? resumeQuote : 0
            var i = max(start + 1, resume)
            while i < b.count {
                let c = b[i]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == gt {
                    return i + 1
                } else if c == lt {
                    return try fail(i, .malformed)
                }
                i += 1
            }
            resume = i
            resumeQuote = quote
        }
        if atEnd { return try fail(start, .truncated) }
        return nil
    }

    private func fail(_ at: Int, _ problem: XMLStreamError.Problem) throws -> Int {
        throw XMLStreamError(offset: base + at, problem: problem)
    }

    private mutating func emit(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into events: inout [XMLEvent])
        throws
    {
        let lt = UInt8(ascii: "<")
        if b[range.lowerBound] != lt {
            if open.isEmpty {
                // Outside the root only white space may stand.
                for i in range where !Self.isSpace(b[i]) { _ = try fail(i, .malformed) }
                return
            }
            events.append(.text(try decode(b, range)))
            return
        }
        let second = b[range.lowerBound + 1]
        if second == UInt8(ascii: "?") { return }
        if second == UInt8(ascii: "!") {
            if b[range.lowerBound + 2] == UInt8(ascii: "[") {
                let prefix = Array("<![CDATA[".utf8)
                guard range.count >= prefix.count + 3,
                    Array(b[range.lowerBound..<range.lowerBound + prefix.count]) == prefix
                else {
                    _ = try fail(range.lowerBound, .malformed)
                    return
                }
                guard !open.isEmpty else {
                    _ = try fail(range.lowerBound, .malformed)
                    return
                }
                let inner = (range.lowerBound + prefix.count)..<(range.upperBound - 3)
                guard let text = String(validating: UnsafeBufferPointer(rebasing: b[inner]), as: UTF8.self) else {
                    _ = try fail(inner.lowerBound, .invalidUTF8)
                    return
                }
                events.append(.text(text))
            }
            return
        }
        if second == UInt8(ascii: "/") {
            var i = range.lowerBound + 2
            let nameStart = i
            while i < range.upperBound - 1, !Self.isSpace(b[i]) { i += 1 }
            let name = try self.name(b, nameStart..<i)
            for k in i..<(range.upperBound - 1) where !Self.isSpace(b[k]) { _ = try fail(k, .malformed) }
            guard let last = open.last, last == name else {
                _ = try fail(range.lowerBound, .mismatchedEnd)
                return
            }
            open.removeLast()
            events.append(.end(name: prefixes.renames ? prefixes.canonical(element: name) : name))
            restorePrefixes()
            return
        }
        // Start tag.
        var end = range.upperBound - 1
        let selfClosing = b[end - 1] == UInt8(ascii: "/")
        if selfClosing { end -= 1 }
        var i = range.lowerBound + 1
        while i < end, !Self.isSpace(b[i]) { i += 1 }
        var name = try self.name(b, (range.lowerBound + 1)..<i)
        var attributes: [(name: String, value: String)] = []
        while true {
            while i < end, Self.isSpace(b[i]) { i += 1 }
            if i >= end { break }
            let nameStart = i
            while i < end, b[i] != UInt8(ascii: "="), !Self.isSpace(b[i]) { i += 1 }
            let attributeName = try self.name(b, nameStart..<i)
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "=") else {
                _ = try fail(i, .malformed)
                break
            }
            i += 1
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                _ = try fail(i, .malformed)
                break
            }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < end, b[i] != quote { i += 1 }
            guard i < end else {
                _ = try fail(valueStart, .malformed)
                break
            }
            attributes.append((attributeName, try decode(b, valueStart..<i)))
            i += 1
        }
        if open.isEmpty, started { _ = try fail(range.lowerBound, .malformed) }
        started = true
        let declarations = attributes.filter { OfficePrefixes.isDeclaration($0.name) }
        if !declarations.isEmpty {
            outerPrefixes.append((open.count, prefixes))
            for attribute in declarations {
                prefixes.declare(attribute.name, attribute.value, nested: !open.isEmpty)
            }
        }
        let written = name
        if prefixes.renames {
            name = prefixes.canonical(element: name)
            attributes = attributes.map { (prefixes.canonical(attribute: $0.name), $0.value) }
        }
        events.append(.start(name: name, attributes: attributes))
        if selfClosing {
            events.append(.end(name: name))
            restorePrefixes()
        } else {
            guard open.count < maximumDepth else {
                _ = try fail(range.lowerBound, .tooDeep)
                return
            }
            open.append(written)
        }
    }

    /// Ends the scope of the declarations made on the element just closed.
    private mutating func restorePrefixes() {
        if let outer = outerPrefixes.last, outer.depth == open.count {
            prefixes = outer.prefixes
            outerPrefixes.removeLast()
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    private func name(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> String {
        guard !range.isEmpty else {
            _ = try fail(range.lowerBound, .malformed)
            return ""
        }
        for i in range {
            let c = b[i]
            if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                || c == UInt8(ascii: "=") || c == UInt8(ascii: "/")
            {
                _ = try fail(i, .malformed)
            }
        }
        guard let name = String(validating: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) else {
            _ = try fail(range.lowerBound + Self.firstInvalidUTF8(b, range), .invalidUTF8)
            return ""
        }
        return name
    }

    /// Validated UTF-8 with entities decoded; unknown entities are kept verbatim.
    private func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: b[range])
        guard let raw = String(validating: slice, as: UTF8.self) else {
            _ = try fail(range.lowerBound + Self.firstInvalidUTF8(b, range), .invalidUTF8)
            return ""
        }
        guard slice.contains(UInt8(ascii: "&")) || slice.contains(0x0D) else { return raw }
        var out = [UInt8]()
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            let c = slice[i]
            if c == 0x0D {
                // XML end-of-line handling: CR LF and lone CR become LF.
                out.append(0x0A)
                i += (i + 1 < slice.count && slice[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard c == UInt8(ascii: "&") else {
                out.append(c)
                i += 1
                continue
            }
            var j = i + 1
            while j < slice.count, j - i <= 12, slice[j] != UInt8(ascii: ";"), slice[j] != UInt8(ascii: "&") { j += 1 }
            if j < slice.count, slice[j] == UInt8(ascii: ";"),
                let scalar = Self.entity(UnsafeBufferPointer(rebasing: slice[(i + 1)..<j]))
            {
                out.append(contentsOf: String(scalar).utf8)
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.first == "x" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return scalar
        default: return nil
        }
    }

    private static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var offset = 0
        var iterator = b[range].makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}

/// Text whose run fonts may say it is in a legacy encoding: repairs it.
enum LegacyRuns {
    /// Decodes `text` typed in `font` (a .VnTime, VNI-Times, VPS font) to Unicode; other fonts unchanged.
    static func repair(_ text: String, font: String?) -> String {
        guard let font, let (codec, allCaps) = LegacyCodec.fromFontName(font) else { return text }
        return LegacyLookalikeFilter(mode: .forced(codec, allCaps: allCaps)).repair(text)
    }
}

extension Array where Element == (name: String, value: String) {
    /// The value of the attribute `name`, if present.
    subscript(attribute name: String) -> String? {
        for pair in self where pair.name == name { return pair.value }
        return nil
    }
}

/// Office's namespaces under the prefixes the readers match (`w:p`, `r:id`,
/// unprefixed SpreadsheetML): a part written with other prefixes (`<x:row>`
/// from the OpenXML SDK, a default WordprocessingML namespace) is renamed to
/// them as it is read. Declarations apply to the element that makes them and
/// its content, as XML scopes them; nothing is renamed, and no
/// time is spent, when a part already uses the usual prefixes.
struct OfficePrefixes {
    /// The usual prefix of each Office namespace ("" for none), transitional and strict.
    static let usual: [String: String] = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "",
        "http://purl.oclc.org/ooxml/spreadsheetml/main": "",
        "http://schemas.openxmlformats.org/package/2006/relationships": "",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
        "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
    ]

    /// Written prefix ("" for the default namespace) → usual prefix.
    private var table: [String: String] = [:]
    var renames: Bool { !table.isEmpty }

    /// An `xmlns` or `xmlns:p` attribute.
    static func isDeclaration(_ attribute: String) -> Bool {
        attribute == "xmlns" || attribute.hasPrefix("xmlns:")
    }

    /// Takes note of an `xmlns` or `xmlns:p` attribute; `nested` when made below the part's root.
    mutating func declare(_ attribute: String, _ uri: String, nested: Bool) {
        let written: String
        if attribute == "xmlns" {
            written = ""
        } else if attribute.hasPrefix("xmlns:") {
            written = String(attribute.dropFirst(6))
        } else {
            return
        }
        if let usual = Self.usual[uri] {
            table[written] = usual == written ? nil : usual
        } else if nested, !uri.isEmpty, Self.officePrefixes.contains(written) {
            // Another vocabulary written under an Office prefix inside a part
            // (`<ext xmlns="urn:x"><row>`): its elements are not Office markup, so they get
            // a prefix no reader looks for. At the root (a draft or misspelt namespace) and
            // for `xmlns=""` the part is read as written rather than lose every row unseen.
            table[written] = Self.foreign
        } else {
            table[written] = nil
        }
    }

    private static let officePrefixes = Set(usual.values)
    private static let foreign = "foreign"

    func canonical(element name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else {
            return table[""].map { $0.isEmpty ? name : $0 + ":" + name } ?? name
        }
        return rename(name, colon)
    }

    /// Unprefixed attributes belong to no namespace, so only prefixed ones change.
    func canonical(attribute name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name }
        return rename(name, colon)
    }

    private func rename(_ name: String, _ colon: String.Index) -> String {
        guard let usual = table[String(name[..<colon])] else { return name }
        let local = name[name.index(after: colon)...]
        return usual.isEmpty ? String(local) : usual + ":" + local
    }
}
