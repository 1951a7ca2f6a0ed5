/// Prometheus durations as its own flags, API and rule files take them: `1h30m`, `5m`, `2d`,
/// `500ms`, `1w`, `1y`, units from largest to smallest, each at most once; `0` alone is zero.
/// One parser for every command-line option, config field and API argument.
public enum PrometheusDuration {
    private static let units: [(name: String, milliseconds: Int64)] = [
        ("y", 31_536_000_000), ("w", 604_800_000), ("d", 86_400_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    public static func milliseconds(_ text: String) -> Int64? {
        if text == "0" { return 0 }
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        var nextUnit = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            // "ms" before "m": the longer unit name wins.
            let name = rest.hasPrefix("ms") ? "ms" : String(rest.prefix(1))
            guard let index = units.firstIndex(where: { $0.name == name }), index >= nextUnit else { return nil }
            rest = rest.dropFirst(name.count)
            nextUnit = index + 1
            let (product, overflow) = number.multipliedReportingOverflow(by: units[index].milliseconds)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return total
    }

    /// The shortest exact form with days as the largest unit, as people write time ranges:
    /// 3600000 → "1h", 5400000 → "1h30m", 604800000 → "7d".
    public static func format(_ milliseconds: Int64) -> String {
        guard milliseconds > 0 else { return "0s" }
        var rest = milliseconds
        var out = ""
        for unit in units.dropFirst(2) where rest >= unit.milliseconds {
            out += "\(rest / unit.milliseconds)\(unit.name)"
            rest %= unit.milliseconds
        }
        return out
    }

    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return format(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
