import Foundation

/// Market activity over the day, as a multiplier around 1: busiest in US market hours
/// (peak near 17:00 UTC), quiet at night, with two slower wobbles whose phases come from the
/// seed. A sum of cosines, so its integral is exact and O(1) at any instant: counters are
/// integrals of rates, and must not depend on how time was stepped to reach them.
struct TrafficShape: Sendable {
    private struct Wave: Sendable {
        let amplitude: Double
        let omega: Double
        let phase: Double
    }

    private let waves: [Wave]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x7A11_C0DE)
        let day = 86_400.0
        let peak = 17.0 * 3_600
        let wobble1 = Double.random(in: 1_500...3_000, using: &random)
        let wobble2 = Double.random(in: 400...900, using: &random)
        waves = [
            Wave(amplitude: 0.45, omega: 2 * .pi / day, phase: -2 * .pi * peak / day),
            Wave(amplitude: 0.15, omega: 4 * .pi / day, phase: -4 * .pi * (peak - 3_600) / day),
            Wave(amplitude: 0.10, omega: 2 * .pi / wobble1, phase: Double.random(in: 0..<(2 * .pi), using: &random)),
            Wave(amplitude: 0.06, omega: 2 * .pi / wobble2, phase: Double.random(in: 0..<(2 * .pi), using: &random)),
        ]
    }

    /// The multiplier at `t` (Unix seconds); always between 0.24 and 1.76.
    func level(_ t: Double) -> Double {
        var value = 1.0
        for wave in waves { value += wave.amplitude * cos(wave.omega * t + wave.phase) }
        return value
    }

    /// An antiderivative of `level`.
    func integral(_ t: Double) -> Double {
        var value = t
        for wave in waves { value += wave.amplitude / wave.omega * sin(wave.omega * t + wave.phase) }
        return value
    }
}
