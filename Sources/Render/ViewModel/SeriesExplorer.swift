import Foundation

/// What the user chose in a zoomed time series: a filter on series names, the selected
/// legend entry, the series hidden (Grafana's legend click and ctrl-click), and a cursor
/// (Grafana's tooltip in "all series" mode). A value the viewer keeps and the widget draws.
public struct SeriesExplorer: Hashable, Sendable {
    /// Case-insensitive substring of the series names shown ("" shows all).
    public var filter: String
    /// Index into the legend entries the filter leaves.
    public var selection: Int
    /// Series names not drawn; the y axis fits the others.
    public var hidden: Set<String>
    /// Steps from the start of the range, or nil for no cursor.
    public var cursorStep: Int?

    public init(filter: String = "", selection: Int = 0, hidden: Set<String> = [], cursorStep: Int? = nil) {
        self.filter = filter
        self.selection = selection
        self.hidden = hidden
        self.cursorStep = cursorStep
    }

    /// The one filter rule, shared by the legend list, the plot and the viewer's keys.
    public static func matches(_ name: String, filter: String) -> Bool {
        filter.isEmpty || name.range(of: filter, options: .caseInsensitive) != nil
    }

    /// The legend entries the filter leaves, in the panel's order.
    public static func entries(of model: TimeSeriesModel, filter: String) -> [TimeSeriesLine] {
        model.lines.filter { $0.inLegend && matches($0.name, filter: filter) }
    }

    /// Space on an entry: hide it, or show it again.
    public mutating func toggle(_ name: String) {
        if hidden.contains(name) { hidden.remove(name) } else { hidden.insert(name) }
    }

    /// Enter on an entry: show only it among `names`; on the one already alone, show all again.
    public mutating func isolate(_ name: String, among names: [String]) {
        let others = Set(names).subtracting([name])
        if !hidden.contains(name) && others.isSubset(of: hidden) && !others.isEmpty {
            hidden.subtract(names)
        } else {
            hidden = hidden.subtracting(names).union(others)
        }
    }
}
