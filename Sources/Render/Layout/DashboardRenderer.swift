import Foundation
import Dashboards

/// The viewer's state that changes what is drawn.
public struct DashboardViewState: Hashable, Sendable {
    public var focusedPanelID: Int?
    /// Rows scrolled down from the top of the dashboard (clamped when rendering).
    public var scroll: Int
    /// A panel shown alone over the whole body.
    public var zoomedPanelID: Int?
    /// "now-1h → now" or absolute times, as the viewer wants it shown.
    public var timeRangeText: String
    /// "5s", or nil when auto-refresh is off.
    public var refreshText: String?
    /// Template variables with their current values, in dashboard order.
    public var variables: [(name: String, value: String)]
    /// Panels whose refresh is in flight while older data stays on screen.
    public var refreshingPanelIDs: Set<Int>
    /// Overrides the footer's key hints (e.g. a prompt or an error from the viewer).
    public var footerMessage: String?

    public init(focusedPanelID: Int? = nil, scroll: Int = 0, zoomedPanelID: Int? = nil, timeRangeText: String = "now-1h → now",
                refreshText: String? = nil, variables: [(name: String, value: String)] = [], refreshingPanelIDs: Set<Int> = [],
                footerMessage: String? = nil) {
        self.focusedPanelID = focusedPanelID
        self.scroll = scroll
        self.zoomedPanelID = zoomedPanelID
        self.timeRangeText = timeRangeText
        self.refreshText = refreshText
        self.variables = variables
        self.refreshingPanelIDs = refreshingPanelIDs
        self.footerMessage = footerMessage
    }

    public static func == (lhs: DashboardViewState, rhs: DashboardViewState) -> Bool {
        lhs.focusedPanelID == rhs.focusedPanelID && lhs.scroll == rhs.scroll && lhs.zoomedPanelID == rhs.zoomedPanelID
            && lhs.timeRangeText == rhs.timeRangeText && lhs.refreshText == rhs.refreshText
            && lhs.variables.map(\.name) == rhs.variables.map(\.name) && lhs.variables.map(\.value) == rhs.variables.map(\.value)
            && lhs.refreshingPanelIDs == rhs.refreshingPanelIDs && lhs.footerMessage == rhs.footerMessage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(focusedPanelID)
        hasher.combine(scroll)
        hasher.combine(zoomedPanelID)
        hasher.combine(timeRangeText)
    }
}

/// One drawn frame and what the viewer needs to know about it.
public struct DashboardFrame: Sendable {
    public var buffer: Buffer
    /// Panels on screen: the only ones worth querying.
    public var visiblePanelIDs: [Int]
    public var layout: DashboardLayout
    /// The scroll actually used (after clamping) and the largest allowed.
    public var scroll: Int
    public var maxScroll: Int
    /// Body rows (the screen minus header and footer), for page up/down.
    public var bodyHeight: Int
    public var tooSmall: Bool
}

/// Draws a whole dashboard: header, panels laid out on the grid (scrolled, or one zoomed),
/// and a footer of key hints. Pure: same inputs, same buffer.
public struct DashboardRenderer: Sendable {
    public var theme: Theme
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public init(options: RenderOptions = RenderOptions()) {
        theme = Theme(options: options)
    }

    /// View models for every panel from whatever data there is (nil data → loading);
    /// `context` feeds the alert and dashboard list panels.
    public func viewModels(dashboard: Dashboard, data: [Int: PanelData], context: PanelContext = PanelContext()) -> [Int: PanelViewModel] {
        let builder = PanelViewModelBuilder(theme: theme, context: context)
        var models: [Int: PanelViewModel] = [:]
        for panel in dashboard.panels {
            models[panel.id] = builder.build(panel: panel, data: data[panel.id])
            for child in panel.panels { models[child.id] = builder.build(panel: child, data: data[child.id]) }
        }
        return models
    }

