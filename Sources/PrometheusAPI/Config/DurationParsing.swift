/// Prometheus duration strings: `30s`, `1m30s`, `500ms`, `1h`, `2d`, `1w`, `1y`.
enum PrometheusDuration {
    static func parse(_ text: String) -> Duration? {
        let units: [(String, Int64)] = [
            ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
            ("w", 604_800_000), ("y", 31_536_000_000),
        ]
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        var lastUnitIndex = Int.max
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            // Longest unit first, so "ms" wins over "m".
            guard let (index, unit) = units.enumerated().sorted(by: { $0.element.0.count > $1.element.0.count })
                .first(where: { rest.hasPrefix($0.element.0) }).map({ ($0.offset, $0.element) })
            else { return nil }
            rest = rest.dropFirst(unit.0.count)
            // Units must go from largest to smallest, each once, as Prometheus requires.
            guard index < lastUnitIndex else { return nil }
            lastUnitIndex = index
            let (product, overflow) = number.multipliedReportingOverflow(by: unit.1)
            guard !overflow else { return nil }
            total += product
        }
        return .milliseconds(total)
    }

    /// `1m30s`-style text for a duration, for listings.
    static func format(_ duration: Duration) -> String {
        var milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        var out = ""
        for (unit, size) in [("h", Int64(3_600_000)), ("m", 60_000), ("s", 1000), ("ms", 1)] where milliseconds >= size {
            out += "\(milliseconds / size)\(unit)"
            milliseconds %= size
        }
        return out
    }
}
