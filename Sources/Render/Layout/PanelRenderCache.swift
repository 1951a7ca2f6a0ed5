import Dashboards
import Synchronization

/// The last drawing of each panel with what it was drawn from, at two levels. Same inputs:
/// the drawing is copied, nothing is built. Other inputs (new answers): the view model is
/// built, and if it shows the same thing as before (a stat whose value stayed while its
/// timestamp moved, which is most of a steady refresh) the drawing is still copied. Only focus
/// or the refreshing mark changed: the old drawing gets a new border. So a refresh draws only
/// the panels whose screen changes, and one drawing per panel is kept.
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

        /// Equal but for what only the border shows.
        func sameBody(as other: Inputs) -> Bool {
            var other = other
            other.focused = focused
            other.refreshing = refreshing
            return other == self
        }
    }

    /// What a drawing shows of its model: the model without the series behind it (kept for
    /// `--format json`, timestamps included, never drawn).
    struct Shown: Equatable {
        var model: PanelViewModel

        init(_ model: PanelViewModel) {
            self.model = model
            self.model.series = []
        }
    }

    private struct Entry {
        var inputs: Inputs
        var shown: Shown
        var drawing: Buffer
    }

    /// One drawing per panel id of the dashboards shown; a newer one replaces it.
    private let entries = Mutex<[Int: Entry]>([:])

    public init() {}

    /// - Parameters:
    ///   - model: builds the panel's view model from `inputs`.
    ///   - draw: the whole drawing of a model (border and body).
    ///   - reborder: draws the border of a model for `inputs`' focus and mark over a drawing.
    func drawing(panelID: Int, inputs: Inputs, model: () -> PanelViewModel, draw: (PanelViewModel) -> Buffer,
                 reborder: (PanelViewModel, inout Buffer) -> Void) -> Buffer {
        let cached = entries.withLock { $0[panelID] }
        if let cached, cached.inputs == inputs { return cached.drawing }
        let shown: Shown
        var drawing: Buffer
        if let cached, cached.inputs.sameBody(as: inputs) {
            (shown, drawing) = (cached.shown, cached.drawing)
            reborder(shown.model, &drawing)
        } else {
            let built = model()
            shown = Shown(built)
            if let cached, cached.shown == shown, cached.inputs.width == inputs.width, cached.inputs.height == inputs.height {
                drawing = cached.drawing
                if cached.inputs.focused != inputs.focused || cached.inputs.refreshing != inputs.refreshing { reborder(built, &drawing) }
            } else {
                drawing = draw(built)
            }
        }
        entries.withLock { $0[panelID] = Entry(inputs: inputs, shown: shown, drawing: drawing) }
        return drawing
    }
}
