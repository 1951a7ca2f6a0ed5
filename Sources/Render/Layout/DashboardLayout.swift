import Dashboards

/// Where one panel goes, in dashboard coordinates (y counts from the top of the dashboard
/// body, before scrolling).
public struct PanelPlacement: Hashable, Sendable {
    public var panelID: Int
    public var rect: Rect
    public var isRow: Bool

    public init(panelID: Int, rect: Rect, isRow: Bool) {
        self.panelID = panelID
        self.rect = rect
        self.isRow = isRow
    }
}

/// Grafana's 24-column grid mapped onto terminal cells. Heights are one row per grid unit
/// with a minimum per panel type, and panels float up against those above them (Grafana's
/// gravity). Narrow terminals stack every panel full width, as Grafana does on a phone.
public struct DashboardLayout: Hashable, Sendable {
    public var placements: [PanelPlacement]
    public var contentHeight: Int
    public var stacked: Bool

    /// Width below which panels stack in one column.
    public static let stackBelowWidth = 100

    /// Rows a panel of this type needs to be readable (border included).
    public static func minimumHeight(type: String) -> Int {
        switch type {
        case "row": 1
        case "stat", "singlestat": 4
        case "bargauge": 4
        case "gauge": 5
        case "text": 3
        case "table", "table-old": 5
        case "timeseries", "graph": 8
        case "heatmap", "piechart": 7
        default: 3
        }
    }

    /// Panels in layout order: rows with their open panels, collapsed rows without theirs.
    static func orderedPanels(_ dashboard: Dashboard) -> [Panel] {
        dashboard.panels.enumerated().sorted { a, b in
            let (pa, pb) = (a.element.gridPos, b.element.gridPos)
            if pa.y != pb.y { return pa.y < pb.y }
            if pa.x != pb.x { return pa.x < pb.x }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The layout for a screen: at one row per grid unit, or, when the whole dashboard fits
    /// with room to spare, stretched (up to 2.5 rows per unit) to fill `availableHeight`.
    public static func compute(dashboard: Dashboard, width: Int, availableHeight: Int, stacked: Bool? = nil) -> DashboardLayout {
        let base = compute(dashboard: dashboard, width: width, stacked: stacked)
        guard !base.stacked, base.contentHeight > 0, base.contentHeight < availableHeight else { return base }
        var scale = min(2.5, (Double(availableHeight) / Double(base.contentHeight) * 20).rounded(.down) / 20)
        while scale > 1 {
            let stretched = compute(dashboard: dashboard, width: width, stacked: false, rowsPerUnit: scale)
            if stretched.contentHeight <= availableHeight { return stretched }
            scale -= 0.05
        }
        return base
    }

    /// The tallest a panel is drawn, in rows: more than any screen, far less than a hostile gridPos.
    public static let maximumPanelRows = 500

    public static func compute(dashboard: Dashboard, width: Int, stacked: Bool? = nil, rowsPerUnit: Double = 1) -> DashboardLayout {
        let stack = stacked ?? (width < stackBelowWidth)
        let panels = orderedPanels(dashboard)
        var placements: [PanelPlacement] = []
        guard width > 0 else { return DashboardLayout(placements: [], contentHeight: 0, stacked: stack) }
        if stack {
            var y = 0
            for panel in panels {
                let isRow = panel.type == "row"
                let height = isRow ? 1 : max(minimumHeight(type: panel.type), min(panel.gridPos.h, 14))
                placements.append(PanelPlacement(panelID: panel.id, rect: Rect(x: 0, y: y, width: width, height: height), isRow: isRow))
                y += height
            }
            return DashboardLayout(placements: placements, contentHeight: y, stacked: true)
        }
        func column(_ gridX: Int) -> Int { (max(0, min(24, gridX)) * width + 12) / 24 }
        var skyline = Array(repeating: 0, count: 24)
        var topForGridY: [Int: Int] = [:]
        for panel in panels {
            let isRow = panel.type == "row"
            let gx = isRow ? 0 : max(0, min(23, panel.gridPos.x))
            let gw = isRow ? 24 : max(1, min(24 - gx, panel.gridPos.w))
            // A hostile gridPos.h (Int.max) must not become a panel buffer of terabytes.
            let units = Double(min(max(panel.gridPos.h, 0), maximumPanelRows))
            let height = isRow ? 1 : min(maximumPanelRows, max(minimumHeight(type: panel.type), Int((units * rowsPerUnit).rounded())))
            var top = skyline[gx..<(gx + gw)].max() ?? 0
            // Panels that share a grid row stay aligned.
            if let shared = topForGridY[panel.gridPos.y], shared >= top,
               skyline[gx..<(gx + gw)].allSatisfy({ $0 <= shared }) { top = shared }
            topForGridY[panel.gridPos.y] = max(topForGridY[panel.gridPos.y] ?? 0, top)
            let x0 = column(gx), x1 = column(gx + gw)
            placements.append(PanelPlacement(panelID: panel.id, rect: Rect(x: x0, y: top, width: x1 - x0, height: height), isRow: isRow))
            for index in gx..<(gx + gw) { skyline[index] = top + height }
        }
        return DashboardLayout(placements: placements, contentHeight: skyline.max() ?? 0, stacked: false)
    }

    /// Panels at least partly inside the viewport rows scroll..<scroll+height.
    public func visiblePanelIDs(scroll: Int, viewportHeight: Int) -> [Int] {
        placements.filter { $0.rect.maxY > scroll && $0.rect.y < scroll + viewportHeight }.map(\.panelID)
    }

    /// Each panel's inner width in columns (inside its border), for the query plan's
    /// `maxDataPoints` (one point per column).
    public var panelWidths: [Int: Int] {
        Dictionary(placements.filter { !$0.isRow }.map { ($0.panelID, max(1, $0.rect.width - 2)) }, uniquingKeysWith: { a, _ in a })
    }

    public func placement(of panelID: Int) -> PanelPlacement? {
        placements.first { $0.panelID == panelID }
    }
}
