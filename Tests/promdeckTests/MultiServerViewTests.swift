import Foundation
import Testing
import TestSupport

/// `view` in a real terminal (tmux) against several real servers: two regions' Prometheus
/// (each scraping its own `promdeck simulate`) on a dashboard whose panels pin each
/// region's uid, and a Prometheus behind deploy/'s web config (basic auth, TLS).
@Suite("view against several servers", .serialized, .tags(.prometheus, .tmux, .endToEnd))
struct MultiServerViewTests {
    /// Scrapes the simulator's execution service every second, labelled as its region.
    static func regionConfig(_ region: String, executionPort: Int) -> String {
        """
        global:
          scrape_interval: 1s
          external_labels:
            region: \(region)
        scrape_configs:
          - job_name: execution
            static_configs:
              - targets: ["127.0.0.1:\(executionPort)"]
        """
    }

    static let dashboard = """
        {"uid": "regions-view", "title": "Regions View", "schemaVersion": 39, "refresh": "1s",
         "panels": [
          {"id": 1, "type": "stat", "title": "pinned a", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "prom-a"},
           "options": {"textMode": "value_and_name", "reduceOptions": {"calcs": ["lastNotNull"]}},
           "targets": [{"refId": "A", "expr": "up{job=\\"execution\\"}", "instant": true, "legendFormat": "{{instance}}"}]},
          {"id": 2, "type": "stat", "title": "pinned b", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "prom-b"},
           "options": {"textMode": "value_and_name", "reduceOptions": {"calcs": ["lastNotNull"]}},
           "targets": [{"refId": "A", "expr": "up{job=\\"execution\\"}", "instant": true, "legendFormat": "{{instance}}"}]}
         ]}
        """

    @Test func eachRegionDrawsItsOwnDataAndADeadRegionFailsAlone() async throws {
        let work = try TemporaryDirectory("multi-server-view")
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.file("dashboards"), withIntermediateDirectories: true)
        _ = try work.write("dashboards/regions.json", Self.dashboard)
        let (simA, portA) = try await MultiRegionTests.simulator(seed: 1)
        defer { simA.stop() }
        let (simB, portB) = try await MultiRegionTests.simulator(seed: 2)
        defer { simB.stop() }
        let promA = try await PrometheusServer(config: Self.regionConfig("a", executionPort: portA))
        defer { promA.stop() }
        let promB = try await PrometheusServer(config: Self.regionConfig("b", executionPort: portB))
        defer { promB.stop() }
        let config = try work.write("config.yaml", """
            default: region-a
            datasources:
              - {name: region-a, uid: prom-a, type: prometheus, url: "\(promA.baseURL)", timeout: 3s}
              - {name: region-b, uid: prom-b, type: prometheus, url: "\(promB.baseURL)", timeout: 3s}
            """)
        let a = "127.0.0.1:\(portA)", b = "127.0.0.1:\(portB)"
        let terminal = try PromdeckTerminal(
            ["view", "--config", config, "--dashboards", work.file("dashboards"), "--dashboard", "regions-view", "--refresh", "1s", "--from", "now-5m"],
            width: 160, height: 30)
        // The left half is region a's panel, the right half region b's.
        func halves(_ screen: String) -> (left: String, right: String) {
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix(7).map(Array.init)
            return (rows.map { String($0.prefix(80)) }.joined(separator: "\n"), rows.map { String($0.dropFirst(80)) }.joined(separator: "\n"))
        }
        let drawn = await terminal.tmux.waitForScreen(timeout: .seconds(60)) { screen in
            let (left, right) = halves(screen)
            return left.contains(a) && right.contains(b)
        }
        #expect(drawn.ok, "both regions' panels did not draw their own instance:\n\(drawn.screen)")
        #expect(!halves(drawn.screen).left.contains(b) && !halves(drawn.screen).right.contains(a), "\(drawn.screen)")
        let header = await terminal.tmux.waitForScreen(timeout: .seconds(15)) { screen in
            let line = screen.split(separator: "\n").first ?? ""
            return line.contains("region-a") && line.contains("region-b")
        }
        #expect(header.ok, "the header does not show both servers' health:\n\(header.screen)")

