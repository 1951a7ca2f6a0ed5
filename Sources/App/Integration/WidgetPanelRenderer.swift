import Dashboards
import PromModel
import Render

/// The render module's widgets behind the viewer's panel seam: the viewer's panel state
/// becomes the renderer's `PanelData`, then a view model, then cells.
public struct WidgetPanelRenderer: PanelRendering {
    public var renderer: DashboardRenderer
    private let cache = PanelRenderCache()

    public init(options: RenderOptions = RenderOptions()) {
        renderer = DashboardRenderer(options: options)
    }

    public func render(_ input: PanelViewInput, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let data = Self.data(for: input)
        let inputs = PanelRenderCache.Inputs(
            panel: input.panel, data: data, focused: input.focused, refreshing: !input.state.pending.isEmpty,
            width: area.width, height: area.height,
            context: ["alertlist", "dashlist"].contains(input.panel.type) ? input.context : PanelContext())
        let drawing = cache.drawing(panelID: input.panel.id, inputs: inputs) {
            let model = PanelViewModelBuilder(theme: renderer.theme, context: inputs.context).build(panel: input.panel, data: data)
            var local = Buffer(width: area.width, height: area.height)
            renderer.drawPanelBox(model, focused: inputs.focused, refreshing: inputs.refreshing, into: &local, area: local.area)
            return local
        }
        buffer.blit(drawing, into: area)
    }

    /// nil while nothing has arrived yet (the renderer shows "loading").
    static func data(for input: PanelViewInput) -> PanelData? {
        let state = input.state
        var results: [TargetResult] = []
        for target in input.panel.targets where !target.hide {
            if let result = state.results[target.refId] {
                results.append(TargetResult(refId: target.refId, result: result))
            } else if let error = state.lastError {
                // A target with nothing to show failed: the renderer marks the panel as an
                // error when all did, or lists the failures when only some did.
                results.append(TargetResult(refId: target.refId, error: error))
            }
        }
        if results.isEmpty, case .loading = input.status { return nil }
        var staleAge: Int?, staleReason: String?
        if case .stale(let age, let reason) = input.status { (staleAge, staleReason) = (Int(age / 1000), reason) }
        // The range only places the x axis: the one the data was fetched for, so the axis moves
        // with the data (and an unchanged refresh draws nothing new).
        let range = state.range ?? QueryRange(start: input.start, end: input.end, step: 15_000)
        return PanelData(
            results: results, range: range, time: range.end,
            isLoading: !state.pending.isEmpty, staleAge: staleAge, staleReason: staleReason)
    }
}
