import Dashboards
import PromModel
import Render

/// Runs a dashboard's query plan once and groups the answers by panel.
public enum DashboardAnswers {
    public static func run(
        _ dashboard: Dashboard, datasource: any Datasource, from: Timestamp, to: Timestamp, panelWidths: [Int: Int]
    ) async -> [Int: PanelData] {
        // Panels in collapsed rows are queried too: the JSON format reports every panel.
        let plan = QueryPlan(dashboard: dashboard, fromMs: from, toMs: to, panelWidths: panelWidths, includeCollapsed: true)
        let answers = await withTaskGroup(of: (Int, Result<QueryResponse, QueryError>).self) { group in
            for (index, request) in plan.requests.enumerated() {
                group.addTask {
                    do throws(QueryError) {
                        let response = request.instant
                            ? try await datasource.query(request.expr, at: request.endMs)
                            : try await datasource.queryRange(
                                request.expr, range: QueryRange(start: request.startMs, end: request.endMs, step: request.stepMs))
                        return (index, .success(response))
                    } catch {
                        return (index, .failure(error))
                    }
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
        return data
    }
}
