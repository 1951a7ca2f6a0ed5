import Dashboards
import PromModel
import Render

extension ViewerReducer {
    /// Panel frames of the current dashboard on the canvas (zoom not applied).
    func frames(_ state: AppState) -> [PanelRect] {
        guard let dashboard = state.dashboard else { return [] }
        return layout.layout(dashboard, width: state.size.width, height: Geometry.canvasHeight(state.size))
    }

    /// The panels on screen now with the columns each one's graph gets.
    func visibleRequests(_ state: AppState) -> [PanelRequest] {
        guard let dashboard = state.dashboard else { return [] }
        let byID = Dictionary(dashboard.allPanels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let zoomed = state.zoomedPanelID, let panel = byID[zoomed] {
            return [PanelRequest(panel: panel, columns: max(1, state.size.width - 2))]
        }
        let top = state.scroll, bottom = state.scroll + Geometry.canvasHeight(state.size)
        return frames(state).compactMap { frame in
            guard frame.rect.y < bottom, frame.rect.maxY > top, let panel = byID[frame.panelID] else { return nil }
            return PanelRequest(panel: panel, columns: max(1, frame.rect.width - 2))
        }
    }

    /// Starts queries for the visible panels. A panel with a query still in flight is left
    /// alone (never two refreshes of one panel at once); `force` only matters for the
    /// refresh clock.
    func refresh(_ state: inout AppState, now: Timestamp, force: Bool) -> [Effect] {
        if state.adhoc != nil { return refreshAdhoc(&state, now: now) }
        guard let dashboard = state.dashboard else { return [] }
        let busy = Set(state.inFlight.values.flatMap { $0.consumers.map(\.panelID) })
        let requests = visibleRequests(state).filter { !busy.contains($0.panel.id) }
        if force || !requests.isEmpty { state.lastRefreshAt = now }
        guard !requests.isEmpty else { return [] }
        let (start, end) = state.window.resolve(now: now)
        let plan = planner.plan(
            dashboard: dashboard, panels: requests, variables: state.effectiveVariables, start: start, end: end)
        for request in requests {
            var panel = state.panels[request.panel.id] ?? PanelState(scope: request.panel.scopedVariables)
            if panel.scope != request.panel.scopedVariables { panel = PanelState(scope: request.panel.scopedVariables) }
            panel.queries = []
            panel.pending = []
            state.panels[request.panel.id] = panel
        }
        var jobs: [QueryJob] = []
        for query in plan {
            let id = QueryID(state.nextQueryID)
            state.nextQueryID += 1
            state.inFlight[id] = InFlightQuery(key: query.key, consumers: query.consumers, startedAt: now, range: query.range)
            jobs.append(QueryJob(id: id, key: query.key, range: query.range))
            for consumer in query.consumers {
                state.panels[consumer.panelID]?.pending.insert(id)
                state.panels[consumer.panelID]?.queries.append(query.key)
            }
        }
        return jobs.isEmpty ? [] : [.runQueries(jobs), .redraw]
    }

    /// The `:` query, over the current window, with the step of a full-width graph.
    func refreshAdhoc(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let adhoc = state.adhoc, adhoc.panel.pending.isEmpty else { return [] }
        state.lastRefreshAt = now
        let panel = Panel(id: AdhocState.panelID, type: "timeseries", targets: [Target(refId: "A", expr: adhoc.expr)])
        let (start, end) = state.window.resolve(now: now)
        let plan = planner.plan(
            dashboard: state.dashboard ?? Dashboard(uid: "adhoc", title: "Ad-hoc"),
            panels: [PanelRequest(panel: panel, columns: max(1, state.size.width - 2))],
            variables: state.effectiveVariables, start: start, end: end)
        var jobs: [QueryJob] = []
        state.adhoc?.panel.queries = []
        for query in plan {
            let id = QueryID(state.nextQueryID)
            state.nextQueryID += 1
            state.inFlight[id] = InFlightQuery(key: query.key, consumers: query.consumers, startedAt: now, range: query.range)
            state.adhoc?.panel.pending.insert(id)
            state.adhoc?.panel.queries.append(query.key)
            jobs.append(QueryJob(id: id, key: query.key, range: query.range))
        }
        return jobs.isEmpty ? [] : [.runQueries(jobs), .redraw]
    }

    /// Cancels everything in flight; their answers will be ignored.
    func cancelAll(_ state: inout AppState) -> [Effect] {
        guard !state.inFlight.isEmpty else { return [] }
        let ids = state.inFlight.keys.sorted()
        state.inFlight = [:]
        for id in state.panels.keys { state.panels[id]?.pending = [] }
        state.adhoc?.panel.pending = []
        return [.cancelQueries(ids)]
    }

    /// Time range or variables changed: what is running is for the old question.
    func restart(_ state: inout AppState, now: Timestamp) -> [Effect] {
        var effects = cancelAll(&state)
        effects += refresh(&state, now: now, force: true)
        effects.append(.redraw)
        if let interval = state.refreshInterval, !state.paused { effects.append(.scheduleTick(at: now + interval)) }
        return effects
    }

    /// A dashboard became current: fresh panel states, options for its variables, queries.
    func activateDashboard(_ state: inout AppState, now: Timestamp) -> [Effect] {
        var effects = cancelAll(&state)
        state.panels = [:]
        state.scroll = 0
        state.zoomedPanelID = nil
        let firstPanel = frames(state).min { ($0.rect.y, $0.rect.x) < ($1.rect.y, $1.rect.x) }
        state.focusedPanelID = firstPanel?.panelID
        effects += requestVariableOptions(&state, now: now, force: true)
        effects += refresh(&state, now: now, force: true)
        effects.append(.fullRedraw)
        if let interval = state.refreshInterval, !state.paused { effects.append(.scheduleTick(at: now + interval)) }
        return effects
    }
}
