import Foundation
import PromModel
import PrometheusAPI
import Testing
import TestSupport
@testable import Simulator

/// promdeck's own HTTP client against the API server decodes exactly what the datasource
/// answers when called directly at the same time: the server is a faithful proxy.
@Suite(.serialized) struct APIServerClientTests {
    static let now = RunningAPIServer.now

    @Test func clientResultsEqualDirectDatasourceResults() async throws {
        let server = try await RunningAPIServer(seed: 11)
        let settings = try DatasourceResolver.resolve(configPath: nil, name: nil, url: server.baseURL)
        let client = PrometheusClient(settings: settings)
        let direct = server.datasource

        let instants = [
            "sum by (job) (rate(http_requests_total[5m]))",
            "histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))",
            "positions_open",
            "sum(positions_open) by (symbol)",
            "time()",
            "\"text\"",
            "eventbus_queue_lag[2m]",
            "1/0",
        ]
        for expr in instants {
            for time in [Self.now, Self.now - 1_234_567, Self.now - 15_000] {
                let viaHTTP = try await client.query(expr, at: time)
                let viaEngine = try await direct.query(expr, at: time)
                #expect(same(viaHTTP, viaEngine), "\(expr) at \(time)")
            }
        }
        let ranges = [
            QueryRange(start: Self.now - 3_600_000, end: Self.now, step: 60_000),
            QueryRange(start: Self.now - 900_000 + 500, end: Self.now - 1, step: 15_000),
            QueryRange(start: Self.now - 7_200_000, end: Self.now, step: 3_600_000),
        ]
        for expr in ["sum by (job) (rate(http_requests_total[5m]))", "portfolio_value_usd", "eventbus_queue_lag > 0", "vector(time())"] {
            for range in ranges {
                let viaHTTP = try await client.queryRange(expr, range: range)
                let viaEngine = try await direct.queryRange(expr, range: range)
                #expect(!viaEngine.result.isEmpty, "\(expr)")
                #expect(same(viaHTTP, viaEngine), "\(expr) over \(range)")
            }
        }

        let start = Self.now - 600_000
        #expect(try await client.series(matching: ["positions_open", "portfolio_value_usd"], start: start, end: Self.now)
            == direct.series(matching: ["positions_open", "portfolio_value_usd"], start: start, end: Self.now))
        #expect(try await client.labelNames(matching: [], start: start, end: Self.now)
            == direct.labelNames(matching: [], start: start, end: Self.now))
        #expect(try await client.labelNames(matching: ["http_requests_total"], start: start, end: Self.now)
            == direct.labelNames(matching: ["http_requests_total"], start: start, end: Self.now))
        #expect(try await client.labelValues("job", matching: [], start: start, end: Self.now)
            == direct.labelValues("job", matching: [], start: start, end: Self.now))
        #expect(try await client.labelValues("symbol", matching: ["positions_open"], start: start, end: Self.now)
            == direct.labelValues("symbol", matching: ["positions_open"], start: start, end: Self.now))
        #expect(try await client.alerts() == direct.alerts())
        #expect(try await client.buildInfo().version == RunningAPIServer.version)
        #expect(await client.checkHealth().error == nil)

        // Errors arrive with Prometheus's error type and the engine's message.
        do {
            _ = try await client.query("sum(rate(http_requests_total[5m])", at: Self.now)
            Issue.record("a parse error was expected")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.message.contains("1:34: parse error: unclosed left parenthesis"), "\(error.message)")
        }
        do {
            _ = try await client.query("topk(1e30, positions_open)", at: Self.now)
            Issue.record("an execution error was expected")
        } catch {
            #expect(error.kind == .execution)
            #expect(error.message.contains("Scalar value 1e+30 overflows int64"), "\(error.message)")
        }
        await client.shutdown()
        await server.stop()
    }

    /// Equal results, where NaN equals NaN.
    private func same(_ lhs: QueryResponse, _ rhs: QueryResponse) -> Bool {
        guard lhs.warnings == rhs.warnings else { return false }
        switch (lhs.result, rhs.result) {
        case (.vector(let a), .vector(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.labels == $1.labels && $0.sample.isIdentical(to: $1.sample) }
        case (.matrix(let a), .matrix(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { x, y in
                x.labels == y.labels && x.samples.count == y.samples.count && zip(x.samples, y.samples).allSatisfy { $0.isIdentical(to: $1) }
            }
        case (.scalar(let a), .scalar(let b)):
            return a.isIdentical(to: b)
        default:
            return lhs.result == rhs.result
        }
    }
}
