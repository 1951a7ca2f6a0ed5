import App
import Dashboards
import PromModel
import Terminal

/// The queries the viewer sends for one dashboard at 160×45 over now-1h..now, planned by the
/// viewer's own code: the reducer's start event asks for the variables' options (answered
/// from `datasource`, which keeps every variable at its default, All), then the viewer's
/// layout gives every panel its columns and the dashboards module's plan turns them into queries.
/// Every panel is planned, not only the first screen's, as if the user scrolled through.
enum DashboardQueries {
    static let size = TerminalSize(width: 160, height: 45)

    static func plan(_ dashboard: Dashboard, now: Timestamp, datasource: some Datasource) async throws -> [ViewerQuery] {
        let reducer = ViewerReducer()
        var state = AppState(dashboards: [dashboard], window: try TimeWindow(from: "now-1h", to: "now", now: now), size: size)
        for effect in reducer.reduce(&state, .start, now: now) {
            guard case .loadVariableOptions(let request) = effect else { continue }
            let result: Result<[String], QueryError>
            do {
                result = .success(try await datasource.labelValues(request.label, matching: request.selectors, start: request.start, end: request.end))
            } catch {
                result = .failure(error)
            }
            _ = reducer.reduce(&state, .variableOptions(dashboardUID: request.dashboardUID, name: request.name, result), now: now)
        }
        let frames = state.layout?.placements ?? []
        let panels = Set(dashboard.allPanels.map(\.id))
        // The columns a panel's graph gets, as ViewerReducer.visibleWidths gives them.
        var widths: [Int: Int] = [:]
        for frame in frames where panels.contains(frame.panelID) { widths[frame.panelID] = max(1, frame.rect.width - 2) }
        let (start, end) = state.window.resolve(now: now)
        return reducer.plan(dashboard, widths: widths, variables: state.effectiveVariables, start: start, end: end)
    }

    /// Runs one planned query, as the viewer's run loop does: instant at the range's end.
    static func run(_ query: ViewerQuery, on datasource: some Datasource) async throws -> QueryResponse {
        if query.key.instant { return try await datasource.query(query.key.expr, at: query.range.end) }
        return try await datasource.queryRange(query.key.expr, range: query.range)
    }

    static func seriesCount(_ result: QueryResult) -> Int {
        switch result {
        case .vector(let samples): samples.count
        case .matrix(let series): series.count
        case .scalar, .string: 1
        }
    }
}
