// The embedded engine against Prometheus 2.42 over the same blocks (the demo's simulated
// hour, and the data of Prometheus's own range-query benchmark), the store's ingest rate,
// and its bytes per sample.
import Benchmark
import BenchmarkSupport
import PromModel
import PromQL

private let dashboardFiles = [
    "service-health-overview.json", "trading-performance.json", "infrastructure-metrics.json", "eventbus-monitoring.json",
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(20)
    Benchmark.defaultConfiguration.maxIterations = 20
    let fixture = EngineFixture()

    // Each dashboard: every query `view` sends at 160×45 over now-1h..now, run one after
    // another through the HTTP client against Prometheus (what `view --url` pays: HTTP and
    // JSON decoding included) and through the embedded datasource (what `demo` pays).
    let dashboard = BaselineComparison(subject: "embedded engine", baseline: "Prometheus via HTTP")
    let queryCount = BenchmarkMetric.custom("queries per refresh", useScalingFactor: false)
    for file in dashboardFiles {
        let name = "Dashboard \(file.replacingOccurrences(of: ".json", with: "")): 1 h at the pane step"
        Benchmark(
            name, configuration: .init(metrics: [.wallClock] + dashboard.metrics + [queryCount]),
            closure: { benchmark in
                guard let plan = fixture.plan(file), let prometheus = fixture.prometheus, let embedded = try? fixture.embedded else {
                    benchmark.error("setup did not run")
                    return
                }
                if let problem = plan.problem {
                    benchmark.error("the datasources disagree, so the ratio would compare unequal work:\n\(problem)")
                    return
                }
                benchmark.measurement(queryCount, plan.queries.count)
                benchmark.startMeasurement()
                do {
                    try await dashboard.measure(benchmark, baseline: {
                        for query in plan.queries { blackHole(try await DashboardQueries.run(query, on: prometheus.client)) }
                    }, subject: {
                        for query in plan.queries { blackHole(try await DashboardQueries.run(query, on: embedded)) }
                    })
                } catch {
                    benchmark.error("\(error)")
                }
            },
            setup: {
                try await fixture.startPrometheus()
                try await fixture.checkPlan(file)
            },
            teardown: { await fixture.stopPrometheus() })
    }

    // Prometheus's own range-query benchmark (bench_test.go, v3.14.0): each case against
    // Prometheus 2.42 over HTTP on the same data, one benchmark (and process) per case.
    let upstream = BaselineComparison(subject: "embedded engine", baseline: "Prometheus via HTTP")
    for upstreamCase in UpstreamRangeCases.all {
        let fixture = UpstreamRangeFixture()
        Benchmark(
            upstreamCase.name, configuration: .init(metrics: [.wallClock] + upstream.metrics, maxDuration: .seconds(10), maxIterations: 10),
            closure: { benchmark in
                guard let sides = fixture.sides else {
                    benchmark.error("setup did not run")
                    return
                }
                if let problem = sides.problem {
                    benchmark.error("the sides disagree, so the ratio would compare unequal work: \(problem)")
                    return
                }
                let range = UpstreamRangeData.range(steps: upstreamCase.steps)
                benchmark.startMeasurement()
                do {
                    try await upstream.measure(benchmark, baseline: {
                        blackHole(try await sides.prometheus.client.queryRange(upstreamCase.prometheusExpr, range: range))
                    }, subject: {
                        blackHole(try await sides.embedded.queryRange(upstreamCase.expr, range: range))
                    })
                } catch {
                    benchmark.error("\(error)")
                }
            },
            setup: { try await fixture.start(upstreamCase) },
            teardown: { await fixture.stop() })
    }

    // Ingest: the hour appended to a fresh store (postings, Gorilla chunks) against appending
    // the same pairs to two plain arrays, the least any store could do.
    let ingest = BaselineComparison(subject: "SeriesStore.append", baseline: "plain arrays")
    let ingestRate = BenchmarkMetric.custom("ingest (samples/s)", useScalingFactor: false)
    Benchmark("Ingest: the simulated hour into a fresh store", configuration: .init(metrics: [.wallClock, .mallocCountTotal] + ingest.metrics + [ingestRate])) { benchmark in
        guard let pairs = try? fixture.hour().pairs else {
            benchmark.error("could not build the simulated hour")
            return
        }
        benchmark.startMeasurement()
        let storeTime = timed {
            let store = SeriesStore()
            blackHole(store.append(contentsOf: pairs))
        }
        let arraysTime = timed {
            var labels: [Labels] = []
            var samples: [Sample] = []
            for (label, sample) in pairs {
                labels.append(label)
                samples.append(sample)
            }
            blackHole((labels, samples))
        }
        benchmark.stopMeasurement()
        ingest.record(benchmark, subject: storeTime, baseline: arraysTime)
        let seconds = Double(storeTime.components.seconds) + Double(storeTime.components.attoseconds) / 1e18
        benchmark.measurement(ingestRate, Int((Double(pairs.count) / max(seconds, 1e-9)).rounded()))
    }

    // Bytes per stored sample from the store's own accounting (chunk payloads), against the
    // 16 bytes of a raw (Int64 timestamp, Double value) sample. Deterministic: one iteration.
    let bytesPerSample = BenchmarkMetric.custom("bytes per sample (×100)", useScalingFactor: false)
    let rawRatio = BenchmarkMetric.custom("bytes per sample ÷ 16-byte raw sample (%)", useScalingFactor: false)
    Benchmark("Storage: bytes per sample, the simulated hour", configuration: .init(metrics: [bytesPerSample, rawRatio], maxIterations: 1)) { benchmark in
        guard let statistics = try? fixture.hour().store.statistics else {
            benchmark.error("could not build the simulated hour")
            return
        }
        benchmark.measurement(bytesPerSample, Int((statistics.bytesPerSample * 100).rounded()))
        benchmark.measurement(rawRatio, Int((statistics.bytesPerSample / 16 * 100).rounded()))
    }
}
