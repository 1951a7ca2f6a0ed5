import PromModel
import PromQL
import Simulator

/// The demo's data: one hour of `Simulation(seed: 1)` at 15 s, as OpenMetrics text (for
/// promtool), as (labels, sample) pairs (for the ingest benchmark) and ingested into the
/// embedded store. Built once per benchmark process; every benchmark reads it.
struct SimulatedHour: Sendable {
    /// 2026-01-01T13:00Z..14:00Z, both ends included (241 instants).
    static let start: Timestamp = 1_767_272_400_000
    static let end: Timestamp = start + 3_600_000
    static let interval: Int64 = 15_000

    let openMetrics: String
    let pairs: [(Labels, Sample)]
    let store: SeriesStore

    init() throws {
        let simulation = Simulation(seed: 1)
        openMetrics = simulation.openMetrics(start: Self.start, end: Self.end, interval: Self.interval)
        var pairs: [(Labels, Sample)] = []
        for time in stride(from: Self.start, through: Self.end, by: Int(Self.interval)) {
            for sample in simulation.samples(at: time) { pairs.append((sample.labels, sample.sample)) }
        }
        self.pairs = pairs
        store = SeriesStore()
        try store.ingest(openMetrics, defaultTimestamp: 0)
    }
}
