/// Renders pile statistics as terminal tables, CSV or JSON; several piles side
/// by side show what grew and what shrank.
package struct StatisticsPrinter: Sendable {
    package var language: Language
    package var themeLabels: [String: String]

    package init(language: Language, themeLabels: [String: String]) {
        self.language = language
        self.themeLabels = themeLabels
    }

    /// The sections: (title, rows of key → counts per pile).
    func sections(_ piles: [PileStatistics]) -> [(
        title: String, keys: [String], counts: (PileStatistics, String) -> Int, label: (String) -> String
    )] {
        let l = language
        func keys(_ pick: (PileStatistics) -> [String: Int]) -> [String] {
            var merged: [String: Int] = [:]
            for pile in piles { for (key, value) in pick(pile) { merged[key, default: 0] += value } }
            return PileStatistics.ranked(merged).map(\.key)
        }
        let agencyNames = piles.reduce(into: [String: String]()) { $0.merge($1.agencyNames) { a, _ in a } }
        return [
            (
                l.pick("Chủ đề chính", "Main theme"), keys { $0.byMainTheme }, { $0.byMainTheme[$1] ?? 0 },
                { themeLabels[$0] ?? $0 }
            ),
            (
                l.pick("Mọi chủ đề (một kiến nghị có thể nhiều chủ đề)", "Any theme (a petition may have several)"),
                keys { $0.byTheme }, { $0.byTheme[$1] ?? 0 }, { themeLabels[$0] ?? $0 }
            ),
            (
                l.pick("Cơ quan đề xuất", "Suggested agency"), keys { $0.byAgency }, { $0.byAgency[$1] ?? 0 },
                { agencyNames[$0] ?? $0 }
            ),
            (
                l.pick("Quận/huyện, KCN được nêu", "District or zone named"), keys { $0.byPlace },
                { $0.byPlace[$1] ?? 0 }, { $0 }
            ),
            (
                l.pick("Mức khẩn", "Urgency"), keys { $0.byUrgency }, { $0.byUrgency[$1] ?? 0 },
                { UrgencyFlag(rawValue: $0).map { ClassificationPresenter.urgencyLabel($0, l) } ?? $0 }
            ),
        ]
    }

    package func table(_ piles: [PileStatistics]) -> String {
        let l = language
        var out = ""
        for pile in piles {
            out += l.pick(
                "\(pile.label): \(pile.total) kiến nghị, \(pile.reviewCount) chờ xem xét",
                "\(pile.label): \(pile.total) petitions, \(pile.reviewCount) in review")
            if pile.rejected > 0 {
                out += l.pick(", \(pile.rejected) dòng bị loại", ", \(pile.rejected) rows rejected")
            }
            if pile.unreadFiles > 0 {
                out += l.pick(", \(pile.unreadFiles) tệp không đọc được", ", \(pile.unreadFiles) files not read")
            }
            out += "\n"
        }
        for section in sections(piles) where !section.keys.isEmpty {
            out += "\n== \(section.title) ==\n"
            let width = min(48, section.keys.map { section.label($0).count }.max() ?? 10)
            for key in section.keys {
                let name = section.label(key)
                var line = (name.count > width ? String(name.prefix(width - 1)) + "…" : name).padding(toLength: width)
                for pile in piles {
                    let count = section.counts(pile, key)
                    line += "  " + String(count).leftPadded(6) + " " + percent(pile.share(count)).leftPadded(6)
                }
                if piles.count == 2 {
                    let delta = section.counts(piles[1], key) - section.counts(piles[0], key)
                    line += "  " + (delta > 0 ? "▲ +\(delta)" : delta < 0 ? "▼ \(delta)" : "= 0")
                }
                out += line + "\n"
            }
        }
        if let pile = piles.first, piles.count == 1 {
            out += "\n== " + l.pick("Chủ đề × địa bàn", "Theme × place") + " ==\n"
            out += crossTable(pile).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Theme × place counts with a header row.
    package func crossTable(_ pile: PileStatistics) -> [[String]] {
        var placeTotals: [String: Int] = [:]
        for row in pile.themeByPlace.values { for (place, count) in row { placeTotals[place, default: 0] += count } }
        let places = PileStatistics.ranked(placeTotals).map(\.key)
        var rows = [[language.pick("chủ đề", "theme")] + places]
        for (theme, _) in PileStatistics.ranked(pile.byMainTheme) {
            rows.append([themeLabels[theme] ?? theme] + places.map { String(pile.themeByPlace[theme]?[$0] ?? 0) })
        }
        return rows
    }

    package func csv(_ piles: [PileStatistics]) -> String {
        var out =
            "\u{FEFF}"
            + CSVRow.line(
                [language.pick("nhóm", "section"), language.pick("mục", "key"), language.pick("tên", "name")]
                    + piles.flatMap {
                        [
                            $0.label + language.pick(" (số)", " (count)"),
                            $0.label + language.pick(" (tỉ lệ)", " (share)"),
                        ]
                    })
        for section in sections(piles) {
            for key in section.keys {
                out += CSVRow.line(
                    [section.title, key, section.label(key)]
                        + piles.flatMap { pile -> [String] in
                            let count = section.counts(pile, key)
                            return [String(count), String(format: "%.4f", pile.share(count))]
                        })
            }
        }
        return out
    }

    private func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}

/// One CSV line with RFC 4180 quoting and the formula-injection guard.
package enum CSVRow {
    package static func line(_ cells: [String]) -> String { CSVPetitionWriter.line(cells) }
}

extension String {
    package func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    package func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
