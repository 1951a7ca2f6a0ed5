/// Grafana's override matchers (`fieldConfig.overrides[].matcher`), options decoded. Which
/// fields they pick is decided where the fields exist (the renderer's view models).
public enum FieldMatcher: Hashable, Sendable {
    /// The field's display name or its raw name ("Value") equals this.
    case byName(String)
    /// Any of the names; `exclude` inverts the match.
    case byNames([String], exclude: Bool)
    /// Grafana's stringToJsRegex: `/pattern/flags` searches, a bare pattern must match the
    /// whole display name.
    case byRegexp(String)
    /// byRegexpOrNames: the names, or the pattern when there is one.
    case byRegexpOrNames(pattern: String?, names: [String])
    /// Every field of the query with this refId.
    case byFrameRefID(String)
    /// "number", "string", "time", "boolean", ...
    case byType(String)
    /// Fields whose values, reduced, compare true: `{"reducer": "max", "op": "gte", "value": 80}`.
    case byValue(reducer: String, op: ComparisonOperator, value: Double)

    public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
        case eq, neq, lt, lte, gt, gte

        public func compare(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .eq: left == right
            case .neq: left != right
            case .lt: left < right
            case .lte: left <= right
            case .gt: left > right
            case .gte: left >= right
            }
        }
    }

    public static let knownIDs = ["byName", "byNames", "byRegexp", "byRegexpOrNames", "byFrameRefID", "byType", "byValue"]

    /// Why options do not fit a matcher, for lint; nil when they do.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownID(String)
        case badOptions(id: String, expected: String)

        public var description: String {
            switch self {
            case .unknownID(let id):
                "unknown field override matcher \"\(id)\" (promdeck knows \(FieldMatcher.knownIDs.joined(separator: ", ")))"
            case .badOptions(let id, let expected):
                "matcher \"\(id)\" needs options \(expected)"
            }
        }
    }

    public static func decode(id: String, options: JSONValue) -> Result<FieldMatcher, Problem> {
        switch id {
        case "byName", "byRegexp", "byFrameRefID", "byType":
            guard let text = options.scalarText else { return .failure(.badOptions(id: id, expected: "as a string")) }
            switch id {
            case "byName": return .success(.byName(text))
            case "byRegexp": return .success(.byRegexp(text))
            case "byFrameRefID": return .success(.byFrameRefID(text))
            default: return .success(.byType(text))
            }
        case "byNames":
            guard let names = options["names"]?.array?.compactMap(\.scalarText) else {
                return .failure(.badOptions(id: id, expected: "{\"mode\": \"include\"|\"exclude\", \"names\": [...]}"))
            }
            return .success(.byNames(names, exclude: options["mode"]?.string == "exclude"))
        case "byRegexpOrNames":
            let pattern = options["pattern"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            let names = options["names"]?.array?.compactMap(\.scalarText) ?? []
            guard case .object = options else {
                return .failure(.badOptions(id: id, expected: "{\"pattern\": \"...\", \"names\": [...]}"))
            }
            return .success(.byRegexpOrNames(pattern: pattern, names: names))
        case "byValue":
            guard let reducer = options["reducer"]?.string,
                  let op = options["op"]?.string.flatMap(ComparisonOperator.init(rawValue:)),
                  let value = options["value"]?.lenientNumber else {
                let ops = ComparisonOperator.allCases.map(\.rawValue).joined(separator: "|")
                return .failure(.badOptions(id: id, expected: "{\"reducer\": \"mean\", \"op\": \"\(ops)\", \"value\": number}"))
            }
            return .success(.byValue(reducer: reducer, op: op, value: value))
        default:
            return .failure(.unknownID(id))
        }
    }
}

extension FieldOverride {
    /// The decoded matcher; nil for an unknown id or unusable options (the override is then
    /// ignored, as Grafana ignores matchers it has no registry entry for).
    public var matcher: FieldMatcher? { try? FieldMatcher.decode(id: matcherID, options: matcherOptions).get() }
}
