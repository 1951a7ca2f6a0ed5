// Generation speed of the simulation, optimized (see Benchmarks/README.md).
import Foundation
import PromModel

let simulation = Simulation(seed: 1)
let start: Timestamp = 1_767_621_600_000
for round in 1...3 {
    let clock = ContinuousClock.now
    var series = 0
    for step in 0..<240 { series = simulation.samples(at: start + Int64(step) * 15_000).count }
    let hour = ContinuousClock.now - clock
    let backfillClock = ContinuousClock.now
    let text = simulation.openMetrics(start: start, end: start + 3_600_000, interval: 15_000)
    let backfill = ContinuousClock.now - backfillClock
    print("round \(round): samples(at:) × 240 (1 h at 15 s, \(series) series): \(hour); OpenMetrics 1 h (\(text.utf8.count / 1_000_000) MB): \(backfill)")
}
