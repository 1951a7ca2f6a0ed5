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
    /// `--format json`, timestamps included, never drawn), and of a table its cells' text and
    /// colour, not their numbers (its rows come sorted by them; the cells show their text):
    /// an uptime table whose seconds moved while its text ("6 hour") stayed draws nothing new.
    struct Shown: Equatable {
        var model: PanelViewModel

        init(_ model: PanelViewModel) {
            self.model = model
            self.model.series = []
        }

        static func == (lhs: Shown, rhs: Shown) -> Bool {
            guard case .table(let left) = lhs.model.content, case .table(let right) = rhs.model.content else { return lhs.model == rhs.model }
            // The rest of the models compared with an empty table each: no row is copied.
            var (lhsRest, rhsRest) = (lhs.model, rhs.model)
            lhsRest.content = .table(TableModel(columns: [], rows: []))
            rhsRest.content = lhsRest.content
            return lhsRest == rhsRest && left.drawsLike(right)
        }
    }

    private struct Entry {
        var inputs: Inputs
        var shown: Shown
        var drawing: Buffer
        /// Changes whenever `drawing` does, so a composition knows what it already holds.
        var generation: UInt64
    }

    private struct State {
        /// One drawing per panel id of the dashboards shown; a newer one replaces it.
        var entries: [Int: Entry] = [:]
        var nextGeneration: UInt64 = 1
        /// The last frame made, with what is on it.
        var composition: Composition?
        /// The frame made before it: once its holder (the run loop's frame on screen) has let
        /// it go, its storage takes the next frame.
        var spare: Buffer?
    }

    private let state = Mutex(State())

    public init() {}

    /// - Parameters:
    ///   - model: builds the panel's view model from `inputs`.
    ///   - draw: the whole drawing of a model (border and body).
    ///   - reborder: draws the border of a model for `inputs`' focus and mark over a drawing.
    func drawing(panelID: Int, inputs: Inputs, model: () -> PanelViewModel, draw: (PanelViewModel) -> Buffer,
                 reborder: (PanelViewModel, inout Buffer) -> Void) -> (drawing: Buffer, generation: UInt64) {
        let cached = state.withLock { $0.entries[panelID] }
        if let cached, cached.inputs == inputs { return (cached.drawing, cached.generation) }
        let shown: Shown
        var drawing: Buffer
        // Whether the cells differ from the cached drawing's (else its generation stays).
        var changed = true
        let bordersDiffer = cached.map { $0.inputs.focused != inputs.focused || $0.inputs.refreshing != inputs.refreshing } ?? true
        if let cached, cached.inputs.sameBody(as: inputs) {
            (shown, drawing) = (cached.shown, cached.drawing)
            reborder(shown.model, &drawing)
        } else {
            let built = model()
            shown = Shown(built)
            if let cached, cached.shown == shown, cached.inputs.width == inputs.width, cached.inputs.height == inputs.height {
                drawing = cached.drawing
                if bordersDiffer { reborder(built, &drawing) } else { changed = false }
            } else {
                drawing = draw(built)
            }
        }
        return state.withLock { state in
            var generation = cached?.generation ?? 0
            if changed {
                generation = state.nextGeneration
                state.nextGeneration += 1
            }
            state.entries[panelID] = Entry(inputs: inputs, shown: shown, drawing: drawing, generation: generation)
            return (drawing, generation)
        }
    }

    /// The next frame's composition, starting from the last frame when that was made for
    /// `key` and nothing was drawn over its panels; else from a blank screen.
    ///
    /// The last frame's cells go into the storage of the frame before it, which the run loop
    /// no longer holds: a steady frame writes into pages it already has. A fresh copy per
    /// frame (170 KB at 160x45) faulted its pages in again after every refresh, since the
    /// viewer gives freed pages back to the system when a refresh settles.
    func takeComposition(for key: Composition.Key) -> Composition {
        state.withLock { state in
            guard let last = state.composition, last.key == key, !last.overlaid,
                  last.body.width == key.width, last.body.height == key.height else {
                return Composition(key: key, body: Buffer(width: key.width, height: key.height))
            }
            // Taken out of the state, so its storage is not shared unless the loop still holds it.
            guard var body = state.spare.take() else { return Composition(key: key, body: last.body, blitted: last.blitted) }
            body.overwrite(with: last.body)
            return Composition(key: key, body: body, blitted: last.blitted)
        }
    }

    /// The frame made from `composition`, whole (chrome and overlays drawn): the next
    /// composition starts from it.
    func keep(_ composition: Composition) {
        state.withLock { state in
            state.spare = state.composition?.body
            state.composition = composition
        }
    }
}

/// A frame being made: the screen as last drawn, with the generation of each panel's drawing
/// on it, so a frame of the same layout and scroll blits only the panels whose drawing changed.
struct Composition {
    struct Key: Equatable {
        var width: Int
        var height: Int
        var scroll: Int
        var zoomedPanelID: Int?
        var placements: [PanelPlacement]
    }

    var key: Key
    var body: Buffer
    var blitted: [Int: UInt64] = [:]
    /// Something was drawn over the panels (a dialog, the prompt's popup): the next frame
    /// starts blank and blits every panel again.
    var overlaid = false

    /// Blits a panel's drawing unless this generation of it is already there. Placements
    /// never overlap (DashboardLayout stacks each panel on the skyline of those before it),
    /// so a panel blitted again cannot cover another.
    mutating func place(panelID: Int, _ drawing: (drawing: Buffer, generation: UInt64), blit: (Buffer, inout Buffer) -> Void) {
        guard blitted[panelID] != drawing.generation else { return }
        blit(drawing.drawing, &body)
        blitted[panelID] = drawing.generation
    }
}

extension TableModel {
    /// The same cells on screen: columns, order and every cell's text and colour.
    func drawsLike(_ other: TableModel) -> Bool {
        guard columns == other.columns, sortColumn == other.sortColumn, descending == other.descending,
              explorer == other.explorer, rows.count == other.rows.count else { return false }
        for (row, otherRow) in zip(rows, other.rows) {
            guard row.count == otherRow.count else { return false }
            for (cell, otherCell) in zip(row, otherRow) where cell.text != otherCell.text || cell.color != otherCell.color { return false }
        }
        return true
    }
}
