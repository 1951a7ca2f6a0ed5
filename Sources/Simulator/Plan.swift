import Foundation
import PromModel

enum MetricType: String, Sendable {
    case counter, gauge, histogram
}

/// One exposed sample: the full sample name (`x_bucket`, `x_sum`, ...) and its labels in
/// exposition order.
struct MetricSample: Sendable {
    let name: String
    let labels: [Label]
    let value: Double
}

/// One metric family of one service at one instant.
struct MetricFamily: Sendable {
    let name: String
    let type: MetricType
    let help: String
    var samples: [MetricSample]
}

/// How to compute one plain series: `value(context, key)`, `key` being its noise key.
struct SeriesPlan: Sendable {
    let labels: [Label]
    let key: UInt64
    let value: @Sendable (Context, UInt64) -> Double
}

/// A histogram as a mixture of log-normal components whose counts are rate integrals.
struct HistogramPlan: Sendable {
    struct Component: Sendable {
        let tag: StreamTag
        let rate: Double
        /// The component's CDF at each bucket bound.
        let cdf: [Double]
        let mean: Double
        let key: UInt64
    }

    let labels: [Label]
    let buckets: [Double]
    let components: [Component]
}

struct FamilyPlan: Sendable {
    let name: String
    let type: MetricType
    let help: String
    var series: [SeriesPlan] = []
    var histograms: [HistogramPlan] = []

    func evaluate(_ context: Context) -> MetricFamily {
        var samples: [MetricSample] = []
        samples.reserveCapacity(series.count + histograms.count * 16)
        for plan in series {
            samples.append(MetricSample(name: name, labels: plan.labels, value: plan.value(context, plan.key)))
        }
        for histogram in histograms {
            var counts: [Double] = []
            var total = 0.0, sum = 0.0
            for component in histogram.components {
                let count = component.rate * context.integral(component.tag, to: context.warped(component.key))
                counts.append(count)
                total += count
                sum += count * component.mean
            }
            for (index, bound) in histogram.buckets.enumerated() {
                var cumulative = 0.0
                for (component, count) in zip(histogram.components, counts) { cumulative += component.cdf[index] * count }
                samples.append(MetricSample(
                    name: name + "_bucket", labels: histogram.labels + [Label("le", formatBound(bound))],
                    value: cumulative.rounded(.down)))
            }
            let count = total.rounded(.down)
            samples.append(MetricSample(name: name + "_bucket", labels: histogram.labels + [Label("le", "+Inf")], value: count))
            samples.append(MetricSample(name: name + "_sum", labels: histogram.labels, value: (sum * 1e6).rounded() / 1e6))
            samples.append(MetricSample(name: name + "_count", labels: histogram.labels, value: count))
        }
        return MetricFamily(name: name, type: type, help: help, samples: samples)
    }
}

/// A bucket bound as Go's client prints it: shortest form, no trailing ".0".
func formatBound(_ bound: Double) -> String { formatValue(bound) }

/// A sample value in the shortest form that reads back exactly; integers without ".0".
func formatValue(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// Collects one service's families in catalogue order.
struct PlanBuilder {
    let service: Service
    let seed: UInt64
    private(set) var families: [FamilyPlan] = []

    init(service: Service, seed: UInt64) {
        self.service = service
        self.seed = seed
    }

    private mutating func family(_ name: String) -> Int {
        if let index = families.firstIndex(where: { $0.name == name }) { return index }
        let info = Catalogue.info(name)
        families.append(FamilyPlan(name: name, type: info.type, help: info.help))
        return families.count - 1
    }

    private func key(_ name: String, _ labels: [Label], _ extra: String = "") -> UInt64 {
        stableHash(service.name + "|" + name + "|" + labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + extra)
    }

    /// A counter whose rate is `rate` per second times the stream's multiplier, read at the
    /// series' warped time and floored: integral events, never decreasing until a restart.
    mutating func counter(_ name: String, _ labels: [Label], tag: StreamTag, rate: Double) {
        let index = family(name)
        families[index].series.append(SeriesPlan(labels: labels, key: key(name, labels)) { context, key in
            (rate * context.integral(tag, to: context.warped(key))).rounded(.down)
        })
    }

    mutating func series(_ name: String, _ labels: [Label], value: @escaping @Sendable (Context, UInt64) -> Double) {
        let index = family(name)
        families[index].series.append(SeriesPlan(labels: labels, key: key(name, labels), value: value))
    }

    /// A latency histogram of a stream of `rate` events per second: mostly `median`, a tenth
    /// four times slower, and `spikeMedian` for what incidents send to the spike component.
    mutating func histogram(
        _ name: String, _ labels: [Label], buckets: [Double], domain: LatencyDomain, detail: String,
        rate: Double, median: Double, spikeMedian: Double, followsMarket: Bool = true
    ) {
        let index = family(name)
        let sigma = 0.55
        let shares: [(LatencyComponent, Double, Double)] = [
            (.fast, 0.9, median), (.slow, 0.1, median * 4), (.spike, 1, spikeMedian),
        ]
        let components = shares.map { component, share, componentMedian in
            HistogramPlan.Component(
                tag: StreamTag(
                    service: service, kind: .latency(domain, component, detail: detail),
                    baseline: component == .spike ? 0 : 1, followsMarket: followsMarket),
                rate: rate * share,
                cdf: buckets.map { 0.5 * erfc(-(log($0) - log(componentMedian)) / (sigma * 2.0.squareRoot())) },
                mean: componentMedian * exp(sigma * sigma / 2),
                key: key(name, labels, "|\(component)"))
        }
        families[index].histograms.append(HistogramPlan(labels: labels, buckets: buckets, components: components))
    }
}
