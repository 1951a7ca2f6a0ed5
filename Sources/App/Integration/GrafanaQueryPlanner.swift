import Dashboards
import PromModel

/// The dashboards module's planner behind the viewer's planning seam: Grafana's
/// `$__interval`/`$__rate_interval` rules, variable formats and step alignment, with the
/// viewer's visible panels and their widths.
public struct GrafanaQueryPlanner: QueryPlanning {
    public var calculator: IntervalCalculator

    public init(calculator: IntervalCalculator = IntervalCalculator()) {
        self.calculator = calculator
    }

    public func plan(
        dashboard: Dashboard, panels: [PanelRequest], variables: [Variable],
        start: Timestamp, end: Timestamp
    ) -> [ViewerQuery] {
        // Plan only the requested (visible) panels, flattened out of their rows.
        var visible = dashboard
        visible.panels = panels.map(\.panel)
        let widths = Dictionary(panels.map { ($0.panel.id, $0.columns) }, uniquingKeysWith: { first, _ in first })
        let plan = QueryPlan(
            dashboard: visible, variables: variables, fromMs: start, toMs: end,
            panelWidths: widths, calculator: calculator)
        return plan.requests.map { request in
            let step = request.instant ? 0 : request.stepMs
            return ViewerQuery(
                key: QueryKey(expr: request.expr, step: step, instant: request.instant),
                range: QueryRange(start: request.startMs, end: request.endMs, step: max(1, request.stepMs)),
                consumers: request.consumers.map { PanelTarget(panelID: $0.panelID, refID: $0.refID) })
        }
    }
}
