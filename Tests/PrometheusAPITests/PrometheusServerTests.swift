import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Against a real Prometheus over data the test backfills with promtool.
@Suite(.tags(.prometheus)) struct PrometheusServerTests {
    @Test func plainPrometheusAnswersEveryEndpoint() async throws {
        let data = TestData()
        let work = try TemporaryDirectory("backfill")
        defer { work.remove() }
        let openMetrics = try work.write("data.om", data.openMetrics)
        let tsdb = work.file("tsdb")
        try await offCooperativePool { try promtoolBackfill(openMetricsFile: openMetrics, into: tsdb) }
        _ = try work.write("rules.yml", """
            groups:
              - name: promdeck-test
                interval: 1s
                rules:
                  - record: promdeck:two
                    expr: vector(2)
                  - alert: AlwaysFiring
                    expr: vector(1) > 0
                    labels: {severity: page}
                    annotations: {summary: "always firing"}
            """)
        let port = try freePort()
        let server = try await PrometheusServer(config: """
            global: {scrape_interval: 1s, evaluation_interval: 1s}
            rule_files: [\(work.file("rules.yml"))]
            scrape_configs:
              - job_name: self
                static_configs: [{targets: ["127.0.0.1:\(port)"]}]
            """, dataDirectory: work.file("tsdb"), port: port)
        defer { server.stop() }
        let client = PrometheusClient(settings: DatasourceSettings(name: "prom", url: server.baseURL))
        do {
            try await data.checkQueries(client)
            let info = try await client.buildInfo()
            #expect(info.version.hasPrefix("2."))
            #expect(!info.revision.isEmpty && !info.goVersion.isEmpty)

            // Rules, alerts and metadata appear after the first evaluation and scrape.
            let ready = await waitUntil(timeout: .seconds(20)) {
                let alerts = (try? await client.alerts()) ?? []
                let metadata = (try? await client.metadata(metric: "prometheus_build_info")) ?? [:]
                return alerts.contains { $0.state == .firing } && !metadata.isEmpty
            }
            #expect(ready)
            let alerts = try await client.alerts()
            let alert = try #require(alerts.first)
            #expect(alert.labels["alertname"] == "AlwaysFiring" && alert.labels["severity"] == "page")
            #expect(alert.annotations["summary"] == "always firing")
            #expect(alert.value == 1)
            let activeAt = try #require(alert.activeAt)
            #expect(abs(activeAt - Int64(Date().timeIntervalSince1970 * 1000)) < 60_000)

            let groups = try await client.rules()
            let group = try #require(groups.first)
            #expect(group.name == "promdeck-test" && group.interval == 1)
            #expect(group.rules.map(\.kind) == [.recording, .alerting])
            #expect(group.rules.map(\.name) == ["promdeck:two", "AlwaysFiring"])
            #expect(group.rules[1].query == "vector(1) > 0" && group.rules[1].state == .firing)
            #expect(group.rules[1].alerts.count == 1)

            let metadata = try await client.metadata(metric: "prometheus_build_info")
            #expect(metadata["prometheus_build_info"]?.first?.type == "gauge")
            #expect(metadata["prometheus_build_info"]?.first?.help.isEmpty == false)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
