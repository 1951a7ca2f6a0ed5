import Foundation

/// Number to text exactly as Grafana's JavaScript does it (`String(n)`, `toFixed`,
/// `getDecimalsForValue`), so values read the same as in a browser.
public enum NumberText {
    /// JavaScript's `String(number)`: shortest round-trip digits, exponent form below 1e-6
    /// and from 1e21; infinities as "∞" (what `toLocaleString` shows).
    public static func js(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == 0 { return "0" }
        let swift = "\(abs(value))"
        var mantissa = Substring(swift)
        var exponent = 0
        if let e = swift.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = swift[..<e]
            exponent = Int(swift[swift.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? ""
        var digits = integer + (parts.count > 1 ? String(parts[1]) : "")
        var point = integer.count + exponent
        while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let k = digits.count, n = point
        let body: String
        if k <= n && n <= 21 {
            body = digits + String(repeating: "0", count: n - k)
        } else if n > 0 && n <= 21 {
            body = String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        } else if n > -6 && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + digits
        } else {
            let e = n - 1
            let lead = String(digits.prefix(1)) + (k > 1 ? "." + String(digits.dropFirst()) : "")
            body = lead + "e" + (e >= 0 ? "+" : "-") + String(abs(e))
        }
        return value < 0 ? "-" + body : body
    }

    /// Grafana's `toFixed`: rounds to `decimals` (automatic when nil) and pads with zeros.
    public static func toFixed(_ value: Double, decimals: Int? = nil) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        // JavaScript's toFixed takes 0...100 digits; a dashboard's `decimals` can say anything.
        let places = max(0, min(decimals ?? decimalsForValue(value), 100))
        if value == 0 {
            return places > 0 ? "0." + String(repeating: "0", count: places) : "0"
        }
        let factor = places != 0 ? pow(10.0, Double(places)) : 1
        let formatted = js(jsRound(value * factor) / factor)
        if formatted.contains("e") { return formatted }
        let precision = formatted.firstIndex(of: ".").map { formatted.distance(from: $0, to: formatted.endIndex) - 1 } ?? 0
        if precision < places {
            return (precision > 0 ? formatted : formatted + ".") + String(repeating: "0", count: places - precision)
        }
        return formatted
    }

    /// Grafana's `getDecimalsForValue`: about three significant digits, none for integers.
    public static func decimalsForValue(_ value: Double) -> Int {
        guard value.isFinite, value != 0 else { return 0 }
        let log10 = (log(abs(value)) / M_LN10).rounded(.down)
        var decimals = -log10 + 1
        let magnitude = pow(10.0, -decimals)
        let norm = value / magnitude
        if norm > 2.25 { decimals += 1 }
        if value.truncatingRemainder(dividingBy: 1) == 0 { decimals = 0 }
        return Int(max(0, min(decimals, 20)))
    }

    /// JavaScript's `Math.round`: halves go towards +∞.
    static func jsRound(_ value: Double) -> Double { (value + 0.5).rounded(.down) }
}
