import Foundation
import PromModel

/// Series names as Grafana's Prometheus data source gives them.
public enum SeriesNaming {
    /// `legendFormat` with `{{label}}` replaced (missing labels become empty); Grafana's
    /// default when the format is empty or "__auto": `metric{a="b", c="d"}`, or the query
    /// expression for a series without labels.
    public static func name(labels: Labels, legendFormat: String, expr: String) -> String {
        let format = legendFormat.trimmingWhitespace
        if !format.isEmpty && format != "__auto" {
            return render(format, labels: labels)
        }
        if labels.isEmpty { return expr }
        return labels.description
    }

    public static func render(_ template: String, labels: Labels) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let key = String(afterOpen[..<close.lowerBound]).trimmingWhitespace
            out += labels[key] ?? ""
            rest = afterOpen[close.upperBound...]
        }
        return out + rest
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
