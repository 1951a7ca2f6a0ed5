/// Grafana's time units (`ns` … `d`), which step up to larger units as values grow.
enum TimeFormat {
    typealias Formatter = ValueFormat.Formatter

    private static func scaled(_ value: Double, _ decimals: Int?, _ suffix: String) -> FormattedValue {
        FormattedValue(text: NumberText.toFixed(value, decimals: decimals), suffix: suffix)
    }

    static let nanoseconds: Formatter = { size, decimals in
        let a = abs(size)
        if a < 1000 { return scaled(size, decimals, " ns") }
        if a < 1_000_000 { return scaled(size / 1000, decimals, " µs") }
        if a < 1_000_000_000 { return scaled(size / 1_000_000, decimals, " ms") }
        if a < 60_000_000_000 { return scaled(size / 1_000_000_000, decimals, " s") }
        return scaled(size / 60_000_000_000, decimals, " min")
    }

    static let microseconds: Formatter = { size, decimals in
        let a = abs(size)
        if a < 1000 { return scaled(size, decimals, " µs") }
        if a < 1_000_000 { return scaled(size / 1000, decimals, " ms") }
        return scaled(size / 1_000_000, decimals, " s")
    }

    static let milliseconds: Formatter = { size, decimals in
        let a = abs(size)
        if a < 1000 { return scaled(size, decimals, " ms") }
        if a < 60000 { return scaled(size / 1000, decimals, " s") }
        if a < 3_600_000 { return scaled(size / 60000, decimals, " min") }
        if a < 86_400_000 { return scaled(size / 3_600_000, decimals, " hour") }
        if a < 31_536_000_000 { return scaled(size / 86_400_000, decimals, " day") }
        return scaled(size / 31_536_000_000, decimals, " year")
    }

    static let seconds: Formatter = { size, decimals in
        let a = abs(size)
        if size == 0 { return FormattedValue(text: "0", suffix: " s") }
        if a < 0.000001 { return scaled(size * 1e9, decimals, " ns") }
        if a < 0.001 { return scaled(size * 1e6, decimals, " µs") }
        if a < 1 { return scaled(size * 1e3, decimals, " ms") }
        if a < 60 { return scaled(size, decimals, " s") }
        if a < 3600 { return scaled(size / 60, decimals, " min") }
        if a < 86400 { return scaled(size / 3600, decimals, " hour") }
        if a < 604_800 { return scaled(size / 86400, decimals, " day") }
        if a < 31_536_000 { return scaled(size / 604_800, decimals, " week") }
        return scaled(size / 3.15569e7, decimals, " year")
    }

    static let minutes: Formatter = { size, decimals in
        let a = abs(size)
        if a < 60 { return scaled(size, decimals, " min") }
        if a < 1440 { return scaled(size / 60, decimals, " hour") }
        if a < 10080 { return scaled(size / 1440, decimals, " day") }
        if a < 604_800 { return scaled(size / 10080, decimals, " week") }
        return scaled(size / 5.25948e5, decimals, " year")
    }

    static let hours: Formatter = { size, decimals in
        let a = abs(size)
        if a < 24 { return scaled(size, decimals, " hour") }
        if a < 168 { return scaled(size / 24, decimals, " day") }
        if a < 8760 { return scaled(size / 168, decimals, " week") }
        return scaled(size / 8760, decimals, " year")
    }

    static let days: Formatter = { size, decimals in
        let a = abs(size)
        if a < 7 { return scaled(size, decimals, " day") }
        if a < 365 { return scaled(size / 7, decimals, " week") }
        return scaled(size / 365, decimals, " year")
    }

    /// Whole counts (seconds, years) at or past this do not fit an Int: shown as the number.
    static let maximumWholeCount = 1e15

    /// `dthms`: hh:mm:ss.
    static let hoursMinutesSeconds: Formatter = { size, _ in
        // Past Int's range (1e300 s from a hostile server) the count of hours would trap.
        guard size.isFinite, abs(size) < maximumWholeCount else { return FormattedValue(text: NumberText.js(size)) }
        let total = Int(abs(size).rounded(.down))
        func two(_ n: Int) -> String { n > 9 ? String(n) : "0" + String(n) }
        let text = [two(total / 3600), two((total % 3600) / 60), two(total % 60)].joined(separator: ":")
        return FormattedValue(text: size < 0 ? text + " ago" : text)
    }

    static let durationSeconds: Formatter = { size, decimals in duration(size * 1000, decimals) }
    static let durationMilliseconds: Formatter = { size, decimals in duration(size, decimals) }

    /// Grafana's `toDuration`: "1 hour, 2 minutes" with `decimals` further units.
    private static func duration(_ milliseconds: Double, _ decimals: Int?) -> FormattedValue {
        guard milliseconds.isFinite, abs(milliseconds) / 31_536_000_000 < maximumWholeCount else {
            return FormattedValue(text: NumberText.js(milliseconds))
        }
        if milliseconds == 0 { return FormattedValue(text: "0 milliseconds") }
        let units: [(String, Double)] = [
            ("year", 31_536_000_000), ("month", 2_592_000_000), ("week", 604_800_000), ("day", 86_400_000),
            ("hour", 3_600_000), ("minute", 60000), ("second", 1000), ("millisecond", 1),
        ]
        var remaining = abs(milliseconds)
        var parts: [String] = []
        var budget = decimals ?? 0
        var started = false
        for (name, size) in units where budget >= 0 {
            let count = remaining / size
            if count >= 1 || started {
                started = true
                let whole = Int(count.rounded(.down))
                parts.append("\(whole) \(name)\(whole == 1 ? "" : "s")")
                remaining = remaining.truncatingRemainder(dividingBy: size)
                budget -= 1
            }
        }
        let text = parts.joined(separator: ", ")
        return FormattedValue(text: milliseconds < 0 ? text + " ago" : text)
    }
}
