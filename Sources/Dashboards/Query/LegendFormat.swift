import Foundation
import PromModel

/// Series names from a target's `legendFormat`, as Grafana's Prometheus data source names
/// them (getName and metricNameFromLabels in pkg/promlib/querydata/response.go). The one
/// legend formatter: the viewer, `snapshot` and field overrides all name series here.
public enum LegendFormat {
    /// The display name of a series with `labels` answering `expr`: `{{label}}` (spaces
    /// allowed inside the braces) becomes the label's value, or nothing when the series lacks
    /// it, as Grafana does; an empty or "__auto" format gives `metric{a="1", b="2"}` with the
    /// labels sorted (`Labels.description`); a series without labels is named by its query.
    public static func name(format: String, labels: Labels, expr: String) -> String {
        // The label-set name only when there is no format: building it for every series of a
        // formatted query was most of a 1,000-series panel's view model.
        let legend = !format.isEmpty && format != "__auto" ? render(format, labels: labels) : labels.description
        return legend == "{}" ? expr : legend
    }

    /// `format` with every `{{label}}` replaced by the label's value (empty when missing).
    public static func render(_ format: String, labels: Labels) -> String {
        // The braces are found on bytes (they are ASCII, so every index found is a character
        // boundary): Foundation's range(of:) was most of naming a 1,000-series panel.
        let bytes = format.utf8
        func pair(of byte: UInt8, from start: String.Index) -> String.Index? {
            var index = start
            while index < bytes.endIndex {
                let next = bytes.index(after: index)
                if bytes[index] == byte, next < bytes.endIndex, bytes[next] == byte { return index }
                index = next
            }
            return nil
        }
        var output = ""
        var rest = bytes.startIndex
        while let open = pair(of: 0x7B, from: rest) {
            let inside = bytes.index(open, offsetBy: 2)
            guard let close = pair(of: 0x7D, from: inside) else { break }
            let after = bytes.index(close, offsetBy: 2)
            let name = trimmed(format[inside..<close])
            if name.isEmpty {
                output += format[rest..<after]
            } else {
                output += format[rest..<open]
                output += labels[name] ?? ""
            }
            rest = after
        }
        return rest == bytes.startIndex ? format : output + format[rest...]
    }

    /// A label name between the braces without surrounding whitespace; Foundation's trimming
    /// only when an end is not plain ASCII (it costs more than the rest of a series' name).
    private static func trimmed(_ name: Substring) -> String {
        guard let first = name.utf8.first, let last = name.utf8.last,
              first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return name.trimmingCharacters(in: .whitespaces) }
        return String(name)
    }
}
