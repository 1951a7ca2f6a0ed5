import PromModel

extension FunctionTable {
    static let histogramFunctions: [String: FunctionImplementation] = [
        "histogram_quantile": .instant { input throws(QueryError) in
            try histogramQuantile(try input.scalar(0), try input.vector(1), ts: input.ts)
        },
        // Native histograms do not exist in this store; these functions ignore float samples,
        // as Prometheus does (2.42 and 3.14 alike), so they return nothing.
        "histogram_count": .instant { _ in .vector([]) },
        "histogram_sum": .instant { _ in .vector([]) },
        "histogram_avg": .instant { _ in .vector([]) },
        "histogram_stddev": .instant { _ in .vector([]) },
        "histogram_stdvar": .instant { _ in .vector([]) },
        "histogram_fraction": .instant { _ in .vector([]) },
    ]

    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// Groups `_bucket` series by their labels without `le`, and interpolates the quantile in
    /// each group (Prometheus's funcHistogramQuantile + bucketQuantile).
    static func histogramQuantile(_ q: Double, _ vector: [EvalSample], ts: Timestamp) throws(QueryError) -> Value {
        var order: [Labels] = []
        var groups: [Labels: (labels: Labels, buckets: [Bucket])] = [:]
        for element in vector {
            guard let raw = element.labels["le"], let upperBound = parseGoFloat(raw) else { continue }
            let key = element.labels.removing(["le"])
            if groups[key] == nil {
                order.append(key)
                groups[key] = (element.labels.removing(["le", Labels.metricName]), [])
            }
            groups[key]?.buckets.append(Bucket(upperBound: upperBound, count: element.v))
        }
        return .vector(order.compactMap { key in
            guard let group = groups[key], !group.buckets.isEmpty else { return nil }
            return EvalSample(labels: group.labels, t: ts, v: bucketQuantile(q, group.buckets))
        })
    }

    /// Go's ParseFloat for `le` values: decimals, exponents, hex, ±Inf, NaN.
    static func parseGoFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(text)
        }
    }

    static func bucketQuantile(_ q: Double, _ input: [Bucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = input.sorted { $0.upperBound < $1.upperBound }
        guard let last = buckets.last, last.upperBound == .infinity else { return .nan }
        // Coalesce buckets with the same bound (e.g. `le="1"` and `le="1.0"`).
        var coalesced: [Bucket] = [buckets[0]]
        for bucket in buckets.dropFirst() {
            if bucket.upperBound == coalesced[coalesced.count - 1].upperBound {
                coalesced[coalesced.count - 1].count += bucket.count
            } else {
                coalesced.append(bucket)
            }
        }
        buckets = coalesced
        // Counts must not decrease with the bound; scrapes of a histogram are not atomic.
        var maximum = buckets[0].count
        for i in 1..<buckets.count {
            if buckets[i].count > maximum { maximum = buckets[i].count }
            else if buckets[i].count < maximum { buckets[i].count = maximum }
        }
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return .nan }
        var rank = q * observations
        // sort.Search over all but the +Inf bucket: the first bucket with count >= rank.
        var b = 0, upper = buckets.count - 1
        while b < upper {
            let middle = (b + upper) / 2
            if !(buckets[middle].count >= rank) { b = middle + 1 } else { upper = middle }
        }
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }
}
