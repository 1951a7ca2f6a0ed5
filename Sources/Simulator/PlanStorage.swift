import PromModel

extension PlanBuilder {
    mutating func addRedis(rate: Double, poolSize: Double) {
        let service = self.service
        let shares: [(String, Double)] = [("get", 0.4), ("set", 0.25), ("del", 0.05), ("publish", 0.3)]
        for (operation, share) in shares {
            for (status, statusShare) in [("success", 0.999), ("error", 0.001)] {
                counter("redis_operations_total", [Label("operation", operation), Label("status", status)],
                        tag: StreamTag(service: service, kind: .redis(status: status)), rate: rate * share * statusShare)
            }
        }
        for (operation, share) in shares {
            histogram("redis_operation_duration_seconds", [Label("operation", operation)], buckets: Vocabulary.latencyBuckets,
                      domain: .redis, detail: operation, rate: rate * share, median: 0.0004, spikeMedian: 0.06)
        }
        addPool("redis", size: poolSize, load: StreamTag(service: service, kind: .redis(status: "success"))) { incident in
            switch incident.kind {
            case .redisSlowdown, .dependencyOutage("redis"): true
            default: false
            }
        }
    }

    mutating func addDatabase(rate: Double, poolSize: Double) {
        let service = self.service
        let shares: [(String, Double)] = [("select", 0.6), ("insert", 0.25), ("update", 0.15)]
        for (operation, share) in shares {
            for (status, statusShare) in [("success", 0.998), ("error", 0.002)] {
                counter("database_operations_total", [Label("operation", operation), Label("status", status)],
                        tag: StreamTag(service: service, kind: .database(status: status)), rate: rate * share * statusShare)
            }
        }
        for (operation, share) in shares {
            histogram("database_operation_duration_seconds", [Label("operation", operation)],
                      buckets: Vocabulary.latencyBuckets, domain: .database, detail: operation, rate: rate * share,
                      median: 0.0015, spikeMedian: 0.4)
        }
        addPool("database", size: poolSize, load: StreamTag(service: service, kind: .database(status: "success"))) { incident in
            if case .dependencyOutage("postgres") = incident.kind { return true }
            return false
        }
    }

    /// Pool gauges: active connections follow load, and pile up to the limit while the
    /// backend is slow or down; the pool keeps a few idle ones warm.
    private mutating func addPool(
        _ prefix: String, size: Double, load: StreamTag, saturates: @escaping @Sendable (Incident) -> Bool
    ) {
        let active: @Sendable (Context, UInt64) -> Double = { context, key in
            if let incident = context.activeIncident, saturates(incident) { return (size * 0.9).rounded(.down) }
            let tick = Int64((context.t / Context.jitterStep).rounded(.down))
            let busy = size * (0.12 * context.shape.level(context.t) + 0.08 * context.noise.unit(key, tick))
            return min(size, busy.rounded(.down))
        }
        let poolKey = stableHash(service.name + prefix + "pool")
        series("\(prefix)_pool_connections", [Label("state", "active")]) { context, _ in active(context, poolKey) }
        series("\(prefix)_pool_connections", [Label("state", "idle")]) { context, key in
            let tick = Int64((context.t / 60).rounded(.down))
            let warm = (size * 0.2).rounded(.down) + (3 * context.noise.unit(key, tick)).rounded(.down)
            return max(0, min(size - active(context, poolKey), warm))
        }
        series("\(prefix)_pool_max_connections", []) { _, _ in size }
    }

    /// monitoring-health's view of the platform.
    mutating func addHealth() {
        for component in Service.all {
            series("service_health_status", [Label("component", component.name)]) { context, _ in
                guard let incident = context.activeIncident, case .dependencyOutage(let dependency) = incident.kind else { return 1 }
                return Vocabulary.component(hitBy: dependency) == component ? 0 : 1
            }
        }
        for dependency in Vocabulary.dependencies {
            series("dependency_health_status", [Label("dependency", dependency)]) { context, _ in
                guard let incident = context.activeIncident, case .dependencyOutage(dependency) = incident.kind else { return 1 }
                return 0
            }
        }
    }
}
