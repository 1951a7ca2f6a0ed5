import Foundation
import Testing
import TestSupport

/// Issue 19's two regions: two `promdeck simulate`, each scraped by its own Prometheus (from
/// deploy/regions/, external label region=a / region=b), both remote-writing into one
/// VictoriaMetrics behind vmauth with a bearer token. One dashboard pins panels to each
/// region's uid, follows `${ds}`, repeats over `ds`, mixes targets, and reads the global store.
@Suite("two regions and a global store", .serialized, .tags(.prometheus, .victoriaMetrics))
struct MultiRegionTests {
    struct Snapshot: Decodable {
        struct Series: Decodable { var refId: String; var labels: [String: String] }
        struct Panel: Decodable {
            var id: Int
            var title: String
            var status: String
            var warnings: [String]
            var series: [Series]
        }
        var panels: [Panel]
    }

    static let servicePorts = [8001, 8002, 8003, 8004, 8080]
    static let token = "global-read-token-7f3a9c"

    /// A simulator on free ports; the execution service's port names its region in `instance`.
    static func simulator(seed: Int) async throws -> (ChildProcess, executionPort: Int) {
        let offset = try freePortOffset(for: servicePorts)
        let process = try ChildProcess(QueryCommandTests.executable, [
            "simulate", "--port-offset", "\(offset)", "--seed", "\(seed)", "--speed", "10",
        ])
        let up = await waitUntil(timeout: .seconds(30)) {
            for port in servicePorts where await httpGet("http://127.0.0.1:\(port + offset)/metrics")?.status != 200 { return false }
            return true
        }
        guard up else {
            process.stop()
            throw TestSupportError("promdeck simulate did not serve /metrics: \(process.stderr.suffix(2000))")
        }
        return (process, 8002 + offset)
    }

    /// deploy/regions/prometheus-R-1.yml pointed at this region's simulator and the test's
    /// VictoriaMetrics, scraping every second.
    static func regionConfig(_ region: String, offset: Int, victoriaMetrics: String) throws -> String {
        var config = try String(contentsOfFile: repositoryRoot() + "/deploy/regions/prometheus-\(region)-1.yml", encoding: .utf8)
        let names = ["ai-engine", "execution", "risk-safety", "portfolio-intelligence", "monitoring-health"]
        for (name, port) in zip(names, servicePorts) {
            config = config.replacingOccurrences(of: "\(name)-\(region):\(port)", with: "127.0.0.1:\(port + offset)")
        }
        return config
            .replacingOccurrences(of: "scrape_interval: 15s", with: "scrape_interval: 1s")
            .replacingOccurrences(of: "rule_files:\n  - ../alerts.yml\n", with: "")
            .replacingOccurrences(of: "alertmanager:9093", with: "127.0.0.1:1")
            .replacingOccurrences(of: "http://victoriametrics:8428", with: victoriaMetrics)
    }

    static let dashboard = """
        {"uid": "regions", "title": "Regions", "schemaVersion": 39,
         "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus", "multi": true, "includeAll": true,
                                  "regex": "/^region-/", "current": {"text": "All", "value": "$__all"}}]},
         "panels": [
          {"id": 1, "type": "timeseries", "title": "pinned a", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "prom-a"},
           "targets": [{"refId": "A", "expr": "max by (instance) (up{job=\\"execution\\"})"}]},
          {"id": 2, "type": "timeseries", "title": "pinned b", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "prom-b"},
           "targets": [{"refId": "A", "expr": "max by (instance) (up{job=\\"execution\\"})"}]},
          {"id": 3, "type": "timeseries", "title": "on ds", "gridPos": {"x": 0, "y": 6, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "${ds}"},
           "targets": [{"refId": "A", "expr": "max by (instance) (up{job=\\"execution\\"})"}]},
          {"id": 4, "type": "timeseries", "title": "mixed", "gridPos": {"x": 12, "y": 6, "w": 12, "h": 6},
           "datasource": {"type": "datasource", "uid": "-- Mixed --"},
           "targets": [{"refId": "A", "datasource": {"type": "prometheus", "uid": "prom-a"}, "expr": "max by (instance) (up{job=\\"execution\\"})"},
                       {"refId": "B", "datasource": {"type": "prometheus", "uid": "prom-b"}, "expr": "max by (instance) (up{job=\\"execution\\"})"}]},
          {"id": 5, "type": "timeseries", "title": "global", "gridPos": {"x": 0, "y": 12, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "global"},
           "targets": [{"refId": "A", "expr": "max by (region) (up{job=\\"execution\\"})"}]},
          {"id": 6, "type": "timeseries", "title": "unknown", "gridPos": {"x": 12, "y": 12, "w": 12, "h": 6},
           "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
           "targets": [{"refId": "A", "expr": "up"}]},
          {"id": 7, "type": "timeseries", "title": "per $ds", "gridPos": {"x": 0, "y": 18, "w": 12, "h": 6}, "repeat": "ds",
           "datasource": {"type": "prometheus", "uid": "${ds}"},
           "targets": [{"refId": "A", "expr": "max by (instance) (up{job=\\"execution\\"})"}]}
         ]}
        """

