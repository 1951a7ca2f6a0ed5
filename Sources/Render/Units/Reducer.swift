import Foundation
import PromModel

/// Grafana's field reducers (`reduceOptions.calcs`, legend calcs), by Grafana id.
public enum Reducer {
    /// Every id `reduce` knows, in Grafana's order.
    public static let ids = [
        "lastNotNull", "last", "firstNotNull", "first", "mean", "max", "min", "sum", "count", "range",
        "delta", "diff", "diffperc", "median", "stdDev", "variance", "step", "changeCount",
        "distinctCount", "allIsNull", "allIsZero", "logmin",
    ]

    /// Grafana's display name for a reducer id ("lastNotNull" → "Last *").
    public static func displayName(_ id: String) -> String {
        switch id {
        case "lastNotNull": "Last *"
        case "last": "Last"
        case "firstNotNull": "First *"
        case "first": "First"
        case "mean": "Mean"
        case "max": "Max"
        case "min": "Min"
        case "sum": "Total"
        case "count": "Count"
        case "range": "Range"
        case "delta": "Delta"
        case "diff": "Difference"
        case "diffperc": "Difference %"
        case "median": "Median"
        case "stdDev": "StdDev"
        case "variance": "Variance"
        default: id
        }
    }

    /// Reduces values (nil or NaN = null) to one number; nil when there is none to give.
    /// Nulls are ignored except by `last` and `first`. `delta` is counter-aware: a drop is a
    /// reset and counts the new value.
    public static func reduce(_ values: [Double?], id: String, timestamps: [Timestamp] = []) -> Double? {
        let present = values.compactMap { $0.flatMap { $0.isNaN ? nil : $0 } }
        switch id {
        case "last": return values.last.flatMap { $0.flatMap { $0.isNaN ? nil : $0 } }
        case "first": return values.first.flatMap { $0.flatMap { $0.isNaN ? nil : $0 } }
        case "lastNotNull", "lastNotNullValue": return present.last
        case "firstNotNull": return present.first
        case "mean", "avg": return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        case "max": return present.max()
        case "min": return present.min()
        case "sum", "total": return present.reduce(0, +)
        case "count": return Double(present.count)
        case "range": return present.isEmpty ? nil : (present.max() ?? 0) - (present.min() ?? 0)
        case "delta":
            var delta = 0.0
            for (previous, current) in zip(present, present.dropFirst()) {
                delta += current >= previous ? current - previous : current
            }
            return delta
        case "diff":
            guard let first = present.first, let last = present.last else { return nil }
            return last - first
        case "diffperc":
            guard let first = present.first, let last = present.last, first != 0 else { return nil }
            return (last - first) / first
        case "median":
            guard !present.isEmpty else { return nil }
            let sorted = present.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case "variance", "stdDev":
            guard !present.isEmpty else { return nil }
            let mean = present.reduce(0, +) / Double(present.count)
            let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count)
            return id == "variance" ? variance : variance.squareRoot()
        case "step":
            let steps = zip(timestamps, timestamps.dropFirst()).map { Double($1 - $0) }
            return steps.min()
        case "changeCount":
            return Double(zip(present, present.dropFirst()).filter { $0 != $1 }.count)
        case "distinctCount": return Double(Set(present).count)
        case "allIsNull": return present.isEmpty ? 1 : 0
        case "allIsZero": return !present.isEmpty && present.allSatisfy { $0 == 0 } ? 1 : 0
        case "logmin": return present.filter { $0 > 0 }.min()
        default: return present.last
        }
    }

    public static func reduce(_ samples: [Sample], id: String) -> Double? {
        if let value = reduceInPlace(samples, id: id) { return value }
        return reduce(samples.map { Optional($0.value) }, id: id, timestamps: samples.map(\.timestamp))
    }

    /// The legend's and stats' usual reducers straight over the samples, without the two
    /// arrays the general path builds (a 1,000-series legend asks for three per series).
    /// Same answers as `reduce(_:id:timestamps:)`: NaN is null, ties keep the first value.
    /// nil means "not one of these ids", `.some(nil)` "no value".
    static func reduceInPlace(_ samples: [Sample], id: String) -> Double?? {
        switch id {
        case "lastNotNull", "lastNotNullValue":
            return .some(samples.last { !$0.value.isNaN }?.value)
        case "firstNotNull":
            return .some(samples.first { !$0.value.isNaN }?.value)
        case "last":
            return .some(samples.last.flatMap { $0.value.isNaN ? nil : $0.value })
        case "first":
            return .some(samples.first.flatMap { $0.value.isNaN ? nil : $0.value })
        case "mean", "avg", "sum", "total", "count":
            var sum = 0.0, count = 0
            for sample in samples where !sample.value.isNaN {
                sum += sample.value
                count += 1
            }
            switch id {
            case "count": return .some(Double(count))
            case "sum", "total": return .some(sum)
            default: return .some(count == 0 ? nil : sum / Double(count))
            }
        case "max", "min":
            var best: Double?
            for sample in samples where !sample.value.isNaN {
                guard let current = best else { best = sample.value; continue }
                if id == "max" ? current < sample.value : sample.value < current { best = sample.value }
            }
            return .some(best)
        default:
            return nil
        }
    }
}
