import Dashboards
import PromModel

/// What makes two queries the same for deduplication and in-flight tracking: the expression
/// after interpolation, the step, and instant versus range. The time window is left out on
/// purpose, since it moves with every refresh.
public struct QueryKey: Hashable, Sendable, CustomStringConvertible {
    public var expr: String
    public var step: Int64
    public var instant: Bool
    /// The configured datasource it goes to; nil is the default one.
    public var datasource: String?

    public init(expr: String, step: Int64, instant: Bool, datasource: String? = nil) {
        self.expr = expr
        self.step = step
        self.instant = instant
        self.datasource = datasource
    }

    public var description: String {
        let text = instant ? "\(expr) @instant" : "\(expr) step=\(PrometheusDuration.format(step))"
        return datasource.map { "\(text) on \($0)" } ?? text
    }
}

/// One panel target that wants a query's result, with its legend as planned (variables
/// filled in), which names the answer's series.
public struct PanelTarget: Hashable, Sendable {
    public var panelID: Int
    public var refID: String
    public var legendFormat: String

    public init(panelID: Int, refID: String, legendFormat: String = "") {
        self.panelID = panelID
        self.refID = refID
        self.legendFormat = legendFormat
    }
}

/// A query of the dashboards module's plan, to run once for every consumer that asked for it.
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