    static func config(a: String, b: String, global: String, tokenFile: String) -> String {
        """
        default: region-a
        datasources:
          - {name: region-a, uid: prom-a, type: prometheus, url: "\(a)", timeout: 5s}
          - {name: region-b, uid: prom-b, type: prometheus, url: "\(b)", timeout: 5s}
          - name: global
            uid: global
            url: "\(global)"
            timeout: 5s
            authorization: {type: Bearer, credentials_file: "\(tokenFile)"}
        """
    }

    func snapshot(_ work: TemporaryDirectory, config: String, extra: [String] = []) async throws -> (Snapshot, String) {
        let arguments = ["snapshot", "--dashboard", "regions", "--dashboards", work.file("dashboards"), "--config", config,
                         "--from", "now-2m", "--format", "json", "--width", "160", "--height", "60"] + extra
        let output = try await offCooperativePool { try runCommand(QueryCommandTests.executable, arguments, timeout: .seconds(120)) }
        #expect(output.status == 0, "\(output.stderr)")
        return (try JSONDecoder().decode(Snapshot.self, from: Data(output.stdout.utf8)), output.stdout + output.stderr)
    }

    static func instances(_ panel: Snapshot.Panel?) -> Set<String> { Set(panel?.series.compactMap { $0.labels["instance"] } ?? []) }

