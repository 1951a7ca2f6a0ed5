import PromModel

/// The simulated trading platform: five services whose every series is a pure function of
/// (seed, time). Nothing is stepped or stored, so any instant can be asked for in any order
/// and the same seed always gives the same values.
public struct Simulation: Sendable {
    public let seed: UInt64
    /// The five services, in the catalogue's order.
    public static let services = Service.all

    let noise: Noise
    let shape: TrafficShape
    private let restartPhases: [Double]
    private let plans: [[FamilyPlan]]
    /// Each service's sample labels (name, job, instance included) in evaluation order:
    /// plans are fixed, so they are built once rather than per instant.
    private let sampleLabels: [[Labels]]

    public init(seed: UInt64) {
        self.seed = seed
        noise = Noise(seed: seed)
        shape = TrafficShape(seed: seed)
        var random = SplitMix64(seed: seed ^ 0x5E57_A127)
        restartPhases = Service.all.map { _ in Double(Int.random(in: 0..<Int(Context.restartPeriod), using: &random)) }
        let plans = Service.all.map { Simulation.plan($0, seed: seed) }
        self.plans = plans
        let context = Context(t: 0, noise: noise, shape: shape, restartPhases: restartPhases)
        sampleLabels = zip(Service.all, plans).map { service, families in
            let target = [Label("job", service.name), Label("instance", service.instance)]
            return families.flatMap { $0.evaluate(context).samples }.map {
                Labels([Label(Labels.metricName, $0.name)] + $0.labels + target)
            }
        }
    }

    private static func plan(_ service: Service, seed: UInt64) -> [FamilyPlan] {
        var builder = PlanBuilder(service: service, seed: seed)
        builder.addHTTP()
        builder.addEventBus()
        switch service {
        case .aiEngine:
            builder.addSignals()
            builder.addRedis(rate: 30, poolSize: 32)
        case .execution:
            builder.addTrades()
            builder.addRedis(rate: 20, poolSize: 50)
            builder.addDatabase(rate: 12, poolSize: 20)
        case .riskSafety:
            builder.addRisk()
            builder.addRedis(rate: 25, poolSize: 40)
            builder.addDatabase(rate: 8, poolSize: 15)
        case .portfolio:
            builder.addPortfolio()
            builder.addRedis(rate: 15, poolSize: 24)
            builder.addDatabase(rate: 10, poolSize: 20)
        default:
            builder.addHealth()
        }
        return builder.families
    }

    func context(at time: Timestamp) -> Context {
        Context(t: Double(time) / 1000, noise: noise, shape: shape, restartPhases: restartPhases)
    }

    /// One service's metric families at the context's instant.
    func families(of service: Service, in context: Context) -> [MetricFamily] {
        plans[service.index].map { $0.evaluate(context) }
    }

    /// Every series of all five services at `time`, with the `job` and `instance`
    /// (`localhost:<port>`) labels a scrape adds, histograms expanded into
    /// `_bucket{le=...}`, `_sum` and `_count` series as in the text format.
    public func samples(at time: Timestamp) -> [InstantSample] {
        let context = context(at: time)
        var result: [InstantSample] = []
        result.reserveCapacity(1_600)
        for service in Service.all {
            let labels = sampleLabels[service.index]
            var index = 0
            for family in families(of: service, in: context) {
                for sample in family.samples {
                    result.append(InstantSample(labels: labels[index], sample: Sample(time, sample.value)))
                    index += 1
                }
            }
        }
        return result
    }

    /// Every family's TYPE and HELP as `/api/v1/metadata` lists them: one entry per distinct
    /// pair, however many services expose the family (Prometheus dedups across targets).
    public func metadata() -> [String: [MetricMetadata]] {
        var result: [String: [MetricMetadata]] = [:]
        for family in plans.joined() {
            let entry = MetricMetadata(type: family.type.rawValue, help: family.help)
            if !(result[family.name]?.contains(entry) ?? false) { result[family.name, default: []].append(entry) }
        }
        return result
    }

    /// The incident running at `time`, described in a few words ("redis slowdown"), if any.
    public func incident(at time: Timestamp) -> String? {
        context(at: time).activeIncident?.name
    }
}
