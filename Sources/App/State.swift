import Dashboards
import Render
import PromModel
import PromQL
import TerminalTypes

/// The whole viewer as a value: what is shown, what is running, what the user has chosen.
public struct AppState: Hashable, Sendable {
    /// Fixed for the state's life (what it derives is keyed by the index into these).
    public private(set) var dashboards: [Dashboard]
    public var dashboardIndex = 0
    /// What dashboard list panels list when not the dashboards loaded (`snapshot` loads one
    /// and lists the others it found); the current one is marked by uid.
    public var listedDashboards: [Dashboard]?
    public var window: TimeWindow
    /// `--refresh` wins over the dashboard's own `refresh`.
    public var refreshOverride: Int64?
    public var paused = false
    public var size: TerminalSize
    /// The focused panel or row header.
    public var focusedPanelID: Int?
    public var zoomedPanelID: Int?
    /// Rows the user opened or closed, per dashboard uid: their state is the saved one flipped.
    public var toggledRows: [String: Set<Int>] = [:]
    /// Every row open to start with, whatever was saved (`--expand-rows` on `snapshot`, `view`, `demo`).
    public var allRowsOpen = false
    /// First canvas line shown (dashboards taller than the screen scroll).
    public var scroll = 0
    public var overlay: Overlay?
    /// Per panel of the current dashboard.
    public var panels: [Int: PanelState] = [:]
    public var inFlight: [QueryID: InFlightQuery] = [:]
    /// Selected values per dashboard uid and variable name (`--var` seeds these).
    public var selections: [String: [String: [String]]] = [:]
    /// Variables set with `--var`: their value stands whatever options load.
    public var pinnedVariables: Set<String> = []
    /// Known options per dashboard uid and variable name.
    public var variableOptions: [String: [String: [String]]] = [:]
    /// The interpolated query last sent for a variable's options, per dashboard uid and name.
    public var variableQueries: [String: [String: String]] = [:]
    /// Variables whose options are being loaded, per dashboard uid: panels that use them, or
    /// a variable that depends on them, wait for the answer.
    public var variablesLoading: [String: Set<String>] = [:]
    /// Panels on screen held back by loading variables: queried once those settle.
    public var panelsAwaitingVariables: Set<Int> = []
    /// Variables that cannot be loaded (a reference cycle), per dashboard uid and name.
    public var variableErrors: [String: [String: String]] = [:]
    public var status: StatusMessage?
    public var promptHistory: [String] = []
    /// The `:` prompt's completion answers and the one Tab waits for.
    public var completions = CompletionCache()
    public var adhoc: AdhocState?
    /// The `/` filters and the zoomed graph's legend list and cursor.
    public var explore = ExploreState()
    /// The metric explorer (`m`), while open.
    public var metricExplorer: MetricExplorerState?
    /// The help's scroll, inspect's value cursor and a zoomed dashboard list's cursor.
    public var cursors = ListCursors()
    public var alerts: AlertsState = .notLoaded
    /// Alertmanager's alerts and silences for the `a` view; `.notConfigured` without a URL.
    public var alertmanager: AlertmanagerState = .notConfigured
    /// The `a` view's tab, list cursors, sort and silence form.
    public var alertsView = AlertsViewState()
    /// Who silences are created by (`$USER`, read once at start by the command, not here).
    public var userName = ""
    public var nextQueryID = 1
    public var lastRefreshAt: Timestamp?
    /// The header's datasource health, last update and range display.
    public var header = HeaderState()
    /// Where `e` writes CSV files.
    public var exportDirectory: String
    /// What datasource references resolve against (uids and names of the configured ones).
    public var datasources: DatasourceCatalog = DatasourceCatalog()
    /// The PromQL the `:` prompt checks a query against (`--promql-version`, else the
    /// datasource's `promql_version`): a 2.42 server rejects 3.x syntax, so must the prompt.
    public var promQLVersion: PromQLVersion = .v3
    private let derivations = Derivations()

