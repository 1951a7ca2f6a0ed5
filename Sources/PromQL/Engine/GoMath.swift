import Foundation
import PromModel

/// Float helpers with Go's semantics where they differ from Swift's or C's, so results match
/// Prometheus bit for bit where it matters.
public enum GoMath {
    /// Go's math.Max: +Inf wins over NaN, NaN wins over everything else, +0 over -0.
    static func max(_ x: Double, _ y: Double) -> Double {
        if x == .infinity || y == .infinity { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's math.Min: -Inf wins over NaN, NaN wins over everything else, -0 over +0.
    static func min(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity || y == -.infinity { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Kahan-Babuska (Neumaier) summation step, as Prometheus's kahanSumInc.
    /// 3.x's util/kahansum.Inc: as 2.42's, but an infinite sum drops the compensation.
    static func kahanSumInc3(_ inc: Double, _ sum: Double, _ c: Double) -> (Double, Double) {
        let t = sum + inc
        if t.isInfinite { return (t, 0) }
        return kahanSumInc(inc, sum, c)
    }

    static func kahanSumInc(_ inc: Double, _ sum: Double, _ c: Double) -> (Double, Double) {
        let t = sum + inc
        var c = c
        if abs(sum) >= abs(inc) {
            c += (sum - t) + inc
        } else {
            c += (inc - t) + sum
        }
        return (t, c)
    }

    /// Go's `int64(f)` on amd64 for the values we convert: truncation toward zero,
    /// with out-of-range and NaN values giving Int64.min (the CPU's "integer indefinite").
    public static func int64(_ value: Double) -> Int64 {
        guard value.isFinite, value > -9.223372036854775808e18, value < 9.223372036854775808e18 else { return .min }
        return Int64(value)
    }

    /// Prometheus's util/almost.Equal: equal within `epsilon` relative to their magnitudes
    /// (absolutely near zero, where relative differences mean nothing).
    static func almostEqual(_ a: Double, _ b: Double, epsilon: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double.leastNormalMagnitude
        let absSum = Swift.abs(a) + Swift.abs(b)
        let diff = Swift.abs(a - b)
        if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
        return diff / Swift.min(absSum, Double.greatestFiniteMagnitude) < epsilon
    }

    /// Go's strconv.FormatFloat(v, 'f', -1, 64) (one implementation, in PromModel).
    static func formatFloat(_ value: Double) -> String { GoFloatFormat.fixed(value) }
}

extension GoMath {
    /// Go's `%v` for a float64 (`%g` with the shortest digits: an exponent when it is below
    /// -4 or at least 6, as in "1e+20" or "1.5e-07").
    public static func formatGo(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let fixed = formatFloat(Swift.abs(value))
        // The decimal exponent, from where the point stands after the leading zeros.
        var digits = fixed.replacingOccurrences(of: ".", with: "")
        var point = fixed.firstIndex(of: ".").map { fixed.distance(from: fixed.startIndex, to: $0) } ?? fixed.count
        while digits.hasPrefix("0") { digits.removeFirst(); point -= 1 }
        let exponent = point - 1
        let sign = value < 0 ? "-" : ""
        guard exponent < -4 || exponent >= 6 else { return sign + fixed }
        return GoFloatFormat.exponent(value)
    }
}
