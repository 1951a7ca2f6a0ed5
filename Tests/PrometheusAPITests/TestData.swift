import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// A small data set written by the tests: two counter series and a gauge, one hour at 15 s,
/// starting two hours ago (inside VictoriaMetrics' retention and Prometheus' block range).
struct TestData {
    let start: Timestamp
    static let points = 241
    static let step: Int64 = 15_000

    init() {
        let twoHoursAgo = Int64(Date().timeIntervalSince1970 * 1000) - 2 * 3_600_000
        start = twoHoursAgo - twoHoursAgo % 60_000
    }

    func time(_ index: Int) -> Timestamp { start + Int64(index) * TestData.step }

    private var rows: [(labels: String, value: (Int) -> String)] {
        [
            (#"promdeck_test_requests_total{job="api",instance="a"}"#, { "\($0)" }),
            (#"promdeck_test_requests_total{job="api",instance="b"}"#, { "\($0 * 2)" }),
            (#"promdeck_test_temperature{room="lab"}"#, { "\(20.5 + Double($0 % 3))" }),
        ]
    }

    /// OpenMetrics for promtool (timestamps in seconds).
    var openMetrics: String {
        var text = "# TYPE promdeck_test_requests counter\n# TYPE promdeck_test_temperature gauge\n"
        for (labels, value) in rows where labels.hasPrefix("promdeck_test_requests") {
            for index in 0..<TestData.points { text += "\(labels) \(value(index)) \(FormEncoding.seconds(time(index)))\n" }
        }
        for (labels, value) in rows where labels.hasPrefix("promdeck_test_temperature") {
            for index in 0..<TestData.points { text += "\(labels) \(value(index)) \(FormEncoding.seconds(time(index)))\n" }
        }
        return text + "# EOF\n"
    }

    /// Prometheus text lines for VictoriaMetrics' import (timestamps in ms).
    var exposition: String {
        rows.flatMap { labels, value in (0..<TestData.points).map { "\(labels) \(value($0)) \(time($0))" } }.joined(separator: "\n") + "\n"
    }

    /// The checks every Prometheus-compatible server must pass on this data.
    func checkQueries(_ client: PrometheusClient) async throws {
        let instant = try await client.query("promdeck_test_requests_total", at: time(120))
        guard case .vector(let elements) = instant.result else { Issue.record("not a vector: \(instant.result)"); return }
        let byInstance = Dictionary(uniqueKeysWithValues: elements.map { ($0.labels["instance"] ?? "", $0.sample) })
        #expect(byInstance["a"] == Sample(time(120), 120))
        #expect(byInstance["b"] == Sample(time(120), 240))
        #expect(elements.first?.labels.name == "promdeck_test_requests_total")

        let range = QueryRange(start: time(0), end: time(40), step: 60_000)
        let matrix = try await client.queryRange(#"promdeck_test_requests_total{instance="a"}"#, range: range)
        guard case .matrix(let series) = matrix.result else { Issue.record("not a matrix: \(matrix.result)"); return }
        #expect(series.count == 1)
        #expect(series.first?.samples == (0...10).map { Sample(time($0 * 4), Double($0 * 4)) })

        let rate = try await client.queryRange(#"rate(promdeck_test_requests_total{instance="b"}[1m])"#, range: QueryRange(start: time(20), end: time(40), step: 60_000))
        let rates = rate.result.series.first?.samples.map(\.value) ?? []
        #expect(rates.count == 6 && rates.allSatisfy { abs($0 - 2.0 / 15) < 1e-9 }, "\(rates)")

        // Prometheus answers a scalar; VictoriaMetrics, which has no scalars, a one-element vector.
        let scalar = try await client.query("1+1", at: time(10))
        #expect(scalar.result == .scalar(Sample(time(10), 2)) || scalar.result == .vector([InstantSample(labels: Labels(), sample: Sample(time(10), 2))]))

        let badQuery = await #expect(throws: QueryError.self) { _ = try await client.query("sum(", at: time(10)) }
        #expect(badQuery?.kind == .badData, "\(String(describing: badQuery))")

        let labelSets = try await client.series(matching: ["promdeck_test_requests_total"], start: time(0), end: time(240))
        #expect(Set(labelSets) == [
            Labels(name: "promdeck_test_requests_total", ["job": "api", "instance": "a"]),
            Labels(name: "promdeck_test_requests_total", ["job": "api", "instance": "b"]),
        ])
        let names = try await client.labelNames(matching: [], start: time(0), end: time(240))
        #expect(Set(["__name__", "instance", "job", "room"]).isSubset(of: names), "\(names)")
        let instances = try await client.labelValues("instance", matching: ["promdeck_test_requests_total"], start: time(0), end: time(240))
        #expect(instances == ["a", "b"])
        let rooms = try await client.labelValues("room", matching: [], start: time(0), end: time(240))
        #expect(rooms == ["lab"])

        let info = try await client.buildInfo()
        let health = await client.checkHealth()
        #expect(health.isHealthy, "\(String(describing: health.error))")
        #expect(health.version == (info.version.isEmpty ? nil : info.version))
        #expect(health.method == (info.version.isEmpty ? "query 1+1" : "buildinfo"))
    }
}
