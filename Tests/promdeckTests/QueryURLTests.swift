import Foundation
import Testing
import TestSupport

/// `promdeck query --url` against a real Prometheus holding the same samples as a file
/// loaded with `--data`: the client and the embedded engine must print the same answer.
@Suite("promdeck query --url", .serialized, .tags(.prometheus))
struct QueryURLTests {
    @Test func realPrometheusAndTheEmbeddedEngineAgree() async throws {
        let directory = try TemporaryDirectory("query-url")
        defer { directory.remove() }
        let file = try directory.write("data.om", QueryCommandTests.data)
        let blocks = directory.file("data")
        try FileManager.default.createDirectory(atPath: blocks, withIntermediateDirectories: true)
        try await offCooperativePool { try promtoolBackfill(openMetricsFile: file, into: blocks) }
        let prometheus = try await PrometheusServer(dataDirectory: blocks)
        defer { prometheus.stop() }

        let queries: [[String]] = [
            ["sum(rate(http_requests_total[5m]))", "--time", "1700000060", "--format", "json"],
            ["http_requests_total{code=\"500\"}", "--start", "1700000000", "--end", "1700000060", "--step", "30s", "--format", "json"],
            ["sum by (code) (rate(http_requests_total[5m]))", "--time", "1700000060"],
            ["sum(http_requests_total) by (job)", "--time", "1700000060"],
        ]
        for query in queries {
            let url = prometheus.baseURL
            let remote = try await offCooperativePool { try runCommand(QueryCommandTests.executable, ["query"] + query + ["--url", url], timeout: .seconds(60)) }
            let local = try await offCooperativePool { try runCommand(QueryCommandTests.executable, ["query"] + query + ["--data", file], timeout: .seconds(60)) }
            #expect(remote.status == 0, "\(remote.stderr)")
            #expect(!remote.stdout.isEmpty)
            // Vector order is unspecified in the API; compare line sets for tables, bytes for JSON of one series.
            #expect(Set(remote.stdout.split(separator: "\n")) == Set(local.stdout.split(separator: "\n")), "\(query)")
        }

        let url = prometheus.baseURL
        let bad = try await offCooperativePool { try runCommand(QueryCommandTests.executable, ["query", "sum(rate(x[5m])", "--url", url]) }
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("parse error"), "\(bad.stderr)")
    }
}
