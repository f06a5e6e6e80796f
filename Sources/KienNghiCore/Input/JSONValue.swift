import Foundation

/// The few JSON values petition files need, parsed with Foundation.
enum JSONValue: Equatable {
    case string(String)
    case number(String)
    case other

    /// Parses one JSON object line; nil if it is not an object.
    static func parseObject(_ line: String) -> [String: JSONValue]? {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object.mapValues { value in
            if let string = value as? String { return .string(string) }
            if let number = value as? NSNumber { return .number(number.stringValue) }
            return .other
        }
    }
}
