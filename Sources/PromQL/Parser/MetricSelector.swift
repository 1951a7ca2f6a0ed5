import PromModel

extension PromQLParser {
    /// Prometheus's `parser.ParseMetricSelector`, used for the API's `match[]`: exactly one
    /// vector selector (`name`, `name{…}` or `{…}`) and none of the expression checks, so
    /// `{job=~".*"}` parses here and the API rejects it with its own message. 3.x also takes
    /// quoted UTF-8 names (`{"http.server.duration"}`).
    public static func parseMetricSelector(_ input: String, version: PromQLVersion = .v2) throws(ParseError) -> [LabelMatcher] {
        var parser = Parser(input, version: version)
        let selector: VectorSelector
        switch parser.current.kind {
        case .leftBrace:
            selector = try parser.parseSelector(name: nil)
        case let kind where kind == .metricIdentifier || Parser.canBeLabel(kind, version):
            selector = try parser.parseSelector(name: parser.current)
        default:
            throw parser.unexpected()
        }
        guard parser.current.kind == .eof else { throw parser.unexpected() }
        return selector.matchers
    }
}
