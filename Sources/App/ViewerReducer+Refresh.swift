import Dashboards
import PromModel
import Render

extension ViewerReducer {
    /// Panel frames of the current dashboard on the canvas (zoom not applied).
    func frames(_ state: AppState) -> [PanelPlacement] {
        state.layout?.placements ?? []
    }

    /// The panels on screen now with the columns each one's graph gets.
    func visibleWidths(_ state: AppState) -> [Int: Int] {
        guard let dashboard = state.dashboard else { return [:] }
        let known = Set(dashboard.allPanels.map(\.id))
        if let zoomed = state.zoomedPanelID, known.contains(zoomed) { return [zoomed: max(1, state.size.width - 2)] }
        let top = state.scroll, bottom = state.scroll + Geometry.canvasHeight(state.size)
        var widths: [Int: Int] = [:]
        for frame in frames(state) where frame.rect.y < bottom && frame.rect.maxY > top && known.contains(frame.panelID) {
            widths[frame.panelID] = max(1, frame.rect.width - 2)
        }
        return widths
    }

    /// The queries for these panels (id → columns), from the dashboards module's plan:
    /// Grafana's interval rules, variable formats and step alignment, deduplicated.
    public func plan(
        _ dashboard: Dashboard, widths: [Int: Int], variables: [Variable], start: Timestamp, end: Timestamp,
        datasources: DatasourceCatalog = DatasourceCatalog()
    ) -> [ViewerQuery] {
        planWithFailures(dashboard, widths: widths, variables: variables, start: start, end: end, datasources: datasources).queries
    }

    /// The plan's queries, and the targets it could not send (unknown datasource).
    func planWithFailures(
        _ dashboard: Dashboard, widths: [Int: Int], variables: [Variable], start: Timestamp, end: Timestamp,
        datasources: DatasourceCatalog
    ) -> (queries: [ViewerQuery], failures: [PlannedFailure]) {
        let plan = QueryPlan(
            dashboard: dashboard, variables: variables, fromMs: start, toMs: end, panelWidths: widths,
            includeCollapsed: true, only: Set(widths.keys), calculator: calculator, datasources: datasources)
        return (plan.requests.map { request in
            ViewerQuery(
                key: QueryKey(expr: request.expr, step: request.instant ? 0 : request.stepMs, instant: request.instant, datasource: request.datasource),
                range: QueryRange(start: request.startMs, end: request.endMs, step: max(1, request.stepMs)),
                consumers: request.consumers.map { PanelTarget(panelID: $0.panelID, refID: $0.refID, legendFormat: $0.legendFormat) })
        }, plan.failures)
    }

    /// Starts queries for the visible panels (or those of `only`). A panel with a query still
    /// in flight is left alone (never two refreshes of one panel at once), and one that uses a
    /// loading variable waits for it (`panelsAwaitingVariables`); `force` only matters for
    /// the refresh clock.
    func refresh(_ state: inout AppState, now: Timestamp, force: Bool, only: Set<Int>? = nil) -> [Effect] {
        if state.adhoc != nil { return refreshAdhoc(&state, now: now) }
        guard let dashboard = state.dashboard else { return [] }
        let busy = Set(state.inFlight.values.flatMap { $0.consumers.map(\.panelID) })
        var widths = visibleWidths(state).filter { !busy.contains($0.key) && only?.contains($0.key) ?? true }
        let held = panelsWaitingForVariables(state, among: widths.keys)
        state.panelsAwaitingVariables.subtract(widths.keys)
        state.panelsAwaitingVariables.formUnion(held)
        widths = widths.filter { !held.contains($0.key) }
        if force || !widths.isEmpty { state.lastRefreshAt = now }
        guard !widths.isEmpty else { return [] }
        let alertEffects = refreshAlertList(&state, dashboard: dashboard, visible: Set(widths.keys))
        let (start, end) = state.window.resolve(now: now)
        let (plan, failures) = planWithFailures(
            dashboard, widths: widths, variables: state.effectiveVariables, start: start, end: end, datasources: state.datasources)
        for panel in dashboard.allPanels where widths[panel.id] != nil {
            var known = state.panels[panel.id] ?? PanelState(scope: panel.scopedVariables)
            if known.scope != panel.scopedVariables { known = PanelState(scope: panel.scopedVariables) }
            known.queries = []
            known.pending = []
            state.panels[panel.id] = known
        }
        // A target whose datasource is not configured fails on its panel at once, never sent elsewhere.
        for failure in failures {
            state.panels[failure.panelID]?.results[failure.refID] = nil
            state.panels[failure.panelID]?.lastError = QueryError(.configuration, failure.error.message, summary: failure.error.summary)
            state.panels[failure.panelID]?.lastErrorAt = now
        }
        var jobs: [QueryJob] = []
        let raw = Self.rawExpression(dashboard)
        for query in plan {
            let id = QueryID(state.nextQueryID)
            state.nextQueryID += 1
            state.inFlight[id] = InFlightQuery(key: query.key, consumers: query.consumers, startedAt: now, range: query.range)
            jobs.append(QueryJob(id: id, key: query.key, range: query.range, incremental: incrementalSignature(state, query: query, targets: raw)))
            for consumer in query.consumers {
                state.panels[consumer.panelID]?.pending.insert(id)
                state.panels[consumer.panelID]?.queries.append(query.key)
            }
        }
        return alertEffects + (jobs.isEmpty ? [] : [.runQueries(jobs), .redraw])
    }

