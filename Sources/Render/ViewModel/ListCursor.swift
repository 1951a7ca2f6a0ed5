/// The highlighted item of a list that may be longer than its screen area, and the first item
/// shown. One value for every scrolling list in the viewer (tables, alerts, silences, pickers,
/// the metric explorer) so that arrows, PgUp/PgDn and Home/End behave the same everywhere.
/// Every operation takes the list's current length and the rows on screen, so a list that
/// shrank under the cursor (a refresh, a filter) never leaves it out of range.
public struct ListCursor: Hashable, Sendable {
    /// Index of the highlighted item (0 when the list is empty).
    public private(set) var selection: Int
    /// Index of the first item on screen.
    public private(set) var top: Int

    public init(selection: Int = 0, top: Int = 0) {
        self.selection = max(0, selection)
        self.top = max(0, top)
    }

    /// Moves the highlight by `delta` items (clamped to the list) and scrolls it into view.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        let (sum, overflow) = selection.addingReportingOverflow(delta)
        selection = overflow ? (delta < 0 ? 0 : Int.max) : sum
        clamp(count: count, visibleRows: visibleRows)
    }

    /// PgDn (`direction` 1) or PgUp (-1): one screen less one row of context.
    public mutating func page(_ direction: Int, count: Int, visibleRows: Int) {
        move(by: direction.signum() * max(1, visibleRows - 1), count: count, visibleRows: visibleRows)
    }

    /// Home.
    public mutating func first() {
        selection = 0
        top = 0
    }

    /// End.
    public mutating func last(count: Int, visibleRows: Int) {
        selection = max(0, count - 1)
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Selects `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int, count: Int, visibleRows: Int) {
        selection = index
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Brings both indices back into range for a list of `count` items on `visibleRows` rows,
    /// scrolling as little as possible to keep the highlight on screen.
    public mutating func clamp(count: Int, visibleRows: Int) {
        let rows = max(1, visibleRows)
        guard count > 0 else {
            selection = 0
            top = 0
            return
        }
        selection = min(max(0, selection), count - 1)
        if selection < top { top = selection }
        if selection >= top + rows { top = selection - rows + 1 }
        top = min(max(0, top), max(0, count - rows))
    }

    /// The indices on screen, after clamping a copy to the list.
    public func visibleRange(count: Int, visibleRows: Int) -> Range<Int> {
        var cursor = self
        cursor.clamp(count: count, visibleRows: visibleRows)
        guard count > 0 else { return 0..<0 }
        return cursor.top..<min(count, cursor.top + max(1, visibleRows))
    }
}
