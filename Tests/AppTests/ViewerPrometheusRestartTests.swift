import Foundation
import Testing
import TestSupport

/// The viewer against a real Prometheus that goes away and comes back: panels keep their
/// data and say it is stale, the header's banner says the datasource is unreachable, then
/// both recover without a key being pressed.
@Suite(.serialized, .tags(.prometheus, .tmux, .endToEnd)) struct ViewerPrometheusRestartTests {
    @Test func panelsGoStaleWhenPrometheusDiesAndRecoverWhenItReturns() async throws {
        let directory = try TemporaryDirectory("viewer-restart")
        defer { directory.remove() }
        // The last hour of the simulation, backfilled, so the default range has data.
        let now = Int(Date().timeIntervalSince1970)
        let blocks = try await simulationBlocks(start: String(now - 3600), duration: "58m", in: directory)
        var prometheus: PrometheusServer? = try await PrometheusServer(dataDirectory: blocks)
        let port = try #require(prometheus?.port)

        let terminal = try PromdeckTerminal(
            ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", "http://127.0.0.1:\(port)", "--dashboard", "service-health-overview", "--refresh", "1s"],
            width: 160, height: 45)
        let filled = await terminal.tmux.waitForScreen(timeout: .seconds(30)) {
            $0.contains("Service Health Overview") && $0.contains("UP") && $0.contains("req/s") && !$0.contains("Loading")
        }
        #expect(filled.ok, "panels did not fill in:\n\(filled.screen)")
        #expect(filled.screen.split(separator: "\n").first?.contains("upd ") == true, "no update time in the header:\n\(filled.screen)")

        prometheus?.stop()
        prometheus = nil
        let stale = await terminal.tmux.waitForScreen(timeout: .seconds(15)) { $0.contains("stale") && $0.contains("UP") }
        #expect(stale.ok, "no stale state after Prometheus stopped:\n\(stale.screen)")
        let banner = await terminal.tmux.waitForScreen(timeout: .seconds(15)) { screen in
            let header = screen.split(separator: "\n").first ?? ""
            // At 160 columns the banner's URL gives way to the header's times (HeaderBar's order).
            return header.contains("unreachable since") && header.contains("connection refused")
        }
        #expect(banner.ok, "no datasource-down banner after Prometheus stopped:\n\(banner.screen)")

        prometheus = try await PrometheusServer(dataDirectory: blocks, port: port)
        let recovered = await terminal.tmux.waitForScreen(timeout: .seconds(30)) {
            !$0.contains("stale") && !$0.contains("unreachable") && $0.contains("UP")
        }
        #expect(recovered.ok, "did not recover after Prometheus came back:\n\(recovered.screen)")

        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
        prometheus?.stop()
    }
}
