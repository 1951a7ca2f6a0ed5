import PromModel

extension FunctionTable {
    static let overTimeFunctions: [String: FunctionImplementation] = [
        "avg_over_time": .range { input in
            if input.promQLVersion == .v3 { return averageOverTime3(input.points) }
            var mean = 0.0, count = 0.0, c = 0.0
            for sample in input.points {
                let v = sample.value
                count += 1
                if mean.isInfinite {
                    // Inf + x - Inf would turn a correct infinite mean into NaN.
                    if v.isInfinite && (mean > 0) == (v > 0) { continue }
                    if !v.isInfinite && !v.isNaN { continue }
                }
                (mean, c) = GoMath.kahanSumInc(v / count - mean / count, mean, c)
            }
            return mean.isInfinite ? mean : mean + c
        },
        "count_over_time": .range { Double($0.points.count) },
        "last_over_time": .range { $0.points[$0.points.count - 1].value },
        "first_over_time": .range { $0.points[0].value },
        "ts_of_first_over_time": .range { Double($0.points[0].timestamp) / 1000 },
        "ts_of_last_over_time": .range { Double($0.points[$0.points.count - 1].timestamp) / 1000 },
        // compareOverTime with returnTimestamp: the last sample that ties the extreme wins.
        "ts_of_max_over_time": .range { input in
            var best = input.points[0]
            for sample in input.points.dropFirst() where sample.value >= best.value || best.value.isNaN { best = sample }
            return Double(best.timestamp) / 1000
        },
        "ts_of_min_over_time": .range { input in
            var best = input.points[0]
            for sample in input.points.dropFirst() where sample.value <= best.value || best.value.isNaN { best = sample }
            return Double(best.timestamp) / 1000
        },
        "mad_over_time": .range { input in
            let values = input.points.map(\.value)
            // A NaN makes the median, and so the deviation, undefined (funcMadOverTime).
            if values.contains(where: \.isNaN) { return .nan }
            let median = quantile(0.5, values)
            return quantile(0.5, values.map { abs($0 - median) })
        },
        "present_over_time": .range { _ in 1 },
        "max_over_time": .range { input in
            var result = input.points[0].value
            for sample in input.points where sample.value > result || result.isNaN { result = sample.value }
            return result
        },
        "min_over_time": .range { input in
            var result = input.points[0].value
            for sample in input.points where sample.value < result || result.isNaN { result = sample.value }
            return result
        },
        "sum_over_time": .range { input in
            var sum = 0.0, c = 0.0
            for sample in input.points { (sum, c) = GoMath.kahanSumInc(sample.value, sum, c) }
            return sum.isInfinite ? sum : sum + c
        },
        "quantile_over_time": .range { input in
            if let log = input.annotations, Annotation.isInvalidQuantile(input.scalars[0]) { log.warn(Annotation.invalidQuantile(input.scalars[0])) }
            return quantile(input.scalars[0], input.points.map(\.value))
        },
        "stddev_over_time": .range { input in variance(input.points).squareRoot() },
        "stdvar_over_time": .range { input in variance(input.points) },
        // Evaluated by the evaluator itself: it needs every series of the window at once.
        "absent_over_time": .range { _ in nil },
    ]

    /// 3.x's avg_over_time: a Kahan-compensated direct sum while it does not overflow, an
    /// incremental mean after (functions.go funcAvgOverTime at v3.14.0).
    static func averageOverTime3(_ points: UnsafeBufferPointer<Sample>) -> Double {
        var sum = points[0].value, count = 1.0, mean = 0.0, c = 0.0
        var incremental = false
        for sample in points.dropFirst() {
            count += 1
            if !incremental {
                let (newSum, newC) = GoMath.kahanSumInc3(sample.value, sum, c)
                if !newSum.isInfinite {
                    (sum, c) = (newSum, newC)
                    continue
                }
                incremental = true
                mean = sum / (count - 1)
                c /= count - 1
            }
            let q = (count - 1) / count
            (mean, c) = GoMath.kahanSumInc3(sample.value / count, q * mean, q * c)
        }
        return incremental ? mean + c : sum / count + c / count
    }

    /// Population variance with Kahan-compensated running mean, as Prometheus.
    static func variance(_ points: UnsafeBufferPointer<Sample>) -> Double {
        var count = 0.0
        var mean = 0.0, cMean = 0.0
        var aux = 0.0, cAux = 0.0
        for sample in points {
            count += 1
            let delta = sample.value - (mean + cMean)
            (mean, cMean) = GoMath.kahanSumInc(delta / count, mean, cMean)
            (aux, cAux) = GoMath.kahanSumInc(delta * (sample.value - (mean + cMean)), aux, cAux)
        }
        return (aux + cAux) / count
    }

    /// The φ-quantile by linear interpolation between closest ranks, as Prometheus's
    /// quantile(): NaN for no values or a NaN φ, ±Inf outside [0, 1]. NaN values sort first,
    /// as Go's comparator there treats NaN as smaller than everything.
    static func quantile(_ q: Double, _ values: [Double]) -> Double {
        if values.isEmpty || q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let nans = values.filter(\.isNaN)
        let sorted = nans + values.filter { !$0.isNaN }.sorted()
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lowerIndex = GoMath.max(0, rank.rounded(.down))
        let upperIndex = GoMath.min(n - 1, lowerIndex + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lowerIndex)] * (1 - weight) + sorted[Int(upperIndex)] * weight
    }
}
