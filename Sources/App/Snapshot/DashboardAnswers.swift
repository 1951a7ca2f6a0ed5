import Dashboards
import PromModel
import Render

/// Runs a dashboard's query plan once and groups the answers by panel.
public enum DashboardAnswers {
    public static func run(
        _ dashboard: Dashboard, datasource: any Datasource, named: [String: any Datasource] = [:],
        catalog: DatasourceCatalog = DatasourceCatalog(), from: Timestamp, to: Timestamp, panelWidths: [Int: Int]
    ) async -> [Int: PanelData] {
        // Panels in collapsed rows are queried too: the JSON format reports every panel.
        let plan = QueryPlan(dashboard: dashboard, fromMs: from, toMs: to, panelWidths: panelWidths, includeCollapsed: true, datasources: catalog)
        let datasources = DatasourceSet(default: datasource, byName: named)
        let gate = ConnectionGate()
        let answers = await withTaskGroup(of: (Int, Result<QueryResponse, QueryError>).self) { group in
            for (index, request) in plan.requests.enumerated() {
                group.addTask {
                    let job = QueryJob(
                        id: QueryID(index),
                        key: QueryKey(expr: request.expr, step: request.instant ? 0 : request.stepMs, instant: request.instant, datasource: request.datasource),
                        range: QueryRange(start: request.startMs, end: request.endMs, step: request.stepMs))
                    return (index, await HeadlessViewer.send(job, to: datasources, gate: gate))
                }
            }
            var byIndex: [Int: Result<QueryResponse, QueryError>] = [:]
            for await (index, outcome) in group { byIndex[index] = outcome }
            return byIndex
        }
        var data: [Int: PanelData] = [:]
        for (index, request) in plan.requests.enumerated() {
            guard let outcome = answers[index] else { continue }
            for consumer in request.consumers {
                var panel = data[consumer.panelID] ?? PanelData(
                    range: QueryRange(start: request.startMs, end: request.endMs, step: request.stepMs), time: to)
                panel.results.append(TargetResult(refId: consumer.refID, outcome: outcome, expr: request.expr, legendFormat: consumer.legendFormat))
                data[consumer.panelID] = panel
            }
        }
        // Targets whose datasource is not configured: an error on their panel, never sent elsewhere.
        for failure in plan.failures {
            var panel = data[failure.panelID] ?? PanelData(range: QueryRange(start: from, end: to, step: 1), time: to)
            let error = QueryError(.configuration, failure.error.message, summary: failure.error.summary)
            panel.results.append(TargetResult(refId: failure.refID, outcome: .failure(error), expr: failure.expr, legendFormat: ""))
            data[failure.panelID] = panel
        }
        return data
    }
}
