import Foundation
import Testing
import TestSupport

/// `promdeck lint` end to end: the built executable, its output and exit status.
@Suite struct LintCommandTests {
    static let root = repositoryRoot()

    static func promdeck() throws -> String { try promdeckExecutable() }

    @Test func seedDashboardsAreClean() throws {
        let output = try runCommand(try Self.promdeck(), ["lint"], directory: Self.root)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout == "")
        #expect(output.stderr == "4 files checked, 0 errors, 0 warnings\n")
    }

    /// `demo --regions`' dashboard names only the demo's datasources (region-a, region-b, global).
    @Test func regionsOverviewIsCleanAgainstTheRegionalDemosDatasources() throws {
        let work = try TemporaryDirectory("lint-regions")
        defer { work.remove() }
        let config = try work.write("config.yaml", """
            datasources:
              - {name: region-a, uid: region-a, type: prometheus, url: "http://127.0.0.1:1"}
              - {name: region-b, uid: region-b, type: prometheus, url: "http://127.0.0.1:1"}
              - {name: global, uid: global, type: prometheus, url: "http://127.0.0.1:1"}
            """)
        let output = try runCommand(try Self.promdeck(), ["lint", "--strict", "--config", config, "dashboards/regions"], directory: Self.root)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stderr == "1 file checked, 0 errors, 0 warnings\n")
        let other = try work.write("other.yaml", """
            datasources:
              - {name: prod, uid: prod, url: "http://127.0.0.1:1"}
              - {name: vm, uid: vm, url: "http://127.0.0.1:2"}
            """)
        let unknown = try runCommand(try Self.promdeck(), ["lint", "--strict", "--config", other, "dashboards/regions"], directory: Self.root)
        #expect(unknown.stdout.contains("region-a") && unknown.stdout.contains("global"), "\(unknown.stdout)\(unknown.stderr)")
    }

    @Test func errorsPrintFileLineColumnAndFail() throws {
        let fixture = "Tests/DashboardsTests/Fixtures/undefined-variable.json"
        let output = try runCommand(try Self.promdeck(), ["lint", fixture, "dashboards"], directory: Self.root)
        #expect(output.status == 1)
        #expect(output.stdout == "\(fixture):20:94: error: undefined variable \"$env\" in expr\n")
        #expect(output.stderr == "5 files checked, 1 error, 0 warnings\n")
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let fixture = "Tests/DashboardsTests/Fixtures/unsupported-panel-type.json"
        let relaxed = try runCommand(try Self.promdeck(), ["lint", fixture], directory: Self.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasPrefix("\(fixture):26:15: warning: unsupported panel type \"grafana-worldmap-panel\""))
        let strict = try runCommand(try Self.promdeck(), ["lint", "--strict", fixture], directory: Self.root)
        #expect(strict.status == 1)
    }

    @Test func missingPathIsAnError() throws {
        let output = try runCommand(try Self.promdeck(), ["lint", "no/such/dir"], directory: Self.root)
        #expect(output.status == 1)
        #expect(output.stdout == "no/such/dir: error: no such file or directory\n")
    }

    /// Issue 13: 3.x syntax is valid; flagged syntax warns with the flag; holt_winters names
    /// its successor; VictoriaMetrics targets are checked as MetricsQL (by plugin type, or
    /// by a config datasource with `flavor: victoriametrics`).
    @Test func promQL3FlagsAndMetricsQL() throws {
        let directory = try TemporaryDirectory("lint-promql3")
        defer { directory.remove() }
        func target(_ ref: String, _ expr: String) -> String {
            #"{"refId": "\#(ref)", "expr": \#(String(decoding: try! JSONEncoder().encode(expr), as: UTF8.self))}"#
        }
        let dashboard = """
            {"uid": "u", "title": "t", "panels": [
            {"type": "timeseries", "title": "p", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [
            \(target("A", #"sum by ("service.name") (rate({"http.server.duration"}[5m + 1m] offset (1h / 2)))"#)),
            \(target("B", "limitk(2, rate(x[5m]))")),
            \(target("C", "holt_winters(x[5m], 0.5, 0.5)")),
            \(target("D", "rate(x[5m] anchored) + fill(0) y"))]},
            {"type": "timeseries", "title": "vm", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
             "datasource": {"type": "victoriametrics-metrics-datasource", "uid": "vm1"}, "targets": [
            \(target("A", "WITH (f = rate(x)) f keep_metric_names default 0 if y > 1Ki")),
            \(target("B", "sum(rate(x[5i])) by (job) limit 10 + 1.5m")),
            \(target("C", "sum(rate(x[5m]) by (job"))]},
            {"type": "timeseries", "title": "vm2", "gridPos": {"x": 0, "y": 8, "w": 12, "h": 8},
             "datasource": "victoria", "targets": [\(target("A", "rate(x)"))]},
            {"type": "timeseries", "title": "vm3", "gridPos": {"x": 12, "y": 8, "w": 12, "h": 8},
             "datasource": {"type": "prometheus", "uid": "$ds"}, "targets": [\(target("A", "increase(sum(x))")), \(target("B", "rat(x)"))]},
            {"type": "timeseries", "title": "vm4", "gridPos": {"x": 0, "y": 16, "w": 12, "h": 8},
             "datasource": {"type": "victoriametrics-datasource", "uid": "v"}, "targets": [\(target("A", "topk_max(2, x) or 1"))]}
            ], "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]}}
            """
        let file = try directory.write("d.json", dashboard)
        let config = try directory.write("config.yaml", """
            datasources:
              - name: victoria
                url: http://127.0.0.1:8428
                flavor: victoriametrics

            """)
        let output = try runCommand(try Self.promdeck(), ["lint", "--config", config, file], directory: Self.root)
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map { String($0.drop { $0 != ":" }.dropFirst()) }
        #expect(lines == [
            "4:25: warning: limitk() is experimental and needs --enable-feature=promql-experimental-functions on a Prometheus 3.x server",
            "5:25: error: invalid PromQL: holt_winters was removed in Prometheus 3.x; it is now double_exponential_smoothing (which needs --enable-feature=promql-experimental-functions)",
            "6:25: warning: a fill() modifier needs --enable-feature=promql-binop-fill-modifiers on a Prometheus 3.x server",
            "6:30: warning: the anchored modifier needs --enable-feature=promql-extended-range-selectors on a Prometheus 3.x server",
            "11:44: error: invalid MetricsQL: unclosed (",
            "15:134: error: invalid MetricsQL: unknown function \"rat\": not a MetricsQL function",
        ], "\(output.stdout)")
        #expect(output.stderr == "1 file checked, 3 errors, 3 warnings\n")
        let badFlavor = try directory.write("bad.yaml", "datasources:\n  - name: v\n    url: http://127.0.0.1:1\n    flavor: mimir\n")
        let refused = try runCommand(try Self.promdeck(), ["lint", "--config", badFlavor, file], directory: Self.root)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("flavor: \"mimir\" is not one of prometheus, victoriametrics"), "\(refused.stderr)")
    }
}
