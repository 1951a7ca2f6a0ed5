/// Finding a dashboard by what a person types after `--dashboard`: its file name (with or
/// without ".json"), uid or title, ignoring case; then the same with punctuation and spaces
/// folded to dashes, so `service-health-overview` finds "Service Health Overview". Exact ways
/// win in that order; two dashboards matching the same way is an error, not a guess.
public struct DashboardLookup: Sendable {
    public struct Candidate: Sendable {
        public var fileName: String?
        public var path: String?
        public var dashboard: Dashboard

        public init(fileName: String? = nil, path: String? = nil, dashboard: Dashboard) {
            self.fileName = fileName
            self.path = path
            self.dashboard = dashboard
        }
    }

    public var candidates: [Candidate]

    public init(_ candidates: [Candidate]) {
        self.candidates = candidates
    }

    public init(dashboards: [Dashboard]) {
        candidates = dashboards.map { Candidate(dashboard: $0) }
    }

    public func index(of name: String) throws(DashboardLoadError) -> Int {
        let wanted = name.lowercased()
        let stem = wanted.hasSuffix(".json") ? String(wanted.dropLast(5)) : wanted
        let ways: [(Candidate) -> Bool] = [
            { $0.fileName?.lowercased() == stem },
            { $0.dashboard.uid.lowercased() == wanted },
            { $0.dashboard.title.lowercased() == wanted },
            { [Self.slug(stem)].contains(Self.slug($0.dashboard.title)) || Self.slug($0.dashboard.uid) == Self.slug(stem) },
        ]
        for matches in ways {
            let found = candidates.indices.filter { matches(candidates[$0]) }
            if found.count == 1 { return found[0] }
            if found.count > 1 {
                throw DashboardLoadError(path: nil, message: "\"\(name)\" matches several dashboards: "
                    + found.map { candidates[$0].path ?? describe(candidates[$0]) }.joined(separator: ", "))
            }
        }
        throw DashboardLoadError(path: nil, message: "no dashboard named \"\(name)\"; available: \(availableList)")
    }

    /// Each dashboard as "name (uid, "Title")", for error messages and listings.
    public var availableList: String {
        candidates.isEmpty ? "none" : candidates.map(describe).joined(separator: ", ")
    }

    private func describe(_ candidate: Candidate) -> String {
        let title = "uid \(candidate.dashboard.uid), \"\(candidate.dashboard.title)\""
        return candidate.fileName.map { "\($0) (\(title))" } ?? "\"\(candidate.dashboard.title)\" (uid \(candidate.dashboard.uid))"
    }

    private static func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
