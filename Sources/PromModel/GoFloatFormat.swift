/// Go's float spellings that Prometheus's API writes, shared by the PromQL engine's JSON,
/// the snapshot JSON and the native-histogram writers.
public enum GoFloatFormat {
    /// A sample's value for people to read and paste (inspect's values, CSV exports,
    /// `query_result` variable options): whole numbers below 1e15 without a point, others as
    /// Swift's shortest round-trip, NaN and ±Inf as Prometheus spells them. Not the API's
    /// JSON spelling, which is `fixed`.
    public static func short(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Go's strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that round-trip,
    /// written without an exponent; NaN, +Inf and -Inf spelled as Go does.
    public static func fixed(_ value: Double) -> String {
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

    /// Prometheus's `jsonutil.MarshalFloat` (util/jsonutil/marshal.go, used for native
    /// histograms' counts, sums and bounds): Go's 'f' form, but 'e' (strconv's shortest,
    /// "1e-07", "1.5e+21") when the magnitude is below 1e-6 or at least 1e21.
    public static func json(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        guard magnitude.isFinite, magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return fixed(value) }
        return exponent(value)
    }

    /// strconv.FormatFloat(v, 'e', -1, 64) for a finite non-zero value: the shortest digits,
    /// one before the point, an exponent of at least two digits.
    public static func exponent(_ value: Double) -> String {
        let text = fixed(Swift.abs(value))
        var digits = text.filter { $0 != "." }
        var point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        while digits.hasPrefix("0") { digits.removeFirst(); point -= 1 }
        while digits.hasSuffix("0") { digits.removeLast() }
        let power = point - 1
        let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
        let magnitude = String(Swift.abs(power))
        return (value < 0 ? "-" : "") + mantissa + "e" + (power < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }
}
