/// Words a decision in one language: theme and urgency labels, agency names
/// and routing reasons, looked up from the lexicon and the reason codes. The
/// decision itself (``Classification``) is data; this is the one place its
/// wording comes from, so a caller picks the language at the edge.
public struct ClassificationPresenter: Sendable {
    /// The language of every string this presenter returns.
    public let language: Language
    let lexicon: Lexicon
    /// Lookups made once, so writers can word every row without scanning the lexicon.
    let themeLabels: [String: String]
    let agencyRecords: [String: [AgencyRecord]]
    /// Each rule's reason in this language, by the rule's source (`routing/rules.tsv:12`).
    let ruleReasons: [String: String]

    /// A presenter for `language`, naming themes and agencies from `lexicon`.
    package init(language: Language, lexicon: Lexicon) {
        self.language = language
        self.lexicon = lexicon
        var labels: [String: String] = [:]
        for theme in lexicon.themes where labels[theme.id] == nil { labels[theme.id] = theme.label(language) }
        themeLabels = labels
        agencyRecords = Dictionary(grouping: lexicon.routing.agencies, by: \.id)
        var reasons: [String: String] = [:]
        for rule in lexicon.routing.rules where reasons[rule.source.description] == nil {
            reasons[rule.source.description] = language.pick(rule.reasonVi, rule.reasonEn)
        }
        ruleReasons = reasons
    }

    /// A presenter for `language` with the lexicons of `pipeline`.
    public init(language: Language, pipeline: PetitionPipeline) {
        self.init(language: language, lexicon: pipeline.lexicon)
    }

    /// The theme's label ("Lao động, việc làm"), or its id when the lexicon has no such theme.
    public func themeLabel(_ id: String) -> String {
        themeLabels[id] ?? id
    }

    /// The urgency flag's label ("Nợ lương").
    public func urgencyLabel(_ flag: UrgencyFlag) -> String { Self.urgencyLabel(flag, language) }

    /// The urgency flag's label in `language`, for printers that hold no presenter.
    static func urgencyLabel(_ flag: UrgencyFlag, _ language: Language) -> String {
        switch flag {
        case .strike: language.pick("Đình công, ngừng việc", "Strike or work stoppage")
        case .unpaidWages: language.pick("Nợ lương", "Unpaid wages")
        case .accident: language.pick("Tai nạn, an toàn", "Accident or safety")
        case .layoff: language.pick("Mất việc hàng loạt", "Mass layoff")
        case .violence: language.pick("Bạo lực, đe doạ", "Violence or threats")
        }
    }

    /// The agency's general name on the routing date ("Sở Xây dựng").
    public func agencyName(_ suggestion: AgencySuggestion, asOf date: RoutingDate) -> String {
        recordName(suggestion.id, on: date) ?? suggestion.id
    }

    /// The body that should answer, named for the petition ("Ủy ban nhân dân huyện Đông Anh").
    public func bodyName(_ suggestion: AgencySuggestion, asOf date: RoutingDate) -> String {
        guard let name = recordName(suggestion.id, on: date) else { return suggestion.id }
        return bodyName(suggestion, recordName: name)
    }

    /// Why the agency was suggested, in one sentence.
    public func reason(_ suggestion: AgencySuggestion, asOf date: RoutingDate) -> String {
        reason(suggestion.reasons, ruleReason: ruleReasons[suggestion.rule], asOf: date)
    }

    /// One line of accounting: rows read = classified + sent to review + rejected (and why).
    public func summary(_ summary: PileSummary) -> String { FailurePresenter(language: language).summary(summary) }

    /// What went wrong with a whole input file, and what to do.
    public func failure(_ failure: InputFailure) -> String { FailurePresenter(language: language).message(failure) }

    /// Why a row was rejected, with its file and line.
    public func rejection(_ row: RejectedRow) -> String { FailurePresenter(language: language).rejection(row) }

