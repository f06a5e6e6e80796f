import Foundation

/// One JSON Lines petition: `text` and an optional `id` (a string, or a number kept as written).
struct JSONPetitionLine: Decodable {
    var text: String?
    var id: String?
    /// The `id` as written when it is neither a string nor a number (`true`, `null`, an object…):
    /// the line is rejected rather than numbered, which could collide with a real id.
    var badID: String?
    private var hasID = false

    enum Keys: String, CodingKey { case text, id }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        text = try? container.decodeIfPresent(String.self, forKey: .text)
        hasID = container.contains(.id)
        id = try? container.decodeIfPresent(String.self, forKey: .id)
    }

    /// Parses one line; nil if it is not a JSON object. A numeric id keeps its digits as
    /// written (a Double would turn 123456789012345678901234567890 into 1.2345678901234568e+29).
    static func parse(_ line: [UInt8], decoder: JSONDecoder) -> JSONPetitionLine? {
        guard var object = try? decoder.decode(JSONPetitionLine.self, from: Data(line)) else { return nil }
        if object.hasID && object.id == nil {
            let raw = rawID(line) ?? []
            if let first = raw.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) {
                object.id = String(decoding: raw, as: UTF8.self)
            } else {
                object.badID = RejectedRow.excerpt(of: raw)
            }
        }
        return object
    }

    /// The value of the top-level `id` on `line` (a valid JSON object), exactly as written.
    static func rawID(_ line: [UInt8]) -> ArraySlice<UInt8>? {
        var found: Int?
        forEachTopLevelKey(line) { key, value in
            if key == Keys.id.rawValue { found = value }
            return found == nil
        }
        return found.map { rawValue(line, at: $0) }
    }

    /// A value as a cell: a string's text, `null` empty, anything else (a number, `true`, an
    /// object, an array) as written.
    static func valueText(_ raw: ArraySlice<UInt8>) -> String {
        if raw.first == UInt8(ascii: "\"") { return (try? JSONDecoder().decode(String.self, from: Data(raw))) ?? "" }
        if raw.elementsEqual("null".utf8) { return "" }
        return String(decoding: raw, as: UTF8.self)
    }

    /// The value starting at `start` on `line` (a valid JSON object), exactly as written.
    static func rawValue(_ line: [UInt8], at start: Int) -> ArraySlice<UInt8> {
        var depth = 0
        var inString = false
        var index = start
        scan: while index < line.count {
            let byte = line[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { break scan }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 {
                    // The end of the value, or (depth below 0) the object's own brace after a scalar.
                    if depth < 0 { index -= 1 }
                    break scan
                }
            case UInt8(ascii: ","), 0x20, 0x09, 0x0D, 0x0A:
                if depth == 0 {
                    index -= 1
                    break scan
                }
            default: break
            }
        }
        return line[start..<min(index, line.count)]
    }

    /// The first key the reader uses (`text`, `id`) that appears more than once
    /// at the top level of the object on `line`: such a line is ambiguous (this
    /// decoder would take the first value, jq and Python take the last).
    static func duplicatedKey(_ line: [UInt8]) -> String? {
        var seen: Set<String> = []
        var duplicated: String?
        forEachTopLevelKey(line) { key, _ in
            if Keys(rawValue: key) != nil && !seen.insert(key).inserted { duplicated = key }
            return duplicated == nil
        }
        return duplicated
    }

    /// Calls `body` with each top-level key of the object on `line` (its escapes decoded)
    /// and the index where its value starts, until `body` returns false.
    static func forEachTopLevelKey(_ line: [UInt8], _ body: (String, Int) -> Bool) {
        var depth = 0
        var index = 0
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                let start = index
                var escaped = false
                index += 1
                while index < line.count && line[index] != UInt8(ascii: "\"") {
                    if line[index] == UInt8(ascii: "\\") {
                        escaped = true
                        index += 1
                    }
                    index += 1
                }
                guard index < line.count else { return }
                guard depth == 1 else { break }
                var next = index + 1
                while next < line.count && [0x20, 0x09, 0x0D, 0x0A].contains(line[next]) { next += 1 }
                guard next < line.count && line[next] == UInt8(ascii: ":") else { break }
                let raw = Array(line[start...index])
                let key =
                    escaped
                    ? (try? JSONDecoder().decode(String.self, from: Data(raw)))
                    : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                next += 1
                while next < line.count && [0x20, 0x09, 0x0D, 0x0A].contains(line[next]) { next += 1 }
                if let key, !body(key, next) { return }
            default: break
            }
            index += 1
        }
    }
}
