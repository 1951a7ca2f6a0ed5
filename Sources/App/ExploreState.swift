import Dashboards
import PromModel
import Render

/// The `/` filter and the zoomed time series' explorer (legend selection, hidden series,
/// cursor): kept apart from the rest of the state, reset when the zoom changes.
public struct ExploreState: Hashable, Sendable {
    public var series = SeriesExplorer()
    /// `/` is collecting filter text (the footer shows it with a caret).
    public var editingFilter = false
    /// The dashboard's `/` filter on panel titles (when no panel is zoomed).
    public var panelFilter = ""
    /// The zoomed table's (or the `:` table's) row and column cursors, sort and `/` filter.
    public var table = TableExplorer()

    public init() {}
}

extension AppState {
    /// The panel shown alone when it is a time series graph: the ad-hoc graph or a zoomed one.
    var exploredPanel: (panel: Panel, state: PanelState)? {
        if let adhoc {
            guard !adhoc.asTable else { return nil }
            return (adhoc.asPanel, adhoc.panel)
        }
        guard let id = zoomedPanelID, let panel = dashboard?.panel(id: id),
              ["timeseries", "graph"].contains(panel.type) else { return nil }
        return (panel, panels[id] ?? PanelState())
    }

    /// The explored panel's series as its legend lists them, the filter applied, and the
    /// number of steps its range has (the cursor's last position). The same view model the
    /// frame draws, so a key acts on the entry the user sees.
    func exploredSeries(now: Timestamp) -> (names: [String], steps: Int)? {
        guard let (panel, panelState) = exploredPanel else { return nil }
        let (start, end) = window.resolve(now: lastRefreshAt ?? now)
        let data = FrameRenderer.data(panel: panel, state: panelState, now: now, start: start, end: end)
        let model = PanelViewModelBuilder(theme: Theme(options: RenderOptions()), context: PanelContext()).build(panel: panel, data: data)
        guard case .timeSeries(let series) = model.content else { return ([], 0) }
        let names = SeriesExplorer.entries(of: series, filter: explore.series.filter).map(\.name)
        return (names, Int((series.end - series.start) / max(1, series.step)))
    }
}

/// What `/` filters on the screen shown now.
enum FilterTarget {
    case series, table, panels, none
}

extension AppState {
    var filterTarget: FilterTarget {
        if exploredPanel != nil { return .series }
        if exploredTable != nil { return .table }
        return zoomedPanelID == nil && adhoc == nil ? .panels : .none
    }

    /// The text of the filter `/` edits now.
    var activeFilter: String {
        switch filterTarget {
        case .series: explore.series.filter
        case .table: explore.table.filter
        case .panels: explore.panelFilter
        case .none: ""
        }
    }

    /// The table shown alone: the `:` query's as a table, or a zoomed table panel.
    var exploredTable: (panel: Panel, state: PanelState)? {
        if let adhoc {
            guard adhoc.asTable else { return nil }
            return (adhoc.asPanel, adhoc.panel)
        }
        guard let id = zoomedPanelID, let panel = dashboard?.panel(id: id),
              panel.type == "table" || panel.type == "table-old" else { return nil }
        return (panel, panels[id] ?? PanelState())
    }

    /// The explored table as the widget draws it (filter and sort applied), from the same view
    /// model the frame draws, so a key acts on the row the user sees.
    func exploredTableModel(now: Timestamp) -> TableModel? {
        guard let (panel, panelState) = exploredTable else { return nil }
        let (start, end) = window.resolve(now: lastRefreshAt ?? now)
        let data = FrameRenderer.data(panel: panel, state: panelState, now: now, start: start, end: end)
        let model = PanelViewModelBuilder(theme: Theme(options: RenderOptions()), context: PanelContext()).build(panel: panel, data: data)
        guard case .table(let table) = model.content else { return TableModel(columns: [], rows: [], sortColumn: nil, descending: false) }
        return explore.table.apply(to: table)
    }
}
