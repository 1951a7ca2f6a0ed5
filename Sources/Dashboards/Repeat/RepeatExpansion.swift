/// Grafana's panel and row repeats (DashboardModel.repeatPanel / repeatRow), as a pure
/// function: a dashboard and its variables' selections in, the dashboard as it is drawn out.
///
/// - A panel with `repeat` becomes one copy per selected value ("All" means every option),
///   each with `scopedVariables[name]` set to its value and its title and legend formats
///   interpolated for it. The first copy keeps the panel's id; the others get fresh ids after
///   the largest in the dashboard, in order, as Grafana's getNextPanelId hands them out.
/// - Horizontal copies start at the left edge, each `max(24 / count, 24 / maxPerRow)` wide
///   (`maxPerRow` 4 when unset, as in Grafana), wrapping onto new grid rows.
///   Vertical copies stack below each other with the panel's x, w and h.
/// - A row with `repeat` is copied with all its panels per value, each copy below the last.
/// - Everything after a repeat (in grid order) moves down by the extra height.
/// - No selected values: the panel (or row) stays once, with nothing scoped.
public enum RepeatExpansion {
    static let gridColumns = 24
    /// Grafana's `panel.maxPerRow || 4` (DashboardModel) and `maxPerRow ?? 4` (scenes).
    public static let defaultMaxPerRow = 4

    /// `dashboard` with its repeats expanded for `variables` (their `current` and loaded
    /// `options`); a dashboard without repeats comes back unchanged.
    public static func hasRepeats(_ dashboard: Dashboard) -> Bool {
        dashboard.panels.contains { panel in
            panel.repeatVariable != nil || panel.panels.contains { $0.repeatVariable != nil }
        }
    }

    public static func expand(_ dashboard: Dashboard, variables: [Variable]) -> Dashboard {
        guard hasRepeats(dashboard) else { return dashboard }
        var expansion = Expander(dashboard: dashboard, variables: variables)
        var expanded = dashboard
        expanded.panels = expansion.expandTopLevel(dashboard.panels)
        return expanded
    }

    /// The values a repeat over `variable` produces, in option order as Grafana's
    /// getSelectedVariableOptions gives them (values not among the options follow).
    public static func selectedValues(of variable: Variable) -> [String] {
        let options = variable.options.filter { $0 != Variable.allValueMarker }
        if variable.current.contains(Variable.allValueMarker) { return options }
        let chosen = variable.current.filter { !$0.isEmpty }
        // Sets, not Array.contains: a repeat over 100,000 values was quadratic (a hang).
        let chosenSet = Set(chosen), optionSet = Set(options)
        return options.filter(chosenSet.contains) + chosen.filter { !optionSet.contains($0) }.uniqued()
    }

    /// Grid positions of `count` copies of a panel at `gridPos`, in copy order.
    public static func copyPositions(
        of gridPos: GridPos, count: Int, direction: RepeatDirection, maxPerRow: Int?
    ) -> [GridPos] {
        guard count > 0 else { return [] }
        switch direction {
        case .vertical:
            return (0..<count).map { index in
                GridPos(x: gridPos.x, y: gridPos.y + index * gridPos.h, w: gridPos.w, h: gridPos.h)
            }
        case .horizontal:
            // Grafana's width is max(24 / count, 24 / maxPerRow), fractional; in whole columns
            // the copies of one grid row share the 24 columns as evenly as they can.
            let perRow = min(gridColumns, count, max(1, maxPerRow ?? defaultMaxPerRow))
            return (0..<count).map { index in
                let slot = index % perRow
                // Rounded up, so the spare columns go to the first copies.
                let x0 = (slot * gridColumns + perRow - 1) / perRow
                let x1 = ((slot + 1) * gridColumns + perRow - 1) / perRow
                return GridPos(x: x0, y: gridPos.y + index / perRow * gridPos.h, w: x1 - x0, h: gridPos.h)
            }
        }
    }
}

extension Dashboard {
    /// This dashboard as drawn: repeats expanded for `variables` (default: the saved ones).
    public func expandingRepeats(variables: [Variable]? = nil) -> Dashboard {
        RepeatExpansion.expand(self, variables: variables ?? self.variables)
    }
}

/// One expansion pass: hands out fresh ids and keeps the running downward shift.
private struct Expander {
    let variables: [String: Variable]
    var nextID: Int

    init(dashboard: Dashboard, variables: [Variable]) {
        var byName: [String: Variable] = [:]
        for variable in variables where byName[variable.name] == nil { byName[variable.name] = variable }
        self.variables = byName
        func maxID(_ panels: [Panel]) -> Int { panels.map { max($0.id, maxID($0.panels)) }.max() ?? 0 }
        nextID = maxID(dashboard.panels) + 1
    }

    mutating func freshID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    func values(for panel: Panel) -> (name: String, values: [String])? {
        guard let name = panel.repeatVariable, let variable = variables[name] else { return nil }
        return (name, RepeatExpansion.selectedValues(of: variable))
    }

