import Foundation
import Dashboards

/// The viewer's state that changes what is drawn, as the screen shows it.
public struct DashboardViewState: Hashable, Sendable {
    public var focusedPanelID: Int?
    /// Rows scrolled down from the top of the dashboard (clamped when rendering).
    public var scroll: Int
    /// A panel shown alone over the whole body.
    public var zoomedPanelID: Int?
    /// Panels whose refresh is in flight while older data stays on screen.
    public var refreshingPanelIDs: Set<Int>
    /// The top line; an empty title shows the dashboard's.
    public var header: HeaderModel
    public var footer: FooterModel
    /// A dialog over the dashboard.
    public var dialog: DialogModel?
    /// Alerts and dashboards for the alert list and dashboard list panels.
    public var context = PanelContext()
    /// The zoomed time series' legend list, hidden series and cursor.
    public var explorer: SeriesExplorer?
    /// The zoomed table's cursors, sort and filter.
    public var tableExplorer: TableExplorer?
    /// The zoomed dashboard list's cursor.
    public var dashListCursor: ListCursor?

    public init(focusedPanelID: Int? = nil, scroll: Int = 0, zoomedPanelID: Int? = nil, refreshingPanelIDs: Set<Int> = [],
                header: HeaderModel = HeaderModel(title: "", timeRange: "Last 1h"), footer: FooterModel = .hints([]),
                dialog: DialogModel? = nil) {
        self.focusedPanelID = focusedPanelID
        self.scroll = scroll
        self.zoomedPanelID = zoomedPanelID
        self.refreshingPanelIDs = refreshingPanelIDs
        self.header = header
        self.footer = footer
        self.dialog = dialog
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

/// Draws the whole screen: header, panels laid out on the grid (scrolled, or one zoomed),
/// the footer and any dialog. The viewer and `snapshot` both draw through it. Pure: same
/// inputs, same buffer.
public struct DashboardRenderer: Sendable {
    public var theme: Theme
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    /// Lines above and below the dashboard body.
    public static let headerHeight = 1
    public static let footerHeight = 1

    public init(options: RenderOptions = RenderOptions()) {
        theme = Theme(options: options)
    }

    /// Body lines of a screen `height` lines high.
    public static func bodyHeight(screenHeight height: Int) -> Int { max(1, height - headerHeight - footerHeight) }

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

    /// The frame for `data` (each panel's answers by id; a panel without data shows as
    /// loading). `layout` is the one the caller already computed for this size; `cache`
    /// keeps panel drawings between frames.
    public func render(dashboard: Dashboard, data: [Int: PanelData], width: Int, height: Int, state: DashboardViewState,
                       layout given: DashboardLayout? = nil, cache: PanelRenderCache? = nil) -> DashboardFrame {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            var buffer = Buffer(width: width, height: height)
            let lines = ["Terminal too small: \(width)x\(height)", "promdeck needs at least \(Self.minimumWidth)x\(Self.minimumHeight)"]
            MessageWidget(lines, style: Style(attributes: .bold)).render(into: &buffer, area: buffer.area, theme: theme)
            return DashboardFrame(buffer: buffer, visiblePanelIDs: [], layout: DashboardLayout(placements: [], contentHeight: 0, stacked: true),
                                  scroll: 0, maxScroll: 0, bodyHeight: 0, tooSmall: true)
        }
        let body = Rect(x: 0, y: Self.headerHeight, width: width, height: Self.bodyHeight(screenHeight: height))
        let layout = given ?? DashboardLayout.compute(dashboard: dashboard, width: width, availableHeight: body.height)
        let maxScroll = max(0, layout.contentHeight - body.height)
        let scroll = max(0, min(state.scroll, maxScroll))
        let byID = Dictionary((dashboard.panels + dashboard.allPanels).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let zoomed = state.zoomedPanelID.flatMap { id in byID[id].map { (id, $0) } }
        let visible = zoomed.map { [$0.0] } ?? layout.visiblePanelIDs(scroll: scroll, viewportHeight: body.height)
        let shown = Set(visible)
        let placements = zoomed == nil ? layout.placements.filter { shown.contains($0.panelID) } : []
        // Only the panels whose drawing changed since the last frame of this layout are blitted.
        let key = Composition.Key(width: width, height: height, scroll: scroll, zoomedPanelID: zoomed?.0, placements: placements)
        var composition = cache?.takeComposition(for: key) ?? Composition(key: key, body: Buffer(width: width, height: height))
        if let (id, panel) = zoomed {
            let drawing = drawing(of: panel, data: data[id], focused: true, refreshing: state.refreshingPanelIDs.contains(id),
                                  width: body.width, height: body.height, context: state.context, cache: cache, explorer: state.explorer,
                                  tableExplorer: state.tableExplorer, dashListCursor: state.dashListCursor)
            composition.place(panelID: id, drawing) { drawing, target in target.blit(drawing, into: body) }
        }
        for placement in placements {
            guard let panel = byID[placement.panelID] else { continue }
            let drawing = drawing(
                of: panel, data: data[panel.id], focused: state.focusedPanelID == panel.id,
                refreshing: state.refreshingPanelIDs.contains(panel.id), width: placement.rect.width, height: placement.rect.height,
                context: state.context, cache: cache)
            composition.place(panelID: panel.id, drawing) { drawing, target in
                blit(drawing, placement: placement, scroll: scroll, body: body, into: &target)
            }
        }
        // The chrome and overlays go straight onto the composition's frame: a copy of it
        // would be a fresh 170 KB (at 160x45) per frame.
        var header = state.header
        if header.title.isEmpty { header.title = dashboard.title.isEmpty ? dashboard.uid : dashboard.title }
        HeaderBar(model: header).render(into: &composition.body, area: Rect(x: 0, y: 0, width: width, height: Self.headerHeight), theme: theme)
        var position: String?
        if layout.contentHeight > body.height && state.zoomedPanelID == nil {
            position = "rows \(scroll + 1)-\(min(layout.contentHeight, scroll + body.height))/\(layout.contentHeight)"
        }
        FooterBar(model: state.footer, position: position).render(
            into: &composition.body, area: Rect(x: 0, y: height - Self.footerHeight, width: width, height: Self.footerHeight), theme: theme)
        if case .prompt(let prompt) = state.footer, !prompt.popup.isEmpty {
            PromptPopupWidget(lines: prompt.popup).render(into: &composition.body, area: composition.body.area, theme: theme)
            composition.overlaid = true
        }
        if let dialog = state.dialog {
            DialogWidget(model: dialog).render(into: &composition.body, area: composition.body.area, theme: theme)
            composition.overlaid = true
        }
        let buffer = composition.body
        cache?.keep(composition)
        return DashboardFrame(buffer: buffer, visiblePanelIDs: visible, layout: layout, scroll: scroll, maxScroll: maxScroll,
                              bodyHeight: body.height, tooSmall: false)
    }

    /// One panel in its box, or a row header, drawn at its full size, with the cache's
    /// generation of that drawing.
    func drawing(of panel: Panel, data: PanelData?, focused: Bool, refreshing: Bool, width: Int, height: Int,
                 context full: PanelContext, cache: PanelRenderCache?, explorer: SeriesExplorer? = nil,
                 tableExplorer: TableExplorer? = nil, dashListCursor: ListCursor? = nil) -> (drawing: Buffer, generation: UInt64) {
        // Only the list panels read the context: other panels' drawings stay cached when it changes.
        let context = PanelContext.readers.contains(panel.type) ? full : PanelContext()
        let model = {
            var model = PanelViewModelBuilder(theme: theme, context: context).build(panel: panel, data: data)
            if let explorer, case .timeSeries(var series) = model.content {
                series.explorer = explorer
                model.content = .timeSeries(series)
            }
            if let tableExplorer, case .table(let table) = model.content {
                model.content = .table(tableExplorer.apply(to: table))
            }
            if let dashListCursor, case .dashList(var list) = model.content {
                list.cursor = dashListCursor
                model.content = .dashList(list)
            }
            return model
        }
        let draw = { (model: PanelViewModel) -> Buffer in
            var local = Buffer(width: width, height: height)
            drawPanelBox(model, focused: focused, refreshing: refreshing, into: &local, area: local.area)
            return local
        }
        // Without a cache there is no composition to reuse: every drawing is blitted.
        guard let cache else { return (draw(model()), 0) }
        let inputs = PanelRenderCache.Inputs(
            panel: panel, data: data, focused: focused, refreshing: refreshing, width: width, height: height, context: context,
            explorer: explorer, tableExplorer: tableExplorer, dashListCursor: dashListCursor)
        return cache.drawing(panelID: panel.id, inputs: inputs, model: model, draw: draw) { model, drawing in
            if case .row = model.content {
                drawing = draw(model)
            } else {
                PanelFrame(model: model, focused: focused, refreshing: refreshing).renderBorder(into: &drawing, area: drawing.area, theme: theme)
            }
        }
    }

    public func drawPanelBox(_ model: PanelViewModel, focused: Bool, refreshing: Bool, into buffer: inout Buffer, area: Rect) {
        if case .row(let collapsed, let count) = model.content {
            RowHeaderWidget(title: model.title, collapsed: collapsed, panelCount: count, focused: focused).render(into: &buffer, area: area, theme: theme)
        } else {
            PanelFrame(model: model, focused: focused, refreshing: refreshing).render(into: &buffer, area: area, theme: theme)
        }
    }

    /// Copies the part of a panel's drawing inside the body, so panels cut by the screen
    /// edge keep their shape.
    func blit(_ drawing: Buffer, placement: PanelPlacement, scroll: Int, body: Rect, into buffer: inout Buffer) {
        let rect = placement.rect
        let top = body.y + rect.y - scroll
        let visibleTop = max(top, body.y), visibleBottom = min(top + rect.height, body.maxY)
        guard visibleBottom > visibleTop else { return }
        buffer.blit(drawing, sourceY: visibleTop - top, into: Rect(x: rect.x, y: visibleTop, width: rect.width, height: visibleBottom - visibleTop))
    }
}
