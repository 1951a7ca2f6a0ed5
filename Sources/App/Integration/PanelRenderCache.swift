import Dashboards
import Render
import Synchronization

/// The last drawing of each panel with what it was drawn from. A frame copies the panels whose
/// inputs are unchanged instead of drawing them again, so an answer for one panel costs one
/// panel, and an idle refresh that brings the same data costs almost nothing.
final class PanelRenderCache: Sendable {
    struct Inputs: Equatable {
        var panel: Panel
        var data: PanelData?
        var focused: Bool
        var refreshing: Bool
        var width: Int
        var height: Int
    }

    private struct Entry {
        var inputs: Inputs
        var drawing: Buffer
    }

    /// Bounded by the panels of the dashboards shown; a panel id's newest drawing replaces its old one.
    private let entries = Mutex<[Int: Entry]>([:])

    func drawing(panelID: Int, inputs: Inputs, draw: () -> Buffer) -> Buffer {
        if let cached = entries.withLock({ $0[panelID] }), cached.inputs == inputs { return cached.drawing }
        let drawing = draw()
        entries.withLock { $0[panelID] = Entry(inputs: inputs, drawing: drawing) }
        return drawing
    }
}
