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
            log.report(.error, file, row, cell: file.column("scope") ?? 0, .invalidRuleScope(scopeText))
            return nil
        }
        guard priorityText.isEmpty || Int(priorityText) != nil else {
            log.report(.error, file, row, cell: file.column("priority") ?? 0, .invalidPriority(priorityText))
            return nil
        }
        return (scope, Int(priorityText) ?? 0)
    }

    /// Reads routing/scope.tsv: phrase, scope (local/citywide), weight, context (empty or `name`).
    func loadScopeCues(_ file: TabularFile, normalizedKey: (String) -> String, log: DiagnosticLog) -> [ScopeCue] {
        for name in ["phrase", "scope", "weight"] where file.column(name) == nil {
            log.report(.error, file, nil, .missingScopeColumn(name))
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
                log.report(.error, file, row, cell: file.column("scope") ?? 0, .invalidCueScope(scopeText))
                continue
            }
            guard let weight = Double(weightText), weight >= 0, weight <= 10 else {
                log.report(.error, file, row, cell: file.column("weight") ?? 0, .invalidCueWeight(weightText))
                continue
            }
            guard let context = ScopeCue.Context(rawValue: contextText) else {
                log.report(.error, file, row, cell: file.column("context") ?? 0, .invalidCueContext(contextText))
                continue
            }
            let key = normalizedKey(phrase)
            guard !key.isEmpty else {
                log.report(.error, file, row, .emptyScopeCue(phrase))
                continue
            }
            if let line = seen[key] {
                log.report(.warning, file, row, .repeatedScopeCue(phrase, firstLine: line))
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
        // Keys as bytes, padded with spaces so containment is by whole terms: every pair of rules
        // is compared, and Foundation's `contains` cost ~10,000 instructions a call.
        let keys = rules.map { Array((" " + normalizedKey($0.phrase) + " ").utf8) }
        func terms(_ i: Int) -> Int { rules[i].phrase.isEmpty ? 0 : keys[i].split(separator: 0x20).count }
        for a in rules.indices {
            for b in rules.indices where b != a {
                let (ra, rb) = (rules[a], rules[b])
                // b applies whenever a applies…
                guard rb.theme == ra.theme || rb.theme == "*" else { continue }
                guard rb.phrase.isEmpty || (!ra.phrase.isEmpty && ByteSearch.contains(keys[a], keys[b])) else {
                    continue
                }
                guard rb.scope == nil || rb.scope == ra.scope else { continue }
                guard rb.period.from.map({ f in ra.period.from.map { f <= $0 } ?? false }) ?? true,
                    rb.period.until.map({ u in ra.period.until.map { $0 <= u } ?? false }) ?? true
                else { continue }
                // …and always wins.
                let pa = ra.precedence(phraseTerms: terms(a))
                let pb = rb.precedence(phraseTerms: terms(b))
                guard pa < pb, let row = file.rows.first(where: { $0.line == ra.source.line })
                else { continue }
                log.report(.warning, file, row, .shadowedRule(by: rb.source.line))
                break
            }
        }
    }
}
