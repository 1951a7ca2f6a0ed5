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
        reduce(values.lazy.map { $0 ?? .nan }, id: id, timestamps: timestamps)
    }

    public static func reduce(_ samples: [Sample], id: String) -> Double? {
        reduce(samples.lazy.map(\.value), id: id, timestamps: samples.lazy.map(\.timestamp))
    }

    /// The one implementation, over lazy views so the usual reducers (a 1,000-series legend
    /// asks for three per series) walk the values once without building arrays; only the
    /// reducers that need every present value at once collect them. NaN is null.
    static func reduce<Values: BidirectionalCollection, Stamps: Collection>(
        _ values: Values, id: String, timestamps: Stamps
    ) -> Double? where Values.Element == Double, Stamps.Element == Timestamp {
        switch id {
        case "last": return values.last.flatMap { $0.isNaN ? nil : $0 }
        case "first": return values.first.flatMap { $0.isNaN ? nil : $0 }
        case "lastNotNull", "lastNotNullValue": return values.last { !$0.isNaN }
        case "firstNotNull": return values.first { !$0.isNaN }
        case "mean", "avg", "sum", "total", "count":
            var sum = 0.0, count = 0
            for value in values where !value.isNaN {
                sum += value
                count += 1
            }
            switch id {
            case "count": return Double(count)
            case "sum", "total": return sum
            default: return count == 0 ? nil : sum / Double(count)
            }
        case "max": return values.lazy.filter { !$0.isNaN }.max()
        case "min": return values.lazy.filter { !$0.isNaN }.min()
        case "step":
            let steps = zip(timestamps, timestamps.dropFirst()).map { Double($1 - $0) }
            return steps.min()
        default:
            return reduceAll(values.filter { !$0.isNaN }, id: id)
        }
    }

    /// The reducers that need the present values as an array (sorting, pairs, sets).
    private static func reduceAll(_ present: [Double], id: String) -> Double? {
        switch id {
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
        case "changeCount":
            return Double(zip(present, present.dropFirst()).filter { $0 != $1 }.count)
        case "distinctCount": return Double(Set(present).count)
        case "allIsNull": return present.isEmpty ? 1 : 0
        case "allIsZero": return !present.isEmpty && present.allSatisfy { $0 == 0 } ? 1 : 0
        case "logmin": return present.filter { $0 > 0 }.min()
        default: return present.last
        }
    }
}
