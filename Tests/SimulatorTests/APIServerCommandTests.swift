import Foundation
import Testing
import TestSupport
@testable import Simulator

/// `promdeck simulate --api`: the built binary serves the API next to /metrics, on the
/// simulation's virtual clock, and shuts both down gracefully.
@Suite(.serialized) struct APIServerCommandTests {
    @Test func simulateServesTheAPIAlongsideMetricsAndStopsCleanly() async throws {
        guard FileManager.default.isExecutableFile(atPath: SimulatorProcess.executable) else {
            throw TestSupportError("\(SimulatorProcess.executable) is missing: run `swift build` first")
        }
        let offset = try freePortOffset(for: Service.all.map(\.port))
        var apiPort = try freePort()
        while Service.all.contains(where: { $0.port + offset == apiPort }) { apiPort = try freePort() }
        let process = try ChildProcess(SimulatorProcess.executable, [
            "simulate", "--api", "127.0.0.1:\(apiPort)", "--port-offset", "\(offset)", "--seed", "5", "--speed", "30",
        ])
        defer { process.stop() }
        let base = "http://127.0.0.1:\(apiPort)"
        let ready = await waitUntil(timeout: .seconds(30)) { await httpGet(base + "/-/ready")?.status == 200 }
        try #require(ready, "no API: \(process.stderr.suffix(1000))")
        #expect(process.stderr.contains("Prometheus API: http://127.0.0.1:\(apiPort)/api/v1/"))
        #expect(await httpGet("http://127.0.0.1:\(Service.all[0].port + offset)/metrics")?.status == 200)

        // An hour of history at start, so rates answer at once.
        let started = Date().timeIntervalSince1970
        let rates = try json(try await httpRequest(base + "/api/v1/query?" + formEncode([("query", "sum by (job) (rate(http_requests_total[5m]))")])))
        let result = try #require((rates["data"] as? [String: Any])?["result"] as? [[String: Any]])
        #expect(result.count == 5)
        let history = try json(try await httpRequest(base + "/api/v1/query?" + formEncode([
            ("query", "count_over_time(process_start_time_seconds{job=\"execution\"}[59m])"),
        ])))
        let counts = try #require((history["data"] as? [String: Any])?["result"] as? [[String: Any]])
        // 59 minutes of 15 s scrapes: 236, or 237 when the window starts exactly on a scrape.
        let count = (counts.first?["value"] as? [Any])?.last as? String
        #expect(counts.count == 1 && (count == "236" || count == "237"), "\(count ?? "none")")

        // --speed 30: the default query time (virtual now) runs ahead of the wall clock.
        try await Task.sleep(for: .seconds(1))
        let clock = try json(try await httpRequest(base + "/api/v1/query?query=time()"))
        let virtualNow = try #require(((clock["data"] as? [String: Any])?["result"] as? [Any])?.first as? NSNumber).doubleValue
        #expect(virtualNow - started > 20, "virtual \(virtualNow), wall \(started)")

        let range = try json(try await httpRequest(base + "/api/v1/query_range?" + formEncode([
            ("query", "sum(positions_open)"), ("start", String(Int(virtualNow) - 1800)), ("end", String(Int(virtualNow))), ("step", "5m"),
        ])))
        let series = try #require((range["data"] as? [String: Any])?["result"] as? [[String: Any]])
        #expect(series.count == 1 && (series.first?["values"] as? [Any])?.count == 7)

        process.signal(SIGTERM)
        #expect(process.wait(timeout: .seconds(15)) == 0, "\(process.stderr.suffix(1000))")
    }

    @Test func aBadAPIAddressIsRefused() throws {
        let output = try runCommand(SimulatorProcess.executable, ["simulate", "--api", "nowhere"], timeout: .seconds(30))
        #expect(output.status != 0)
        #expect(output.stderr.contains("--api nowhere: expected HOST:PORT"), "\(output.stderr)")
    }
}
