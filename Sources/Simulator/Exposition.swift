import Prometheus
import PromModel

extension Simulation {
    /// One service's `/metrics` at `time`, in the Prometheus text format 0.0.4 with HELP and
    /// TYPE lines.
    ///
    /// Counters and gauges go through swift-prometheus (a fresh registry per scrape; a
    /// counter takes its absolute value by `reset()` then `increment(by:)`, which is also how
    /// a restart's reset shows). Histograms are written here: swift-prometheus's `Histogram`
    /// only has `record(_:)`, one observation at a time, with no way to set or reset bucket
    /// counts, and ours are absolute counts computed from (seed, time) — often millions.
    /// The registry emits families in hash order, so the order of families varies between
    /// processes; `openMetrics` writes its own, stable order.
    public func exposition(service: Service, at time: Timestamp) -> String {
        let registry = PrometheusCollectorRegistry()
        var histograms = ""
        for family in families(of: service, in: context(at: time)) {
            let descriptor = MetricNameDescriptor(metricName: family.name, unitName: "", helpText: family.help)
            switch family.type {
            case .counter:
                for sample in family.samples {
                    let counter = registry.makeCounter(descriptor: descriptor, labels: sample.labels.pairs)
                    counter.reset()
                    if sample.value == sample.value.rounded(), sample.value < 9e15 {
                        counter.increment(by: Int64(sample.value))
                    } else {
                        counter.increment(by: sample.value)
                    }
                }
            case .gauge:
                for sample in family.samples {
                    registry.makeGauge(descriptor: descriptor, labels: sample.labels.pairs).set(to: sample.value)
                }
            case .histogram:
                histograms += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) histogram\n"
                for sample in family.samples {
                    histograms += sampleLine(sample) + "\n"
                }
            }
        }
        return registry.emitToString() + histograms
    }
}

extension [Label] {
    var pairs: [(String, String)] { map { ($0.name, $0.value) } }
}
