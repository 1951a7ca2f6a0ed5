import Dashboards
import Foundation
import PromModel
import PromQL

/// Enter on an alert: the dashboard panel whose queries use the alert rule's metrics.
enum AlertPanelJump {
    /// The expression in Prometheus's graph link for a rule, `…/graph?g0.expr=<expr>&g0.tab=1`
    /// (prometheus/prometheus rules/alerting.go builds it with `strutil.TableLinkForExpression`,
    /// which escapes with Go's `url.QueryEscape`: spaces as `+`, a literal `+` as `%2B`).
    static func expr(fromGeneratorURL url: String) -> String? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "g0.expr" else { continue }
            let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            return value.isEmpty ? nil : value
        }
        return nil
    }

    struct Target: Hashable {
        var dashboardIndex: Int
        var panelID: Int
        var title: String
    }

    /// The current dashboard's panel sharing the most metric names with `expr`, else the
    /// first other dashboard's; nil when no panel uses any of them (or `expr` does not parse).
    /// Panel queries are interpolated with the dashboard's variables first, since
    /// `[$__rate_interval]` and friends would not parse as written.
    static func target(for expr: String, in state: AppState, calculator: IntervalCalculator) -> Target? {
        guard let wanted = try? parsePromQL(expr).metricNames, !wanted.isEmpty else { return nil }
        let wantedSet = Set(wanted)
        let builtIns = calculator.intervals(rangeMs: 3_600_000, maxDataPoints: 100).builtInValues
        let others = state.dashboards.indices.filter { $0 != state.dashboardIndex }
        for index in [state.dashboardIndex] + others {
            let isCurrent = index == state.dashboardIndex
            guard let dashboard = isCurrent ? state.dashboard : state.dashboards[index] else { continue }
            let interpolator = TemplateInterpolator(variables: isCurrent ? state.effectiveVariables : dashboard.variables, builtIns: builtIns)
            var best: (score: Int, panel: Panel)?
            for panel in dashboard.allPanels {
                let names = Set(panel.targets.filter { !$0.hide && !$0.expr.isEmpty }.flatMap { target in
                    (try? parsePromQL(interpolator.interpolate(target.expr)).metricNames) ?? []
                })
                let score = names.intersection(wantedSet).count
                if score > (best?.score ?? 0) { best = (score, panel) }
            }
            if let best { return Target(dashboardIndex: index, panelID: best.panel.id, title: best.panel.title) }
        }
        return nil
    }
}
