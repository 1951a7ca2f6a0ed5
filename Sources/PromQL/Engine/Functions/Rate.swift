import PromModel

extension FunctionTable {
    static let rateFunctions: [String: FunctionImplementation] = [
        "rate": .range { extrapolatedRate($0, isCounter: true, isRate: true) },
        "increase": .range { extrapolatedRate($0, isCounter: true, isRate: false) },
        "delta": .range { extrapolatedRate($0, isCounter: false, isRate: false) },
        "irate": .range { instantValue($0.points, isRate: true) },
        "idelta": .range { instantValue($0.points, isRate: false) },
        "deriv": .range { input in
            guard input.points.count >= 2 else { return nil }
            return linearRegression(input.points, interceptTime: input.points[0].timestamp).slope
        },
        "predict_linear": .range { input in
            guard input.points.count >= 2 else { return nil }
            let (slope, intercept) = linearRegression(input.points, interceptTime: input.ts)
            return slope * input.scalars[0] + intercept
        },
        // holt_winters of 2.x, renamed in 3.x.
        "holt_winters": .range { input throws(QueryError) in try holtWinters(input) },
        "double_exponential_smoothing": .range { input throws(QueryError) in try holtWinters(input) },
        "changes": .range { input in
            var changes = 0
            var previous = input.points[0].value
            for sample in input.points.dropFirst() {
                let current = sample.value
                if current != previous && !(current.isNaN && previous.isNaN) { changes += 1 }
                previous = current
            }
            return Double(changes)
        },
        "resets": .range { input in
            var resets = 0
            var previous = input.points[0].value
            for sample in input.points.dropFirst() {
                if sample.value < previous { resets += 1 }
                previous = sample.value
            }
            return Double(resets)
        },
    ]

    /// rate/increase/delta: the change over the samples in the window, corrected for counter
    /// resets, extrapolated towards the window's edges (by at most half a sample interval
    /// beyond the first and last sample, and never below zero for counters), as Prometheus's
    /// extrapolatedRate.
    static func extrapolatedRate(_ input: RangeFunctionInput, isCounter: Bool, isRate: Bool) -> Double? {
        let points = input.points
        guard points.count >= 2, let first = points.first, let last = points.last else { return nil }
        var result = last.value - first.value
        if isCounter {
            var previous = first.value
            for sample in points.dropFirst() {
                if sample.value < previous { result += previous }
                previous = sample.value
            }
        }
        var durationToStart = Double(first.timestamp - input.window.start) / 1000
        let durationToEnd = Double(input.window.end - last.timestamp) / 1000
        let sampledInterval = Double(last.timestamp - first.timestamp) / 1000
        let averageInterval = sampledInterval / Double(points.count - 1)
        let threshold = averageInterval * 1.1
        var extrapolateTo = sampledInterval
        if input.promQLVersion == .v3 {
            // 3.x caps the extrapolation to the start at half an interval first, then at the
            // counter's zero point (functions.go extrapolatedRate at v3.14.0).
            if durationToStart >= threshold { durationToStart = averageInterval / 2 }
            if isCounter && result > 0 && first.value >= 0 {
                durationToStart = min(durationToStart, sampledInterval * (first.value / result))
            }
            extrapolateTo += durationToStart
        } else {
            if isCounter && result > 0 && first.value >= 0 {
                let durationToZero = sampledInterval * (first.value / result)
                if durationToZero < durationToStart { durationToStart = durationToZero }
            }
            extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2
        }
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2
        var factor = extrapolateTo / sampledInterval
        if isRate { factor /= Double(input.window.range) / 1000 }
        return result * factor
    }

    /// irate/idelta: the last two samples only.
    static func instantValue(_ points: UnsafeBufferPointer<Sample>, isRate: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let last = points[points.count - 1]
        let previous = points[points.count - 2]
        var result = isRate && last.value < previous.value ? last.value : last.value - previous.value
        let interval = last.timestamp - previous.timestamp
        guard interval != 0 else { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }

    /// Least squares with x in seconds relative to `interceptTime`, Kahan-summed.
    static func linearRegression(_ samples: UnsafeBufferPointer<Sample>, interceptTime: Timestamp) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sumX = 0.0, cX = 0.0, sumY = 0.0, cY = 0.0
        var sumXY = 0.0, cXY = 0.0, sumX2 = 0.0, cX2 = 0.0
        let initY = samples[0].value
        var constY = true
        for (index, sample) in samples.enumerated() {
            if constY && index > 0 && sample.value != initY { constY = false }
            n += 1
            let x = Double(sample.timestamp - interceptTime) / 1e3
            (sumX, cX) = GoMath.kahanSumInc(x, sumX, cX)
            (sumY, cY) = GoMath.kahanSumInc(sample.value, sumY, cY)
            (sumXY, cXY) = GoMath.kahanSumInc(x * sample.value, sumXY, cXY)
            (sumX2, cX2) = GoMath.kahanSumInc(x * x, sumX2, cX2)
        }
        if constY {
            return initY.isInfinite ? (.nan, .nan) : (0, initY)
        }
        sumX += cX
        sumY += cY
        sumXY += cXY
        sumX2 += cX2
        let covXY = sumXY - sumX * sumY / n
        let varX = sumX2 - sumX * sumX / n
        let slope = covXY / varX
        return (slope, sumY / n - slope * sumX / n)
    }

    static func holtWinters(_ input: RangeFunctionInput) throws(QueryError) -> Double? {
        let smoothing = input.scalars[0], trend = input.scalars[1]
        guard smoothing > 0 && smoothing < 1 else {
            throw QueryError.execution("invalid smoothing factor. Expected: 0 < sf < 1, got: \(goFixed6(smoothing))")
        }
        guard trend > 0 && trend < 1 else {
            throw QueryError.execution("invalid trend factor. Expected: 0 < tf < 1, got: \(goFixed6(trend))")
        }
        let points = input.points
        guard points.count >= 2 else { return nil }
        var s0 = 0.0
        var s1 = points[0].value
        var b = points[1].value - points[0].value
        for i in 1..<points.count {
            let x = smoothing * points[i].value
            // calcTrendValue(i-1, ...): the first iteration keeps the initial trend.
            if i - 1 != 0 { b = trend * (s1 - s0) + (1 - trend) * b }
            let y = (1 - smoothing) * (s1 + b)
            (s0, s1) = (s1, x + y)
        }
        return s1
    }

    /// Go's `%f`: six decimals.
    static func goFixed6(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        let scaled = (abs(value) * 1_000_000).rounded()
        let integer = Int64(scaled / 1_000_000)
        let fraction = Int64(scaled.truncatingRemainder(dividingBy: 1_000_000))
        let digits = String(fraction)
        return (value < 0 ? "-" : "") + "\(integer)." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