    @Test func everyPanelReadsItsOwnRegion() async throws {
        let work = try TemporaryDirectory("regions")
        defer { work.remove() }
        try FileManager.default.createDirectory(atPath: work.file("dashboards"), withIntermediateDirectories: true)
        _ = try work.write("dashboards/regions.json", Self.dashboard)

        let (simA, portA) = try await Self.simulator(seed: 1)
        defer { simA.stop() }
        let (simB, portB) = try await Self.simulator(seed: 2)
        defer { simB.stop() }
        // Range queries see the newest samples at once (VictoriaMetrics hides the last 30 s by default).
        let victoria = try await VictoriaMetricsServer(extraArguments: ["-search.latencyOffset=0s"])
        defer { victoria.stop() }
        let promA = try await PrometheusServer(config: Self.regionConfig("a", offset: portA - 8002, victoriaMetrics: victoria.baseURL))
        defer { promA.stop() }
        let promB = try await PrometheusServer(config: Self.regionConfig("b", offset: portB - 8002, victoriaMetrics: victoria.baseURL))
        defer { promB.stop() }
        let authPort = try freePort()
        let authConfig = try work.write("auth.yml", """
            users:
              - bearer_token: "\(Self.token)"
                url_prefix: "\(victoria.baseURL)"
            """)
        let vmauth = try ChildProcess("vmauth", ["-auth.config=\(authConfig)", "-httpListenAddr=127.0.0.1:\(authPort)", "-loggerLevel=ERROR"])
        defer { vmauth.stop() }
        let global = "http://127.0.0.1:\(authPort)"

        // Both regions' samples reach the global store (remote write), labelled by region.
        let arrived = await waitUntil(timeout: .seconds(90)) {
            guard let answer = await httpGet("\(victoria.baseURL)/api/v1/query?query=count(count%20by%20(region)%20(up%7Bjob%3D%22execution%22%7D))") else { return false }
            return answer.body.contains(#""value":["#) && answer.body.contains(#","2"]"#)
        }
        #expect(arrived, "remote write did not bring both regions: \(promA.process.stderr.suffix(800))")
        let scraped = await waitUntil(timeout: .seconds(30)) {
            await httpGet("\(promB.baseURL)/api/v1/query?query=up%7Bjob%3D%22execution%22%7D")?.body.contains("127.0.0.1:\(portB)") == true
        }
        #expect(scraped)
        // Snapshot ends its range on the datasource's scrape interval (15 s by default), as
        // Grafana does: wait until each region has samples older than that, or a loaded
        // machine's first snapshot may end before the first scrape.
        let settled = await waitUntil(timeout: .seconds(90)) {
            let past = Int(Date().timeIntervalSince1970) - 20
            for server in [promA.baseURL, promB.baseURL] {
                guard await httpGet("\(server)/api/v1/query?query=up%7Bjob%3D%22execution%22%7D&time=\(past)")?.body.contains(#""value":["#) == true else { return false }
            }
            return true
        }
        #expect(settled, "the regions have no samples older than 20 s")

        _ = try work.write("token", Self.token + "\n")
        _ = try work.write("wrong-token", "wrong-token-1d8e5b\n")
        let good = try work.write("config.yaml", Self.config(a: promA.baseURL, b: promB.baseURL, global: global, tokenFile: work.file("token")))
        let a = "127.0.0.1:\(portA)", b = "127.0.0.1:\(portB)"

        let (frame, _) = try await snapshot(work, config: good)
        func panel(_ title: String) -> Snapshot.Panel? { frame.panels.first { $0.title == title } }
        #expect(Self.instances(panel("pinned a")) == [a])
        #expect(Self.instances(panel("pinned b")) == [b])
        #expect(Self.instances(panel("on ds")) == [a], "All outside a repeat is the first datasource")
        #expect(panel("mixed")?.series.map { "\($0.refId) \($0.labels["instance"] ?? "")" }.sorted() == ["A \(a)", "B \(b)"])
        #expect(Set(panel("global")?.series.compactMap { $0.labels["region"] } ?? []) == ["a", "b"])
        #expect(panel("unknown")?.status == "error: datasource uid 'P1809F7CD0C75ACF3' not configured")
        // Repeated over All of `ds` (the regex keeps the regions): one panel per server.
        #expect(Self.instances(panel("per region-a")) == [a])
        #expect(Self.instances(panel("per region-b")) == [b])

        // --var ds=region-b switches the panels on ${ds}.
        let (switched, _) = try await snapshot(work, config: good, extra: ["--var", "ds=region-b"])
        #expect(Self.instances(switched.panels.first { $0.title == "on ds" }) == [b])

        // A wrong token: refused on the global panel only (vmauth answers 400, quoting the
        // token it did not find; Prometheus-style gateways 401), and the token never printed.
        let wrong = try work.write("wrong.yaml", Self.config(a: promA.baseURL, b: promB.baseURL, global: global, tokenFile: work.file("wrong-token")))
        let (refused, text) = try await snapshot(work, config: wrong)
        #expect(["error: HTTP 400", "error: HTTP 401"].contains(refused.panels.first { $0.title == "global" }?.status ?? ""))
        #expect(Self.instances(refused.panels.first { $0.title == "pinned b" }) == [b])
        #expect(!text.contains("wrong-token-1d8e5b"))
        let text401 = try await offCooperativePool {
            try runCommand(QueryCommandTests.executable, ["query", "up", "--config", wrong, "--datasource", "global"], timeout: .seconds(60))
        }
        #expect(text401.status != 0)
        #expect(text401.stderr.contains("auth token"), "\(text401.stderr)")
        #expect(!(text401.stdout + text401.stderr).contains("wrong-token-1d8e5b"), "\(text401.stderr)")

        // Region b's Prometheus dies: its panels fail, region a's stay current.
        promB.process.stop()
        let (half, _) = try await snapshot(work, config: good)
        #expect(Self.instances(half.panels.first { $0.title == "pinned a" }) == [a])
        #expect(half.panels.first { $0.title == "pinned a" }?.status == "ok")
        #expect(half.panels.first { $0.title == "pinned b" }?.status.hasPrefix("error") == true)
        #expect(Self.instances(half.panels.first { $0.title == "per region-a" }) == [a])
    }
}