    /// `datasourceNames` are the options of datasource variables (the configured datasources,
    /// the one in use first); `notices` open as a dismissible overlay.
    public init(
        dashboards: [Dashboard], window: TimeWindow, size: TerminalSize, refreshOverride: Int64? = nil,
        dashboardIndex: Int = 0, variables: [String: [String]] = [:], exportDirectory: String = ".",
        datasourceNames: [String] = [], notices: [String] = [], datasources: DatasourceCatalog = DatasourceCatalog()
    ) {
        self.datasources = datasources
        self.dashboards = dashboards
        self.window = window
        self.size = size
        self.refreshOverride = refreshOverride
        self.dashboardIndex = dashboards.indices.contains(dashboardIndex) ? dashboardIndex : 0
        self.exportDirectory = exportDirectory
        pinnedVariables = Set(variables.keys)
        if !notices.isEmpty { overlay = .notice(lines: notices) }
        for dashboard in dashboards {
            var chosen: [String: [String]] = [:]
            for variable in dashboard.variables { chosen[variable.name] = VariableResolver.settle(variable, override: variables[variable.name]).current }
            selections[dashboard.uid] = chosen
            var options: [String: [String]] = [:]
            for variable in dashboard.variables where !variable.options.isEmpty { options[variable.name] = variable.options }
            // Grafana lists the datasources of the variable's plugin type: here, the configured ones.
            for variable in dashboard.variables where variable.kind == .datasource && !datasourceNames.isEmpty {
                var settled = variable
                settled.current = chosen[variable.name] ?? []
                (options[variable.name], chosen[variable.name]) = VariableResolver.datasourceOptions(settled, catalog: datasources, names: datasourceNames)
            }
            selections[dashboard.uid] = chosen
            variableOptions[dashboard.uid] = options
        }
    }

    /// The current dashboard as drawn and queried: panel and row repeats expanded for the
    /// current selections and loaded options, so a change to either re-expands it, and the
    /// rows the user toggled opened or closed (only open rows' panels are laid out and queried).
    public var dashboard: Dashboard? {
        guard let source = sourceDashboard else { return nil }
        // Expanded once per change of what it depends on, not on every access.
        return derivations.dashboard(dashboardKey(source)) {
            // Most dashboards have no repeats and no variables in their titles: they skip the variables.
            let hasRepeats = RepeatExpansion.hasRepeats(source)
            var expanded = source
            if hasRepeats || source.hasTextReferences {
                let variables = effectiveVariables(of: source)
                expanded = (hasRepeats ? RepeatExpansion.expand(source, variables: variables) : source).interpolatingTexts(variables: variables)
            }
            var toggles = toggledRows[source.uid] ?? []
            // All open to start with; a row the user toggles since then closes again.
            if allRowsOpen { toggles = toggles.symmetricDifference(expanded.collapsedRowIDs) }
            return expanded.togglingRows(toggles).filteringPanels(title: explore.panelFilter)
        }
    }

