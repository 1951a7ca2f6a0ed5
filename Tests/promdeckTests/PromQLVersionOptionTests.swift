import Foundation
import Testing
import TestSupport

/// `--promql-version 2|3` (issue 13) end to end: 3 is the default; 2 keeps Prometheus 2.42's
/// parser and engine semantics; a bad value is a usage error (64) before anything starts;
/// `promql_version: 2` on a config datasource makes lint check its targets as 2.42's PromQL.
@Suite("--promql-version")
struct PromQLVersionOptionTests {
    static let root = repositoryRoot()

    /// Samples exactly one minute apart, so a 1m window's left edge holds one.
    static let data = """
        # TYPE c counter
        c_total{job="api"} 1 1700000000
        c_total{job="api"} 3 1700000060
        # EOF

        """

    func query(_ arguments: [String]) throws -> CommandOutput {
        let directory = try TemporaryDirectory("promql-version")
        defer { directory.remove() }
        let file = try directory.write("data.om", Self.data)
        return try runCommand(try promdeckExecutable(), ["query"] + arguments + ["--data", file, "--format", "json"], timeout: .seconds(60))
    }

    @Test("3.x's left-open window by default, 2.42's closed one with --promql-version 2")
    func windows() throws {
        let v3 = try query(["count_over_time(c_total[1m])"])
        #expect(v3.status == 0, "\(v3.stderr)")
        #expect(v3.stdout.contains(#""value":[1700000060,"1"]"#), "\(v3.stdout)")
        let explicit = try query(["count_over_time(c_total[1m])", "--promql-version", "3"])
        #expect(explicit.stdout == v3.stdout)
        let v2 = try query(["count_over_time(c_total[1m])", "--promql-version", "2"])
        #expect(v2.status == 0, "\(v2.stderr)")
        #expect(v2.stdout.contains(#""value":[1700000060,"2"]"#), "\(v2.stdout)")
    }

    @Test("--promql-version 2 parses as 2.42: 3.x syntax is an error there")
    func parser() throws {
        #expect(try query(["c_total[2 * 30s]"]).status == 0)
        let v2 = try query(["sum(rate(c_total[2 * 30s]))", "--promql-version", "2"])
        #expect(v2.status != 0)
        #expect(v2.stderr.contains("parse error"), "\(v2.stderr)")
    }

    @Test("a bad value is a usage error on every command that takes it, before it starts")
    func badValue() throws {
        let commands: [[String]] = [
            ["query", "up", "--demo"], ["lint", "dashboards"], ["snapshot", "--demo", "--dashboard", "x"],
            ["view", "--url", "http://127.0.0.1:1"], ["demo"], ["simulate", "--api", "127.0.0.1:0"],
        ]
        for command in commands {
            let output = try runCommand(try promdeckExecutable(), command + ["--promql-version", "4"], directory: Self.root, timeout: .seconds(60))
            #expect(output.status == 64, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("--promql-version must be 2 or 3, got 4"), "\(command): \(output.stderr)")
        }
    }

    @Test("lint: --promql-version 2, or a datasource's promql_version: 2, checks 2.42's PromQL")
    func lint() throws {
        let directory = try TemporaryDirectory("lint-promql2")
        defer { directory.remove() }
        let dashboard = """
            {"uid": "u", "title": "t", "panels": [
            {"type": "timeseries", "title": "p", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [
            {"refId": "A", "expr": "rate(x[5m + 1m])"}]},
            {"type": "timeseries", "title": "old", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8}, "datasource": "old", "targets": [
            {"refId": "A", "expr": "first_over_time(x[5m])"}]}
            ]}
            """
        let file = try directory.write("d.json", dashboard)
        let config = try directory.write("config.yaml", """
            datasources:
              - name: old
                url: http://127.0.0.1:9090
                promql_version: 2

            """)
        let configured = try runCommand(try promdeckExecutable(), ["lint", "--config", config, file], directory: Self.root)
        #expect(configured.status == 1)
        #expect(configured.stdout.hasSuffix(#"5:25: error: invalid PromQL: unknown function with name "first_over_time""# + "\n"), "\(configured.stdout)")
        #expect(configured.stderr == "1 file checked, 1 error, 0 warnings\n")
        let everywhere = try runCommand(try promdeckExecutable(), ["lint", "--config", config, "--promql-version", "2", file], directory: Self.root)
        #expect(everywhere.stderr == "1 file checked, 2 errors, 0 warnings\n", "\(everywhere.stdout)")
        let v3 = try runCommand(try promdeckExecutable(), ["lint", "--config", config, "--promql-version", "3", file], directory: Self.root)
        #expect(v3.status == 0, "\(v3.stdout)")
        let bad = try directory.write("bad.yaml", "datasources:\n  - name: v\n    url: http://127.0.0.1:1\n    promql_version: 4\n")
        let refused = try runCommand(try promdeckExecutable(), ["lint", "--config", bad, file], directory: Self.root)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(#"4:21: datasource "v" promql_version: "4" is not one of 2, 3"#), "\(refused.stderr)")
    }
}
