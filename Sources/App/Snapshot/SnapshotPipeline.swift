import Dashboards
import PromModel
import Render
import TerminalTypes

/// `promdeck snapshot`: the viewer's state for one dashboard at a fixed time, settled against
/// the datasource, drawn by the viewer's own frame renderer (text, ANSI), or every panel's
/// computed values (JSON, collapsed rows included).
public struct SnapshotPipeline: Sendable {
    public var dashboard: Dashboard
    public var window: TimeWindow
    public var time: Timestamp
    public var size: TerminalSize
    public var options: RenderOptions
    public var format: SnapshotFormat
    /// Every row open (`--expand-rows`); otherwise rows stay as saved.
    public var expandRows: Bool
    /// The variables that could not be resolved, by name: named in the footer and the JSON.
    public var variableErrors: [String: String]
    /// Variable queries the command's resolution already answered (not asked again).
    public var knownOptions: [String: [String]]
    /// The other dashboards found, for dashboard list panels (as the viewer lists them).
    public var listedDashboards: [Dashboard]

    public init(dashboard: Dashboard, window: TimeWindow, time: Timestamp, size: TerminalSize, options: RenderOptions,
                format: SnapshotFormat, expandRows: Bool = false, variableErrors: [String: String] = [:],
                knownOptions: [String: [String]] = [:], listedDashboards: [Dashboard] = []) {
        self.variableErrors = variableErrors
        self.knownOptions = knownOptions
        self.listedDashboards = listedDashboards
        self.dashboard = dashboard
        self.window = window
        self.time = time
        self.size = size
        self.options = options
        self.format = format
        self.expandRows = expandRows
    }

    /// `named` are the other configured servers, which `catalog` resolves panels' datasource references to.
    public func run(datasource: any Datasource, named: [String: any Datasource] = [:], catalog: DatasourceCatalog = DatasourceCatalog(),
                    variables: [String: [String]] = [:], datasourceNames: [String] = []) async throws -> String {
        var state = AppState(dashboards: [dashboard], window: window, size: size, variables: variables,
                             datasourceNames: datasourceNames, datasources: catalog)
        state.allRowsOpen = expandRows
        if !listedDashboards.isEmpty { state.listedDashboards = listedDashboards }
        await HeadlessViewer.settle(&state, datasource: datasource, named: named, now: time, knownOptions: knownOptions)
        // What the command's resolution found wins over what settling the viewer left.
        if !variableErrors.isEmpty { state.variableErrors[dashboard.uid] = variableErrors }
        let renderer = FrameRenderer(options: options)
        guard format == .json else {
            return renderer.renderer.output(renderer.render(state, size: size, now: time), format: format)
        }
        // Every panel, with the variables as the viewer resolved them.
        var board = state.dashboard ?? dashboard
        board.variables = state.effectiveVariables
        let (start, end) = window.resolve(now: time)
        let layout = DashboardLayout.compute(dashboard: board, width: size.width, availableHeight: DashboardRenderer.bodyHeight(screenHeight: size.height))
        let data = await DashboardAnswers.run(board, datasource: datasource, named: named, catalog: catalog, from: start, to: end, panelWidths: layout.panelWidths)
        var view = DashboardViewState()
        view.context = FrameRenderer.listContext(state)
        return try renderer.renderer.snapshot(dashboard: board, data: data, width: size.width, height: size.height, time: end, format: .json,
                                                state: view, variableErrors: variableErrors)
    }
}
