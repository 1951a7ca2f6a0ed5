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
        let file = directory.file("platform.om")
        let executable = try promdeckExecutable()
        let written = try await offCooperativePool {
            try runCommand(executable, ["simulate", "--openmetrics", file, "--start", String(now - 1800), "--duration", "20m"], timeout: .seconds(120))
        }
        #expect(written.status == 0, "\(written.stderr)")
        let blocks = directory.file("data")
        try FileManager.default.createDirectory(atPath: blocks, withIntermediateDirectories: true)
        try await offCooperativePool { try promtoolBackfill(openMetricsFile: file, into: blocks) }
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