    /// The name of the agency's record in force on `date` (else its last),
    /// read in place: a record is many strings, and this runs per petition.
    func recordName(_ id: String, on date: RoutingDate) -> String? {
        guard let records = agencyRecords[id], !records.isEmpty else { return nil }
        let index = records.firstIndex { $0.period.contains(date) } ?? records.count - 1
        return records[index].name(language)
    }

    func agencyLabel(_ id: String) -> String {
        agencyRecords[id]?.last.map { $0.name(language) } ?? id
    }

    func bodyName(_ suggestion: AgencySuggestion, recordName: String) -> String {
        let committee = language.pick("Ủy ban nhân dân", "People's Committee of")
        switch LocalAgency(rawValue: suggestion.id) {
        case .district? where suggestion.localUnits.count == 1:
            return "\(committee) \(suggestion.localUnits[0])"
        case .commune? where suggestion.localUnits.count == 1:
            return "\(committee) \(suggestion.localUnits[0].lowercasedFirstWord)"
        default:
            return recordName
        }
    }

    func reason(_ reasons: [RoutingReason], ruleReason: String?, asOf date: RoutingDate) -> String {
        let l = language
        var text = ""
        for reason in reasons {
            switch reason {
            case .rule:
                text += ruleReason ?? ""
            case .phrase(let surface):
                text += l.pick(" (có cụm từ \"\(surface)\")", " (the petition says \"\(surface)\")")
            case .scope(let scope, let cues):
                let quoted = cues.map { "\"\($0)\"" }.joined(separator: ", ")
                text +=
                    scope == .local
                    ? l.pick("; việc ở một địa bàn cụ thể: \(quoted)", "; a local matter: \(quoted)")
                    : l.pick(
                        "; việc chung toàn thành phố hoặc chính sách: \(quoted)",
                        "; a city-wide or policy matter: \(quoted)")
            case .takenOver(let former, let until, let successor):
                let old = agencyLabel(former)
                let new = recordName(successor, on: date) ?? successor
                text +=
                    until.map {
                        l.pick(
                            "; sau ngày \($0), \(old) chuyển giao cho \(new)",
                            "; after \($0), \(old) was taken over by \(new)")
                    }
                    ?? l.pick("; \(old) đã chuyển giao cho \(new)", "; \(old) was taken over by \(new)")
            case .reviewFromPhrase:
                text += l.pick(
                    "; chờ xem xét: chưa rõ chủ đề, gợi ý theo cụm từ",
                    "; needs review: no theme yet, suggested from a phrase")
            case .reviewFromTheme(let theme):
                text += l.pick(
                    "; chờ xem xét: gợi ý theo chủ đề gần nhất (\(themeLabel(theme)))",
                    "; needs review: suggested from the nearest theme (\(themeLabel(theme)))")
            case .placeUnknown(.district, let unlisted):
                text +=
                    unlisted.map {
                        l.pick(
                            "; đơn nêu \"\($0)\" (không có trong danh mục): cần xác định quận/huyện",
                            "; the petition names \"\($0)\" (not in the gazetteer): find the district")
                    }
                    ?? l.pick(
                        "; đơn không nêu quận/huyện, cần xác định nơi xử lý",
                        "; the petition names no district: find the right one")
            case .placeUnknown(.commune, let unlisted):
                text +=
                    unlisted.map {
                        l.pick(
                            "; đơn nêu \"\($0)\" (không có trong danh mục 2025): cần xác định phường/xã",
                            "; the petition names \"\($0)\" (not in the 2025 gazetteer): find the ward or commune")
                    }
                    ?? l.pick(
                        "; đơn không nêu phường/xã, cần xác định nơi xử lý",
                        "; the petition names no ward or commune: find the right one")
            case .placeSplit(let surface, let units):
                text += l.pick(
                    "; \(surface) trước đây nay thuộc nhiều phường/xã (\(units.joined(separator: ", "))): cần xác định đúng nơi",
                    "; the former \(surface) is now split among several units (\(units.joined(separator: ", "))): pick the right one"
                )
            }
        }
        return text
    }
}
