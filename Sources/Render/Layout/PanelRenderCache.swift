import Dashboards
import Synchronization

/// The last drawings of each panel with what they were drawn from. A frame copies the panels
/// whose inputs are unchanged instead of drawing them again, so an answer for one panel costs
/// one panel, and a steady refresh (same data, the refreshing mark on, then off) costs none.
public final class PanelRenderCache: Sendable {
    struct Inputs: Equatable {
        var panel: Panel
        var data: PanelData?
        var focused: Bool
        var refreshing: Bool
        var width: Int
        var height: Int
        /// The list panels redraw when alerts or dashboards change.
        var context = PanelContext()
        var explorer: SeriesExplorer?
        var tableExplorer: TableExplorer?
        var dashListCursor: ListCursor?
    }

    private struct Slot: Hashable {
        var panelID: Int
        /// A refresh toggles the mark on and back off: both drawings are kept.
        var refreshing: Bool
    }

    private struct Entry {
        var inputs: Inputs
        var drawing: Buffer
    }

    /// At most two drawings per panel id of the dashboards shown; a newer one replaces its slot.
    private let entries = Mutex<[Slot: Entry]>([:])

    public init() {}

    func drawing(panelID: Int, inputs: Inputs, draw: () -> Buffer) -> Buffer {
        let slot = Slot(panelID: panelID, refreshing: inputs.refreshing)
        if let cached = entries.withLock({ $0[slot] }), cached.inputs == inputs { return cached.drawing }
        let drawing = draw()
        entries.withLock { $0[slot] = Entry(inputs: inputs, drawing: drawing) }
        return drawing
    }
}
