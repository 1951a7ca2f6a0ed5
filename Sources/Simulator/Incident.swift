/// What goes wrong on the platform. One incident starts in every 15-minute slot of virtual
/// time, at a hashed offset in the slot's first 5 minutes, so consecutive incidents start
/// 10 to 20 minutes apart; each lasts at most 9 minutes, so they never overlap.
struct Incident: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// execution slows down and answers 5xx.
        case latencySpike
        /// One consumer stops taking one event type; the queue lag builds, then drains.
        case consumerStall(service: Service, eventType: String)
        /// Redis answers slowly and with more errors, for every service using it.
        case redisSlowdown
        /// An external dependency is down; monitoring-health reports it and the service it hits.
        case dependencyOutage(dependency: String)
        /// The emergency stop: positions are flattened at a loss and trading stops.
        case emergencyStop(reason: String)
    }

    static let slotLength = 900.0
    static let maximumDuration = 540.0

    let slot: Int64
    let kind: Kind
    /// Position of `kind` in `Kind.all`.
    let kindIndex: Int
    let start: Double
    let end: Double
    /// After `end`, the period in which effects wind down (a stalled consumer catches up).
    let recoveryEnd: Double

    /// The incident of a slot; a pure function of (seed, slot).
    init(slot: Int64, noise: Noise) {
        self.slot = slot
        let key: UInt64 = 0x1AC1_DE47
        start = Double(slot) * Incident.slotLength + (noise.unit(key, slot) * 300).rounded(.down)
        let duration = 180 + (noise.unit(key &+ 1, slot) * 360).rounded(.down)
        let pick = noise.unit(key &+ 2, slot)
        let variant = noise.unit(key &+ 3, slot)
        // Weights 3 : 3 : 2 : 3 : 1, the emergency stop being the rare one.
        switch pick * 12 {
        case ..<3:
            kind = .latencySpike
        case ..<6:
            let pairs = Service.all.flatMap { service in Vocabulary.consumed(by: service).map { (service, $0) } }
            let (service, type) = pairs[min(pairs.count - 1, Int(variant * Double(pairs.count)))]
            kind = .consumerStall(service: service, eventType: type)
        case ..<8:
            kind = .redisSlowdown
        case ..<11:
            let all = Vocabulary.dependencies
            kind = .dependencyOutage(dependency: all[min(all.count - 1, Int(variant * Double(all.count)))])
        default:
            // Most stops are the drawdown limit tripping; some are manual or the exchange's fault.
            let reason = variant < 0.6 ? "drawdown_limit" : variant < 0.8 ? "manual" : "exchange_outage"
            kind = .emergencyStop(reason: reason)
        }
        kindIndex = Kind.all.firstIndex(of: kind) ?? 0
        end = start + duration
        if case .consumerStall = kind {
            recoveryEnd = end + duration / 2
        } else {
            recoveryEnd = end
        }
    }

    func isActive(at t: Double) -> Bool { t >= start && t < end }

    var name: String {
        switch kind {
        case .latencySpike: "latency spike"
        case .consumerStall(let service, let type): "\(service.name) stalls on \(type)"
        case .redisSlowdown: "redis slowdown"
        case .dependencyOutage(let dependency): "\(dependency) outage"
        case .emergencyStop(let reason): "emergency stop (\(reason))"
        }
    }
}
