import Foundation

/// Durations the way Grafana writes and rounds them. All values in milliseconds.
public enum GrafanaDuration {
    static let second: Int64 = 1000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour
    static let week: Int64 = 7 * day
    static let year: Int64 = 365 * day

    /// Grafana's `roundInterval` table (packages/grafana-data/src/datetime/rangeutil.ts):
    /// each raw interval is snapped to a "nice" one; the bounds are strict (`<`).
    public static func round(_ intervalMs: Double) -> Int64 {
        let table: [(below: Double, to: Int64)] = [
            (10, 1), (15, 10), (35, 20), (75, 50), (150, 100), (350, 200), (750, 500),
            (1500, 1000), (3500, 2000), (7500, 5000), (12500, 10000), (17500, 15000),
            (25000, 20000), (45000, 30000), (90000, 60000), (210_000, 120_000),
            (450_000, 300_000), (750_000, 600_000), (1_050_000, 900_000), (1_500_000, 1_200_000),
            (2_700_000, 1_800_000), (5_400_000, 3_600_000), (9_000_000, 7_200_000),
            (16_200_000, 10_800_000), (32_400_000, 21_600_000), (86_400_000, 43_200_000),
            (604_800_000, 86_400_000), (1_814_400_000, 604_800_000), (3_628_800_000, 2_592_000_000),
        ]
        for entry in table where intervalMs < entry.below { return entry.to }
        return 31_536_000_000
    }

    /// Parses Grafana interval text: "15s", "1m", "500ms", "2h", "1d", "1w", "1M" (30 d),
    /// "1y" (365 d), a bare number meaning seconds, and the legacy "<" / ">" prefixes
    /// ("&gt;10s" meant "at least"). Like Grafana's describeInterval the count is an integer.
    /// Nil for anything else, including template variables.
    public static func parse(_ text: String) -> Int64? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.first == "<" || s.first == ">" { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        if let seconds = Int64(s) { return seconds * second }
        var digits = Substring("")
        var rest = s
        if rest.first == "-" { digits.append("-"); rest = rest.dropFirst() }
        while let c = rest.first, c.isASCII, c.isNumber || c == "." {
            digits.append(c)
            rest = rest.dropFirst()
        }
        let integerPart = digits.split(separator: ".", omittingEmptySubsequences: false).first ?? ""
        guard let count = Int64(integerPart) else { return nil }
        let units: [Substring: Int64] = [
            "ms": 1, "s": second, "m": minute, "h": hour, "d": day, "w": week,
            "M": 30 * day, "y": year,
        ]
        guard let unit = units[rest] else { return nil }
        return count * unit
    }

    /// Grafana's text for an interval: the largest whole unit, truncated ("1m" for 90 s),
    /// as gtime.FormatInterval and rangeutil's secondsToHms write `$__interval`.
    public static func format(_ ms: Int64) -> String {
        if ms >= year { return "\(ms / year)y" }
        if ms >= day { return "\(ms / day)d" }
        if ms >= hour { return "\(ms / hour)h" }
        if ms >= minute { return "\(ms / minute)m" }
        if ms >= second { return "\(ms / second)s" }
        if ms >= 1 { return "\(ms)ms" }
        return "1ms"
    }

    /// Exact text in Prometheus duration syntax ("1m15s", "500ms"), for values such as
    /// `$__rate_interval` that need not be a whole unit. (Grafana's Go backend prints Go's
    /// "1m15s"/"1m0s"; the value is the same and Prometheus reads both.)
    public static func prometheus(_ ms: Int64) -> String {
        if ms <= 0 { return "0s" }
        var rest = ms
        var text = ""
        for (unit, size) in [("y", year), ("w", week), ("d", day), ("h", hour), ("m", minute), ("s", second), ("ms", Int64(1))] {
            if rest >= size {
                text += "\(rest / size)\(unit)"
                rest %= size
            }
        }
        return text
    }
}
