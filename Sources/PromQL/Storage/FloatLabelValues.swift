import PromModel

/// Prometheus 3.x stores the `le` of classic histogram buckets and the `quantile` of summaries
/// as OpenMetrics floats, whatever the exposition wrote: `le="1"` becomes `le="1.0"`
/// (model/textparse/openmetricsparse.go normalizeFloatsInLabelValues and
/// model/labels/float.go FormatOpenMetricsFloat at v3.14.0). 2.x stored them as written.
public struct FloatLabelValues: Sendable {
    /// Normalised values by their written form: a scrape repeats the same few bounds.
    private var cache: [String: String] = [:]

    public init() {}

    /// Labels as 3.x stores them: `le` of a histogram's series, `quantile` of a summary's.
    /// `type` is the family's `# TYPE`; without one, `le` of a `_bucket` series and any
    /// `quantile` count as a histogram's and a summary's (the simulator's own series).
    public mutating func normalizing(_ labels: Labels, type: String? = nil) -> Labels {
        let name: String
        switch type {
        case "histogram": name = "le"
        case "summary": name = "quantile"
        case .some: return labels
        case .none:
            if labels.name?.hasSuffix("_bucket") == true, labels["le"] != nil { name = "le" }
            else if labels["quantile"] != nil { name = "quantile" }
            else { return labels }
        }
        guard let value = labels[name] else { return labels }
        let normalized = cache[value] ?? Self.normalized(value)
        cache[value] = normalized
        return normalized == value ? labels : labels.setting(name, normalized)
    }

    /// A value that parses as a Go float, in FormatOpenMetricsFloat's spelling; else as is.
    public static func normalized(_ value: String) -> String {
        guard let f = Self.parseGoFloat(value) else { return value }
        return openMetricsFloat(f)
    }

    /// FormatOpenMetricsFloat: Go's shortest `%g`, with `.0` added when it has neither a
    /// point nor an exponent.
    public static func openMetricsFloat(_ f: Double) -> String {
        if f.isNaN { return "NaN" }
        if f == .infinity { return "+Inf" }
        if f == -.infinity { return "-Inf" }
        if f == 0 { return "0.0" }
        let text = GoMath.formatGo(f)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// strconv.ParseFloat's accepted spellings that matter for bounds: decimal and exponent
    /// forms, and Inf/NaN in any case.
    static func parseGoFloat(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if body.hasPrefix("+") { body = body.dropFirst() } else if body.hasPrefix("-") { sign = -1; body = body.dropFirst() }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default:
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
                  let value = Double(body) else { return nil }
            return sign * value
        }
    }
}
