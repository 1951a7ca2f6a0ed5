import Foundation
import PromModel
import Testing
@testable import Simulator

/// An hour of history has every series at every step. Speed is measured by
/// Benchmarks/simulator-speed.sh, not asserted here.
@Suite struct HourOfHistoryTests {
    @Test func anHourOfFifteenSecondSamples() {
        let simulation = Simulation(seed: 1)
        let start: Timestamp = 1_767_621_600_000
        var total = 0
        for step in 0..<240 { total += simulation.samples(at: start + Int64(step) * 15_000).count }
        #expect(total == 240 * 1161)
    }
}
