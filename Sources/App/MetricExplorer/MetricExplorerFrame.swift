import Dashboards
import PromModel
import Render
import TerminalTypes

/// The explorer's screens, from the same header, footer and ad-hoc panel the viewer draws:
/// the list over the whole body, or the opened metric's breakdown above its panel.
enum MetricExplorerFrame {
    /// At most a third of the body, at least the heading and a row.
    static func breakdownHeight(rows: Int, body: Int) -> Int {
        max(2, min(rows + 1, body / 3))
    }

    /// `base` draws the screen beneath at a size: the metric's panel once it runs, else
    /// an empty body with the explorer's header and footer.
    static func frame(_ explorer: MetricExplorerState, _ state: AppState, size: TerminalSize,
                      renderer: DashboardRenderer, base: (TerminalSize) -> DashboardFrame) -> DashboardFrame {
        let body = DashboardRenderer.bodyHeight(screenHeight: size.height)
        let bodyArea = Rect(x: 0, y: DashboardRenderer.headerHeight, width: size.width, height: body)
        guard size.width >= DashboardRenderer.minimumWidth, size.height >= DashboardRenderer.minimumHeight else { return base(size) }
        guard let opened = explorer.opened else {
            var frame = base(size)
            MetricExplorerWidget(listModel(explorer, state)).render(into: &frame.buffer, area: bodyArea, theme: renderer.theme)
            return frame
        }
        let model = breakdownModel(opened, state)
        guard state.adhoc != nil else {
            // The series are still on their way: the breakdown's message over the body.
            var frame = base(size)
            MetricExplorerWidget(model).render(into: &frame.buffer, area: bodyArea, theme: renderer.theme)
            return frame
        }
        let top = breakdownHeight(rows: model.rows.count, body: body)
        // The panel's frame, shorter by the breakdown, slid down under it.
        let panelFrame = base(TerminalSize(width: size.width, height: size.height - top))
        var frame = panelFrame
        frame.buffer = Buffer(width: size.width, height: size.height)
        frame.buffer.blit(panelFrame.buffer, sourceY: 0, into: Rect(x: 0, y: 0, width: size.width, height: DashboardRenderer.headerHeight))
        MetricExplorerWidget(model).render(into: &frame.buffer, area: Rect(x: 0, y: bodyArea.y, width: size.width, height: top), theme: renderer.theme)
        let rest = size.height - top - DashboardRenderer.headerHeight
        frame.buffer.blit(panelFrame.buffer, sourceY: DashboardRenderer.headerHeight,
                          into: Rect(x: 0, y: bodyArea.y + top, width: size.width, height: rest))
        return frame
    }

    static func listModel(_ explorer: MetricExplorerState, _ state: AppState) -> MetricExplorerModel {
        let list = state.metricList ?? []
        let total = state.completions.answers[CompletionQuery.metricNames]?.count
        let filter = "Filter: \(explorer.filter)█"
        var heading = total.map { "\(filter)   \(list.count) of \($0) metrics" } ?? filter
        if let error = state.completions.metadataError { heading += "   (no metadata: \(error))" }
        let rows = list.map { MetricExplorerModel.Row([$0.name, $0.type, $0.help], dim: $0.type == "unknown") }
        let empty: String, isError: Bool
        if total == nil, let error = state.completions.lastError, !state.completions.asking.contains(CompletionQuery.metricNames) {
            (empty, isError) = ("✗ metric names: \(error)", true)
        } else if total == nil {
            (empty, isError) = ("loading metric names…", false)
        } else {
            (empty, isError) = ("no metric matches \"\(explorer.filter)\"", false)
        }
        return MetricExplorerModel(heading: heading, rows: rows, cursor: explorer.cursor, empty: empty, emptyIsError: isError)
    }

    static func breakdownModel(_ opened: OpenedMetric, _ state: AppState) -> MetricExplorerModel {
        let info = MetricMetadata.lookup(opened.name, in: state.completions.metadata ?? [:])
        var heading = "\(opened.name) · \(info?.type ?? "unknown")"
        if let help = info?.help, !help.isEmpty { heading += " · \(help)" }
        switch opened.breakdown {
        case nil:
            return MetricExplorerModel(heading: heading, rows: [], cursor: opened.cursor, empty: "loading series…", highlights: false)
        case .failure(let error)?:
            return MetricExplorerModel(heading: heading, rows: [], cursor: opened.cursor, empty: "✗ series: \(error.message)", emptyIsError: true, highlights: false)
        case .success(let breakdown)?:
            heading += " · \(breakdown.seriesCount) series"
            return MetricExplorerModel(heading: heading, rows: state.breakdownRows, cursor: opened.cursor,
                                       empty: "no series in the time range", highlights: false)
        }
    }
}

extension AppState {
    /// The opened metric's breakdown as lines: label, how many values, the values with their
    /// series counts (most first).
    var breakdownRows: [MetricExplorerModel.Row] {
        guard case .success(let breakdown)? = metricExplorer?.opened?.breakdown else { return [] }
        return breakdown.entries.map { entry in
            let values = entry.values.map { "\($0.value) (\($0.series))" }.joined(separator: "  ")
            return MetricExplorerModel.Row([entry.label, "\(entry.values.count) value\(entry.values.count == 1 ? "" : "s")", values])
        }
    }
}
