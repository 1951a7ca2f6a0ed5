/// What the user chose in a zoomed table (a panel's or the `:` query's): a row cursor, a
/// column cursor, a sort by that column and a `/` filter on the rows. A value the viewer
/// keeps and the table widget draws, so every key is tested without a terminal.
public struct TableExplorer: Hashable, Sendable {
    /// The highlighted row among the rows the filter leaves, and the first one on screen.
    public var rows = ListCursor()
    /// The highlighted column (`s` sorts by it).
    public var column = 0
    /// The user's sort; nil keeps the panel's own order (its `sortBy`, else the query's).
    public var sort: Sort?
    /// Case-insensitive substring of any cell of a row ("" shows all).
    public var filter = ""

    public struct Sort: Hashable, Sendable {
        public var column: Int
        public var descending: Bool

        public init(column: Int, descending: Bool) {
            self.column = column
            self.descending = descending
        }
    }

    public init(rows: ListCursor = ListCursor(), column: Int = 0, sort: Sort? = nil, filter: String = "") {
        self.rows = rows
        self.column = column
        self.sort = sort
        self.filter = filter
    }

    /// The one filter rule, shared by the widget and the viewer's keys.
    public static func matches(_ row: [TableModel.Cell], filter: String) -> Bool {
        filter.isEmpty || row.contains { $0.text.range(of: filter, options: .caseInsensitive) != nil }
    }

    /// The table as shown: rows the filter leaves, in the user's sort (the header marks it)
    /// or the panel's own order.
    public func apply(to model: TableModel) -> TableModel {
        var shown = model
        shown.rows = model.rows.filter { Self.matches($0, filter: filter) }
        if let sort, model.columns.indices.contains(sort.column) {
            shown.rows = TableBuilder.sorted(shown.rows, by: sort.column, descending: sort.descending)
            shown.sortColumn = sort.column
            shown.descending = sort.descending
        }
        shown.explorer = self
        return shown
    }

    /// `s`: ascending, then descending, then the panel's own order again, as Grafana's header
    /// click cycles (public/app/plugins/panel/table: sortBy asc → desc → none); another column
    /// starts again at ascending.
    public mutating func cycleSort() {
        switch sort {
        case let sort? where sort.column == column && !sort.descending: self.sort = Sort(column: column, descending: true)
        case let sort? where sort.column == column: self.sort = nil
        default: sort = Sort(column: column, descending: false)
        }
    }

    /// ←/→: the column cursor, kept on the table.
    public mutating func moveColumn(by delta: Int, count: Int) {
        column = max(0, min(max(0, count - 1), column + delta))
    }

    /// A new filter starts at the first row it leaves.
    public mutating func setFilter(_ text: String) {
        filter = text
        rows.first()
    }

    /// Table rows on screen in a body `height` lines high: less the header and the status line.
    public static func bodyRows(height: Int) -> Int { max(1, height - 2) }
}