    /// An alert list panel on screen fetches the alerts with each refresh, as Grafana's
    /// does (not only once the `a` view was opened); the last list stays drawn meanwhile.
    func refreshAlertList(_ state: inout AppState, dashboard: Dashboard, visible: Set<Int>) -> [Effect] {
        guard dashboard.allPanels.contains(where: { $0.type == "alertlist" && visible.contains($0.id) }) else { return [] }
        switch state.alerts {
        case .loading: return []
        case .loaded: break
        case .notLoaded, .failed: state.alerts = .loading
        }
        return [.fetchAlerts]
    }

    /// The `:` query, over the current window, with the step of a full-width graph.
    func refreshAdhoc(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let adhoc = state.adhoc, adhoc.panel.pending.isEmpty else { return [] }
        state.lastRefreshAt = now
        let panel = Panel(id: AdhocState.panelID, type: "timeseries", targets: [Target(refId: "A", expr: adhoc.expr)])
        let (start, end) = state.window.resolve(now: now)
        let plan = plan(
            Dashboard(uid: "adhoc", title: state.dashboard?.title ?? "Ad-hoc", panels: [panel]),
            widths: [panel.id: max(1, state.size.width - 2)], variables: state.effectiveVariables, start: start, end: end)
        var jobs: [QueryJob] = []
        state.adhoc?.panel.queries = []
        for query in plan {
            let id = QueryID(state.nextQueryID)
            state.nextQueryID += 1
            state.inFlight[id] = InFlightQuery(key: query.key, consumers: query.consumers, startedAt: now, range: query.range)
            state.adhoc?.panel.pending.insert(id)
            state.adhoc?.panel.queries.append(query.key)
            jobs.append(QueryJob(id: id, key: query.key, range: query.range,
                                 incremental: incrementalSignature(state, query: query) { _ in adhoc.expr }))
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
        state.panelsAwaitingVariables = []
        state.scroll = 0
        state.zoomedPanelID = nil
        state.explore = ExploreState()
        let firstPanel = frames(state).min { ($0.rect.y, $0.rect.x) < ($1.rect.y, $1.rect.x) }
        state.focusedPanelID = firstPanel?.panelID
        effects += requestVariableOptions(&state, now: now, force: true)
        effects += refresh(&state, now: now, force: true)
        effects.append(.fullRedraw)
        if let interval = state.refreshInterval, !state.paused { effects.append(.scheduleTick(at: now + interval)) }
        return effects
    }
}

extension ViewerReducer {
    /// Marks the query's datasource reachable or not by how it answered (a server that
    /// answers with an error is up; the panel shows the error): the header shows each
    /// server's health, and a banner while one is unreachable.
    func noteHealth(_ id: QueryID, error: QueryError?, _ state: inout AppState, now: Timestamp) {
        let name = state.datasources.routes ? (state.inFlight[id]?.key.datasource ?? state.datasources.defaultName) : nil
        state.header.record(error.map { .failure($0) } ?? .success(()), datasource: name, at: now)
    }
}
