import Foundation
import Testing
import TestSupport
@testable import Dashboards

/// Each broken fixture differs from `valid-base.json` by one mistake and must fail lint with
/// exactly one diagnostic, at the exact place.
@Suite struct LintFixtureTests {
    static let fixtures = repositoryRoot() + "/Tests/DashboardsTests/Fixtures"

    static func lint(_ name: String, checker: ExpressionChecker? = nil) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: "\(fixtures)/\(name).json"))
        return DashboardLinter(expressionChecker: checker).lint(source: Array(data), path: "\(name).json").map(\.description)
    }

    @Test func baseFixtureIsClean() throws {
        #expect(try Self.lint("valid-base") == [])
    }

    @Test(arguments: [
        ("invalid-json", "invalid-json.json:4:3: error: invalid JSON: expected ',' or '}' after object member, found '\"'"),
        ("missing-uid", "missing-uid.json:1:1: warning: dashboard has no \"uid\" (Grafana assigns one on import; promdeck finds it by file name or title)"),
        ("missing-title", "missing-title.json:1:1: error: dashboard has no \"title\""),
        ("missing-panels", "missing-panels.json:1:1: error: dashboard has no \"panels\""),
        ("duplicate-panel-id", "duplicate-panel-id.json:25:13: error: duplicate panel id 1 (first used at 13:13)"),
        ("gridpos-out-of-grid", "gridpos-out-of-grid.json:29:18: error: gridPos x + w = 13 + 12 = 25 exceeds the 24-column grid"),
        ("gridpos-negative", "gridpos-negative.json:17:25: error: gridPos \"x\" must not be negative (got -2)"),
        ("gridpos-zero-width", "gridpos-zero-width.json:29:42: error: gridPos \"w\" must be positive (got 0)"),
        ("overlapping-panels", "overlapping-panels.json:29:18: warning: panel 2 \"Panel 2\" overlaps panel 1 \"Panel 1\" in the grid"),
        ("target-without-expr", "target-without-expr.json:32:9: error: target A of panel 2 \"Panel 2\" has no \"expr\""),
        ("undefined-variable", "undefined-variable.json:20:94: error: undefined variable \"$env\" in expr"),
        ("unknown-unit", "unknown-unit.json:18:46: warning: unit \"requests/sec\" is not one of Grafana's; it is shown as a suffix"),
        ("unsupported-panel-type", "unsupported-panel-type.json:26:15: warning: unsupported panel type \"grafana-worldmap-panel\" (promdeck draws alertlist, barchart, bargauge, dashlist, gauge, graph, heatmap, histogram, piechart, singlestat, stat, state-timeline, status-history, table, table-old, text, timeseries)"),
    ])
    func brokenFixtureFailsWithExactMessage(name: String, expected: String) throws {
        #expect(try Self.lint(name) == [expected])
    }

    /// The real Prometheus parser (promtool) finds the stray `*`; its byte offset in the
    /// substituted expression maps back through `$job` → `(...)`, `\"` and `\u00e9` to the
    /// column of the `*` in the JSON file.
    @Test func promqlErrorPointsIntoTheJSONString() throws {
        let checker: ExpressionChecker = { expr in
            do { return try promtoolParseError(expr) } catch { return ("promtool failed: \(error)", 0) }
        }
        let diagnostics = try Self.lint("invalid-promql", checker: checker)
        #expect(diagnostics == ["invalid-promql.json:20:133: error: invalid PromQL: unexpected <op:*>"])
        let line = try String(contentsOfFile: "\(Self.fixtures)/invalid-promql.json", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)[19]
        #expect(Array(line)[132] == "*")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let report = DashboardLinter().lint(paths: ["\(Self.fixtures)/unsupported-panel-type.json"])
        #expect(report.errorCount == 0 && report.warningCount == 1)
        #expect(report.exitCode(strict: false) == 0)
        #expect(report.exitCode(strict: true) == 1)
    }
}
