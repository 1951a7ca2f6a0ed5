import Foundation

/// Grafana units (`fieldConfig.defaults.unit`), formatted the way Grafana's
/// `getValueFormat(unit)(value, decimals)` does.
public enum ValueFormat {
    public static func format(_ value: Double, unit: String?, decimals: Int? = nil) -> FormattedValue {
        guard let unit, !unit.isEmpty else { return plain(value, decimals) }
        if let formatter = table[unit] { return formatter(value, decimals) }
        if let colon = unit.firstIndex(of: ":") {
            let key = unit[..<colon], sub = String(unit[unit.index(after: colon)...])
            switch key {
            case "prefix": return FormattedValue(prefix: sub, text: NumberText.toFixed(value, decimals: decimals))
            case "suffix": return FormattedValue(text: NumberText.toFixed(value, decimals: decimals), suffix: " " + sub)
            case "count": return countUnit(sub)(value, decimals)
            case "currency": return currency(sub)(value, decimals)
            case "si": return siPrefixed(sub, offset: 0)(value, decimals)
            case "bool":
                let parts = sub.split(separator: "/", maxSplits: 1).map(String.init)
                return FormattedValue(text: value != 0 ? (parts.first ?? sub) : (parts.count > 1 ? parts[1] : "-"))
            default: break
            }
        }
        return FormattedValue(text: NumberText.toFixed(value, decimals: decimals), suffix: " " + unit)
    }

    typealias Formatter = @Sendable (Double, Int?) -> FormattedValue

    static func plain(_ value: Double, _ decimals: Int?) -> FormattedValue {
        FormattedValue(text: NumberText.toFixed(value, decimals: decimals))
    }

    /// Grafana's `scaledUnits`: divides by powers of `factor`, picking the suffix.
    static func scaled(_ factor: Double, _ suffixes: [String], offset: Int = 0) -> Formatter {
        { value, decimals in
            guard value.isFinite else { return FormattedValue(text: NumberText.js(value)) }
            let raw = value == 0 ? 0 : (log10(abs(value)) / log10(factor)).rounded(.down)
            let clampedSuffix = Int(max(0, min(Double(suffixes.count - 1), Double(offset) + raw)))
            let power = max(Double(-offset), min(Double(suffixes.count - offset - 1), raw))
            let text = NumberText.toFixed(value / pow(factor, power), decimals: decimals)
            return FormattedValue(text: text, suffix: suffixes[clampedSuffix])
        }
    }

    static func countUnit(_ symbol: String) -> Formatter {
        let scaler = scaled(1000, ["", "K", "M", "B", "T"])
        return { value, decimals in
            var result = scaler(value, decimals)
            result.suffix += " " + symbol
            return result
        }
    }

    static func currency(_ symbol: String, asSuffix: Bool = false) -> Formatter {
        let scaler = scaled(1000, ["", "K", "M", "B", "T"])
        return { value, decimals in
            var result = scaler(abs(value), decimals)
            if asSuffix { result.suffix += symbol } else { result.prefix = symbol }
            if value < 0 { result.prefix = "-" + result.prefix }
            return result
        }
    }

    static let siPrefixes = ["f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"]
    static let binaryPrefixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"]

    static func siPrefixed(_ unit: String, offset: Int) -> Formatter {
        scaled(1000, siPrefixes.map { " " + $0 + unit }, offset: 5 + offset)
    }

    static func binary(_ unit: String, offset: Int = 0) -> Formatter {
        scaled(1024, binaryPrefixes.map { " " + $0 + unit }, offset: offset)
    }

    static func fixedUnit(_ unit: String) -> Formatter {
        { value, decimals in FormattedValue(text: NumberText.toFixed(value, decimals: decimals), suffix: " " + unit) }
    }

