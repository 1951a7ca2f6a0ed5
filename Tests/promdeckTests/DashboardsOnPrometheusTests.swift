import Foundation
import Testing
import TestSupport

/// Every panel query of the four dashboards returns data from a real Prometheus holding an
/// hour of the simulation (OpenMetrics backfill → promtool blocks), and the client, the
/// planner and the renderer agree with the embedded engine on the reduced values.
@Suite("the four dashboards on a real Prometheus", .serialized, .tags(.prometheus))
struct DashboardsOnPrometheusTests {
    struct Snapshot: Decodable {
        struct Panel: Decodable {
            struct Value: Decodable { var name: String; var text: String }
            var title: String
            var type: String
            var status: String
            var values: [Value]
        }
        var panels: [Panel]
    }

    func snapshot(_ dashboard: String, _ source: [String], time: String) async throws -> Snapshot {
        let arguments = [
            "snapshot", "--dashboard", dashboard, "--dashboards", repositoryRoot() + "/dashboards",
            "--time", time, "--format", "json",
        ] + source
        let output = try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(120)) }
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONDecoder().decode(Snapshot.self, from: Data(output.stdout.utf8))
    }

    @Test func everyPanelHasDataAndMatchesTheDemo() async throws {
        let directory = try TemporaryDirectory("dashboards-prometheus")
        defer { directory.remove() }
        let start = "2026-01-01T13:00:00Z", end = "2026-01-01T14:00:00Z"
        let blocks = try await simulationBlocks(start: start, duration: "1h", seed: 1, in: directory)
        let prometheus = try await PrometheusServer(dataDirectory: blocks)
        defer { prometheus.stop() }

        for dashboard in ["service-health-overview", "trading-performance", "eventbus-monitoring", "infrastructure-metrics"] {
            let remote = try await snapshot(dashboard, ["--url", prometheus.baseURL], time: end)
            #expect(!remote.panels.isEmpty)
            for panel in remote.panels where panel.type != "row" && panel.type != "text" {
                #expect(panel.status == "ok", "\(dashboard) / \(panel.title): \(panel.status)")
            }
            // The same hour in the embedded store gives the same reduced values for the
            // instant-style panels (stat, gauge, bar gauge).
            // The server is Debian's Prometheus 2.42, so the embedded engine speaks 2.42 too.
            let local = try await snapshot(dashboard, ["--demo", "--seed", "1", "--promql-version", "2"], time: end)
            for (left, right) in zip(remote.panels, local.panels) where ["stat", "gauge", "bargauge"].contains(left.type) {
                #expect(left.values.map(\.text) == right.values.map(\.text), "\(dashboard) / \(left.title)")
            }
        }
    }
}
