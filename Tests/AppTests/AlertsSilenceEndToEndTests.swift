import Foundation
import Testing
import TestSupport

/// Silencing from the alerts view through a real terminal (tmux) against a real
/// Alertmanager, checked with its own amtool. `swift build` must have run first.
@Suite(.serialized, .tags(.alertmanager, .tmux, .endToEnd)) struct AlertsSilenceEndToEndTests {
    private func amtool(_ server: AlertmanagerServer, _ arguments: [String]) async throws -> CommandOutput {
        try await offCooperativePool { try runCommand("/usr/bin/amtool", ["--alertmanager.url=\(server.baseURL)"] + arguments) }
    }

    @Test func anAlertIsSilencedFromTheViewThenExpiredWithXX() async throws {
        let alertmanager = try await AlertmanagerServer.quiet()
        defer { alertmanager.stop() }
        let added = try await amtool(alertmanager, ["alert", "add", "alertname=RedisPoolSaturated", "service=redis", "severity=warning",
                                                    "--annotation=summary=pool 91% used",
            // As Prometheus links a rule: its expression in the graph URL.
            "--generator-url=http://prom:9090/graph?g0.expr=sum%28redis_pool_connections%7Bstate%3D%22active%22%7D%29+%3E+40&g0.tab=1"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(await waitUntil(timeout: .seconds(20)) { await !alertmanager.alerts().isEmpty })

        let terminal = try PromdeckTerminal(
            ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", "http://127.0.0.1:\(try freePort())", "--alertmanager", alertmanager.baseURL],
            width: 160, height: 45, environment: ["USER": "e2e-user"])
        #expect(await terminal.waitForText("EventBus Monitoring").ok)
        try terminal.tmux.send("a")
        let listed = await terminal.tmux.waitForScreen { $0.contains("am   active    RedisPoolSaturated [warning] service=redis") }
        #expect(listed.ok, "the alert is not listed:\n\(listed.screen)")

        try terminal.tmux.send("s")
        let form = await terminal.tmux.waitForScreen {
            $0.contains("Silence RedisPoolSaturated") && $0.contains(#"[x] service="redis""#) && $0.contains("Comment:  silenced from promdeck by e2e-user")
        }
        #expect(form.ok, "no silence form:\n\(form.screen)")

        // A silence that ends as it starts: Alertmanager answers 400 and the form says why.
        try terminal.tmux.send("Down", "Down", "Down", "C-u")
        try terminal.tmux.type("0s")
        try terminal.tmux.send("Enter")
        let refused = await terminal.tmux.waitForScreen { $0.contains("✗ HTTP 400") && $0.contains("Failed to create silence") }
        #expect(refused.ok, "Alertmanager's 400 is not shown in the form:\n\(refused.screen)")

        try terminal.tmux.send("C-u")
        try terminal.tmux.type("2h")
        try terminal.tmux.send("Enter")
        let created = await terminal.tmux.waitForScreen { $0.contains("Created silence") && $0.contains("for RedisPoolSaturated") }
        #expect(created.ok, "the silence was not created:\n\(created.screen)")

        let query = try await amtool(alertmanager, ["silence", "query", "-o", "extended"])
        #expect(query.status == 0, "\(query.stderr)")
        for matcher in [#"alertname="RedisPoolSaturated""#, #"service="redis""#, #"severity="warning""#, "silenced from promdeck by e2e-user", "e2e-user"] {
            #expect(query.stdout.contains(matcher), "amtool silence query: \(query.stdout)")
        }
        let ids = try await amtool(alertmanager, ["silence", "query", "-q"]).stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 1, "\(ids)")

        // The silences tab lists it; x asks, x again expires it.
        try terminal.tmux.send("Tab")
        let tab = await terminal.tmux.waitForScreen {
            $0.contains(#"active  alertname="RedisPoolSaturated", service="redis", severity="warning" · ends in"#) && $0.contains("by e2e-user")
        }
        #expect(tab.ok, "the silence is not in the silences tab:\n\(tab.screen)")
        try terminal.tmux.send("x")
        #expect(await terminal.tmux.waitForText("Press x again to expire").ok)
        try terminal.tmux.send("x")
        let expired = await terminal.tmux.waitForScreen { $0.contains("Expired silence") && $0.contains("No active or pending silences") }
        #expect(expired.ok, "the silence was not expired:\n\(expired.screen)")
        let after = try await amtool(alertmanager, ["silence", "query", "-q"])
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "still active: \(after.stdout)")

        // Enter on the alert zooms the panel that queries its metric, on another dashboard.
        try terminal.tmux.send("1", "Enter")
        let zoomed = await terminal.tmux.waitForScreen { $0.contains("Infrastructure Metrics") && $0.contains("Redis Connection Pool") && !$0.contains("Silences (") }
        #expect(zoomed.ok, "Enter did not reach the alert's panel:\n\(zoomed.screen)")
        // Zoomed: the panel fills the screen, its neighbours are gone (the dead Prometheus
        // fails the $job variable, whose error then holds the footer).
        #expect(!zoomed.screen.contains("Redis Operation Latency P95") && zoomed.screen.contains("╔ Redis Connection Pool"), "\(zoomed.screen)")

        try terminal.tmux.send("Escape", "q")
        #expect(await terminal.waitForExit()?.status == 0)
    }
}