        // Region b's Prometheus dies: its panel goes stale, region a's stays current, and
        // the header names b, with its URL, as down.
        promB.process.stop()
        let down = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { screen in
            let line = screen.split(separator: "\n").first ?? ""
            return line.contains("region-b unreachable") && line.contains("127.0.0.1:\(promB.port)") && halves(screen).right.contains("stale")
        }
        #expect(down.ok, "region b's outage is not shown:\n\(down.screen)")
        // Several refreshes later region a is still current.
        try await Task.sleep(for: .seconds(3))
        let later = try terminal.tmux.capture()
        #expect(halves(later).left.contains(a), "\(later)")
        #expect(!halves(later).left.contains("stale") && !halves(later).left.contains("error"), "region a went stale:\n\(later)")
        #expect(!(later.split(separator: "\n").first ?? "").contains("region-a unreachable"), "\(later)")

        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
    }

    @Test func aPrometheusBehindTheWebConfigDrawsWithItsCredentialsAndSays401WithoutThem() async throws {
        let tls = try TLSMaterial()
        defer { tls.remove() }
        let work = try TemporaryDirectory("multi-server-web")
        defer { work.remove() }
        let webConfig = try work.write("web-config.yml", try String(contentsOfFile: repositoryRoot() + "/deploy/web-config.yml", encoding: .utf8)
            .replacingOccurrences(of: "tls/server.crt", with: tls.serverCertificate)
            .replacingOccurrences(of: "tls/server.key", with: tls.serverKey))
        let server = try await PrometheusServer(extraArguments: ["--web.config.file=\(webConfig)"], waitForReady: false)
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: work.file("dashboards"), withIntermediateDirectories: true)
        _ = try work.write("dashboards/secure.json", """
            {"uid": "secure", "title": "Secure", "schemaVersion": 39, "refresh": "1s",
             "panels": [{"id": 1, "type": "stat", "title": "answer", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 6},
                         "targets": [{"refId": "A", "expr": "vector(4242)", "instant": true}]}]}
            """)
        _ = try work.write("pw", "secret-pw\n")
        _ = try work.write("wrong-pw", "wrong-pw-4c1e\n")
        func config(_ name: String, password: String?) throws -> String {
            try work.write("\(name).yaml", """
                datasources:
                  - name: prod
                    url: https://127.0.0.1:\(server.port)
                    timeout: 5s
                    tls_config: {ca_file: \(tls.caCertificate)}
                \(password.map { "    basic_auth: {username: promdeck, password_file: \($0)}" } ?? "")
                """)
        }
        func view(_ config: String) throws -> PromdeckTerminal {
            try PromdeckTerminal(["view", "--config", config, "--dashboards", work.file("dashboards"), "--dashboard", "secure", "--refresh", "1s"],
                                 width: 120, height: 24)
        }
        // Prometheus is up once `query` gets through with the credentials (as DeployWebConfigTests waits).
        let goodConfig = try config("good", password: work.file("pw"))
        let listening = await waitUntil(timeout: .seconds(30)) {
            (try? await offCooperativePool {
                try runCommand(QueryCommandTests.executable, ["query", "1+1", "--config", goodConfig], timeout: .seconds(20))
            })?.status == 0
        }
        #expect(listening, "\(server.process.stderr.suffix(1000))")

        let good = try view(goodConfig)
        let drawn = await good.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("4242") }
        #expect(drawn.ok, "the panel did not draw through basic auth and TLS:\n\(drawn.screen)")
        #expect(!drawn.screen.contains("secret-pw"))
        try good.tmux.send("q")
        #expect(await good.waitForExit()?.status == 0)

        for (name, password) in [("none", nil), ("wrong", work.file("wrong-pw"))] {
            let refused = try view(try config(name, password: password))
            let said = await refused.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("401") }
            #expect(said.ok, "\(name): the panel does not say 401:\n\(said.screen)")
            #expect(!said.screen.contains("4242") && !said.screen.contains("wrong-pw-4c1e") && !said.screen.contains("secret-pw"), "\(said.screen)")
            try refused.tmux.send("q")
            #expect(await refused.waitForExit()?.status == 0)
        }
    }
}
