import Foundation
import Testing
import TestSupport

/// The mouse and the alerts view through a real terminal (tmux) and, for alerts, a real
/// Alertmanager. `swift build` must have run first.
@Suite(.serialized, .tags(.alertmanager, .tmux, .endToEnd)) struct ViewerMouseAndAlertsEndToEndTests {
    private func deadURL() throws -> String { "http://127.0.0.1:\(try freePort())" }

    private func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// What the terminal sends for a mouse event in SGR mode (1006): 1-based columns and rows.
    private func sgr(button: Int, x: Int, y: Int, pressed: Bool = true) -> String {
        "\u{1B}[<\(button);\(x);\(y)\(pressed ? "M" : "m")"
    }

    /// xterm-256color's terminfo has ncurses decode SGR reports; tmux-256color's names the
    /// legacy X10 format, so there the viewer decodes them itself.
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func clickFocusesAPanelAndTheWheelScrolls(term: String) async throws {
        let terminal = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL()], width: 100, height: 20, term: term)
        let first = await terminal.tmux.waitForScreen { self.lines($0).count > 2 && self.lines($0)[1].contains("╔ Message Throughput") && $0.contains("Queue Lag") }
        #expect(first.ok, "TERM=\(term): no first frame with the first panel focused:\n\(first.screen)")
        let top = lines(first.screen)[1]
        let column = try #require(top.range(of: "Queue Lag").map { top.distance(from: top.startIndex, to: $0.lowerBound) })

        // Press and release inside the Queue Lag panel, two rows below its title.
        try terminal.tmux.type(sgr(button: 0, x: column + 1, y: 4) + sgr(button: 0, x: column + 1, y: 4, pressed: false))
        let focused = await terminal.tmux.waitForScreen { screen in
            let row = self.lines(screen).dropFirst().first ?? ""
            return row.contains("╔ Queue Lag") && row.contains("┌ Message Throughput")
        }
        #expect(focused.ok, "TERM=\(term): the click did not focus Queue Lag:\n\(focused.screen)")
        // The report was not read as keys (`[` would have panned the time range).
        #expect(focused.screen.contains("Last 1h") && !focused.screen.contains("now-"), "TERM=\(term):\n\(focused.screen)")

        // Wheel down: the dashboard (taller than 18 rows) scrolls under the fixed header.
        try terminal.tmux.type(sgr(button: 65, x: 10, y: 10))
        let scrolled = await terminal.tmux.waitForScreen { screen in
            let rows = self.lines(screen)
            return rows.count > 2 && rows[0].contains("[1/4] EventBus Monitoring") && !rows[1].contains("Message Throughput")
        }
        #expect(scrolled.ok, "TERM=\(term): the wheel did not scroll:\n\(scrolled.screen)")
        try terminal.tmux.type(sgr(button: 64, x: 10, y: 10))
        let back = await terminal.tmux.waitForScreen { self.lines($0).dropFirst().first?.contains("Message Throughput") == true }
        #expect(back.ok, "TERM=\(term): wheel up did not scroll back:\n\(back.screen)")

        try terminal.tmux.send("q")
        let exit = await terminal.waitForExit()
        #expect(exit?.status == 0, "TERM=\(term)")
    }

    @Test func alertsViewShowsAlertmanagerAlertsAndSilences() async throws {
        let alertmanager = try await AlertmanagerServer.quiet()
        defer { alertmanager.stop() }
        try await alertmanager.postAlerts("""
            [{"labels":{"alertname":"HighErrorRate","service":"execution","severity":"critical"},"annotations":{"summary":"5xx above 2%"}},
             {"labels":{"alertname":"FeedStale","service":"marketdata","severity":"warning"}}]
            """)
        try await alertmanager.postSilence("""
            {"matchers":[{"name":"alertname","value":"FeedStale","isRegex":false,"isEqual":true}],
             "startsAt":"\(AlertmanagerServer.time(-1))","endsAt":"\(AlertmanagerServer.time(7200))","createdBy":"alice","comment":"vendor maintenance"}
            """)

        let terminal = try PromdeckTerminal(
            ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", try deadURL(), "--alertmanager", alertmanager.baseURL], width: 160, height: 45)
        #expect(await terminal.waitForText("EventBus Monitoring").ok)
        try terminal.tmux.send("a")
        // Alertmanager marks the silenced alert on its own schedule: reload (r) until it has.
        var shown: (ok: Bool, screen: String) = (false, "")
        for _ in 0..<10 where !shown.ok {
            shown = await terminal.tmux.waitForScreen(timeout: .seconds(2)) { screen in
                screen.contains("Silences (1)") && screen.contains("am   active    HighErrorRate [critical] service=execution")
                    && screen.contains("am   silenced  FeedStale [warning] service=marketdata") && screen.contains("silenced by alice: vendor maintenance")
            }
            if !shown.ok { try terminal.tmux.send("r") }
        }
        #expect(shown.ok, "no Alertmanager alerts in the alerts view:\n\(shown.screen)")
        // The dead Prometheus fails on its own line without hiding Alertmanager's alerts.
        #expect(shown.screen.contains("Could not load alerts: connection refused"), "\(shown.screen)")
        try terminal.tmux.send("Tab")
        let silences = await terminal.tmux.waitForScreen { $0.contains(#"active  alertname="FeedStale" · ends in"#) && $0.contains("vendor maintenance · by alice") }
        #expect(silences.ok, "no silence in the silences tab:\n\(silences.screen)")
        try terminal.tmux.send("Escape", "q")
        #expect(await terminal.waitForExit()?.status == 0)

        // Without --alertmanager, the config file's alertmanager_url is used.
        let directory = try TemporaryDirectory("promdeck-config")
        defer { directory.remove() }
        let config = try directory.write("config.yaml", """
            alertmanager_url: \(alertmanager.baseURL)
            datasources:
              - name: dead
                url: \(try deadURL())
            """)
        let configured = try PromdeckTerminal(["view", "--dashboards", repositoryRoot() + "/dashboards", "--config", config], width: 160, height: 45)
        #expect(await configured.waitForText("EventBus Monitoring").ok)
        try configured.tmux.send("a")
        let fromConfig = await configured.tmux.waitForScreen { $0.contains("am   active    HighErrorRate [critical]") }
        #expect(fromConfig.ok, "alertmanager_url from the config is not used:\n\(fromConfig.screen)")
        try configured.tmux.send("Escape", "q")
        #expect(await configured.waitForExit()?.status == 0)
    }
}
