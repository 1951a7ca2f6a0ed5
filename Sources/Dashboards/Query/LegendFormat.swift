import Foundation

/// Series names from a target's `legendFormat`, as Grafana's Prometheus data source names
/// them (getName and metricNameFromLabels in pkg/promlib/querydata/response.go). The one
/// legend formatter: the viewer, `snapshot` and field overrides all name series here.
public enum LegendFormat {
    /// The display name of a series with `labels` answering `expr`: `{{label}}` (spaces
    /// allowed inside the braces) becomes the label's value, or nothing when the series lacks
    /// it, as Grafana does; an empty or "__auto" format gives `metric{a="1", b="2"}` with the
    /// labels sorted; a series without labels is named by its query.
    public static func name(format: String, labels: [String: String], expr: String) -> String {
        // The label-set name only when there is no format: building it for every series of a
        // formatted query was most of a 1,000-series panel's view model.
        let legend = !format.isEmpty && format != "__auto" ? render(format, labels: labels) : seriesName(labels)
        return legend == "{}" ? expr : legend
    }

    /// `format` with every `{{label}}` replaced by the label's value (empty when missing).
    public static func render(_ format: String, labels: [String: String]) -> String {
        var output = ""
        var rest = Substring(format)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = trimmed(rest[open.upperBound..<close.lowerBound])
            guard !name.isEmpty else {
                output += rest[..<close.upperBound]
                rest = rest[close.upperBound...]
                continue
            }
            output += rest[..<open.lowerBound]
            output += labels[name] ?? ""
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// A label name between the braces without surrounding whitespace; Foundation's trimming
    /// only when an end is not plain ASCII (it costs more than the rest of a series' name).
    private static func trimmed(_ name: Substring) -> String {
        guard let first = name.utf8.first, let last = name.utf8.last,
              first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return name.trimmingCharacters(in: .whitespaces) }
        return String(name)
    }

    /// `metric{a="1", b="2"}`; `{a="1"}` without a name; the name alone without labels; `{}`
    /// for no labels at all.
    public static func seriesName(_ labels: [String: String]) -> String {
        let name = labels["__name__"] ?? ""
        let pairs = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
        if pairs.isEmpty { return name.isEmpty ? "{}" : name }
        let body = pairs.map { "\($0.key)=\"\(escape($0.value))\"" }.joined(separator: ", ")
        return "\(name){\(body)}"
    }

    private static func escape(_ value: String) -> String {
        // Most label values have nothing to escape: skip Foundation's four passes.
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A || $0 == 0x09 }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }
}
