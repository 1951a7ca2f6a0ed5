import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// Real Prometheus, promtool and Alertmanager against the simulator. Serialized: each starts
/// servers, and the machine is small.
@Suite(.serialized, .tags(.alertmanager, .prometheus, .promtool)) struct LiveTests {
    @Test func prometheusScrapesAllFiveServices() async throws {
        let simulator = try await SimulatorProcess(seed: 5, speed: 10)
        defer { simulator.stop() }
        let directory = try TemporaryDirectory("live-scrape")
        defer { directory.remove() }
        let config = try simulator.prometheusConfig(
            interval: "1s", rules: repositoryRoot() + "/deploy/alerts.yml", alertmanager: "127.0.0.1:1")
        let prometheus = try await PrometheusServer(config: config)
        defer { prometheus.stop() }

        let allUp = await waitUntil(timeout: .seconds(30)) {
            let up = await query(prometheus, "up == 1")
            return Set(up.compactMap { ($0["metric"] as? [String: String])?["job"] }) == Set(Service.all.map(\.name))
        }
        #expect(allUp)
        let answered = await waitUntil(timeout: .seconds(30)) {
            for expression in seedQueries where await query(prometheus, expression).isEmpty { return false }
            return true
        }
        #expect(answered)
        for expression in seedQueries {
            #expect(!(await query(prometheus, expression)).isEmpty, "\(expression)")
        }
        let positions = await query(prometheus, "sum(positions_open) by (symbol)")
        #expect(Set(positions.compactMap { ($0["metric"] as? [String: String])?["symbol"] }) == Set(Vocabulary.symbols))
        let p95Query = "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[1m])))"
        #expect(await waitUntil(timeout: .seconds(20)) { await query(prometheus, p95Query).count == 5 })
        let p95 = await query(prometheus, p95Query)
        #expect(p95.count == 5 && p95.allSatisfy { (sampleValue($0) ?? .nan).isFinite })
        let rates = await query(prometheus, "sum by (job) (rate(http_requests_total[1m]))")
        #expect(rates.count == 5 && rates.allSatisfy { (sampleValue($0) ?? 0) > 0 })

        // SIGINT shuts the five servers down gracefully: a clean exit, not a signal death.
        simulator.process.signal(SIGINT)
        #expect(simulator.process.wait(timeout: .seconds(15)) == 0, "\(simulator.process.stderr.suffix(1000))")
    }

    @Test func backfillThroughPromtoolAnswersTheSameQueries() async throws {
        let directory = try TemporaryDirectory("backfill")
        defer { directory.remove() }
        let simulation = Simulation(seed: 9)
        let start: Timestamp = 1_767_621_600_000  // 2026-01-05T14:00:00Z
        let file = directory.file("sim.om")
        let written = try await offCooperativePool {
            try runCommand(SimulatorProcess.executable, [
                "simulate", "--openmetrics", file, "--start", "2026-01-05T14:00:00Z", "--duration", "1h", "--seed", "9",
            ])
        }
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == simulation.openMetrics(
            start: start, end: start + 3_600_000, interval: 15_000))
        let data = directory.file("data")
        try await offCooperativePool { try promtoolBackfill(openMetricsFile: file, into: data) }
        let prometheus = try await PrometheusServer(dataDirectory: directory.file("data"))
        defer { prometheus.stop() }

        let at = Double(start) / 1000 + 1_800
        for expression in seedQueries {
            #expect(!(await query(prometheus, expression, at: at)).isEmpty, "\(expression)")
        }
        let expected = simulation.samples(at: Timestamp(at * 1000)).first { $0.labels.name == "portfolio_value_usd" }
        let stored = await query(prometheus, "portfolio_value_usd", at: at)
        #expect(stored.count == 1 && stored.first.flatMap(sampleValue) == expected?.sample.value)
        let jobs = await query(prometheus, "count by (job, instance) (http_requests_total)", at: at)
        #expect(Set(jobs.compactMap { ($0["metric"] as? [String: String])?["instance"] })
            == Set(Service.all.map(\.instance)))
    }

    @Test func anIncidentReachesAlertmanager() async throws {
        let directory = try TemporaryDirectory("alerting")
        defer { directory.remove() }
        let alertmanagerConfig = try String(contentsOfFile: repositoryRoot() + "/deploy/alertmanager.yml", encoding: .utf8)
        let alertmanager = try await AlertmanagerServer(config: alertmanagerConfig, files: [
            "secrets/pagerduty-routing-key": "test-routing-key",
            "secrets/slack-webhook-url": "http://127.0.0.1:1/slack",
            "secrets/smtp-password": "test",
        ])
        defer { alertmanager.stop() }
        // Alerts fire at once here: virtual time runs 120× faster, so an incident lasts seconds.
        let rules = try String(contentsOfFile: repositoryRoot() + "/deploy/alerts.yml", encoding: .utf8)
            .replacingOccurrences(of: #"for: \d+m"#, with: "for: 0s", options: .regularExpression)
        let rulesPath = try directory.write("alerts.yml", rules)
        let simulator = try await SimulatorProcess(seed: 13, speed: 120)
        defer { simulator.stop() }
        let prometheus = try await PrometheusServer(config: simulator.prometheusConfig(
            interval: "1s", rules: rulesPath, alertmanager: "127.0.0.1:\(alertmanager.port)"))
        defer { prometheus.stop() }

        let names: Set = ["HighHttp5xxRate", "HighP95Latency", "EventBusQueueLagHigh", "EmergencyStopTriggered",
                          "ServiceDown", "DependencyDown", "PortfolioDrawdown"]
        var received: [String: Any]?
        let arrived = await waitUntil(timeout: .seconds(120), interval: .milliseconds(250)) {
            received = await alertmanager.alerts().first { alert in
                ((alert["labels"] as? [String: String])?["alertname"]).map(names.contains) ?? false
            }
            return received != nil
        }
        #expect(arrived, "no alert reached Alertmanager; Prometheus: \(prometheus.process.stderr.suffix(1500))")
        let labels = received?["labels"] as? [String: String] ?? [:]
        #expect(["critical", "warning", "info"].contains(labels["severity"] ?? ""), "\(labels)")
        let annotations = received?["annotations"] as? [String: String] ?? [:]
        #expect(!(annotations["summary"] ?? "").isEmpty && !(annotations["description"] ?? "").isEmpty)
    }
}
