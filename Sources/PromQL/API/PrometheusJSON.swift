import PromModel

/// JSON exactly as Prometheus's HTTP API writes it: the `data` object of a query response
/// (`{"resultType":…,"result":…}`), whole responses and error bodies. Values are strings in
/// Go's shortest fixed notation ("NaN", "+Inf", "-Inf" included); timestamps are seconds
/// with the milliseconds as three digits when non-zero (Prometheus's MarshalTimestamp).
public enum PrometheusJSON {
    /// The `data` object of /api/v1/query and /api/v1/query_range.
    public static func data(_ result: QueryResult) -> String {
        var out = "{\"resultType\":\"\(result.resultType)\",\"result\":"
        switch result {
        // Prometheus 2.42 writes scalars and strings through encoding/json (the time as a Go
        // float64: 100.5), vector and matrix points through its own encoder (100.500).
        case .scalar(let sample):
            out += "[\(formatFloatSeconds(sample.timestamp)),\"\(formatValue(sample.value))\"]"
        case .string(let value, let timestamp):
            out += "[\(formatFloatSeconds(timestamp)),\(quote(value))]"
        // Native histograms as web/api/v1/json_codec.go writes them: a vector element's
        // `histogram` instead of `value`; a series' `values` and `histograms`, each only when
        // it has points (a series with neither keeps its empty `values`).
        case .vector(let elements):
            out += "[" + elements.map { element in
                guard let histogram = element.histogram else { return "{\"metric\":\(metric(element.labels)),\"value\":\(point(element.sample))}" }
                return "{\"metric\":\(metric(element.labels)),\"histogram\":\(point(HistogramSample(element.sample.timestamp, histogram)))}"
            }.joined(separator: ",") + "]"
        case .matrix(let series):
            out += "[" + series.map { element in
                var object = "{\"metric\":\(metric(element.labels))"
                if !element.samples.isEmpty || element.histograms.isEmpty {
                    object += ",\"values\":[" + element.samples.map(point).joined(separator: ",") + "]"
                }
                if !element.histograms.isEmpty {
                    object += ",\"histograms\":[" + element.histograms.map(point).joined(separator: ",") + "]"
                }
                return object + "}"
            }.joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// A whole success body: `{"status":"success","data":…}` (+ warnings and infos when
    /// present: 3.x's API puts info annotations in `infos`, which the client reads back
    /// as "info: …" warnings, so those go there again).
    public static func response(_ response: QueryResponse) -> String {
        var out = "{\"status\":\"success\",\"data\":\(data(response.result))"
        let prefix = Annotation.infoPrefix
        let warnings = response.warnings.filter { !$0.hasPrefix(prefix) }
        let infos = response.warnings.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        if !warnings.isEmpty {
            out += ",\"warnings\":[" + warnings.map(quote).joined(separator: ",") + "]"
        }
        if !infos.isEmpty {
            out += ",\"infos\":[" + infos.map(quote).joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// A whole error body: `{"status":"error","errorType":"bad_data","error":"…"}`.
    public static func error(_ error: QueryError) -> String {
        "{\"status\":\"error\",\"errorType\":\(quote(error.kind.rawValue)),\"error\":\(quote(error.message))}"
    }

    /// A success body whose data is a list of strings (label names or values).
    public static func strings(_ values: [String]) -> String {
        "{\"status\":\"success\",\"data\":[" + values.map(quote).joined(separator: ",") + "]}"
    }

    /// A success body whose data is a list of label sets (/api/v1/series).
    public static func labelSets(_ sets: [Labels]) -> String {
        "{\"status\":\"success\",\"data\":[" + sets.map(metric).joined(separator: ",") + "]}"
    }

    public static func point(_ sample: Sample) -> String {
        "[\(formatTimestamp(sample.timestamp)),\"\(formatValue(sample.value))\"]"
    }

    /// `[ts,{histogram}]` (json_codec.go marshalHPointJSON).
    public static func point(_ sample: HistogramSample) -> String {
        "[\(formatTimestamp(sample.timestamp)),\(sample.histogram.prometheusJSON)]"
    }

    public static func metric(_ labels: Labels) -> String {
        "{" + labels.map { "\(quote($0.name)):\(quote($0.value))" }.joined(separator: ",") + "}"
    }

    /// Go's strconv.FormatFloat(v, 'f', -1, 64).
    public static func formatValue(_ value: Double) -> String { GoMath.formatFloat(value) }

    /// Go's encoding/json of `float64(t) / 1000`: the shortest digits (`100.5`, `-0.001`).
    public static func formatFloatSeconds(_ timestamp: Timestamp) -> String {
        GoMath.formatFloat(Double(timestamp) / 1000)
    }

    /// Seconds, with `.ddd` only when the milliseconds are non-zero (Prometheus's
    /// marshalTimestamp, used for vector and matrix points).
    public static func formatTimestamp(_ timestamp: Timestamp) -> String {
        var t = timestamp
        var out = ""
        if t < 0 {
            out = "-"
            t = -t
        }
        out += String(t / 1000)
        let fraction = t % 1000
        if fraction != 0 {
            let digits = String(fraction)
            out += "." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return out
    }

    /// Go's encoding/json string quoting, HTML-safe as Prometheus's encoder is.
    public static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
