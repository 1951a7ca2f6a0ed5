import Dashboards
import Foundation

/// Replaces `$var`, `${var}`, `${var:format}`, `[[var]]` and the built-ins `$__interval`,
/// `$__rate_interval`, `$__range` in a query, the way Grafana does for Prometheus: several
/// values (multi-select or All) become a regex alternation.
struct Interpolator {
    var variables: [Variable]
    var values: [String: [String]]
    var interval: Int64
    var rateInterval: Int64
    var range: Int64

    func interpolate(_ expr: String) -> String {
        guard expr.contains("$") || expr.contains("[[") else { return expr }
        var replacements: [(String, String)] = [
            ("__rate_interval", PromDuration.format(rateInterval)),
            ("__interval_ms", String(interval)),
            ("__interval", PromDuration.format(interval)),
            ("__range_s", String(range / 1000)),
            ("__range_ms", String(range)),
            ("__range", PromDuration.format(range)),
        ]
        for variable in variables { replacements.append((variable.name, value(of: variable))) }
        // Longest names first, so `$service_name` is not taken for `$service` + `_name`.
        replacements.sort { $0.0.count > $1.0.count }
        var out = expr
        for (name, value) in replacements {
            out = replaceBraced(name, with: value, in: out)
            out = out.replacingOccurrences(of: "[[\(name)]]", with: value)
            out = out.replacingOccurrences(of: "$\(name)", with: value)
        }
        return out
    }

    private func replaceBraced(_ name: String, with value: String, in text: String) -> String {
        var out = text.replacingOccurrences(of: "${\(name)}", with: value)
        let prefix = "${\(name):"
        while let start = out.range(of: prefix), let close = out[start.upperBound...].firstIndex(of: "}") {
            out.replaceSubrange(start.lowerBound...close, with: value)
        }
        return out
    }

    func value(of variable: Variable) -> String {
        // Callers resolve All to the options (see `AppState.resolvedVariableValues`); an
        // unresolved All still matches everything.
        let selected = values[variable.name] ?? variable.current
        if selected.contains(Variable.allValueMarker) { return variable.allValue ?? ".*" }
        if selected.count == 1 { return selected[0] }
        if selected.isEmpty { return "" }
        return "(" + selected.map(Interpolator.escapeRegex).joined(separator: "|") + ")"
    }

    static func escapeRegex(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
