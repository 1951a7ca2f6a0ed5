import Dashboards
import PromModel
import Render

/// The cursors of the viewer's lists that keep no scroll of their own: the help (scroll
/// position), inspect's values, a zoomed dashboard list and the variable options picker.
/// Reset when their list opens.
public struct ListCursors: Hashable, Sendable {
    /// Over the help's scroll positions: its selection is the first line shown.
    public var help = ListCursor()
    public var inspect = ListCursor()
    public var dashList = ListCursor()
    /// The variable options picker's scroll (its selection mirrors the overlay's).
    public var picker = ListCursor()

    public init() {}
}

extension AppState {
    /// The inspected panel's series and their last values, as inspect lists them and `y`
    /// copies them: the series names the panel shows, the value as Prometheus wrote it.
    func inspectedValues(panelID: Int, now: Timestamp) -> [(name: String, value: String)] {
        guard let panel = dashboard?.panel(id: panelID) else { return [] }
        let (start, end) = window.resolve(now: lastRefreshAt ?? now)
        let data = FrameRenderer.data(panel: panel, state: panels[panelID] ?? PanelState(), now: now, start: start, end: end)
        let model = PanelViewModelBuilder(theme: Theme(options: RenderOptions()), context: PanelContext()).build(panel: panel, data: data)
        return model.series.compactMap { frame in
            guard let last = frame.samples.last else { return nil }
            return (frame.name.isEmpty ? frame.labels.description : frame.name, GoFloatFormat.short(last.value))
        }
    }

    /// The dashboards a zoomed dashboard list panel lists, in its order (what Enter opens).
    var zoomedDashList: DashListModel? {
        guard let id = zoomedPanelID, let panel = dashboard?.panel(id: id),
              panel.type == "dashlist" else { return nil }
        let model = PanelViewModelBuilder(theme: Theme(options: RenderOptions()), context: FrameRenderer.listContext(self)).build(panel: panel, data: nil)
        guard case .dashList(let list) = model.content else { return nil }
        return list
    }
}
