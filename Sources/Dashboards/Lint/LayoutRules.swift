/// A panel's place on the grid, for overlap checks.
struct GridRect {
    var x: Int
    var y: Int
    var w: Int
    var h: Int

    func overlaps(_ other: GridRect) -> Bool {
        x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
    }
}

/// The panels placed so far in one layout (the dashboard, or one collapsed row's panels).
struct GridLayout {
    private var placed: [(rect: GridRect, label: String)] = []

    func firstOverlap(with rect: GridRect) -> (rect: GridRect, label: String)? {
        placed.first { $0.rect.overlaps(rect) }
    }

    mutating func add(_ rect: GridRect, label: String) {
        placed.append((rect, label))
    }
}

extension LintContext {
    static let gridColumns = 24

    /// Checks `gridPos` and returns it when it is usable for the overlap check.
    mutating func checkGridPos(_ panel: JSONNode) -> GridRect? {
        guard let grid = panel["gridPos"] else {
            error("panel \(describe(panel)) has no \"gridPos\"", at: panel.start)
            return nil
        }
        guard grid.members != nil else {
            error("\"gridPos\" must be an object, found \(grid.kindDescription)", at: grid.start)
            return nil
        }
        var values: [String: Int] = [:]
        var valid = true
        for key in ["x", "y", "w", "h"] {
            guard let node = grid[key] else {
                error("gridPos has no \"\(key)\"", at: grid.start)
                valid = false
                continue
            }
            guard let value = node.int else {
                error("gridPos \"\(key)\" must be an integer, found \(node.kindDescription)", at: node.start)
                valid = false
                continue
            }
            if (key == "x" || key == "y") && value < 0 {
                error("gridPos \"\(key)\" must not be negative (got \(value))", at: node.start)
                valid = false
            } else if (key == "w" || key == "h") && value <= 0 {
                error("gridPos \"\(key)\" must be positive (got \(value))", at: node.start)
                valid = false
            }
            values[key] = value
        }
        guard valid, let x = values["x"], let y = values["y"], let w = values["w"], let h = values["h"] else { return nil }
        if x + w > Self.gridColumns {
            error("gridPos x + w = \(x) + \(w) = \(x + w) exceeds the \(Self.gridColumns)-column grid", at: grid.start)
            return nil
        }
        return GridRect(x: x, y: y, w: w, h: h)
    }
}
