/// Draws a panel: its border with the title on the top edge and a status corner on the
/// right (⟳ loading, "stale 2m · connection refused", "✗ timeout", "! B: …" for partial failures), then its body,
/// or the body's message for "No data", "Loading…" and errors.
public struct PanelFrame {
    public var model: PanelViewModel
    public var focused: Bool
    /// The panel is being refreshed while its last data stays on screen.
    public var refreshing: Bool

    public init(model: PanelViewModel, focused: Bool = false, refreshing: Bool = false) {
        self.model = model
        self.focused = focused
        self.refreshing = refreshing
    }

    /// The corner text and its style for the status.
    func corner(theme: Theme) -> (String, Style)? {
        let glyphs = theme.glyphs
        switch model.status {
        case .loading: return (glyphs.loading, theme.loadingText)
        case .stale(let age):
            let reason = model.staleReason.map { " · " + $0 } ?? ""
            return ((refreshing ? glyphs.loading + " " : "") + "stale " + PanelStatus.shortAge(age) + reason, theme.warningText)
        case .error(let summary): return (glyphs.error + " " + summary, theme.errorText)
        case .ok, .noData:
            if let warning = model.warnings.first { return ("! " + warning, theme.warningText) }
            return refreshing ? (glyphs.loading, theme.loadingText) : nil
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        renderBorder(into: &buffer, area: area, theme: theme)
        let body = area.inset(by: 1)
        guard !body.isEmpty else { return }
        PanelBody(model: model).render(into: &buffer, area: body, theme: theme)
    }

    /// The border, title and status corner alone. It sets every cell of the area's edge, so
    /// drawing it over an earlier drawing of the same body gives the same cells as `render`:
    /// the cache re-borders a drawing when only focus or the refreshing mark changed.
    public func renderBorder(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = theme.glyphs
        let style = focused ? theme.focusedBorder : theme.border
        let (tl, tr, bl, br, h, v) = focused
            ? (g.focusTopLeft, g.focusTopRight, g.focusBottomLeft, g.focusBottomRight, g.focusHorizontal, g.focusVertical)
            : (g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.horizontal, g.vertical)
        for x in (area.x + 1)..<(area.maxX - 1) {
            buffer[x, area.y] = Cell(h, style: style)
            buffer[x, area.maxY - 1] = Cell(h, style: style)
        }
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer[area.x, y] = Cell(v, style: style)
            buffer[area.maxX - 1, y] = Cell(v, style: style)
        }
        buffer[area.x, area.y] = Cell(tl, style: style)
        buffer[area.maxX - 1, area.y] = Cell(tr, style: style)
        buffer[area.x, area.maxY - 1] = Cell(bl, style: style)
        buffer[area.maxX - 1, area.maxY - 1] = Cell(br, style: style)
        // Corner first so the title yields to it.
        var titleLimit = area.maxX - 2
        if let (text, cornerStyle) = corner(theme: theme) {
            let fitted = TextFit.truncate(theme.ascii ? Sanitizer.ascii(text) : text, to: max(1, (area.width - 4) / 2), ellipsis: g.ellipsis)
            let x = area.maxX - 2 - DisplayWidth.of(fitted)
            buffer.write(" " + fitted + " ", x: x - 1, y: area.y, style: cornerStyle, clip: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1))
            titleLimit = x - 2
        }
        if !model.title.isEmpty, titleLimit > area.x + 3 {
            let room = titleLimit - (area.x + 2)
            let title = TextFit.truncate(theme.ascii ? Sanitizer.ascii(model.title) : model.title, to: room, ellipsis: g.ellipsis)
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y, style: focused ? theme.focusedBorder : theme.title, clip: Rect(x: area.x + 1, y: area.y, width: titleLimit - area.x, height: 1))
        }
    }
}

/// The inside of a panel: the widget for its content, or a message for its state.
public struct PanelBody: Widget {
    public var model: PanelViewModel

    public init(model: PanelViewModel) { self.model = model }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        switch model.status {
        case .loading:
            MessageWidget(["Loading" + (theme.ascii ? "..." : "…")], style: theme.loadingText).render(into: &buffer, area: area, theme: theme)
            return
        case .error(let summary):
            var lines = [theme.glyphs.error + " " + summary]
            lines += model.warnings.count > 1 ? Array(model.warnings.prefix(2)) : []
            MessageWidget(lines, style: theme.errorText).render(into: &buffer, area: area, theme: theme)
            return
        case .noData:
            MessageWidget(["No data"], style: theme.dimText).render(into: &buffer, area: area, theme: theme)
            return
        case .ok, .stale:
            break
        }
        switch model.content {
        case .stat(let stat): StatWidget(model: stat).render(into: &buffer, area: area, theme: theme)
        case .gauge(let gauge): GaugeWidget(model: gauge).render(into: &buffer, area: area, theme: theme)
        case .barGauge(let bar): BarGaugeWidget(model: bar).render(into: &buffer, area: area, theme: theme)
        case .timeSeries(let series): TimeSeriesWidget(model: series).render(into: &buffer, area: area, theme: theme)
        case .table(let table): TableWidget(model: table).render(into: &buffer, area: area, theme: theme)
        case .heatmap(let heatmap): HeatmapWidget(model: heatmap).render(into: &buffer, area: area, theme: theme)
        case .pie(let pie): PieChartWidget(model: pie).render(into: &buffer, area: area, theme: theme)
        case .text(let content): TextPanelWidget(content: content).render(into: &buffer, area: area, theme: theme)
        case .stateTimeline(let timeline): StateTimelineWidget(model: timeline).render(into: &buffer, area: area, theme: theme)
        case .histogram(let histogram): HistogramWidget(model: histogram).render(into: &buffer, area: area, theme: theme)
        case .barChart(let chart): BarChartWidget(model: chart).render(into: &buffer, area: area, theme: theme)
        case .alertList(let alerts): AlertListWidget(model: alerts).render(into: &buffer, area: area, theme: theme)
        case .dashList(let list): DashListWidget(model: list).render(into: &buffer, area: area, theme: theme)
        case .row: break
        case .unsupported(let type):
            MessageWidget(["Unsupported panel type: \(Sanitizer.visible(type))"], style: theme.dimText).render(into: &buffer, area: area, theme: theme)
        case .empty:
            MessageWidget(["No data"], style: theme.dimText).render(into: &buffer, area: area, theme: theme)
        }
    }
}