    /// The variables each panel of the current dashboard uses in its queries, by panel id.
    var panelVariableReferences: [Int: Set<String>] {
        guard let source = sourceDashboard, let dashboard else { return [:] }
        return derivations.variableReferences(dashboardKey(source)) {
            Dictionary(dashboard.allPanels.map { ($0.id, $0.queryVariableReferences) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The current dashboard's layout on this screen (the one layout: focus, scrolling,
    /// the plan's widths and the frame all use it), computed once per dashboard and size.
    public var layout: DashboardLayout? {
        guard let source = sourceDashboard, let dashboard else { return nil }
        let key = Derivations.LayoutKey(dashboard: dashboardKey(source), width: size.width, height: size.height)
        return derivations.layout(key) {
            DashboardLayout.compute(dashboard: dashboard, width: size.width, availableHeight: DashboardRenderer.bodyHeight(screenHeight: size.height))
        }
    }

    private func dashboardKey(_ source: Dashboard) -> Derivations.DashboardKey {
        Derivations.DashboardKey(
            index: dashboardIndex, selections: selections[source.uid], options: variableOptions[source.uid],
            toggledRows: toggledRows[source.uid], allRowsOpen: allRowsOpen, panelFilter: explore.panelFilter)
    }

    /// The focused row header, if focus is on one.
    public var focusedRow: Panel? {
        guard let id = focusedPanelID else { return nil }
        return dashboard?.panels.first { $0.id == id && $0.type == "row" }
    }

    /// The current dashboard as loaded, repeats not expanded.
    public var sourceDashboard: Dashboard? { dashboards.indices.contains(dashboardIndex) ? dashboards[dashboardIndex] : nil }

    /// The refresh period in milliseconds, or nil when auto-refresh is off.
    public var refreshInterval: Int64? {
        if let refreshOverride { return refreshOverride > 0 ? refreshOverride : nil }
        return sourceDashboard?.refresh.flatMap(PrometheusDuration.milliseconds).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The dashboard's variables with the user's selections and the options loaded from the
    /// datasource; "All" stays the `$__all` marker so the planner expands it as Grafana does.
    public var effectiveVariables: [Variable] {
        sourceDashboard.map(effectiveVariables(of:)) ?? []
    }

    private func effectiveVariables(of dashboard: Dashboard) -> [Variable] {
        dashboard.variables.map { variable in
            var effective = variable
            if let chosen = selections[dashboard.uid]?[variable.name] { effective.current = chosen }
            if let options = variableOptions[dashboard.uid]?[variable.name] { effective.options = options }
            return effective
        }
    }
}

/// A query on its way, and who is waiting for it.
public struct InFlightQuery: Hashable, Sendable {
    public var key: QueryKey
    public var consumers: [PanelTarget]
    public var startedAt: Timestamp
    public var range: QueryRange
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public var at: Timestamp
}

/// The modal layer on top of the dashboard.
public enum Overlay: Hashable, Sendable {
    case help
    case dashboardPicker(selection: Int)
    /// `typed` collects a custom range such as `now-6h`.
    case timePicker(selection: Int, typed: String)
    case variableList(selection: Int)
    /// Options of one variable; `chosen` is the pending (multi-)selection.
    case variableOptions(name: String, selection: Int, chosen: [String])
    case inspect(panelID: Int)
    case alerts
    /// The `:` prompt: its line editor, history position and last syntax error.
    case prompt(PromptState)
    /// Problems found at start (a dashboard skipped, an unknown `--var`), until dismissed.
    case notice(lines: [String])
}

/// The `:` prompt's query and what it returned, drawn full screen.
public struct AdhocState: Hashable, Sendable {
    public static let panelID = -1

    public var expr: String
    public var asTable = false
    public var panel = PanelState()

    /// The query as the panel it is drawn as; its legend names last and max, as the viewer
    /// always showed them for ad-hoc results.
    var asPanel: Panel {
        var panel = Panel(id: Self.panelID, type: asTable ? "table" : "timeseries", title: expr, targets: [Target(refId: "A", expr: expr)])
        panel.options.legend = LegendOptions(calcs: ["lastNotNull", "max"])
        return panel
    }
}

public enum AlertsState: Hashable, Sendable {
    case notLoaded
    case loading
    case loaded([Alert], at: Timestamp)
    case failed(QueryError)
}

public enum AlertmanagerState: Hashable, Sendable {
    case notConfigured
    case notLoaded
    case loading
    case loaded(AlertmanagerSnapshot, at: Timestamp)
}

/// One look at Alertmanager: its alerts and silences, each of which may fail on its own.
public struct AlertmanagerSnapshot: Hashable, Sendable {
    public var alerts: Result<[AlertmanagerAlert], QueryError>
    public var silences: Result<[Silence], QueryError>

    public init(alerts: Result<[AlertmanagerAlert], QueryError>, silences: Result<[Silence], QueryError>) {
        self.alerts = alerts
        self.silences = silences
    }
}
