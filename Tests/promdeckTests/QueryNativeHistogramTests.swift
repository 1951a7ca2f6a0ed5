import Foundation
import Testing
import TestSupport

/// `promdeck query --url` against a server answering a recorded native-histogram vector
/// (Tests/Fixtures/NativeHistograms): the table shows each histogram's count, sum and
/// bucket count instead of a float; `--format json` prints the histograms back as the
/// server sent them (Prometheus's `histogram` / `histograms`).
@Suite struct QueryNativeHistogramTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: repositoryRoot() + "/Tests/Fixtures/NativeHistograms/" + name, encoding: .utf8)
    }

    /// The `data` object of a recorded success body (what `--format json` prints).
    static func dataObject(_ body: String) throws -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = #"{"status":"success","data":"#
        guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("}") else { throw TestSupportError("not a bare success body") }
        return String(trimmed.dropFirst(prefix.count).dropLast())
    }

    /// Serves `body` for both query endpoints.
    static func json(_ body: String, _ arguments: [String]) async throws -> CommandOutput {
        let server = try FaultServer { request in
            request.target.hasPrefix("/api/v1/query") ? .respond(status: 200, headers: [("Content-Type", "application/json")], body: body)
                : .respond(status: 404, body: "{}")
        }
        defer { server.stop() }
        let output = try await offCooperativePool {
            try runCommand(QueryCommandTests.executable, arguments + ["--url", server.baseURL, "--format", "json"], timeout: .seconds(60))
        }
        return output
    }

    @Test(arguments: [
        ("prometheus-2.42-query-vector.json", ["query", "demo_latency_seconds"]),
        ("prometheus-2.42-query-range-rate.json", ["query", "rate(demo_latency_seconds[3s])", "--start", "1796242775", "--end", "1796242785", "--step", "1s"]),
        ("prometheus-v3.14.0-json-codec-matrix.json", ["query", "foo", "--start", "1", "--end", "1", "--step", "1s"]),
    ])
    func jsonPrintsHistogramsAsTheServerWroteThem(fixture: String, arguments: [String]) async throws {
        let body = try Self.fixture(fixture)
        let output = try await Self.json(body, arguments)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.trimmingCharacters(in: .newlines) == (try Self.dataObject(body)))
    }

    @Test func tableShowsHistogramsAsCountSumAndBuckets() async throws {
        let path = repositoryRoot() + "/Tests/Fixtures/NativeHistograms/prometheus-2.42-query-vector.json"
        let body = try String(contentsOfFile: path, encoding: .utf8)
        let server = try FaultServer { request in
            request.target.hasPrefix("/api/v1/query") ? .respond(status: 200, headers: [("Content-Type", "application/json")], body: body)
                : .respond(status: 404, body: "{}")
        }
        defer { server.stop() }
        let output = try await offCooperativePool {
            try runCommand(QueryCommandTests.executable, ["query", "demo_latency_seconds", "--url", server.baseURL, "--format", "table"], timeout: .seconds(60))
        }
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("histogram count=112 sum=336 buckets=6"), "\(output.stdout)")
        #expect(output.stdout.contains(#"path="/api""#))
    }

    /// Against a real Prometheus (Debian's 2.42, native histograms on) scraping one native
    /// histogram: `query --format json` prints what the server's own API answers.
    @Test(.tags(.prometheus)) func jsonEqualsARealPrometheussAnswer() async throws {
        let target = try FaultServer { request in
            guard request.target.hasPrefix("/metrics") else { return .respond(status: 404, body: "not found") }
            return .respondBytes(status: 200, headers: [("Content-Type", ProtobufExposition.contentType)], body: ProtobufExposition.delimited(.init(
                name: "demo_latency_seconds", labels: [("path", "/api")], schema: 0, zeroThreshold: 0.001, zeroCount: 3,
                firstIndex: 0, positive: [1, 2, 0, 4], sum: 12.5)))
        }
        defer { target.stop() }
        let server = try await PrometheusServer.scrapingNativeHistograms(targetPort: target.port)
        defer { server.stop() }
        // Three scrapes in, so the range below holds a histogram at every step.
        let scraped = await waitUntil(timeout: .seconds(60)) {
            let now = Int(Date().timeIntervalSince1970)
            let body = await httpGet(server.baseURL + "/api/v1/query_range?query=demo_latency_seconds&start=\(now - 3)&end=\(now)&step=1")?.body ?? ""
            return body.components(separatedBy: "\"count\"").count == 5
        }
        try #require(scraped, "Prometheus stored no native histogram")
        let t = Int(Date().timeIntervalSince1970)
        let cases: [(path: String, arguments: [String])] = [
            ("/api/v1/query?query=demo_latency_seconds&time=\(t)", ["query", "demo_latency_seconds", "--time", String(t)]),
            ("/api/v1/query_range?query=demo_latency_seconds&start=\(t - 3)&end=\(t)&step=1",
             ["query", "demo_latency_seconds", "--start", String(t - 3), "--end", String(t), "--step", "1s"]),
        ]
        for (path, arguments) in cases {
            let served = try #require(await httpGet(server.baseURL + path)?.body)
            let output = try await offCooperativePool {
                try runCommand(QueryCommandTests.executable, arguments + ["--url", server.baseURL, "--format", "json"], timeout: .seconds(60))
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(served.contains("\"histogram"), "\(served)")
            #expect(output.stdout.trimmingCharacters(in: .newlines) == (try Self.dataObject(served)))
        }
    }
}
