import Dashboards
import PromModel
import Render
import TerminalTypes

/// The frame for a state: the viewer's chrome (header, footer, dialog) as Render's models,
/// the panels' answers as Render's `PanelData`, all drawn by Render's `DashboardRenderer`,
/// the one frame renderer, so `snapshot` of a state and the viewer's screen are the same.
///
/// Seam: `Viewer.run` takes any `(AppState, TerminalSize, Timestamp) -> Buffer`; this is the
/// built-in one.
public struct FrameRenderer: Sendable {
    public var renderer: DashboardRenderer
    private let cache = PanelRenderCache()
    public static let minimumSize = TerminalSize(width: DashboardRenderer.minimumWidth, height: DashboardRenderer.minimumHeight)

    public init(options: RenderOptions = RenderOptions()) {
        renderer = DashboardRenderer(options: options)
    }

    public func render(_ state: AppState, size: TerminalSize, now: Timestamp) -> Buffer {
        frame(state, size: size, now: now).buffer
    }

    public func frame(_ state: AppState, size: TerminalSize, now: Timestamp) -> DashboardFrame {
        if let explorer = state.metricExplorer {
            // Under the explorer: its metric's ad-hoc panel, or an empty body it draws over.
            var beneath = state
            beneath.metricExplorer = nil
            return MetricExplorerFrame.frame(explorer, state, size: size, renderer: renderer) { size in
                if beneath.adhoc != nil { return frame(beneath, size: size, now: now) }
                let view = DashboardViewState(focusedPanelID: nil, scroll: 0, zoomedPanelID: nil, header: header(state, now: now),
                                              footer: footer(state), dialog: ViewerDialogs.dialog(state, now: now))
                return renderer.render(dashboard: Dashboard(uid: "metrics", title: ""), data: [:], width: size.width, height: size.height, state: view)
            }
        }
        var view = DashboardViewState(
            focusedPanelID: state.focusedPanelID, scroll: state.scroll, zoomedPanelID: state.zoomedPanelID,
            header: header(state, now: now), footer: footer(state), dialog: ViewerDialogs.dialog(state, now: now))
        if let adhoc = state.adhoc {
            let panel = adhoc.asPanel
            let (start, end) = state.window.resolve(now: now)
            view.zoomedPanelID = panel.id
            view.focusedPanelID = panel.id
            if adhoc.asTable { view.tableExplorer = state.explore.table } else { view.explorer = state.explore.series }
            if !adhoc.panel.pending.isEmpty { view.refreshingPanelIDs = [panel.id] }
            let data = Self.data(panel: panel, state: adhoc.panel, now: now, start: start, end: end)
            return renderer.render(
                dashboard: Dashboard(uid: "adhoc", title: "", panels: [panel]), data: data.map { [panel.id: $0] } ?? [:],
                width: size.width, height: size.height, state: view, cache: cache)
        }
        guard let dashboard = state.dashboard else {
            view.dialog = view.dialog ?? DialogModel(
                title: "promdeck", lines: [DialogModel.Line("No dashboards loaded. Pass --dashboards DIR, or try `promdeck demo`.")],
                footer: "q quit")
            return renderer.render(dashboard: Dashboard(uid: "", title: ""), data: [:], width: size.width, height: size.height, state: view)
        }
        // The range as of the last refresh, as Grafana draws it: the axes move when new data
        // comes, not on every frame (a paused dashboard keeps its axes).
        let (start, end) = state.window.resolve(now: state.lastRefreshAt ?? now)
        view.context = Self.listContext(state)
        if state.exploredPanel != nil { view.explorer = state.explore.series }
        if state.exploredTable != nil { view.tableExplorer = state.explore.table }
        if state.zoomedDashList != nil { view.dashListCursor = state.cursors.dashList }
        var data: [Int: PanelData] = [:]
        for panel in dashboard.panels + dashboard.allPanels where panel.type != "row" {
            let known = state.panels[panel.id] ?? PanelState()
            // A repeated copy whose id now stands for another value does not show the old value's data.
            let panelState = known.scope == panel.scopedVariables ? known : PanelState(scope: panel.scopedVariables)
            if Self.showsRefreshing(panelState) { view.refreshingPanelIDs.insert(panel.id) }
            data[panel.id] = Self.data(panel: panel, state: panelState, now: now, start: start, end: end)
        }
        // The state's layout is for its own size; a frame of another size lays out afresh.
        let layout = size == state.size ? state.layout : nil
        return renderer.render(dashboard: dashboard, data: data, width: size.width, height: size.height, state: view, layout: layout, cache: cache)
    }

