import Foundation
import PromModel
import Testing
@testable import Simulator

/// Generation speed, printed for the record. Tests run unoptimized, so the bound here is
/// loose; Benchmarks/simulator-speed.sh measures the optimized build.
@Suite struct SpeedTests {
    @Test func anHourOfFifteenSecondSamples() {
        let simulation = Simulation(seed: 1)
        let start: Timestamp = 1_767_621_600_000
        let clock = ContinuousClock.now
        var total = 0
        for step in 0..<240 { total += simulation.samples(at: start + Int64(step) * 15_000).count }
        let elapsed = ContinuousClock.now - clock
        print("Simulator: 240 steps × \(total / 240) series in \(elapsed) (debug build)")
        #expect(total == 240 * 1161)
        #expect(elapsed < .seconds(30))
    }
}
