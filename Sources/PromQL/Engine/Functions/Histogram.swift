import PromModel

extension FunctionTable {
    static let histogramFunctions: [String: FunctionImplementation] = [
        // 3.x warns of a φ outside [0, 1] even over no series (funcHistogramQuantile).
        "histogram_quantile": .instant { input throws(QueryError) in
            let q = try input.scalar(0)
            if let log = input.annotations, Annotation.isInvalidQuantile(q) { log.warn(Annotation.invalidQuantile(q)) }
            return try histogramQuantile(q, try input.vector(1), ts: input.ts, labelCache: input.labelCache, annotations: input.annotations)
        },
        // Native histograms do not exist in this store; these functions ignore float samples,
        // as Prometheus does (2.42 and 3.14 alike), so they return nothing.
        "histogram_count": .instant { _ in .vector([]) },
        "histogram_sum": .instant { _ in .vector([]) },
        "histogram_avg": .instant { _ in .vector([]) },
        "histogram_stddev": .instant { _ in .vector([]) },
        "histogram_stdvar": .instant { _ in .vector([]) },
        // 3.x also takes classic buckets (funcHistogramFraction + BucketFraction); 2.42 only
        // native histograms, so nothing here.
        "histogram_fraction": .instant { input throws(QueryError) in
            guard input.promQLVersion == .v3 else { return .vector([]) }
            let lower = try input.scalar(0), upper = try input.scalar(1)
            return .vector(classicGroups(try input.vector(2), labelCache: input.labelCache, annotations: input.annotations).map { group in
                EvalSample(labels: group.labels, t: input.ts, v: bucketFraction(lower, upper, group.buckets))
            })
        },
    ]

    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// Interpolates the quantile in each classic histogram (funcHistogramQuantile + bucketQuantile);
    /// 3.x tells when a histogram's counts had to be made monotonic.
    static func histogramQuantile(
        _ q: Double, _ vector: [EvalSample], ts: Timestamp, labelCache: LabelCache? = nil, annotations: AnnotationLog? = nil
    ) throws(QueryError) -> Value {
        .vector(classicGroups(vector, labelCache: labelCache, annotations: annotations).map { group in
            var forced = false
            let value = bucketQuantile(q, group.buckets, forcedMonotonic: &forced)
            if forced { annotations?.info(Annotation.forcedMonotonicity) }
            return EvalSample(labels: group.labels, t: ts, v: value)
        })
    }

    /// A bucket's group and parsed bound, nil without a numeric `le`.
    static func classicBucket(_ labels: Labels) -> LabelCache.Bucket? {
        guard let raw = labels["le"], let upperBound = parseGoFloat(raw) else { return nil }
        return LabelCache.Bucket(key: labels.removing(["le"]), output: labels.removing(["le", Labels.metricName]), upperBound: upperBound)
    }

    /// `_bucket` series grouped by their labels without `le`, in first-seen order; each
    /// group's labels also lose the metric name. A bucket's `le` is parsed and its group
    /// labels derived once per series of the query (LabelCache), and groups are found by
    /// the interned key's identity. 3.x warns of each `le` it cannot read (engine.go
    /// resetHistograms).
    static func classicGroups(
        _ vector: [EvalSample], labelCache: LabelCache? = nil, annotations: AnnotationLog? = nil
    ) -> [(labels: Labels, buckets: [Bucket])] {
        let cache = labelCache ?? LabelCache()
        var groups: [(labels: Labels, buckets: [Bucket])] = []
        var slots: [LabelsIdentity: Int] = [:]
        for element in vector {
            let bucket = cache.buckets.value(for: element.labels) { labels in
                classicBucket(labels).map {
                    LabelCache.Bucket(key: cache.interner.intern($0.key), output: cache.interner.intern($0.output), upperBound: $0.upperBound)
                }
            }
            guard let bucket else {
                annotations?.warn(Annotation.badBucketLabel(element.labels["le"] ?? ""))
                continue
            }
            let identity = LabelsIdentity(bucket.key)
            if let slot = slots[identity] {
                groups[slot].buckets.append(Bucket(upperBound: bucket.upperBound, count: element.v))
            } else {
                slots[identity] = groups.count
                groups.append((bucket.output, [Bucket(upperBound: bucket.upperBound, count: element.v)]))
            }
        }
        return groups
    }

    /// Sorted by bound, equal bounds merged (`le="1"` and `le="1.0"`).
    static func coalesced(_ input: [Bucket]) -> [Bucket] {
        let buckets = input.sorted { $0.upperBound < $1.upperBound }
        guard let first = buckets.first else { return [] }
        var out: [Bucket] = [first]
        for bucket in buckets.dropFirst() {
            if bucket.upperBound == out[out.count - 1].upperBound {
                out[out.count - 1].count += bucket.count
            } else {
                out.append(bucket)
            }
        }
        return out
    }

    /// The fraction of observations between `lower` and `upper` (promql/quantile.go
    /// BucketFraction, v3.14.0), interpolating linearly inside a bucket.
    static func bucketFraction(_ lower: Double, _ upper: Double, _ input: [Bucket]) -> Double {
        let buckets = coalesced(input)
        guard let last = buckets.last, last.upperBound == .infinity else { return .nan }
        let count = last.count
        if count == 0 || lower.isNaN || upper.isNaN { return .nan }
        if lower >= upper { return 0 }
        var rank = 0.0, lowerRank = 0.0, upperRank = 0.0
        var lowerSet = false, upperSet = false
        var lowerBound = buckets[0].upperBound <= 0 ? -Double.infinity : 0
        for (i, b) in buckets.enumerated() {
            if i > 0 { lowerBound = buckets[i - 1].upperBound }
            let upperBound = b.upperBound
            // An infinite-width bucket contributes nothing to the interpolation.
            func interpolate(_ v: Double) -> Double {
                if lowerBound == -.infinity { return b.count }
                return rank + (b.count - rank) * (v - lowerBound) / (upperBound - lowerBound)
            }
            if !lowerSet && lowerBound >= lower {
                lowerRank = rank
                lowerSet = true
            }
            if !upperSet && lowerBound >= upper {
                upperRank = rank
                upperSet = true
            }
            if lowerSet && upperSet { break }
            if !lowerSet && lowerBound < lower && upperBound > lower {
                lowerRank = interpolate(lower)
                lowerSet = true
            }
            if !upperSet && lowerBound < upper && upperBound > upper {
                upperRank = interpolate(upper)
                upperSet = true
            }
            if lowerSet && upperSet { break }
            rank = b.count
        }
        if !lowerSet || lowerRank > count { lowerRank = count }
        if !upperSet || upperRank > count { upperRank = count }
        return (upperRank - lowerRank) / count
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
        var forced = false
        return bucketQuantile(q, input, forcedMonotonic: &forced)
    }

    /// `forcedMonotonic`: a count fell with the bound by more than 3.x's float-precision
    /// tolerance (quantile.go ensureMonotonicAndIgnoreSmallDeltas, 1e-12), so it was raised.
    static func bucketQuantile(_ q: Double, _ input: [Bucket], forcedMonotonic: inout Bool) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = coalesced(input)
        guard buckets.last?.upperBound == .infinity else { return .nan }
        // Counts must not decrease with the bound; scrapes of a histogram are not atomic.
        var maximum = buckets[0].count
        for i in 1..<buckets.count {
            if buckets[i].count > maximum { maximum = buckets[i].count }
            else if buckets[i].count < maximum {
                if !GoMath.almostEqual(maximum, buckets[i].count, epsilon: 1e-12) { forcedMonotonic = true }
                buckets[i].count = maximum
            }
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