    private func header(_ state: AppState, now: Timestamp) -> HeaderModel {
        let title: String, position: String?
        var variables: [HeaderModel.Variable] = []
        if state.metricExplorer != nil && state.adhoc == nil {
            (title, position) = ("Metrics", nil)
        } else if let adhoc = state.adhoc {
            (title, position) = (": " + adhoc.expr, nil)
        } else if let dashboard = state.dashboard {
            title = dashboard.title.isEmpty ? dashboard.uid : dashboard.title
            position = state.dashboards.count > 1 ? "\(state.dashboardIndex + 1)/\(state.dashboards.count)" : nil
            for variable in dashboard.variables where variable.hide != 2 {
                let values = state.selections[dashboard.uid]?[variable.name] ?? variable.current
                variables.append(HeaderModel.Variable(name: variable.name, value: ViewerDialogs.display(values)))
            }
        } else {
            (title, position) = ("promdeck: no dashboards", nil)
        }
        // The live viewer's header also says how current the screen is; `snapshot`'s (no
        // datasources known) stays as it was.
        let range = state.window.resolve(now: state.lastRefreshAt ?? now)
        let absolute = state.header.absoluteTime ? (from: range.start, to: range.end) : nil
        var clock = absolute.map { HeaderClock(now: now, absoluteRange: $0) }
        if !state.header.datasources.isEmpty {
            let next = state.paused ? nil : state.refreshInterval.flatMap { interval in state.lastRefreshAt.map { $0 + interval } }
            clock = HeaderClock(now: now, lastUpdate: state.header.lastAnswerAt, nextRefresh: next, absoluteRange: absolute)
        }
        return HeaderModel(
            title: title, position: position, variables: variables, timeRange: state.window.description,
            refresh: state.refreshInterval.map(PrometheusDuration.format), paused: state.paused, busy: Self.showsBusy(state),
            datasources: state.header.datasources, clock: clock)
    }

    private func footer(_ state: AppState) -> FooterModel {
        if case .prompt(let prompt) = state.overlay { return .prompt(prompt.line(history: state.promptHistory)) }
        if let status = state.status { return .status(status.text, isError: status.isError) }
        let filter = state.activeFilter
        if state.explore.editingFilter {
            return .filter(filter, editing: true, hints: [FooterModel.Hint("Enter", "keep"), FooterModel.Hint("Esc", "clear")])
        }
        if !filter.isEmpty, state.filterTarget != .none {
            return .filter(filter, editing: false, hints: [FooterModel.Hint("Esc", "clear filter"), FooterModel.Hint("/", "edit")] + KeyMap.footerHints(state))
        }
        // A query that went out with an empty value is never hidden.
        if let uid = state.sourceDashboard?.uid, let problems = VariableDisplay.problems(state.variableErrors[uid] ?? [:]) {
            return .status(problems, isError: true)
        }
        return .hints(KeyMap.footerHints(state))
    }

    /// Queries slower than this get the ⟳ mark while they run again.
    static let slowRefreshMs: Int64 = 500

    /// The ⟳ mark where a refresh will be seen waiting: the panel's last refresh was slow or
    /// failed. A fast steady refresh then changes no cell of a panel whose data did not change
    /// (the mark would cost two repaints of every corner per refresh).
    static func showsRefreshing(_ state: PanelState) -> Bool {
        guard !state.pending.isEmpty else { return false }
        switch state.status(now: state.lastSuccess ?? 0) {
        case .ok, .noData: return (state.lastDuration ?? 0) >= slowRefreshMs
        default: return true
        }
    }

    /// The header's busy mark, by the panels' rule: a query out for a panel without data or
    /// with a slow or failed last refresh (the `:` query's panel has no state: always).
    static func showsBusy(_ state: AppState) -> Bool {
        state.inFlight.values.contains { query in
            query.consumers.contains { consumer in state.panels[consumer.panelID].map(showsRefreshing) ?? true }
        }
    }

    /// nil while nothing has arrived yet (the renderer shows "loading").
    static func data(panel: Panel, state: PanelState, now: Timestamp, start: Timestamp, end: Timestamp) -> PanelData? {
        var results: [TargetResult] = []
        for target in panel.targets where !target.hide {
            if let result = state.results[target.refId] {
                let answered = state.answeredQueries[target.refId]
                results.append(TargetResult(refId: target.refId, result: result, expr: answered?.expr, legendFormat: answered?.legendFormat))
            } else if let error = state.lastError {
                // A target with nothing to show failed: the renderer marks the panel as an
                // error when all did, or lists the failures when only some did.
                results.append(TargetResult(refId: target.refId, error: error))
            }
        }
        let status = state.status(now: now)
        if results.isEmpty, case .loading = status { return nil }
        var staleAge: Int?, staleReason: String?
        if case .stale(let age) = status { (staleAge, staleReason) = (age, state.lastError?.summary) }
        // The range only places the x axis: the one the data was fetched for, so the axis moves
        // with the data (and an unchanged refresh draws nothing new).
        let range = state.range ?? QueryRange(start: start, end: end, step: 15_000)
        return PanelData(
            results: results, range: range, time: range.end,
            // Loading only shows on a panel with nothing yet; kept off otherwise so a refresh
            // leaves the drawing's inputs (and its cached drawing) as they were.
            isLoading: !state.pending.isEmpty && results.isEmpty, staleAge: staleAge, staleReason: staleReason)
    }

    /// What the alert and dashboard list panels show: the alerts last fetched for the
    /// alerts view, and the loaded dashboards with the one on screen marked.
    static func listContext(_ state: AppState) -> PanelContext {
        let current = state.sourceDashboard?.uid
        var context = PanelContext(dashboards: (state.listedDashboards ?? state.dashboards).enumerated().map { index, dashboard in
            let isCurrent = state.listedDashboards == nil ? index == state.dashboardIndex : dashboard.uid == current
            return DashListModel.Item(uid: dashboard.uid, title: dashboard.title, tags: dashboard.tags, current: isCurrent)
        })
        if case .loaded(let alerts, let at) = state.alerts {
            context.alerts = alerts
            context.alertsTime = at
        }
        return context
    }
}
