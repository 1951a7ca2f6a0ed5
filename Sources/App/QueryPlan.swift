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

    public var description: String { instant ? "\(expr) @instant" : "\(expr) step=\(PromDuration.format(step))" }
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
/// Seam: the dashboards module's planner (full Grafana variable formats, `$__interval`
/// rules) plugs in here; `SimpleQueryPlanner` is the built-in one.
public protocol QueryPlanning: Sendable {
    func plan(
        dashboard: Dashboard, panels: [PanelRequest], variables: [String: [String]],
        start: Timestamp, end: Timestamp
    ) -> [ViewerQuery]
}

/// The built-in planner: interpolates variables, takes the step from the pane width
/// (Grafana's maxDataPoints), aligns the window to the step so equal queries stay equal,
/// and merges identical queries.
public struct SimpleQueryPlanner: QueryPlanning {
    /// The smallest step, normally the scrape interval.
    public var minimumStep: Int64
    /// Points per column of a time-series pane (braille gives two).
    public var pointsPerColumn: Int

    public init(minimumStep: Int64 = 15_000, pointsPerColumn: Int = 2) {
        self.minimumStep = minimumStep
        self.pointsPerColumn = pointsPerColumn
    }

    public func plan(
        dashboard: Dashboard, panels: [PanelRequest], variables: [String: [String]],
        start: Timestamp, end: Timestamp
    ) -> [ViewerQuery] {
        var order: [QueryKey] = []
        var byKey: [QueryKey: ViewerQuery] = [:]
        for request in panels {
            let step = self.step(for: request, span: end - start)
            let alignedEnd = end - end % step
            let alignedStart = max(0, start - start % step)
            let context = Interpolator(
                variables: dashboard.variables, values: variables, interval: step,
                rateInterval: max(step + minimumStep, 4 * minimumStep), range: end - start)
            for target in request.panel.targets where !target.hide && !target.expr.isEmpty {
                let instant = target.instant && !target.range
                let key = QueryKey(expr: context.interpolate(target.expr), step: step, instant: instant)
                let consumer = PanelTarget(panelID: request.panel.id, refID: target.refId)
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = ViewerQuery(
                        key: key, range: QueryRange(start: alignedStart, end: alignedEnd, step: step), consumers: [])
                }
                byKey[key]?.consumers.append(consumer)
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// Range / points, rounded up to a whole nice interval, never below the panel's
    /// `interval` or the minimum step.
    func step(for request: PanelRequest, span: Int64) -> Int64 {
        let perColumn = request.panel.type == "timeseries" ? pointsPerColumn : 1
        var points = max(1, request.columns * perColumn)
        if let maxDataPoints = request.panel.maxDataPoints, maxDataPoints > 0 { points = min(points, maxDataPoints) }
        let panelMinimum = request.panel.interval.flatMap { PromDuration.milliseconds($0.replacingOccurrences(of: ">", with: "")) }
        let floor = max(minimumStep, panelMinimum ?? 0)
        return max(floor, SimpleQueryPlanner.niceInterval(atLeast: span / Int64(points)))
    }

    static let niceIntervals: [Int64] = [
        1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800,
    ].map { $0 * 1000 }

    static func niceInterval(atLeast raw: Int64) -> Int64 {
        niceIntervals.first { $0 >= raw } ?? (raw + 86_400_000 - 1) / 86_400_000 * 86_400_000
    }
}
