/// The metric explorer's text: a line of context (the filter, the counts) above a list of
/// rows in columns, one of them highlighted, scrolled by a `ListCursor`. The same widget
/// draws the metric list (name, type, help) and a metric's label breakdown (label, values).
public struct MetricExplorerModel: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// Left to right; the last column takes what room is left.
        public var columns: [String]
        public var dim: Bool

        public init(_ columns: [String], dim: Bool = false) {
            self.columns = columns
            self.dim = dim
        }
    }

    public var heading: String
    public var rows: [Row]
    public var cursor: ListCursor
    /// Shown instead of rows when there are none (loading, an error, nothing matched).
    public var empty: String
    public var emptyIsError: Bool
    /// Whether the cursor's row is highlighted (the breakdown has no selection).
    public var highlights: Bool

    public init(heading: String, rows: [Row], cursor: ListCursor, empty: String, emptyIsError: Bool = false, highlights: Bool = true) {
        self.heading = heading
        self.rows = rows
        self.cursor = cursor
        self.empty = empty
        self.emptyIsError = emptyIsError
        self.highlights = highlights
    }

    /// Rows of the list in an area `height` tall (the heading takes one).
    public static func visibleRows(height: Int) -> Int { max(1, height - 1) }
}

public struct MetricExplorerWidget: Widget {
    public var model: MetricExplorerModel

    public init(_ model: MetricExplorerModel) {
        self.model = model
    }

    /// Columns but the last are as wide as their widest visible entry, capped so the last
    /// (the help text) keeps at least a third of the width.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width > 0, area.height > 0 else { return }
        buffer.fill(area)
        buffer.writeFitted(model.heading, x: area.x, y: area.y, style: theme.title, area: area, theme: theme)
        let listArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard listArea.height > 0 else { return }
        guard !model.rows.isEmpty else {
            buffer.writeFitted(model.empty, x: listArea.x, y: listArea.y, style: model.emptyIsError ? theme.errorText : theme.dimText, area: listArea, theme: theme)
            return
        }
        let range = model.cursor.visibleRange(count: model.rows.count, visibleRows: listArea.height)
        let columnCount = model.rows[range].map(\.columns.count).max() ?? 0
        var widths: [Int] = []
        var budget = max(0, area.width - area.width / 3)
        for column in 0..<max(0, columnCount - 1) {
            let widest = model.rows[range].map { $0.columns.indices.contains(column) ? DisplayWidth.of($0.columns[column]) : 0 }.max() ?? 0
            let width = min(widest, max(4, budget - 2))
            widths.append(width)
            budget = max(0, budget - width - 2)
        }
        var cursor = model.cursor
        cursor.clamp(count: model.rows.count, visibleRows: listArea.height)
        for (line, index) in range.enumerated() {
            let row = model.rows[index]
            let y = listArea.y + line
            let selected = model.highlights && index == cursor.selection
            let style = selected ? theme.selected : row.dim ? theme.dimText : Style.plain
            if selected { buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), with: Cell(" ", style: style)) }
            var x = listArea.x + 1
            for (column, text) in row.columns.enumerated() {
                guard x < listArea.maxX else { break }
                let width = widths.indices.contains(column) ? widths[column] : listArea.maxX - x
                let cellArea = Rect(x: x, y: y, width: min(width, listArea.maxX - x), height: 1)
                buffer.writeFitted(text, x: x, y: y, style: column == 0 || selected ? style : theme.dimText, area: cellArea, theme: theme)
                x += width + 2
            }
        }
    }
}
