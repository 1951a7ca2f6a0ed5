// The simulation's generation speed: `promdeck demo` fills an hour of history at start, and
// `simulate --openmetrics` writes backfills, so both are timed for one hour at 15 s.
import Benchmark
import BenchmarkSupport
import PromModel
import Simulator

private let start: Timestamp = 1_767_621_600_000
private let hourOfInstants = (0..<240).map { start + Int64($0) * 15_000 }

/// The floor of producing the same output: every series' labels paired with a pseudo-random
/// value at every instant, with no model behind the numbers.
private func bareSamples(labels: [Labels]) -> Int {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var produced = 0
    for time in hourOfInstants {
        var instant: [InstantSample] = []
        instant.reserveCapacity(labels.count)
        for series in labels {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instant.append(InstantSample(labels: series, sample: Sample(time, Double(state >> 11) / 9e15)))
        }
        blackHole(instant)
        produced += instant.count
    }
    return produced
}

/// The floor of writing the same hour as text: every value formatted, nothing else.
private func bareFormatting(values: Int) -> Int {
    var bytes = 0
    for index in 0..<values { bytes += String(Double(index) * 0.37).utf8.count }
    return bytes
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(20)
    Benchmark.defaultConfiguration.maxIterations = 20

    let hour = BaselineComparison(subject: "simulated hour", baseline: "bare samples")
    Benchmark("Simulation: 1 h at 15 s, every series", configuration: .init(metrics: [.wallClock, .mallocCountTotal] + hour.metrics)) { benchmark in
        let simulation = Simulation(seed: 1)
        let labels = simulation.samples(at: start).map(\.labels)
        benchmark.startMeasurement()
        hour.measure(benchmark, baseline: { blackHole(bareSamples(labels: labels)) }) {
            for time in hourOfInstants { blackHole(simulation.samples(at: time)) }
        }
    }

    let backfill = BaselineComparison(subject: "OpenMetrics hour", baseline: "bare formatting")
    Benchmark("OpenMetrics backfill: 1 h at 15 s", configuration: .init(metrics: [.wallClock] + backfill.metrics)) { benchmark in
        let simulation = Simulation(seed: 1)
        let values = simulation.samples(at: start).count * hourOfInstants.count
        benchmark.startMeasurement()
        backfill.measure(benchmark, baseline: { blackHole(bareFormatting(values: values)) }) {
            blackHole(simulation.openMetrics(start: start, end: start + 3_600_000, interval: 15_000).utf8.count)
        }
    }
}
