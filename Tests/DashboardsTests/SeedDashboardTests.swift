import Foundation
import Testing
import TestSupport
@testable import Dashboards

/// The four dashboards in dashboards/: they decode, lint clean, and every expression is
/// valid PromQL for the real Prometheus parser after variable substitution.
@Suite(.tags(.promtool)) struct SeedDashboardTests {
    static let directory = repositoryRoot() + "/dashboards"

    static func catalog() throws -> DashboardCatalog {
        try DashboardLoader().load(directory)
    }

    @Test func allFourDecodeWithTheSeedTitles() throws {
        let catalog = try Self.catalog()
        #expect(catalog.failures.isEmpty)
        #expect(Set(catalog.files.map(\.dashboard.title)) == [
            "Service Health Overview", "Trading Performance", "EventBus Monitoring", "Infrastructure Metrics",
        ])
        for file in catalog.files {
            let dashboard = file.dashboard
            #expect(dashboard.schemaVersion == 39)
            #expect(dashboard.time == TimeRange(from: "now-1h", to: "now"))
            #expect(dashboard.refresh == "30s")
            #expect(!dashboard.uid.isEmpty && dashboard.tags.contains("promdeck"))
            let datasource = try #require(dashboard.variables.first { $0.name == "datasource" })
            #expect(datasource.kind == .datasource && datasource.query == "prometheus")
            for panel in dashboard.allPanels {
                #expect(panel.datasource == DatasourceRef(type: "prometheus", uid: "${datasource}"), "\(file.name) panel \(panel.id)")
                #expect(!panel.targets.isEmpty, "\(file.name) panel \(panel.id)")
                for target in panel.targets {
                    #expect(target.datasource == DatasourceRef(type: "prometheus", uid: "${datasource}"))
                }
            }
        }
    }

    @Test func panelTypesCoverEveryWidget() throws {
        let types = Set(try Self.catalog().files.flatMap { $0.dashboard.panels.map(\.type) + $0.dashboard.allPanels.map(\.type) })
        #expect(types.isSuperset(of: ["stat", "gauge", "bargauge", "timeseries", "table", "heatmap", "piechart", "row"]))
    }

    @Test func infrastructureHasOpenAndCollapsedRows() throws {
        let infra = try Self.catalog().find("Infrastructure Metrics").dashboard
        let rows = infra.panels.filter { $0.type == "row" }
        #expect(rows.contains { !$0.collapsed } && rows.contains { $0.collapsed && !$0.panels.isEmpty })
        #expect(infra.allPanels.contains { $0.title == "Database Operations" })
        let ess = try #require(infra.allPanels.first { $0.title.hasPrefix("Emergency Stop") })
        #expect(ess.targets.first?.expr.contains("increase(emergency_stop_triggered_total[1h])") == true)
    }

    @Test func healthStatsMapOneAndZeroToUpAndDown() throws {
        let health = try Self.catalog().find("service-health-overview").dashboard
        let stat = try #require(health.allPanels.first { $0.title == "Service Health" })
        let expected = ValueMapping.value([
            "1": MappingResult(text: "UP", color: "green", index: 0), "0": MappingResult(text: "DOWN", color: "red", index: 1),
        ])
        #expect(stat.fieldConfig.defaults.mappings.first == expected)
        let job = try #require(health.variables.first { $0.name == "job" })
        #expect(job.query == "label_values(http_requests_total, job)" && job.multi && job.includeAll)
    }

    @Test func lintIsClean() {
        let report = DashboardLinter().lint(paths: [Self.directory])
        #expect(report.fileCount == 4)
        #expect(report.diagnostics.map(\.description) == [])
    }

    /// Lint's own substitution (plausible values) feeding the real parser: no findings.
    @Test func lintIsCleanWithPromtoolAsTheExpressionChecker() {
        let checker: ExpressionChecker = { expr in
            do { return try promtoolParseError(expr) } catch { return ("promtool failed: \(error)", 0) }
        }
        let report = DashboardLinter(expressionChecker: checker).lint(paths: [Self.directory])
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test func metricNamesComeFromTheCatalogue() throws {
        let doc = try String(contentsOfFile: repositoryRoot() + "/docs/metrics.md", encoding: .utf8)
        let names = Set(doc.split(separator: "`").map(String.init).filter { $0.range(of: #"^[a-z_]+$"#, options: .regularExpression) != nil })
        let metric = try NSRegularExpression(pattern: #"\b([a-z_]+?)(_bucket)?\{|\b([a-z_]+_(?:total|seconds|usd|lag|status|connections))\b"#)
        for file in try Self.catalog().files {
            for expr in file.dashboard.allPanels.flatMap(\.targets).map(\.expr) {
                for match in metric.matches(in: expr, range: NSRange(expr.startIndex..., in: expr)) {
                    let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 3)
                    let name = String(expr[Range(range, in: expr)!])
                    #expect(names.contains(name), "\(file.name): \(name) is not in docs/metrics.md")
                }
            }
        }
    }

    /// Every expression under two selections (All, and two services chosen) becomes a
    /// recording rule; `promtool check rules` must accept them all.
    @Test func everyExpressionParsesWithPromtool() throws {
        var rules: [(record: String, expr: String)] = []
        for file in try Self.catalog().files {
            let dashboard = file.dashboard
            let selections: [[String: [String]]] = [[:], ["job": ["ai-engine", "execution"], "symbol": ["BTCUSDT", "ETH.USD"]]]
            for (index, selection) in selections.enumerated() {
                let plan = QueryPlan(dashboard: dashboard, variables: dashboard.variables(overriding: selection),
                                     fromMs: 1_700_000_000_000, toMs: 1_700_003_600_000, defaultWidth: 120,
                                     includeCollapsed: true)
                #expect(plan.queries.count == dashboard.allPanels.flatMap(\.targets).count)
                for query in plan.queries {
                    #expect(!query.expr.contains("$"), "\(query.expr)")
                    let record = "\(file.name)_\(query.panelID)_\(query.refID)_\(index)".replacingOccurrences(of: "-", with: "_")
                    rules.append((record: record, expr: query.expr))
                }
            }
        }
        let output = try promtoolCheckRules(rules)
        #expect(output.status == 0, "promtool check rules failed:\n\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("SUCCESS: \(rules.count) rules found"), "\(output.stdout)")
    }
}
