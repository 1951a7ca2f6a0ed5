import Foundation

/// Everything one instant needs, computed once per `samples(at:)` and shared by every
/// series: the incidents that can still matter, and each service's process start.
struct Context: Sendable {
    /// Services restart (a deploy) every 6 hours at a seed-chosen phase each, so counters
    /// reset deliberately and no integral reaches back further than that.
    static let restartPeriod = 21_600.0
    /// Jitter grid of the counters' time warp, in seconds.
    static let jitterStep = 15.0

    let t: Double
    let noise: Noise
    let shape: TrafficShape
    /// Incidents from before the oldest process start up to shortly after `t`, by start.
    let incidents: [Incident]
    let processStarts: [Double]
    /// Emergency stops of the last 30 hours and the next slot: the book's losses reach back
    /// to six hours before the session (UTC day) start.
    let recentStops: [Incident]
    private let restartPhases: [Double]

    init(t: Double, noise: Noise, shape: TrafficShape, restartPhases: [Double]) {
        self.t = t
        self.noise = noise
        self.shape = shape
        self.restartPhases = restartPhases
        processStarts = restartPhases.map { phase in
            ((t - phase) / Context.restartPeriod).rounded(.down) * Context.restartPeriod + phase
        }
        let earliest = (processStarts.min() ?? t) - Incident.slotLength
        let first = Int64((earliest / Incident.slotLength).rounded(.down))
        let last = Int64((t / Incident.slotLength).rounded(.down)) + 1
        incidents = (first...last).map { Incident(slot: $0, noise: noise) }
        let stopsFrom = Int64(((t - 86_400 - 21_600) / Incident.slotLength).rounded(.down))
        recentStops = (stopsFrom...last).lazy.map { Incident(slot: $0, noise: noise) }.filter {
            if case .emergencyStop = $0.kind { return true }
            return false
        }
    }

    func processStart(_ service: Service) -> Double { processStarts[service.index] }

    /// The incident running at `t`, if any.
    var activeIncident: Incident? { incidents.first { $0.isActive(at: t) } }

    /// `t` moved by up to ±4.5 s, a hashed amount per series and 15 s knot, linearly between
    /// knots. The warp's slope stays within ±0.6, so a counter read at the warped time still
    /// only goes up, and its rate gets ±60 % noise at the 15 s scale that averages out.
    func warped(_ key: UInt64) -> Double {
        let position = t / Context.jitterStep
        let knot = position.rounded(.down)
        let index = Int64(knot)
        let left = noise.signed(key, index), right = noise.signed(key, index + 1)
        return t + (left + (right - left) * (position - knot)) * 0.3 * Context.jitterStep
    }

    /// The integral of a stream's rate multiplier (market level × incident effects) from its
    /// service's process start to `x`, in seconds at base rate.
    func integral(_ tag: StreamTag, to x: Double) -> Double {
        let start = processStart(tag.service)
        guard x > start else { return 0 }
        let follows = tag.followsMarket
        func span(_ from: Double, _ to: Double) -> Double {
            let lower = max(from, start), upper = min(to, x)
            guard upper > lower else { return 0 }
            return follows ? shape.integral(upper) - shape.integral(lower) : upper - lower
        }
        var total = tag.baseline == 0 ? 0 : tag.baseline * span(start, x)
        for incident in incidents where incident.start < x && incident.recoveryEnd > start {
            guard let effect = tag.effects[incident.kindIndex] else { continue }
            if effect.during != tag.baseline { total += (effect.during - tag.baseline) * span(incident.start, incident.end) }
            if effect.recovery != tag.baseline && incident.recoveryEnd > incident.end {
                total += (effect.recovery - tag.baseline) * span(incident.end, incident.recoveryEnd)
            }
        }
        return max(0, total)
    }

    /// The stream's rate multiplier at `t` (market level × the effect of the incident now).
    func level(_ tag: StreamTag) -> Double {
        let market = tag.followsMarket ? shape.level(t) : 1
        var multiplier = tag.baseline
        for incident in incidents where t >= incident.start && t < incident.recoveryEnd {
            guard let effect = tag.effects[incident.kindIndex] else { continue }
            multiplier = t < incident.end ? effect.during : effect.recovery
        }
        return market * multiplier
    }

    /// The ESS incidents that started in [from, t].
    func emergencyStops(since from: Double) -> [Incident] {
        incidents.filter {
            if case .emergencyStop = $0.kind { return $0.start >= from && $0.start <= t }
            return false
        }
    }
}