    static let table: [String: Formatter] = {
        var t: [String: Formatter] = [
            "none": plain, "string": { value, _ in FormattedValue(text: NumberText.js(value)) },
            "short": scaled(1000, ["", " K", " Mil", " Bil", " Tri", " Quadr", " Quint", " Sext", " Sept"]),
            "percent": { value, decimals in FormattedValue(text: NumberText.toFixed(value, decimals: decimals), suffix: "%") },
            "percentunit": { value, decimals in FormattedValue(text: NumberText.toFixed(value * 100, decimals: decimals), suffix: "%") },
            "locale": { value, decimals in FormattedValue(text: grouped(value, decimals)) },
            "sci": { value, decimals in FormattedValue(text: String(format: "%.\(max(0, min(decimals ?? 2, 100)))e", value)) },
            "dB": fixedUnit("dB"), "humidity": fixedUnit("%H"), "pixel": fixedUnit("px"),
            "celsius": fixedUnit("°C"), "fahrenheit": fixedUnit("°F"), "kelvin": fixedUnit("K"),
            "bytes": binary("B"), "decbytes": siPrefixed("B", offset: 0), "bits": binary("b"), "decbits": siPrefixed("b", offset: 0),
            "kbytes": binary("B", offset: 1), "deckbytes": siPrefixed("B", offset: 1),
            "mbytes": binary("B", offset: 2), "decmbytes": siPrefixed("B", offset: 2),
            "gbytes": binary("B", offset: 3), "decgbytes": siPrefixed("B", offset: 3),
            "tbytes": binary("B", offset: 4), "dectbytes": siPrefixed("B", offset: 4),
            "pps": siPrefixed("p/s", offset: 0), "binBps": binary("B/s"), "Bps": siPrefixed("B/s", offset: 0),
            "binbps": binary("b/s"), "bps": siPrefixed("b/s", offset: 0),
            "KiBs": binary("B/s", offset: 1), "KBs": siPrefixed("B/s", offset: 1), "Kbits": siPrefixed("b/s", offset: 1),
            "MiBs": binary("B/s", offset: 2), "MBs": siPrefixed("B/s", offset: 2), "Mbits": siPrefixed("b/s", offset: 2),
            "hertz": siPrefixed("Hz", offset: 0), "watt": siPrefixed("W", offset: 0), "volt": siPrefixed("V", offset: 0),
            "amp": siPrefixed("A", offset: 0), "joule": siPrefixed("J", offset: 0),
            "ns": TimeFormat.nanoseconds, "µs": TimeFormat.microseconds, "us": TimeFormat.microseconds,
            "ms": TimeFormat.milliseconds, "s": TimeFormat.seconds, "m": TimeFormat.minutes,
            "h": TimeFormat.hours, "d": TimeFormat.days, "dthms": TimeFormat.hoursMinutesSeconds,
            "dtdurations": TimeFormat.durationSeconds, "dtdurationms": TimeFormat.durationMilliseconds,
            "bool": { value, _ in FormattedValue(text: value != 0 ? "True" : "False") },
            "bool_yes_no": { value, _ in FormattedValue(text: value != 0 ? "Yes" : "No") },
            "bool_on_off": { value, _ in FormattedValue(text: value != 0 ? "On" : "Off") },
        ]
        let counts: [(String, String)] = [
            ("cps", "c/s"), ("ops", "ops/s"), ("reqps", "req/s"), ("rps", "rd/s"), ("wps", "wr/s"),
            ("iops", "io/s"), ("eps", "evt/s"), ("mps", "msg/s"), ("recps", "rec/s"), ("rowsps", "rows/s"),
            ("cpm", "c/m"), ("opm", "ops/m"), ("reqpm", "req/m"), ("rpm", "rd/m"), ("wpm", "wr/m"),
            ("epm", "evts/m"), ("mpm", "msgs/m"), ("recpm", "rec/m"), ("rowspm", "rows/m"),
        ]
        for (id, symbol) in counts { t[id] = countUnit(symbol) }
        let currencies: [(String, String)] = [
            ("currencyUSD", "$"), ("currencyGBP", "£"), ("currencyEUR", "€"), ("currencyJPY", "¥"),
            ("currencyRUB", "₽"), ("currencyUAH", "₴"), ("currencyBRL", "R$"), ("currencyCHF", "CHF"),
            ("currencyINR", "₹"), ("currencyKRW", "₩"), ("currencyBTC", "฿"), ("currencyPLN", "PLN"),
        ]
        for (id, symbol) in currencies { t[id] = currency(symbol) }
        for id in ["currencyDKK", "currencyISK", "currencyNOK", "currencySEK"] { t[id] = currency("kr", asSuffix: true) }
        return t
    }()

    /// `toLocaleString` in en-US: thousands separators, at most `decimals` fraction digits.
    static func grouped(_ value: Double, _ decimals: Int?) -> String {
        guard value.isFinite else { return NumberText.js(value) }
        let places = max(0, min(decimals ?? 3, 20))
        let factor = pow(10.0, Double(places))
        let rounded = (abs(value) * factor).rounded() / factor
        var text = NumberText.toFixed(rounded, decimals: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "0")
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let body = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return value < 0 && rounded != 0 ? "-" + body : body
    }
}
