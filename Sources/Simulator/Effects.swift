/// Which latency distribution a histogram component is part of.
enum LatencyDomain: Sendable, Hashable {
    case http, eventProcessing, tradeExecution, redis, database
}

/// A histogram is a mixture of components with fixed distributions whose rates incidents
/// change: `fast` (most requests), `slow` (cache misses, retries) and `spike` (only during
/// an incident).
enum LatencyComponent: Sendable, Hashable, CaseIterable {
    case fast, slow, spike
}

/// What a rate-driven series counts, for deciding how incidents change its rate.
enum StreamKind: Sendable, Hashable {
    case http(endpoint: String, status: String)
    case latency(LatencyDomain, LatencyComponent, detail: String)
    case published(String)
    case consumed(String)
    case trade(status: String)
    case closed(outcome: String)
    case signal
    case riskCheck(result: String)
    case violation(policy: String)
    case redis(status: String)
    case database(status: String)
}

/// A rate-driven series: its service, what it counts, its rate outside incidents as a
/// fraction of its base rate (0 for `spike` components), and whether it follows market
/// activity (health probes do not).
struct StreamTag: Sendable, Hashable {
    let service: Service
    let kind: StreamKind
    let baseline: Double
    let followsMarket: Bool
    /// The effect of each incident kind (`Incident.Kind.all`), looked up per incident by
    /// index: integrals visit every incident of a process's life for every stream.
    private(set) var effects: [Effect?] = []

    init(service: Service, kind: StreamKind, baseline: Double = 1, followsMarket: Bool = true) {
        self.service = service
        self.kind = kind
        self.baseline = baseline
        self.followsMarket = followsMarket
        effects = Incident.Kind.all.map { $0.effect(on: self) }
    }
}

/// How an incident multiplies a stream's base rate: during the incident, and during its
/// recovery. Streams an incident leaves alone get no effect (nil).
struct Effect: Hashable, Sendable {
    var during: Double
    var recovery: Double = 1
}

extension Incident.Kind {
    /// Every kind an incident can have, associated values included.
    static let all: [Incident.Kind] = [.latencySpike, .redisSlowdown]
        + Service.all.flatMap { service in Vocabulary.consumed(by: service).map { Incident.Kind.consumerStall(service: service, eventType: $0) } }
        + Vocabulary.dependencies.map { .dependencyOutage(dependency: $0) }
        + Vocabulary.stopReasons.map { .emergencyStop(reason: $0) }

    func effect(on tag: StreamTag) -> Effect? {
        switch self {
        case .latencySpike: latencySpikeEffect(tag)
        case .consumerStall(let service, let type): stallEffect(tag, service, type)
        case .redisSlowdown: redisSlowdownEffect(tag)
        case .dependencyOutage(let dependency): outageEffect(tag, dependency)
        case .emergencyStop: emergencyStopEffect(tag)
        }
    }

    private func latencySpikeEffect(_ tag: StreamTag) -> Effect? {
        guard tag.service == .execution else { return nil }
        switch tag.kind {
        case .http(let endpoint, let status) where endpoint != "/health":
            return status == "500" ? Effect(during: 40) : status == "503" ? Effect(during: 15) : nil
        case .latency(.http, let component, _), .latency(.tradeExecution, let component, _):
            return Effect(during: component == .fast ? 0.25 : component == .slow ? 1.5 : 0.6)
        case .trade(status: "partially_filled"):
            return Effect(during: 2)
        default:
            return nil
        }
    }

    private func stallEffect(_ tag: StreamTag, _ service: Service, _ type: String) -> Effect? {
        guard tag.service == service else { return nil }
        switch tag.kind {
        // Stops, then drains the backlog at three times the normal rate (net twice as fast).
        case .consumed(type): return Effect(during: 0, recovery: 3)
        case .latency(.eventProcessing, .slow, type): return Effect(during: 0, recovery: 4)
        case .latency(.eventProcessing, .fast, type): return Effect(during: 0, recovery: 2.7)
        default: return nil
        }
    }

    private func redisSlowdownEffect(_ tag: StreamTag) -> Effect? {
        switch tag.kind {
        case .latency(.redis, let component, _):
            return Effect(during: component == .fast ? 0.3 : component == .slow ? 2 : 0.5)
        case .latency(.http, .slow, _): return Effect(during: 2)
        case .redis(status: "error"): return Effect(during: 20)
        default: return nil
        }
    }

    private func outageEffect(_ tag: StreamTag, _ dependency: String) -> Effect? {
        switch (dependency, tag.kind) {
        case ("redis", .redis(let status)): return Effect(during: status == "error" ? 300 : 0.1)
        case ("postgres", .database(let status)): return Effect(during: status == "error" ? 300 : 0.2)
        case ("postgres", .latency(.database, .spike, _)): return Effect(during: 0.5)
        case ("eventbus", .published), ("eventbus", .consumed): return Effect(during: 0.05)
        case ("exchange-api", .trade(let status)) where tag.service == .execution:
            return Effect(during: status == "rejected" ? 10 : status == "cancelled" ? 3 : 0.1)
        case ("exchange-api", .latency(.tradeExecution, .spike, _)): return Effect(during: 0.7)
        case ("exchange-api", .http("/api/v1/orders", let status)) where tag.service == .execution:
            return Effect(during: status == "503" ? 300 : 0.3)
        case ("market-data-feed", .consumed("market.tick")): return Effect(during: 0)
        case ("market-data-feed", .published("signal.generated")), ("market-data-feed", .consumed("signal.generated")),
             ("market-data-feed", .signal):
            return Effect(during: 0.1)
        case (_, .http("/health", let status)) where Vocabulary.component(hitBy: dependency) == tag.service:
            return Effect(during: status == "503" ? 1 : 0)
        default:
            return nil
        }
    }

    private func emergencyStopEffect(_ tag: StreamTag) -> Effect? {
        switch tag.kind {
        case .trade(let status):
            switch status {
            case "filled", "partially_filled": return Effect(during: 0)
            case "rejected": return Effect(during: 3)
            default: return Effect(during: 10)
            }
        case .closed(let outcome): return Effect(during: outcome == "win" ? 0 : 3)
        case .riskCheck(result: "fail"): return Effect(during: 8)
        case .violation(policy: "max_daily_loss"): return Effect(during: 30)
        case .http("/api/v1/orders", let status) where tag.service == .execution:
            return Effect(during: status == "503" ? 100 : 0.2)
        case .published("order.requested"), .consumed("order.requested"): return Effect(during: 0.05)
        case .published("trade.executed"), .consumed("trade.executed"): return Effect(during: 0.1)
        case .published("risk.alert"), .consumed("risk.alert"): return Effect(during: 20)
        default: return nil
        }
    }
}
