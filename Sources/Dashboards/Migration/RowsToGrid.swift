import Foundation

/// Grafana's `upgradeToGridLayout` (schemaVersion 16, public/app/features/dashboard/state/
/// DashboardMigrator.ts): top-level `rows[]` of 12-column spans and pixel heights become
/// panels on the 24-column grid, with row panels when any row is collapsed, titled or
/// repeated. Constants from public/app/core/constants.ts.
enum RowsToGrid {
    static let columnCount = 24
    static let cellHeight = 30
    static let cellVerticalMargin = 8
    static let defaultRowHeight = 250
    static let minPanelHeight = cellHeight * 3
    static let defaultPanelSpan = 4.0

    /// A pixel height (250 or "250px") in grid units, as Grafana's getGridHeight.
    static func gridHeight(_ value: JSONValue?) -> Int {
        var pixels: Int
        if let n = value?.number, n.isFinite {
            pixels = Int(n)
        } else if let s = value?.string, let n = Int(s.replacingOccurrences(of: "px", with: "").trimmingCharacters(in: .whitespaces)) {
            pixels = n
        } else {
            pixels = defaultRowHeight
        }
        pixels = max(pixels, minPanelHeight)
        let unit = cellHeight + cellVerticalMargin
        return (pixels + unit - 1) / unit
    }

    /// The dashboard with `rows` replaced by grid panels (appended after any `panels`).
    static func migrate(_ dashboard: JSONValue) -> JSONValue {
        guard let rows = dashboard["rows"]?.array else { return dashboard }
        let rowPanels = rows.flatMap { $0["panels"]?.array ?? [] }
        let maxID = rowPanels.compactMap { $0["id"]?.int }.max() ?? 0
        var nextRowID = maxID + 1
        // Row panels appear if even one row is collapsed, repeated or shows its title.
        let showRows = rows.contains { $0["collapse"]?.isTruthy == true || $0["showTitle"]?.isTruthy == true || $0["repeat"]?.isTruthy == true }
        var panels = dashboard["panels"]?.array ?? []
        var yPos = 0
        for row in rows where row["repeatIteration"]?.isTruthy != true {
            let rowHeight = gridHeight(row["height"]?.isTruthy == true ? row["height"] : nil)
            let collapsed = row["collapse"]?.bool ?? false
            var rowPanel: JSONValue?
            var children: [JSONValue] = []
            if showRows {
                rowPanel = .object([
                    ("id", .number(Double(nextRowID))), ("type", .string("row")),
                    ("title", row["title"] ?? .string("")), ("collapsed", .bool(collapsed)),
                    ("repeat", row["repeat"]),
                    ("gridPos", grid(x: 0, y: yPos, w: columnCount, h: rowHeight)),
                ])
                nextRowID += 1
                yPos += 1
            }
            var area = RowArea(height: rowHeight, width: columnCount, yPos: yPos)
            for panel in row["panels"]?.array ?? [] {
                let span = panel["span"]?.lenientNumber.flatMap { $0 > 0 ? $0 : nil } ?? defaultPanelSpan
                let width = Int(span.rounded(.down)) * (columnCount / 12)
                let height = panel["height"]?.isTruthy == true ? gridHeight(panel["height"]) : rowHeight
                let place = area.position(height: height, width: width)
                yPos = area.yPos
                let gridPos = (x: place?.x ?? 0, y: yPos + (place?.y ?? 0), w: width, h: height)
                area.add(x: gridPos.x, y: gridPos.y, w: gridPos.w, h: gridPos.h)
                var moved = panel.removing(["span"]).setting("gridPos", grid(x: gridPos.x, y: gridPos.y, w: gridPos.w, h: gridPos.h))
                if let minSpan = panel["minSpan"]?.lenientNumber {
                    moved = moved.setting("minSpan", .number(min(Double(columnCount), Double(columnCount / 12) * minSpan)))
                }
                if rowPanel != nil && collapsed { children.append(moved) } else { panels.append(moved) }
            }
            if let rowPanel { panels.append(rowPanel.setting("panels", .array(children))) }
            if !(rowPanel != nil && collapsed) { yPos += rowHeight }
        }
        // Grafana sorts panels by position after loading (DashboardModel.sortPanelsByGridPos).
        let sorted = panels.enumerated().sorted { a, b in
            let pa = position(a.element), pb = position(b.element)
            return pa.y != pb.y ? pa.y < pb.y : pa.x != pb.x ? pa.x < pb.x : a.offset < b.offset
        }.map(\.element)
        return dashboard.removing(["rows"]).setting("panels", .array(sorted))
    }

    private static func position(_ panel: JSONValue) -> (x: Int, y: Int) {
        (panel["gridPos"]?["x"]?.int ?? 0, panel["gridPos"]?["y"]?.int ?? 0)
    }

    static func grid(x: Int, y: Int, w: Int, h: Int) -> JSONValue {
        .object([("x", .number(Double(x))), ("y", .number(Double(y))), ("w", .number(Double(w))), ("h", .number(Double(h)))])
    }
}

/// Grafana's RowArea: for each column, how far down the row it is filled, so panels of a
/// legacy row flow left to right and wrap into a new band when the row is full.
struct RowArea {
    private var area: [Int]
    private(set) var yPos: Int
    let height: Int

    init(height: Int, width: Int, yPos: Int) {
        area = Array(repeating: 0, count: width)
        self.yPos = yPos
        self.height = height
    }

    mutating func add(x: Int, y: Int, w: Int, h: Int) {
        for i in max(0, x)..<min(area.count, max(x, x + w)) where area[i] == 0 || y + h - yPos > area[i] {
            area[i] = y + h - yPos
        }
    }

    /// Where a panel goes in the current band, wrapping once to a fresh band; nil when it
    /// cannot fit even there (wider than the grid).
    mutating func position(height: Int, width: Int, wrapped: Bool = false) -> (x: Int, y: Int)? {
        var startPlace: Int?
        var endPlace: Int?
        var i = area.count - 1
        while i >= 0 {
            guard self.height - area[i] > 0 else { break }
            if endPlace == nil {
                endPlace = i
            } else if i < area.count - 1 && area[i] <= area[i + 1] {
                startPlace = i
            } else {
                break
            }
            i -= 1
        }
        if let startPlace, let endPlace, endPlace - startPlace >= width - 1 {
            return (startPlace, area[startPlace...].max() ?? 0)
        }
        guard !wrapped else { return nil }
        yPos += self.height
        area = Array(repeating: 0, count: area.count)
        return position(height: height, width: width, wrapped: true)
    }
}
