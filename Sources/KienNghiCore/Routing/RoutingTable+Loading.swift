/// Reading and checking the scope parts of the routing table: the `scope` and
/// `priority` columns of rules.tsv, the cues of scope.tsv, and rules that can
/// never win.
extension LexiconLoader {
    /// The optional `scope` and `priority` cells of a rules.tsv row; nil (after
    /// reporting) when one is invalid.
    func ruleScopeAndPriority(_ file: TabularFile, _ row: TabularFile.Row, log: DiagnosticLog) -> (RoutingScope?, Int)?
    {
        let scopeText = file.cell(row, "scope")
        let priorityText = file.cell(row, "priority")
        let scope = RoutingScope(rawValue: scopeText)
        if !scopeText.isEmpty && scope == nil {
            log.report(
                .error, file, row, cell: file.column("scope") ?? 0,
                ("phạm vi \"\(scopeText)\" không hợp lệ", "invalid scope \"\(scopeText)\""),
                fix: (
                    "để trống (mọi phạm vi) hoặc ghi local (một địa bàn) hay citywide (toàn thành phố, chính sách)",
                    "leave it empty (any scope) or write local (one place) or citywide (whole city, policy)"
                ))
            return nil
        }
        guard priorityText.isEmpty || Int(priorityText) != nil else {
            log.report(
                .error, file, row, cell: file.column("priority") ?? 0,
                (
                    "độ ưu tiên \"\(priorityText)\" không phải số nguyên",
                    "priority \"\(priorityText)\" is not a whole number"
                ),
                fix: (
                    "để trống (0) hoặc ghi một số nguyên, số lớn hơn thắng khi hai quy tắc cụ thể như nhau",
                    "leave it empty (0) or write a whole number; higher wins between equally specific rules"
                ))
            return nil
        }
        return (scope, Int(priorityText) ?? 0)
    }

    /// Reads routing/scope.tsv: phrase, scope (local/citywide), weight, context (empty or `name`).
    func loadScopeCues(_ file: TabularFile, normalizedKey: (String) -> String, log: DiagnosticLog) -> [ScopeCue] {
        for name in ["phrase", "scope", "weight"] where file.column(name) == nil {
            log.report(
                .error, file, nil, ("thiếu cột: \(name)", "missing column: \(name)"),
                fix: (
                    "dòng tiêu đề phải có các cột: phrase, scope, weight, context",
                    "the header must name the columns: phrase, scope, weight, context"
                ))
            return []
        }
        var cues: [ScopeCue] = []
        var seen: [String: Int] = [:]
        for row in file.rows {
            let phrase = file.cell(row, "phrase")
            let scopeText = file.cell(row, "scope")
            let weightText = file.cell(row, "weight").replacingOccurrences(of: ",", with: ".")
            let contextText = file.cell(row, "context")
            guard let scope = RoutingScope(rawValue: scopeText) else {
                log.report(
                    .error, file, row, cell: file.column("scope") ?? 0,
                    ("phạm vi \"\(scopeText)\" không hợp lệ", "invalid scope \"\(scopeText)\""),
                    fix: (
                        "ghi local (một địa bàn) hoặc citywide (toàn thành phố, chính sách)",
                        "write local (one place) or citywide (whole city, policy)"
                    ))
                continue
            }
            guard let weight = Double(weightText), weight >= 0, weight <= 10 else {
                log.report(
                    .error, file, row, cell: file.column("weight") ?? 0,
                    ("trọng số \"\(weightText)\" không hợp lệ", "invalid weight \"\(weightText)\""),
                    fix: (
                        "ghi một số từ 0 đến 10 (1 hỗ trợ, 2 rõ; 0 để che một cụm từ dài hơn không phải dấu hiệu)",
                        "write a number from 0 to 10 (1 supporting, 2 clear; 0 masks a longer phrase that is not a cue)"
                    ))
                continue
            }
            guard let context = ScopeCue.Context(rawValue: contextText) else {
                log.report(
                    .error, file, row, cell: file.column("context") ?? 0,
                    ("ngữ cảnh \"\(contextText)\" không hợp lệ", "invalid context \"\(contextText)\""),
                    fix: (
                        "để trống, ghi name (chỉ tính khi có chữ hay số theo sau) hoặc number (chỉ tính khi có số theo sau)",
                        "leave it empty, or write name (counts only before a word or number) or number (only before a number)"
                    ))
                continue
            }
            let key = normalizedKey(phrase)
            guard !key.isEmpty else {
                log.report(
                    .error, file, row,
                    (
                        "cụm từ \"\(phrase)\" sau khi chuẩn hoá không còn gì để so khớp",
                        "phrase \"\(phrase)\" normalises to nothing"
                    ),
                    fix: ("ghi cụm từ bằng chữ, ví dụ \"ngõ\"", "write the phrase in words, e.g. \"ngõ\""))
                continue
            }
            if let line = seen[key] {
                log.report(
                    .warning, file, row,
                    (
                        "cụm từ \"\(phrase)\" đã có ở dòng \(line); dòng này không bao giờ được dùng",
                        "phrase \"\(phrase)\" already appears on line \(line); this row is never used"
                    ),
                    fix: ("xoá một dòng", "delete one of the rows"))
                continue
            }
            seen[key] = row.line
            cues.append(
                ScopeCue(
                    phrase: phrase, scope: scope, weight: weight, context: context,
                    source: LexiconSource(file: "routing/scope.tsv", line: row.line)))
        }
        return cues
    }

    /// Warns about rules that can never decide: whenever the rule applies, a
    /// more specific (or higher-priority) rule applies too.
    func reportShadowedRules(
        _ rules: [RoutingRule], file: TabularFile, normalizedKey: (String) -> String, log: DiagnosticLog
    ) {
        let keys = rules.map { " " + normalizedKey($0.phrase) + " " }
        func terms(_ i: Int) -> Int { rules[i].phrase.isEmpty ? 0 : keys[i].split(separator: " ").count }
        for a in rules.indices {
            for b in rules.indices where b != a {
                let (ra, rb) = (rules[a], rules[b])
                // b applies whenever a applies…
                guard rb.theme == ra.theme || rb.theme == "*" else { continue }
                guard rb.phrase.isEmpty || (!ra.phrase.isEmpty && keys[a].contains(keys[b])) else { continue }
                guard rb.scope == nil || rb.scope == ra.scope else { continue }
                guard rb.period.from.map({ f in ra.period.from.map { f <= $0 } ?? false }) ?? true,
                    rb.period.until.map({ u in ra.period.until.map { $0 <= u } ?? false }) ?? true
                else { continue }
                // …and always wins.
                let pa = ra.precedence(phraseTerms: terms(a))
                let pb = rb.precedence(phraseTerms: terms(b))
                guard pa.lexicographicallyPrecedes(pb), let row = file.rows.first(where: { $0.line == ra.source.line })
                else { continue }
                log.report(
                    .warning, file, row,
                    (
                        "quy tắc này không bao giờ được chọn: dòng \(rb.source.line) luôn áp dụng cùng lúc và cụ thể hơn hoặc ưu tiên cao hơn",
                        "this rule never decides: line \(rb.source.line) always applies with it and is more specific or has a higher priority"
                    ),
                    fix: (
                        "xoá dòng này, hoặc tăng priority của nó, hoặc thu hẹp dòng \(rb.source.line)",
                        "delete this row, raise its priority, or narrow line \(rb.source.line)"
                    ))
                break
            }
        }
    }
}
