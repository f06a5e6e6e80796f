import Foundation

/// One JSON Lines petition: `text` and an optional `id` (string or number).
struct JSONPetitionLine: Decodable {
    var text: String?
    var id: String?

    enum Keys: String, CodingKey { case text, id }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        text = try? container.decodeIfPresent(String.self, forKey: .text)
        if let string = try? container.decodeIfPresent(String.self, forKey: .id) {
            id = string
        } else if let number = try? container.decodeIfPresent(Int.self, forKey: .id) {
            id = String(number)
        } else if let number = try? container.decodeIfPresent(Double.self, forKey: .id) {
            id = String(number)
        }
    }

    /// Parses one line; nil if it is not a JSON object.
    static func parse(_ line: [UInt8], decoder: JSONDecoder) -> JSONPetitionLine? {
        try? decoder.decode(JSONPetitionLine.self, from: Data(line))
    }

    /// The first key the reader uses (`text`, `id`) that appears more than once
    /// at the top level of the object on `line`: such a line is ambiguous (this
    /// decoder would take the first value, jq and Python take the last).
    static func duplicatedKey(_ line: [UInt8]) -> String? {
        var depth = 0
        var seen: Set<String> = []
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
                guard index < line.count else { return nil }
                guard depth == 1 else { break }
                var next = index + 1
                while next < line.count && (line[next] == 0x20 || line[next] == 0x09) { next += 1 }
                guard next < line.count && line[next] == UInt8(ascii: ":") else { break }
                let raw = Array(line[start...index])
                let key =
                    escaped
                    ? (try? JSONDecoder().decode(String.self, from: Data(raw)))
                    : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                guard let key, Keys(rawValue: key) != nil else { break }
                if !seen.insert(key).inserted { return key }
            default: break
            }
            index += 1
        }
        return nil
    }
}