    /// Top-level panels: sections headed by rows (an open row's panels follow it), expanded
    /// and stacked with everything below moved down by what each section grew.
    mutating func expandTopLevel(_ panels: [Panel]) -> [Panel] {
        var sections: [(row: Panel?, body: [Panel])] = [(nil, [])]
        for panel in gridOrder(panels) {
            if panel.type == "row" {
                sections.append((panel, []))
            } else {
                sections[sections.count - 1].body.append(panel)
            }
        }
        var output: [Panel] = []
        var shift = 0
        for section in sections {
            let oldBottom = bottom(of: (section.row.map { [$0] } ?? []) + section.body)
            let emitted = expandSection(row: section.row, body: section.body)
            let newBottom = bottom(of: emitted)
            output += emitted.map { moved($0, by: shift) }
            shift += max(0, newBottom - oldBottom)
        }
        return output
    }

    /// One row (or the panels above the first row) with its panels, before the outer shift.
    mutating func expandSection(row: Panel?, body: [Panel]) -> [Panel] {
        let openBody = expandPanels(body)
        guard var row else { return openBody }
        if row.collapsed { row.panels = expandPanels(row.panels) }
        guard let (name, values) = values(for: row), !values.isEmpty else { return [row] + openBody }
        // Grafana's getRowHeight: from the row's top to the lowest bottom of its panels.
        let rowHeight = row.collapsed ? 1 : max(1, bottom(of: [row] + openBody) - row.gridPos.y)
        var output: [Panel] = []
        for (index, value) in values.enumerated() {
            var rowCopy = scoped(row, name: name, value: value)
            rowCopy.gridPos.y += index * rowHeight
            if index > 0 {
                rowCopy.repeatSourceID = row.id
                rowCopy.id = freshID()
            }
            rowCopy.panels = rowCopy.panels.map { child in copyInRow(child, name: name, value: value, index: index, shift: 0) }
            output.append(rowCopy)
            if !row.collapsed {
                output += openBody.map { child in copyInRow(child, name: name, value: value, index: index, shift: index * rowHeight) }
            }
        }
        // Panels after a collapsed row are not its own: they only move below the copies.
        return row.collapsed ? output + openBody.map { moved($0, by: values.count - 1) } : output
    }

    /// A panel of a repeated row, for the row's `index`th value.
    mutating func copyInRow(_ panel: Panel, name: String, value: String, index: Int, shift: Int) -> Panel {
        var copy = moved(scoped(panel, name: name, value: value), by: shift)
        if index > 0 {
            copy.repeatSourceID = panel.repeatSourceID ?? panel.id
            copy.id = freshID()
        }
        return copy
    }

    /// Panels without rows: repeated ones become their copies, later ones move down.
    mutating func expandPanels(_ panels: [Panel]) -> [Panel] {
        var output: [Panel] = []
        var shift = 0
        for original in gridOrder(panels) {
            let panel = moved(original, by: shift)
            guard let (name, values) = values(for: panel), !values.isEmpty else {
                output.append(panel)
                continue
            }
            let positions = RepeatExpansion.copyPositions(
                of: panel.gridPos, count: values.count, direction: panel.repeatDirection, maxPerRow: panel.maxPerRow)
            for (index, (value, position)) in zip(values, positions).enumerated() {
                var copy = scoped(panel, name: name, value: value)
                copy.gridPos = position
                if index > 0 {
                    copy.repeatSourceID = panel.id
                    copy.id = freshID()
                }
                output.append(copy)
            }
            shift += max(0, bottom(of: positions) - (panel.gridPos.y + panel.gridPos.h))
        }
        return output
    }

    /// `panel` with `name` fixed to `value`: title and legend formats say which copy it is.
    func scoped(_ panel: Panel, name: String, value: String) -> Panel {
        var copy = panel
        copy.scopedVariables[name] = value
        let interpolator = TemplateInterpolator(variables: variables[name].map { [$0] } ?? [])
            .scoped([name: value])
        copy.title = interpolator.interpolateText(panel.title)
        copy.targets = panel.targets.map { target in
            var scopedTarget = target
            scopedTarget.legendFormat = interpolator.interpolateText(target.legendFormat)
            return scopedTarget
        }
        return copy
    }

    func moved(_ panel: Panel, by rows: Int) -> Panel {
        guard rows != 0 else { return panel }
        var copy = panel
        copy.gridPos.y += rows
        return copy
    }

    func bottom(of panels: [Panel]) -> Int { bottom(of: panels.map(\.gridPos)) }

    func bottom(of positions: [GridPos]) -> Int {
        positions.map { $0.y + ($0.h > 0 ? $0.h : 1) }.max() ?? 0
    }

    /// Grafana's sortPanelsByGridPos (y, then x), stable for ties.
    func gridOrder(_ panels: [Panel]) -> [Panel] {
        panels.enumerated().sorted { a, b in
            let (pa, pb) = (a.element.gridPos, b.element.gridPos)
            if pa.y != pb.y { return pa.y < pb.y }
            if pa.x != pb.x { return pa.x < pb.x }
            return a.offset < b.offset
        }.map(\.element)
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
