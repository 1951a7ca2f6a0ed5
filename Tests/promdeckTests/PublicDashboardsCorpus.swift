import Foundation
import TestSupport

/// The public dashboards under Tests/Fixtures/PublicDashboards read as plain JSON,
/// independently of promdeck's decoder: their panels, where each sits, and each target's
/// expression with variables filled in from given values, to ask Prometheus directly.
struct CorpusDashboard {
    struct PanelInfo {
        var id: Int
        var title: String
        var type: String
        /// Inside a collapsed row (drawn open only once `snapshot --expand-rows` exists).
        var collapsed: Bool
        /// PromQL targets (not hidden, not another datasource's).
        var exprs: [String]
    }

    static let directory = repositoryRoot() + "/Tests/Fixtures/PublicDashboards"

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
    }

    let file: String
    let json: [String: Any]

    init(file: String) throws {
        self.file = file
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/" + file))
        json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Before Grafana 5: panels in top-level `rows[]`, no `panels` (Dashboards/Migration's).
    var isOldSchema: Bool { json["panels"] == nil && json["rows"] != nil }

    var panels: [PanelInfo] {
        var out: [PanelInfo] = []
        func visit(_ list: [[String: Any]], collapsed: Bool) {
            for panel in list {
                let type = panel["type"] as? String ?? ""
                if type == "row" {
                    visit(panel["panels"] as? [[String: Any]] ?? [], collapsed: collapsed || (panel["collapsed"] as? Bool ?? false))
                    continue
                }
                let panelType = Self.datasourceType(panel["datasource"])
                let exprs = (panel["targets"] as? [[String: Any]] ?? []).compactMap { target -> String? in
                    guard !(target["hide"] as? Bool ?? false), let expr = target["expr"] as? String,
                          !expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                    let type = Self.datasourceType(target["datasource"]) ?? panelType
                    return type == nil || type == "prometheus" ? expr : nil
                }
                out.append(PanelInfo(id: panel["id"] as? Int ?? -1, title: panel["title"] as? String ?? "", type: type,
                                     collapsed: collapsed, exprs: exprs))
            }
        }
        visit(json["panels"] as? [[String: Any]] ?? [], collapsed: false)
        for row in json["rows"] as? [[String: Any]] ?? [] { visit(row["panels"] as? [[String: Any]] ?? [], collapsed: false) }
        return out
    }

    static func datasourceType(_ value: Any?) -> String? {
        guard let type = (value as? [String: Any])?["type"] as? String, !type.contains("$") else { return nil }
        return type
    }

    /// `allValue` of each variable that has one.
    var allValues: [String: String] {
        var out: [String: String] = [:]
        for variable in variables {
            if let name = variable["name"] as? String, let all = variable["allValue"] as? String, !all.isEmpty { out[name] = all }
        }
        return out
    }

    /// Variables whose values Grafana writes as a regex alternation (multi or includeAll).
    var alternations: Set<String> {
        Set(variables.filter { ($0["multi"] as? Bool ?? false) || ($0["includeAll"] as? Bool ?? false) }.compactMap { $0["name"] as? String })
    }

    var variables: [[String: Any]] { (json["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? [] }

    /// `expr` with `$name`, `${name}`, `${name:fmt}`, `[[name]]` replaced as Grafana's
    /// Prometheus datasource does in substance: one value as is, several as `(a|b)`, no value
    /// as `()` for a multi/All variable and "" otherwise, All as the allValue, or `()` when
    /// the variable has no options (`empty`), else `.*` (a superset of the options); built-in
    /// intervals as fixed plausible durations. Unknown names stay.
    func interpolate(_ expr: String, values: [String: [String]], empty: Set<String> = []) -> String {
        let builtIns: [String: String] = [
            "__rate_interval": "1m", "__interval": "15s", "__interval_ms": "15000", "__range": "1h",
            "__range_s": "3600", "__range_ms": "3600000", "__auto_interval_interval": "1m",
        ]
        let pattern = try? NSRegularExpression(pattern: #"\$\{(\w+)(?:[:.][^}]*)?\}|\[\[(\w+)(?::\w+)?\]\]|\$(\w+)"#)
        var result = expr
        let matches = pattern?.matches(in: expr, range: NSRange(expr.startIndex..., in: expr)) ?? []
        for match in matches.reversed() {
            let name = (1...3).compactMap { Range(match.range(at: $0), in: expr).map { String(expr[$0]) } }.first ?? ""
            let replacement: String
            if let builtIn = builtIns[name] {
                replacement = builtIn
            } else if let chosen = values[name] {
                if chosen.contains("$__all") {
                    replacement = allValues[name] ?? (empty.contains(name) ? "()" : ".*")
                } else if chosen.isEmpty {
                    replacement = alternations.contains(name) ? "()" : ""
                } else if chosen.count == 1 {
                    replacement = chosen[0]
                } else {
                    replacement = "(" + chosen.joined(separator: "|") + ")"
                }
            } else {
                continue
            }
            guard let range = Range(match.range, in: result) else { continue }
            result.replaceSubrange(range, with: replacement)
        }
        return result
    }
}
