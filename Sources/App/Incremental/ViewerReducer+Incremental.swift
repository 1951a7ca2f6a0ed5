import Dashboards
import PromModel

extension ViewerReducer {
    /// What an incremental refresh of `query` must keep equal, or nil when it must ask the
    /// whole window. As Grafana's query cache: only windows ending now (`rangeRaw.to ==
    /// 'now'`), keyed by the raw window, so a time-range change asks everything again; and not
    /// for a target that uses `$__range` (each point then depends on the whole window).
    func incrementalSignature(_ state: AppState, query: ViewerQuery, targets: (PanelTarget) -> String?) -> String? {
        guard !query.key.instant, case .relative(_, offset: 0) = state.window else { return nil }
        let dependsOnRange = query.consumers.contains { consumer in
            VariableReference.scan(targets(consumer) ?? "").contains { $0.name.hasPrefix("__range") }
        }
        return dependsOnRange ? nil : state.window.description
    }

    /// The raw expression of a dashboard panel's target.
    static func rawExpression(_ dashboard: Dashboard) -> (PanelTarget) -> String? {
        var panels: [Int: Panel] = [:]
        for panel in dashboard.allPanels { panels[panel.id] = panel }
        return { consumer in panels[consumer.panelID]?.targets.first { $0.refId == consumer.refID }?.expr }
    }
}
