import Foundation

/// Runs many PromQL expressions through the real Prometheus parser in one go: each
/// expression becomes a recording rule in one rules file and `promtool check rules`
/// reports the parse error of every failing rule.
public enum PromtoolRules {
    /// The outcome for each expression, in order: nil when promtool accepts it, otherwise
    /// the parse error text (`1:5: parse error: ...`), or `promtool: <line>` for a
    /// rule-level error that is not a parse error.
    public static func check(_ expressions: [String], promtool: String = "/usr/bin/promtool") throws -> [String?] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var yaml = "groups:\n- name: corpus\n  rules:\n"
        for (i, expr) in expressions.enumerated() {
            yaml += "  - record: r\(i)\n    expr: \(yamlQuote(expr))\n"
        }
        let path = dir.path + "/rules.yml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try runCommand(promtool, ["check", "rules", path])
        var results = [String?](repeating: nil, count: expressions.count)
        let text = output.stdout + "\n" + output.stderr
        let pattern = #/rule (\d+), "r\d+": (.*)$/#
        for line in text.split(separator: "\n") {
            guard let match = line.firstMatch(of: pattern), let rule = Int(match.1), rule >= 1,
                rule <= expressions.count
            else { continue }
            let detail = String(match.2)
            let prefix = "could not parse expression: "
            results[rule - 1] = detail.hasPrefix(prefix) ? String(detail.dropFirst(prefix.count)) : "promtool: " + detail
        }
        if output.status != 0, results.allSatisfy({ $0 == nil }) {
            throw TestSupportError("promtool check rules failed without per-rule errors:\n\(text)")
        }
        return results
    }

    /// A YAML double-quoted scalar.
    public static func yamlQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
