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
        /// Changes whenever `drawing` does, so a composition knows what it already holds.
        var generation: UInt64
    }

    private struct State {
        /// One drawing per panel id of the dashboards shown; a newer one replaces it.
        var entries: [Int: Entry] = [:]
        var nextGeneration: UInt64 = 1
        var composition: Composition?
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

    /// The last composition if it was made for `key`, handed over (so it can be changed in
    /// place); else an empty one.
    func takeComposition(for key: Composition.Key) -> Composition {
        let last = state.withLock { state in
            defer { state.composition = nil }
            return state.composition
        }
        if let last, last.key == key { return last }
        return Composition(key: key, body: Buffer(width: key.width, height: key.height))
    }

    func keep(_ composition: Composition) {
        state.withLock { $0.composition = composition }
    }
}

/// The screen's panels as last blitted, with the generation of each panel's drawing, so the
/// next frame of the same layout and scroll blits only the panels whose drawing changed.
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

    /// Blits a panel's drawing unless this generation of it is already there. Placements
    /// never overlap (DashboardLayout stacks each panel on the skyline of those before it),
    /// so a panel blitted again cannot cover another.
    mutating func place(panelID: Int, _ drawing: (drawing: Buffer, generation: UInt64), blit: (Buffer, inout Buffer) -> Void) {
        guard blitted[panelID] != drawing.generation else { return }
        blit(drawing.drawing, &body)
        blitted[panelID] = drawing.generation
    }
}
