import Foundation

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

    /// Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that round-trip,
    /// written without an exponent; NaN, +Inf and -Inf spelled as Go does.
    static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        // Swift's description is also shortest-round-trip; only the notation differs.
        let text = "\(value)"
        guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = String(text[..<eIndex])
        let exponent = Int(text[text.index(after: eIndex)...]) ?? 0
        var negative = false
        if mantissa.hasPrefix("-") { negative = true; mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        var fractionPart = parts.count > 1 ? String(parts[1]) : ""
        if fractionPart == "0" { fractionPart = "" }
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        // Strip leading zeros of the digit string, keeping the point position right.
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        var result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let index = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = digits[..<index] + "." + digits[index...]
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return negative ? "-" + result : result
    }
}

extension GoMath {
    /// Go's `%v` for a float64 (`%g` with the shortest digits: an exponent when it is below
    /// -4 or at least 6, as in "1e+20" or "1.5e-07").
    public static func formatGo(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let fixed = formatFloat(Swift.abs(value))
        // The shortest significant digits and the decimal point position, from the fixed form.
        var digits = fixed.replacingOccurrences(of: ".", with: "")
        var point = fixed.firstIndex(of: ".").map { fixed.distance(from: fixed.startIndex, to: $0) } ?? fixed.count
        while digits.hasPrefix("0") { digits.removeFirst(); point -= 1 }
        while digits.hasSuffix("0") { digits.removeLast() }
        let exponent = point - 1
        let sign = value < 0 ? "-" : ""
        guard exponent < -4 || exponent >= 6 else { return sign + fixed }
        let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
        let magnitude = String(Swift.abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }
}
