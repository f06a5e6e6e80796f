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
}
