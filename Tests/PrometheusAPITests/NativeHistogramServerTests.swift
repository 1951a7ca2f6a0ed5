import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// A real Prometheus (Debian's 2.42, `--enable-feature=native-histograms`) scrapes one
/// native histogram the test serves in the protobuf exposition, and the client decodes its
/// answers: the histogram itself, range queries of its rate, and the floats of
/// histogram_count/histogram_sum/histogram_quantile over it.
@Suite(.tags(.prometheus)) struct NativeHistogramServerTests {
    /// What scrape n adds to each bucket, so the rate's shape moves over time: the zero
    /// bucket, then (0.5,1], (1,2], (2,4], (4,8], (8,16] (schema 0, bucket i is (2^(i-1), 2^i]).
    static func increments(_ n: UInt64) -> [UInt64] { [1, 1 + n % 3, 2, 1 + (n / 2) % 4, 1, n % 2 == 0 ? 2 : 0] }

    /// The cumulative buckets after scrape n (zero bucket first).
    static func state(_ n: UInt64) -> [UInt64] {
        (1...max(n, 1)).map(increments).reduce(into: [UInt64](repeating: 0, count: 6)) { total, step in
            for index in total.indices { total[index] += step[index] }
        }
    }

    static func exposition(scrape n: UInt64) -> [UInt8] {
        let buckets = state(n)
        return ProtobufExposition.delimited(.init(
            name: "demo_latency_seconds", help: "A native histogram served by the test.", labels: [("path", "/api")],
            schema: 0, zeroThreshold: 0.001, zeroCount: buckets[0], firstIndex: 0, positive: Array(buckets.dropFirst()),
            sum: 3 * Double(buckets.reduce(0, +))))
    }

    final class ScrapeCount: @unchecked Sendable {
        private let lock = NSLock()
        private var value: UInt64 = 0
        func next() -> UInt64 { lock.withLock { value += 1; return value } }
    }

    @Test func realPrometheusNativeHistogramsDecodeAndTheirFunctionsAreFloats() async throws {
        let scrapes = ScrapeCount()
        let target = try FaultServer { request in
            guard request.target.hasPrefix("/metrics") else { return .respond(status: 404, body: "not found") }
            return .respondBytes(status: 200, headers: [("Content-Type", ProtobufExposition.contentType)],
                                 body: NativeHistogramServerTests.exposition(scrape: scrapes.next()))
        }
        defer { target.stop() }
        let server = try await PrometheusServer.scrapingNativeHistograms(targetPort: target.port)
        defer { server.stop() }
        let client = PrometheusClient(settings: DatasourceSettings(name: "prom", url: server.baseURL))
        do {
            try await check(client, server: server)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private func now() -> Timestamp { Timestamp(Date().timeIntervalSince1970 * 1000) }

    private func check(_ client: PrometheusClient, server: PrometheusServer) async throws {
        // Twelve scrapes, so the range query below has ten seconds of rates.
        let stored = await waitUntil(timeout: .seconds(60)) {
            guard case .vector(let elements)? = try? await client.query("demo_latency_seconds", at: now()).result,
                  let histogram = elements.first?.histogram else { return false }
            return histogram.count >= Double(Self.state(12).reduce(0, +))
        }
        try #require(stored, "Prometheus stored no native histogram of demo_latency_seconds")

        let instant = try await client.query("demo_latency_seconds", at: now())
        guard case .vector(let elements) = instant.result, let element = elements.first, let histogram = element.histogram else {
            Issue.record("not a histogram vector: \(instant.result)")
            return
        }
        #expect(element.labels["path"] == "/api" && element.labels["job"] == "native")
        #expect(element.sample.value.isNaN)
        // The stored histogram is one scrape's state exactly, its buckets as served.
        let n = try #require((1...UInt64(300)).first { Double(Self.state($0).reduce(0, +)) == histogram.count })
        let served = Self.state(n).map { Double($0) }
        #expect(histogram.sum == 3 * histogram.count)
        #expect(histogram.buckets == [
            .init(.inclusive, lower: -0.001, upper: 0.001, count: served[0]),
            .init(.upperInclusive, lower: 0.5, upper: 1, count: served[1]),
            .init(.upperInclusive, lower: 1, upper: 2, count: served[2]),
            .init(.upperInclusive, lower: 2, upper: 4, count: served[3]),
            .init(.upperInclusive, lower: 4, upper: 8, count: served[4]),
            .init(.upperInclusive, lower: 8, upper: 16, count: served[5]),
        ].filter { $0.count > 0 })
        // A vector element of a histogram is a series with one histogram point and no floats.
        #expect(instant.result.series.first?.samples.isEmpty == true)
        #expect(instant.result.series.first?.histograms.count == 1)

        // At the histogram's own timestamp the functions over it answer plain floats.
        let time = element.sample.timestamp
        func float(_ expr: String) async throws -> Double? {
            guard case .vector(let elements) = try await client.query(expr, at: time).result, let first = elements.first else { return nil }
            #expect(first.histogram == nil, "\(expr) answered a histogram")
            return first.sample.value
        }
        #expect(try await float("histogram_count(demo_latency_seconds)") == histogram.count)
        #expect(try await float("histogram_sum(demo_latency_seconds)") == histogram.sum)
        // The quantile lies in the bucket where the cumulative count first reaches 0.9 × count.
        let quantile = try #require(try await float("histogram_quantile(0.9, demo_latency_seconds)"))
        let rank = 0.9 * histogram.count
        var below = 0.0
        let bucket = try #require(histogram.buckets.first { below += $0.count; return below >= rank })
        #expect(quantile > bucket.lower && quantile <= bucket.upper, "\(quantile) outside \(bucket)")
        // Everything up to 2 lies in the zero bucket and the buckets up to (1, 2].
        let fraction = try #require(try await float("histogram_fraction(0, 2, demo_latency_seconds)"))
        #expect(abs(fraction - (served[0] + served[1] + served[2]) / histogram.count) < 1e-9)

        // A range query of the rate: histogram points, each of a constant rate's buckets.
        let end = now()
        let range = QueryRange(start: end - 10_000, end: end, step: 1000)
        let expr = "rate(demo_latency_seconds[3s])"
        let rated = try await client.queryRange(expr, range: range)
        guard case .matrix(let series) = rated.result, let first = series.first else {
            Issue.record("not a matrix: \(rated.result)")
            return
        }
        #expect(first.samples.isEmpty)
        #expect(!first.histograms.isEmpty)
        for point in first.histograms {
            #expect(point.histogram.buckets.first?.boundaryRule == .inclusive)
            #expect(point.histogram.buckets.dropFirst().allSatisfy { $0.boundaryRule == .upperInclusive })
            #expect(point.histogram.count > 0)
        }
        // The client's decoding agrees with Foundation's JSON reading of the same body.
        let body = try await httpRequest(server.baseURL + "/api/v1/query_range", form: formEncode([
            ("query", expr), ("start", "\(Double(range.start) / 1000)"), ("end", "\(Double(range.end) / 1000)"), ("step", "1"),
        ])).body
        let fromBody = try #require(QueryResponseBody.result(Array(body.utf8)))
        // PROMDECK_RECORD_FIXTURES=1 keeps this run's answers as the decoder's and heatmap's fixtures.
        if ProcessInfo.processInfo.environment["PROMDECK_RECORD_FIXTURES"] == "1" {
            let directory = repositoryRoot() + "/Tests/Fixtures/NativeHistograms/"
            try Data(body.utf8).write(to: URL(fileURLWithPath: directory + "prometheus-2.42-query-range-rate.json"))
            let instantBody = try await httpRequest(server.baseURL + "/api/v1/query", form: formEncode([
                ("query", "demo_latency_seconds"), ("time", "\(Double(time) / 1000)")])).body
            try Data(instantBody.utf8).write(to: URL(fileURLWithPath: directory + "prometheus-2.42-query-vector.json"))
        }
        #expect(fromBody == rated.result)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let points = try #require(((json["data"] as? [String: Any])?["result"] as? [[String: Any]])?.first?["histograms"] as? [[Any]])
        #expect(points.count == first.histograms.count)
        for (point, decoded) in zip(points, first.histograms) {
            let object = try #require(point.last as? [String: Any])
            #expect(Double(object["count"] as? String ?? "") == decoded.histogram.count)
            #expect(Double(object["sum"] as? String ?? "") == decoded.histogram.sum)
            let buckets = try #require(object["buckets"] as? [[Any]])
            #expect(buckets.map { Double($0[3] as? String ?? "") } == decoded.histogram.buckets.map(\.count))
            #expect(buckets.map { $0[0] as? Int } == decoded.histogram.buckets.map(\.boundaryRule.rawValue))
        }
    }
}
