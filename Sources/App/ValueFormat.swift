import Foundation
import PromModel

/// A value as a few characters with its unit (a small subset of Grafana's units; the
/// render module owns the full table).
enum ValueFormat {
    static func format(_ value: Double?, unit: String?, decimals: Int? = nil) -> String {
        guard let value else { return "-" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        switch unit ?? "" {
        case "percent": return number(value, decimals) + "%"
        case "percentunit": return number(value * 100, decimals) + "%"
        case "s": return abs(value) < 1 && value != 0 ? number(value * 1000, decimals) + " ms" : number(value, decimals) + " s"
        case "ms": return number(value, decimals) + " ms"
        case "bytes", "decbytes": return si(value, decimals, base: 1024, suffix: "B")
        case "reqps": return si(value, decimals) + " req/s"
        case "ops": return si(value, decimals) + " ops/s"
        case "currencyUSD": return "$" + si(value, decimals)
        default: return si(value, decimals)
        }
    }

    private static func si(_ value: Double, _ decimals: Int?, base: Double = 1000, suffix: String = "") -> String {
        let prefixes = ["", "K", "M", "G", "T", "P"]
        var scaled = value, index = 0
        while abs(scaled) >= base, index < prefixes.count - 1 {
            scaled /= base
            index += 1
        }
        let unit = prefixes[index] + suffix
        return number(scaled, decimals) + (unit.isEmpty ? "" : (suffix.isEmpty ? unit : " " + unit))
    }

    private static func number(_ value: Double, _ decimals: Int?) -> String {
        if let decimals { return String(format: "%.\(max(0, min(decimals, 10)))f", value) }
        let magnitude = abs(value)
        if magnitude == 0 || magnitude == magnitude.rounded() && magnitude < 1e6 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(format: "%.0f", value) }
        if magnitude >= 10 { return String(format: "%.1f", value) }
        if magnitude >= 0.01 { return String(format: "%.2f", value) }
        return String(format: "%.2g", value)
    }
}

/// A series' display name: the target's `legendFormat` with `{{label}}` filled in, else the
/// series as Prometheus prints it (or the query for an unlabelled result).
enum LegendName {
    static func name(_ labels: Labels, format: String, expr: String) -> String {
        if !format.isEmpty, format != "__auto" {
            var out = format
            while let open = out.range(of: "{{"), let close = out.range(of: "}}", range: open.upperBound..<out.endIndex) {
                let name = out[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                out.replaceSubrange(open.lowerBound..<close.upperBound, with: labels[name] ?? "")
            }
            return out
        }
        return labels.isEmpty ? expr : labels.description
    }
}
