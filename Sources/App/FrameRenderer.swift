import Dashboards
import PromModel
import Render
import Terminal

/// Draws a whole frame from the state: header, the dashboard's panels (or the zoomed one,
/// or the ad-hoc result), the status line and any overlay.
///
/// Seam: `Viewer.run` takes any `(AppState, TerminalSize, Timestamp) -> Buffer`; this is the
/// built-in one, with panels drawn by a `PanelRendering`.
public struct FrameRenderer: Sendable {
    public var layout: any DashboardLayouting
    public var panels: any PanelRendering
    public static let minimumSize = TerminalSize(width: 40, height: 10)

    public init(layout: any DashboardLayouting = RenderLayout(), panels: any PanelRendering = WidgetPanelRenderer()) {
        self.layout = layout
        self.panels = panels
    }

    public func render(_ state: AppState, size: TerminalSize, now: Timestamp) -> Buffer {
        var buffer = Buffer(width: size.width, height: size.height)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            let lines = ["Terminal too small: \(size)", "promdeck needs at least \(Self.minimumSize)"]
            for (index, line) in lines.enumerated() {
                let text = Draw.truncate(line, to: size.width)
                Draw.text(text, x: max(0, (size.width - Draw.width(text)) / 2), y: size.height / 2 - 1 + index, into: &buffer)
            }
            return buffer
        }
        drawHeader(state, now: now, into: &buffer)
        let canvas = Rect(x: 0, y: Geometry.headerHeight, width: size.width, height: Geometry.canvasHeight(size))
        if let adhoc = state.adhoc {
            drawAdhoc(adhoc, state, now: now, area: canvas, into: &buffer)
        } else {
            drawDashboard(state, now: now, area: canvas, into: &buffer)
        }
        drawFooter(state, into: &buffer)
        OverlayRenderer().draw(state, now: now, into: &buffer)
        return buffer
    }

    private func drawHeader(_ state: AppState, now: Timestamp, into buffer: inout Buffer) {
        let bar = Style(foreground: .ansi(15), background: .ansi(4))
        Draw.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: bar, into: &buffer)
        var right = " \(state.window)"
        if let interval = state.refreshInterval { right += " ⟳ \(PrometheusDuration.format(interval))" }
        if state.paused { right += " ⏸ PAUSED" }
        if !state.inFlight.isEmpty { right += " …" }
        right += " "
        let title: String
        if let adhoc = state.adhoc {
            title = " : \(adhoc.expr)"
        } else if let dashboard = state.dashboard {
            title = " [\(state.dashboardIndex + 1)/\(state.dashboards.count)] \(dashboard.title)"
        } else {
            title = " promdeck: no dashboards"
        }
        let rightWidth = Draw.width(right)
        Draw.text(Draw.truncate(title, to: max(1, buffer.width - rightWidth - 1)), x: 0, y: 0,
                  style: Style(foreground: .ansi(15), background: .ansi(4), attributes: .bold), into: &buffer)
        let pausedStyle = state.paused ? Style(foreground: .ansi(0), background: .ansi(3), attributes: .bold) : bar
        Draw.text(right, x: max(0, buffer.width - rightWidth), y: 0, style: pausedStyle, into: &buffer)
    }

    private func drawFooter(_ state: AppState, into buffer: inout Buffer) {
        let y = buffer.height - 1
        Draw.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), into: &buffer)
        if case .prompt(let text, _) = state.overlay {
            let shown = ":" + text
            let visible = Draw.width(shown) < buffer.width - 1 ? shown : "…" + String(shown.suffix(buffer.width - 3))
            let used = Draw.text(visible, x: 0, y: y, style: Style(attributes: .bold), into: &buffer)
            Draw.text("█", x: used, y: y, into: &buffer)
            return
        }
        if let status = state.status {
            let style = status.isError ? Style(foreground: .ansi(1), attributes: .bold) : Style(foreground: .ansi(2))
            Draw.text(Draw.truncate(status.text, to: buffer.width), x: 0, y: y, style: style, into: &buffer)
            return
        }
        let hints = state.adhoc != nil
            ? "Esc back  Tab table/graph  : edit  e export  ? help  q quit"
            : "? help  q quit  Tab dashboards  ←↑↓→ focus  Enter zoom  t time  : query  a alerts"
        Draw.text(Draw.truncate(hints, to: buffer.width), x: 0, y: y, style: Style(foreground: .ansi(8)), into: &buffer)
    }

    private func drawDashboard(_ state: AppState, now: Timestamp, area: Rect, into buffer: inout Buffer) {
        guard let dashboard = state.dashboard else {
            Draw.text("No dashboards loaded. Pass --dashboards DIR, or try `promdeck demo`.", x: 1, y: area.y + 1, into: &buffer)
            return
        }
        // The range as of the last refresh, as Grafana draws it: the axes move when new data
        // comes, not on every frame (a paused dashboard keeps its axes).
        let (start, end) = state.window.resolve(now: state.lastRefreshAt ?? now)
        let byID = Dictionary((dashboard.panels + dashboard.allPanels).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let context = Self.listContext(state)
        func input(_ panel: Panel, zoomed: Bool) -> PanelViewInput {
            let known = state.panels[panel.id] ?? PanelState()
            let panelState = known.scope == panel.scopedVariables ? known : PanelState(scope: panel.scopedVariables)
            return PanelViewInput(
                panel: panel, state: panelState, status: panelState.status(now: now), start: start, end: end, now: now,
                focused: panel.id == state.focusedPanelID, zoomed: zoomed, context: context)
        }
        if let zoomed = state.zoomedPanelID, let panel = byID[zoomed] {
            panels.render(input(panel, zoomed: true), into: &buffer, area: area)
            return
        }
        for frame in layout.layout(dashboard, width: area.width, height: area.height) {
            guard let panel = byID[frame.panelID] else { continue }
            let rect = Rect(x: frame.rect.x, y: frame.rect.y - state.scroll + area.y, width: frame.rect.width, height: frame.rect.height)
            guard rect.maxY > area.y, rect.y < area.maxY else { continue }
            // Panels cut by the scroll edge are drawn off-screen and copied in.
            if rect.y < area.y || rect.maxY > area.maxY {
                var scratch = Buffer(width: buffer.width, height: rect.height)
                panels.render(input(panel, zoomed: false), into: &scratch, area: Rect(x: rect.x, y: 0, width: rect.width, height: rect.height))
                for y in max(rect.y, area.y)..<min(rect.maxY, area.maxY) {
                    for x in rect.x..<min(rect.maxX, buffer.width) { buffer[x, y] = scratch[x, y - rect.y] }
                }
            } else {
                panels.render(input(panel, zoomed: false), into: &buffer, area: rect)
            }
        }
    }

    private func drawAdhoc(_ adhoc: AdhocState, _ state: AppState, now: Timestamp, area: Rect, into buffer: inout Buffer) {
        let (start, end) = state.window.resolve(now: now)
        let panel = Panel(
            id: AdhocState.panelID, type: adhoc.asTable ? "table" : "timeseries", title: adhoc.expr,
            targets: [Target(refId: "A", expr: adhoc.expr)])
        let input = PanelViewInput(
            panel: panel, state: adhoc.panel, status: adhoc.panel.status(now: now), start: start, end: end, now: now,
            focused: true, zoomed: true)
        panels.render(input, into: &buffer, area: area)
    }

    /// What the alert and dashboard list panels show: the alerts last fetched for the
    /// alerts view, and the loaded dashboards with the one on screen marked.
    static func listContext(_ state: AppState) -> PanelContext {
        var context = PanelContext(dashboards: state.dashboards.enumerated().map { index, dashboard in
            DashListModel.Item(uid: dashboard.uid, title: dashboard.title, tags: dashboard.tags, current: index == state.dashboardIndex)
        })
        if case .loaded(let alerts, let at) = state.alerts {
            context.alerts = alerts
            context.alertsTime = at
        }
        return context
    }
}
