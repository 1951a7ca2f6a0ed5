import Foundation
import PromModel
import PromQL
import Testing
import TestSupport
@testable import Simulator

@Suite struct AlertEvaluatorTests {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000  // 2026-01-01 14:00 UTC

    @Test func firingPendingAndQuietRules() {
        let platform = DemoPlatform(seed: 1, now: Self.now)
        let rules = [
            AlertRule(name: "Started", expr: "process_start_time_seconds > 0", holdDuration: 120_000,
                      labels: ["severity": "info"], annotations: ["summary": "{{ $labels.job }} started at {{ $value }}"]),
            // Held longer than the hour of history: true all along, but only pending.
            AlertRule(name: "LongHold", expr: "process_start_time_seconds{job=\"execution\"} > 0", holdDuration: 7_200_000),
            AlertRule(name: "Never", expr: "absent_metric_name > 0", holdDuration: 0),
        ]
        let alerts = AlertEvaluator(rules: rules, engine: platform.engine).alerts(at: Self.now)
        let started = alerts.filter { $0.labels["alertname"] == "Started" }
        #expect(started.count == 5)
        #expect(started.allSatisfy { $0.state == .firing && $0.labels["severity"] == "info" && $0.labels.name == nil })
        let execution = started.first { $0.labels["job"] == "execution" }
        // `{{ $value }}` prints as Go's %v of a float64 does (an exponent from 1e6 on).
        #expect(execution?.annotations["summary"] == "execution started at \(GoMath.formatGo(execution?.value ?? .nan))")
        let long = alerts.filter { $0.labels["alertname"] == "LongHold" }
        #expect(long.count == 1)
        #expect(long.first?.state == .pending)
        // Continuous since the first scrape of the hour of history.
        #expect(long.first?.activeAt == Self.now - 3_600_000)
        #expect(!alerts.contains { $0.labels["alertname"] == "Never" })
    }

    @Test func theDeployRulesLoad() throws {
        let text = try String(contentsOfFile: repositoryRoot() + "/deploy/alerts.yml", encoding: .utf8)
        let rules = try AlertRule.load(yaml: text)
        #expect(rules.map(\.name) == [
            "HighHttp5xxRate", "HighP95Latency", "EventBusQueueLagHigh", "EmergencyStopTriggered",
            "ServiceDown", "DependencyDown", "PortfolioDrawdown",
        ])
        #expect(rules.first?.holdDuration == 120_000)
        #expect(throws: AlertRule.LoadError.self) { try AlertRule.load(yaml: "groups: [{rules: [{alert: X}]}]") }
    }
}
