import Testing
@testable import Dashboards

/// Lint rules on small inline dashboards.
@Suite struct LintRulesTests {
    static func source(_ panels: String, variables: String = "") -> String {
        "{\"uid\": \"u\", \"title\": \"t\",\n\"templating\": {\"list\": [\(variables)]},\n\"panels\": [\n\(panels)\n]}"
    }

    static func lint(_ panels: String, variables: String = "", checker: ExpressionChecker? = nil) -> [String] {
        DashboardLinter(expressionChecker: checker).lint(source: source(panels, variables: variables), path: "d.json")
            .map(\.description)
    }

    /// "line:col" of the `occurrence`-th `needle` in the dashboard text, found independently
    /// of the parser (columns count characters).
    static func at(_ needle: String, in panels: String, variables: String = "", occurrence: Int = 1) -> String {
        let lines = source(panels, variables: variables).split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (index, line) in lines.enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence { return "\(index + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 1)" }
                rest = rest[range.upperBound...]
            }
        }
        return "not found"
    }

    static func panel(_ id: Int, _ grid: String, expr: String = "up", unit: String = "short", extra: String = "") -> String {
        "{\"id\": \(id), \"type\": \"timeseries\", \"gridPos\": {\(grid)}, \"fieldConfig\": {\"defaults\": {\"unit\": \"\(unit)\"}}"
            + ", \"targets\": [{\"refId\": \"A\", \"expr\": \"\(expr)\"}]\(extra)}"
    }

    @Test func collapsedRowPanelsAreLaidOutOnTheirOwn() {
        let row = "{\"id\": 2, \"type\": \"row\", \"collapsed\": true, \"gridPos\": {\"x\": 0, \"y\": 8, \"w\": 24, \"h\": 1}, \"panels\": ["
            + Self.panel(3, "\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8") + ", " + Self.panel(4, "\"x\": 6, \"y\": 2, \"w\": 12, \"h\": 8") + "]}"
        let panels = Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 8") + ",\n" + row
        // 3 sits where 1 is but lives in the collapsed row; 4 overlaps its sibling 3.
        let grid = Self.at("{\"x\": 6", in: panels)
        #expect(Self.lint(panels) == ["d.json:\(grid): warning: panel 4 overlaps panel 3 in the grid"])
    }

    @Test func customAndOverrideUnits() {
        let overrides = ", \"fieldConfig\": {\"defaults\": {\"unit\": \"suffix:req\"}, \"overrides\": [{\"matcher\": {\"id\": \"byName\", \"options\": \"x\"}, \"properties\": [{\"id\": \"unit\", \"value\": \"secs\"}]}]}"
        let text = "{\"id\": 1, \"type\": \"stat\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4}, \"targets\": [{\"refId\": \"A\", \"expr\": \"up\"}]\(overrides)}"
        #expect(Self.lint(text) == ["d.json:\(Self.at("\"secs\"", in: text)): warning: unit \"secs\" is not one of Grafana's; it is shown as a suffix"])
        for unit in ["µs", "currencyUSD", "percentunit", "dateTimeAsIso", "locale", "prefix:$", "si:W", "count:msg", "currency:฿", "time:YYYY"] {
            #expect(Self.lint(Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4", unit: unit)) == [], "\(unit)")
        }
    }

    @Test func undefinedVariablesInDatasourceAndVariableQueries() {
        let variables = "{\"name\": \"job\", \"type\": \"query\", \"query\": {\"query\": \"label_values(up{env=\\\"$env\\\"}, job)\"}}"
        let panel = Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4", expr: "up{job=\\\"$job\\\"}",
                               extra: ", \"datasource\": {\"uid\": \"${ds}\"}")
        #expect(Self.lint(panel, variables: variables) == [
            "d.json:\(Self.at("$env", in: panel, variables: variables)): error: undefined variable \"$env\" in variable query",
            "d.json:\(Self.at("${ds}", in: panel, variables: variables)): error: undefined variable \"$ds\" in datasource",
        ])
    }

    @Test func checkerSeesPlausibleValuesAndErrorsInsideAVariableMapToIt() {
        let variables = "{\"name\": \"window\", \"type\": \"interval\", \"query\": \"1m,5m\"}, {\"name\": \"job\", \"type\": \"query\", \"multi\": true}"
        let seen = SeenExpressions()
        // A checker that rejects the substituted window value, wherever it is.
        let checker: ExpressionChecker = { expr in
            seen.append(expr)
            return expr.utf8.firstIndex(of: UInt8(ascii: "[")).map { ("bad range", expr.utf8.distance(from: expr.utf8.startIndex, to: $0) + 1) }
        }
        let panel = Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4", expr: "rate(x{job=~\\\"$job\\\"}[$window])")
        let window = Self.at("$window", in: panel, variables: variables)
        #expect(Self.lint(panel, variables: variables, checker: checker) == ["d.json:\(window): error: invalid PromQL: bad range"])
        #expect(seen.all == [#"rate(x{job=~"placeholder"}[1m])"#])
    }

    @Test func builtInsAreSubstitutedEvenWithoutTemplating() {
        let seen = SeenExpressions()
        let checker: ExpressionChecker = { expr in
            seen.append(expr)
            return nil
        }
        let text = "{\"uid\": \"u\", \"title\": \"t\", \"panels\": [" + Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4",
            expr: "rate(x[$__rate_interval]) / $__range_s") + "]}"
        #expect(DashboardLinter(expressionChecker: checker).lint(source: text, path: "d.json") == [])
        #expect(seen.all == ["rate(x[1m]) / 3600"])
    }

    @Test func unknownVariableFormatIsAWarning() {
        let variables = "{\"name\": \"job\", \"type\": \"custom\", \"query\": \"a,b\"}"
        let panel = Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4", expr: "up{job=~\\\"${job:regx}|${job:regex}\\\"}")
        #expect(Self.lint(panel, variables: variables) == [
            "d.json:\(Self.at("${job:regx}", in: panel, variables: variables)): warning: unknown variable format \"regx\" (Grafana falls back to glob)",
        ])
    }

    @Test func checkerIsSkippedWhenVariablesAreUndefined() {
        let checker: ExpressionChecker = { _ in ("should not run", 0) }
        let panel = Self.panel(1, "\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 4", expr: "up{job=\\\"$nope\\\"}")
        #expect(Self.lint(panel, checker: checker) == ["d.json:\(Self.at("$nope", in: panel)): error: undefined variable \"$nope\" in expr"])
    }

    @Test func structuralErrors() {
        #expect(DashboardLinter().lint(source: "[1]", path: "d.json").map(\.description)
            == ["d.json:1:1: error: a dashboard must be a JSON object, found an array"])
        #expect(DashboardLinter().lint(source: "{\"uid\": \"\", \"title\": 3, \"panels\": {}}", path: "d.json").map(\.description) == [
            "d.json:1:9: error: \"uid\" must not be empty",
            "d.json:1:22: error: \"title\" must be a string, found a number",
            "d.json:1:35: error: \"panels\" must be an array, found an object",
        ])
        let noGrid = "{\"id\": 1, \"type\": \"text\"}, {\"id\": 2, \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 6}}"
        #expect(Self.lint(noGrid) == [
            "d.json:4:1: error: panel 1 has no \"gridPos\"",
            "d.json:\(Self.at("{\"id\": 2", in: noGrid)): error: panel 2 has no \"type\"",
            "d.json:\(Self.at("{\"x\"", in: noGrid)): error: gridPos has no \"h\"",
        ])
    }
}

/// Collects what a checker was called with (checkers are @Sendable).
final class SeenExpressions: @unchecked Sendable {
    private var items: [String] = []
    func append(_ s: String) { items.append(s) }
    var all: [String] { items }
}
