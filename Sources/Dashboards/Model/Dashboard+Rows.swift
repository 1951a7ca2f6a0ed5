extension Dashboard {
    /// The dashboard with the rows `ids` toggled (open ↔ collapsed), as Grafana's
    /// `DashboardModel.toggleRow` does (public/app/features/dashboard/state/DashboardModel.ts):
    /// collapsing moves the panels below the row, up to the next row, into it; opening puts
    /// its panels back after it, shifted so the first sits just under the row, and pushes the
    /// panels below down by the height they take.
    public func togglingRows(_ ids: Set<Int>) -> Dashboard {
        guard !ids.isEmpty else { return self }
        var toggled = self
        // Grafana works on the panels sorted by grid position, as it keeps them.
        toggled.panels = panels.enumerated().sorted { a, b in
            let (pa, pb) = (a.element.gridPos, b.element.gridPos)
            return (pa.y, pa.x, a.offset) < (pb.y, pb.x, b.offset)
        }.map(\.element)
        for id in ids {
            guard let index = toggled.panels.firstIndex(where: { $0.id == id && $0.type == "row" }) else { continue }
            if toggled.panels[index].collapsed {
                toggled.openRow(at: index)
            } else {
                toggled.collapseRow(at: index)
            }
        }
        return toggled
    }

    /// Every collapsed row's id: what `snapshot --expand-rows` opens.
    public var collapsedRowIDs: Set<Int> {
        Set(panels.filter { $0.type == "row" && $0.collapsed }.map(\.id))
    }

    private mutating func collapseRow(at index: Int) {
        let below = panels[(index + 1)...]
        let end = below.firstIndex { $0.type == "row" } ?? panels.endIndex
        panels[index].panels = Array(panels[(index + 1)..<end])
        panels[index].collapsed = true
        panels.removeSubrange((index + 1)..<end)
    }

    private mutating func openRow(at index: Int) {
        let row = panels[index]
        var children = row.panels
        panels[index].collapsed = false
        panels[index].panels = []
        guard let first = children.first else { return }
        let shift = first.gridPos.y - row.gridPos.y - 1
        var bottom = row.gridPos.y
        for child in children.indices {
            children[child].gridPos.y -= shift
            bottom = max(bottom, children[child].gridPos.y + children[child].gridPos.h)
        }
        let pushDown = bottom - row.gridPos.y - 1
        for later in (index + 1)..<panels.endIndex { panels[later].gridPos.y += pushDown }
        panels.insert(contentsOf: children, at: index + 1)
    }
}
