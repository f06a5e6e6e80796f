import Foundation
import Testing

@testable import KienNghiCore

/// Routing alone, measured on the real labelled petitions in ../shared (read at
/// run time, never copied): the gold main theme is given, so only the routing
/// rules and the scope cues are tested. Skips when the files are absent.
@Suite("Routing accuracy on real petitions")
struct RoutingAccuracyTests {
    static func shared(_ name: String) -> URL? {
        let url = TestData.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Agency accuracy with the gold main theme, over items whose main theme is not `other`.
    static func accuracy(_ url: URL, stripped: Bool = false) throws -> (correct: Int, total: Int, errors: [String: Int])
    {
        let (gold, _) = GoldPetition.readJSONLines(try Data(contentsOf: url))
        var correct = 0
        var total = 0
        var errors: [String: Int] = [:]
        for petition in gold where petition.themes[0] != "other" {
            guard let expected = petition.agency else { continue }
            total += 1
            let text = stripped ? stripDiacritics(petition.text) : petition.text
            let predicted = defaultClassifier.route(text, mainTheme: petition.themes[0])?.id ?? "none"
            if predicted == expected {
                correct += 1
            } else {
                errors["\(petition.themes[0]): \(expected) → \(predicted)", default: 0] += 1
            }
        }
        return (correct, total, errors)
    }

    // Floors a few points under the figures measured on 2026-12-07 (eval-dev 0.827, train-real
    // 0.858; 0.79 and 0.82 when the scope stage was added, 0.76 and 0.71 before), so a regression
    // turns this red.
    @Test(arguments: [("eval-dev.jsonl", 0.80), ("train-real.jsonl", 0.83)])
    func agencyWithTheGoldTheme(file: String, floor: Double) throws {
        guard let url = Self.shared(file) else { return }
        let (correct, total, errors) = try Self.accuracy(url)
        let value = Double(correct) / Double(max(total, 1))
        if ProcessInfo.processInfo.environment["KIENNGHI_ROUTING_REPORT"] != nil {
            print("routing \(file): \(correct)/\(total) = \(String(format: "%.3f", value))")
            for (key, count) in errors.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(15) {
                print("  \(count)  \(key)")
            }
        }
        #expect(value >= floor, "agency accuracy with gold themes on \(file): \(value)")
    }

    /// Text typed without diacritics reads one-syllable place words (xã, tổ, ấp…) only before a
    /// name or number, and "thuoc" not at all; routing must stay within a few points. Measured
    /// 2026-12-07: eval-dev 0.827, train-real 0.854 (0.790 and 0.836 before bare text was read so).
    @Test(arguments: [("eval-dev.jsonl", 0.80), ("train-real.jsonl", 0.83)])
    func agencyWithTheGoldThemeWithoutDiacritics(file: String, floor: Double) throws {
        guard let url = Self.shared(file) else { return }
        let (correct, total, _) = try Self.accuracy(url, stripped: true)
        let value = Double(correct) / Double(max(total, 1))
        if ProcessInfo.processInfo.environment["KIENNGHI_ROUTING_REPORT"] != nil {
            print("routing \(file) without diacritics: \(correct)/\(total) = \(String(format: "%.3f", value))")
        }
        #expect(value >= floor, "agency accuracy with gold themes, diacritics stripped, on \(file): \(value)")
    }

    @Test func taxQuestionsGoToTheTaxOffice() throws {
        guard let url = Self.shared("train-real.jsonl") else { return }
        let (gold, _) = GoldPetition.readJSONLines(try Data(contentsOf: url))
        let tax = gold.filter { $0.agency == "tax" }
        let routed = tax.filter { defaultClassifier.classify($0.text).agency?.id == "tax" }.count
        #expect(Double(routed) >= 0.6 * Double(tax.count), "\(routed)/\(tax.count) tax questions routed to tax")
    }
}
