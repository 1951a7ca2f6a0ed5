import Foundation
import Testing
import TestSupport

/// Tab in the `:` prompt against a real Prometheus holding the simulated platform's hour:
/// the metric names come from its `/api/v1/label/__name__/values`.
@Suite(.serialized, .tags(.prometheus, .tmux, .endToEnd)) struct PromptCompletionEndToEndTests {
    @Test func tabCompletesAMetricNameFromPrometheus() async throws {
        let directory = try TemporaryDirectory("prompt-completion")
        defer { directory.remove() }
        let now = Int(Date().timeIntervalSince1970)
        let blocks = try await simulationBlocks(start: String(now - 1800), duration: "20m", in: directory)
        let prometheus = try await PrometheusServer(dataDirectory: blocks)
        defer { prometheus.stop() }

        let terminal = try PromdeckTerminal(
            ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", "http://127.0.0.1:\(prometheus.port)", "--dashboard", "service-health-overview"],
            width: 120, height: 40)
        let started = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("Service Health Overview") }
        #expect(started.ok, "\(started.screen)")
        try terminal.tmux.send(":")
        try terminal.tmux.type("rate(http_req")
        try terminal.tmux.send("Tab")
        // http_request_duration_seconds_{bucket,count,sum}, http_requests_in_progress, http_requests_total.
        let listed = await terminal.tmux.waitForScreen(timeout: .seconds(15)) {
            $0.contains("▸ http_request_duration_seconds_bucket") && $0.contains("http_requests_total")
        }
        #expect(listed.ok, "no candidates:\n\(listed.screen)")
        for _ in 0..<4 { try terminal.tmux.send("Tab") }
        let selected = await terminal.tmux.waitForScreen(timeout: .seconds(10)) { $0.contains("▸ http_requests_total") }
        #expect(selected.ok, "\(selected.screen)")
        try terminal.tmux.send("Enter")
        let completed = await terminal.tmux.waitForScreen(timeout: .seconds(10)) { $0.contains(":rate(http_requests_total█") }
        #expect(completed.ok, "not completed:\n\(completed.screen)")
        try terminal.tmux.send("Escape")
        let closed = await terminal.tmux.waitForScreen(timeout: .seconds(10)) { !$0.contains(":rate(") }
        #expect(closed.ok, "\(closed.screen)")
        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
    }
}
