import Render

/// Spatial focus movement between panel frames, as in a tiling window manager.
enum FocusDirection: Hashable, Sendable { case left, right, up, down }

enum Focus {
    /// The panel in `direction` from `current` whose near edge is closest, preferring panels
    /// that overlap it on the other axis; nil at the edge of the dashboard.
    static func next(from current: PanelPlacement, in direction: FocusDirection, among frames: [PanelPlacement]) -> PanelPlacement? {
        let a = current.rect
        let candidates = frames.filter { frame in
            guard frame.panelID != current.panelID else { return false }
            let b = frame.rect
            switch direction {
            case .left: return b.maxX <= a.x || (b.x < a.x && b.maxX < a.maxX)
            case .right: return b.x >= a.maxX || (b.x > a.x && b.maxX > a.maxX)
            case .up: return b.maxY <= a.y || (b.y < a.y && b.maxY < a.maxY)
            case .down: return b.y >= a.maxY || (b.y > a.y && b.maxY > a.maxY)
            }
        }
        func score(_ frame: PanelPlacement) -> (Int, Int, Int) {
            let b = frame.rect
            let horizontal = direction == .left || direction == .right
            let gap = horizontal ? abs(centerX(b) - centerX(a)) : abs(centerY(b) - centerY(a))
            let overlap = horizontal
                ? min(a.maxY, b.maxY) - max(a.y, b.y)
                : min(a.maxX, b.maxX) - max(a.x, b.x)
            let sideways = horizontal ? abs(b.y - a.y) : abs(b.x - a.x)
            return (overlap > 0 ? 0 : 1, gap, sideways)
        }
        return candidates.min { score($0) < score($1) }
    }

    private static func centerX(_ rect: Rect) -> Int { rect.x + rect.width / 2 }
    private static func centerY(_ rect: Rect) -> Int { rect.y + rect.height / 2 }
}
