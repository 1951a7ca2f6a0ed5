import PromModel

extension Simulation {
    /// One service's `/metrics` at `time`, in the Prometheus text format 0.0.4 with HELP and
    /// TYPE lines, families in the plan's fixed order.
    ///
    /// Written here rather than through swift-prometheus: our counters, gauges and histogram
    /// buckets are absolute values computed from (seed, time), which a client library's
    /// increment/observe API can only reach by resetting and re-adding, and the OpenMetrics
    /// backfill already writes the same lines (`sampleLine`).
    public func exposition(service: Service, at time: Timestamp) -> String {
        var text = ""
        for family in families(of: service, in: context(at: time)) {
            text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.type.rawValue)\n"
            for sample in family.samples {
                text += sampleLine(sample) + "\n"
            }
        }
        return text
    }
}
