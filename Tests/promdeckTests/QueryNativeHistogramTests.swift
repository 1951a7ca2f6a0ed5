import Foundation
import Testing
import TestSupport

/// `promdeck query --url` against a server answering a recorded native-histogram vector
/// (Tests/Fixtures/NativeHistograms): the table shows each histogram's count, sum and
/// bucket count instead of a float.
@Suite struct QueryNativeHistogramTests {
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
}