    public func render(dashboard: Dashboard, panels: [Int: PanelViewModel], width: Int, height: Int, state: DashboardViewState) -> DashboardFrame {
        var buffer = Buffer(width: width, height: height)
        guard width >= DashboardRenderer.minimumWidth, height >= DashboardRenderer.minimumHeight else {
            let message = MessageWidget(["terminal too small", "(needs \(DashboardRenderer.minimumWidth)x\(DashboardRenderer.minimumHeight), have \(width)x\(height))"], style: Style(attributes: .bold))
            message.render(into: &buffer, area: buffer.area, theme: theme)
            return DashboardFrame(buffer: buffer, visiblePanelIDs: [], layout: DashboardLayout(placements: [], contentHeight: 0, stacked: true),
                                  scroll: 0, maxScroll: 0, bodyHeight: 0, tooSmall: true)
        }
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        let layout = DashboardLayout.compute(dashboard: dashboard, width: width, availableHeight: body.height)
        let maxScroll = max(0, layout.contentHeight - body.height)
        let scroll = max(0, min(state.scroll, maxScroll))
        var visible: [Int] = []
        if let zoomed = state.zoomedPanelID, let model = panels[zoomed] {
            PanelFrame(model: model, focused: true, refreshing: state.refreshingPanelIDs.contains(zoomed)).render(into: &buffer, area: body, theme: theme)
            visible = [zoomed]
        } else {
            visible = layout.visiblePanelIDs(scroll: scroll, viewportHeight: body.height)
            for placement in layout.placements where visible.contains(placement.panelID) {
                guard let model = panels[placement.panelID] else { continue }
                drawPanel(model, placement: placement, scroll: scroll, body: body, state: state, into: &buffer)
            }
        }
        drawHeader(dashboard: dashboard, state: state, into: &buffer)
        drawFooter(state: state, scroll: scroll, layout: layout, body: body, into: &buffer)
        return DashboardFrame(buffer: buffer, visiblePanelIDs: visible, layout: layout, scroll: scroll, maxScroll: maxScroll,
                              bodyHeight: body.height, tooSmall: false)
    }

    /// Renders a panel at full size off screen and copies the visible part, so panels cut by
    /// the screen edge keep their shape.
    /// One panel in its box, or a row header: what the viewer draws per panel too.
    public func drawPanelBox(_ model: PanelViewModel, focused: Bool, refreshing: Bool, into buffer: inout Buffer, area: Rect) {
        if case .row(let collapsed, let count) = model.content {
            RowHeaderWidget(title: model.title, collapsed: collapsed, panelCount: count, focused: focused).render(into: &buffer, area: area, theme: theme)
        } else {
            PanelFrame(model: model, focused: focused, refreshing: refreshing).render(into: &buffer, area: area, theme: theme)
        }
    }

    func drawPanel(_ model: PanelViewModel, placement: PanelPlacement, scroll: Int, body: Rect, state: DashboardViewState, into buffer: inout Buffer) {
        let rect = placement.rect
        var panelBuffer = Buffer(width: rect.width, height: rect.height)
        let local = panelBuffer.area
        drawPanelBox(model, focused: state.focusedPanelID == placement.panelID,
                     refreshing: state.refreshingPanelIDs.contains(placement.panelID), into: &panelBuffer, area: local)
        let top = body.y + rect.y - scroll
        let visibleTop = max(top, body.y), visibleBottom = min(top + rect.height, body.maxY)
        guard visibleBottom > visibleTop else { return }
        buffer.blit(panelBuffer, sourceY: visibleTop - top, into: Rect(x: rect.x, y: visibleTop, width: rect.width, height: visibleBottom - visibleTop))
    }

    func drawHeader(dashboard: Dashboard, state: DashboardViewState, into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 0, width: buffer.width, height: 1)
        buffer.fill(area, with: Cell(" ", style: theme.header))
        let range = theme.ascii ? state.timeRangeText.replacingOccurrences(of: "→", with: "->") : state.timeRangeText
        var parts = [dashboard.title.isEmpty ? dashboard.uid : dashboard.title, range]
        if let refresh = state.refreshText { parts.append((theme.ascii ? "every " : "⟳ ") + refresh) }
        let variables = state.variables.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        if !variables.isEmpty { parts.append(variables) }
        let separator = theme.ascii ? " | " : " │ "
        buffer.writeFitted(" " + parts.map { Sanitizer.visible($0) }.joined(separator: separator), x: 0, y: 0, style: theme.header, area: area, theme: theme)
    }

    func drawFooter(state: DashboardViewState, scroll: Int, layout: DashboardLayout, body: Rect, into buffer: inout Buffer) {
        let y = buffer.height - 1
        let area = Rect(x: 0, y: y, width: buffer.width, height: 1)
        var position = ""
        if layout.contentHeight > body.height && state.zoomedPanelID == nil {
            position = " rows \(scroll + 1)-\(min(layout.contentHeight, scroll + body.height))/\(layout.contentHeight) "
        }
        let arrows = theme.ascii ? "up/dn" : "↑↓"
        let hints = state.footerMessage ?? (state.zoomedPanelID == nil
            ? "q quit  \(arrows) scroll  tab focus  enter zoom  r refresh  t time  v vars  ? help"
            : "esc back  q quit  r refresh  t time  ? help")
        let hintArea = Rect(x: 0, y: y, width: buffer.width - position.count, height: 1)
        buffer.writeFitted(" " + hints, x: 0, y: y, style: theme.footer, area: hintArea, theme: theme)
        if !position.isEmpty { buffer.write(position, x: buffer.width - position.count, y: y, style: theme.footer, clip: area) }
    }
}
