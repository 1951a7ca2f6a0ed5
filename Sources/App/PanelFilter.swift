import Dashboards
import Render

extension Dashboard {
    /// The `/` filter on a dashboard: the panels whose title contains `title` (any case),
    /// from open and closed rows alike, without the rows, flowed onto the 24-column grid in
    /// their order at their own sizes, so the matches sit together on screen.
    func filteringPanels(title: String) -> Dashboard {
        guard !title.isEmpty else { return self }
        var copy = self
        var x = 0, y = 0, rowHeight = 0
        copy.panels = allPanels.filter { SeriesExplorer.matches($0.title, filter: title) }.map { panel in
            var placed = panel
            let w = min(24, max(1, panel.gridPos.w))
            if x + w > 24 { (x, y, rowHeight) = (0, y + rowHeight, 0) }
            placed.gridPos = GridPos(x: x, y: y, w: w, h: panel.gridPos.h)
            x += w
            rowHeight = max(rowHeight, panel.gridPos.h)
            return placed
        }
        return copy
    }
}
