import Foundation

/// Series names from a target's `legendFormat`, as Grafana's Prometheus datasource writes
/// them (renderLegendFormat / getOriginalMetricName).
public enum LegendFormat {
    /// `{{label}}` (spaces allowed inside the braces) becomes the label's value, or the
    /// label's name when the series lacks it (Grafana's quirk). An empty or "__auto"
    /// format gives the series' own name: `metric{a="1", b="2"}` with labels sorted.
    public static func render(_ format: String, labels: [String: String]) -> String {
        let trimmed = format.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "__auto" { return seriesName(labels) }
        var output = ""
        var rest = Substring(format)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                output += rest[..<close.upperBound]
                rest = rest[close.upperBound...]
                continue
            }
            output += rest[..<open.lowerBound]
            output += labels[name].flatMap { $0.isEmpty ? nil : $0 } ?? name
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// `metric{a="1", b="2"}`; `{a="1"}` without a name; the name alone without labels.
    public static func seriesName(_ labels: [String: String]) -> String {
        let name = labels["__name__"] ?? ""
        let pairs = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
        if pairs.isEmpty { return name.isEmpty ? "{}" : name }
        let body = pairs.map { "\($0.key)=\"\(escape($0.value))\"" }.joined(separator: ", ")
        return "\(name){\(body)}"
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
