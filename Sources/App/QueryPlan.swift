import Dashboards
import PromModel

/// What makes two queries the same for deduplication and in-flight tracking: the expression
/// after interpolation, the step, and instant versus range. The time window is left out on
/// purpose, since it moves with every refresh.
public struct QueryKey: Hashable, Sendable, CustomStringConvertible {
    public var expr: String
    public var step: Int64
    public var instant: Bool

    public init(expr: String, step: Int64, instant: Bool) {
        self.expr = expr
        self.step = step
        self.instant = instant
    }

    public var description: String { instant ? "\(expr) @instant" : "\(expr) step=\(PrometheusDuration.format(step))" }
}

/// One panel target that wants a query's result.
public struct PanelTarget: Hashable, Sendable {
    public var panelID: Int
    public var refID: String

    public init(panelID: Int, refID: String) {
        self.panelID = panelID
        self.refID = refID
    }
}

/// A query to run once for every consumer that asked for it.
public struct ViewerQuery: Hashable, Sendable {
    public var key: QueryKey
    /// For instant queries only `end` matters.
    public var range: QueryRange
    public var consumers: [PanelTarget]

    public init(key: QueryKey, range: QueryRange, consumers: [PanelTarget]) {
        self.key = key
        self.range = range
        self.consumers = consumers
    }
}

/// A panel to plan for, with the columns its graph gets (which sets the step).
public struct PanelRequest: Hashable, Sendable {
    public var panel: Panel
    public var columns: Int

    public init(panel: Panel, columns: Int) {
        self.panel = panel
        self.columns = columns
    }
}

/// Turns visible panels into deduplicated queries.
///
/// `GrafanaQueryPlanner` is the real one; tests may plan by hand.
public protocol QueryPlanning: Sendable {
    func plan(
        dashboard: Dashboard, panels: [PanelRequest], variables: [Variable],
        start: Timestamp, end: Timestamp
    ) -> [ViewerQuery]
}
