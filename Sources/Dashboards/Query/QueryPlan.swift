import Foundation

/// One target of one panel, ready to send: variables substituted, range aligned.
public struct PlannedQuery: Hashable, Sendable {
    public var panelID: Int
    public var refID: String
    /// The expression with every variable replaced.
    public var expr: String
    public var instant: Bool
    /// Range queries: on the step's grid (multiples of the step), as Grafana's `alignRange`
    /// (public/app/plugins/datasource/prometheus/datasource.ts): the start floored, the end
    /// ceiled, here from the range's end floored to the scrape interval. Grafana's
    /// AlignTimeRange (pkg/promlib/models/query.go) floors both, which with its pixel-wide
    /// maxDataPoints is about one scrape interval; a terminal column is much wider, and
    /// flooring to its step would hide the newest minutes, so the last point is the first
    /// grid point at or after the newest scrape (never later than one step). A fixed grid is
    /// what lets a refresh ask only the tail (`IncrementalQuery`): a start that moved by a
    /// part of a step would put every point somewhere else. Steps too coarse for that end
    /// at the newest scrape instead (`rangeBounds`). Instant queries: both are the range's
    /// end, unaligned (Grafana evaluates an instant query at the end).
    public var startMs: Int64
    public var endMs: Int64
    public var stepMs: Int64
    public var legendFormat: String
    /// "time_series", "table" or "heatmap".
    public var format: String
    public var intervals: QueryIntervals
    /// The configured datasource's name; nil means the default one.
    public var datasource: String? = nil
}

/// What is actually sent: one request per distinct (expr, instant, start, end, step), with
/// every panel target that consumes its result.
public struct PlannedRequest: Hashable, Sendable {
    public var expr: String
    public var instant: Bool
    public var startMs: Int64
    public var endMs: Int64
    public var stepMs: Int64
    /// The configured datasource's name; nil means the default one.
    public var datasource: String? = nil
    /// (panel id, refId) pairs served by this request, in dashboard order.
    public var consumers: [QueryConsumer]
}

public struct QueryConsumer: Hashable, Sendable {
    public var panelID: Int
    public var refID: String
    public var legendFormat: String
}

/// A target that is not sent: its datasource reference names no configured datasource.
public struct PlannedFailure: Hashable, Sendable {
    public var panelID: Int
    public var refID: String
    public var expr: String
    public var error: DatasourceRefError
}

/// The queries a dashboard needs for one time range and layout.
public struct QueryPlan: Sendable {
    /// One per visible target, in dashboard order.
    public var queries: [PlannedQuery]
    /// `queries` deduplicated (per datasource).
    public var requests: [PlannedRequest]
    /// Targets whose datasource does not resolve, in dashboard order.
    public var failures: [PlannedFailure] = []

    /// - Parameters:
    ///   - dashboard: its panels and targets.
    ///   - variables: the dashboard's variables with the values to use (`current`) and their
    ///     loaded `options` (for "All"); defaults to the dashboard's saved ones.
    ///   - fromMs, toMs: the absolute time range.
    ///   - panelWidths: each panel's width in terminal columns by panel id; a panel's
    ///     maxDataPoints is its own `maxDataPoints` if set, else this width.
    ///   - defaultWidth: the width for panels missing from `panelWidths`.
    ///   - includeCollapsed: also plan the panels inside collapsed rows.
    ///   - only: plan just these panels (the viewer's visible ones); nil plans all.
    ///   - datasources: what panels' and targets' datasource references resolve against.
    public init(
        dashboard: Dashboard, variables: [Variable]? = nil, fromMs: Int64, toMs: Int64,
        panelWidths: [Int: Int] = [:], defaultWidth: Int = 80, includeCollapsed: Bool = false,
        only: Set<Int>? = nil, calculator: IntervalCalculator = IntervalCalculator(),
        datasources: DatasourceCatalog = DatasourceCatalog()
    ) {
        let vars = variables ?? dashboard.variables
        let base = TemplateInterpolator(variables: vars, builtIns: [
            "__from": String(fromMs), "__to": String(toMs), "__dashboard": dashboard.title,
        ])
        var planned: [PlannedQuery] = []
        var failures: [PlannedFailure] = []
        let rangeMs = max(0, toMs - fromMs)
        for panel in Self.visiblePanels(dashboard, includeCollapsed: includeCollapsed) where only?.contains(panel.id) ?? true {
            // A repeated copy sees its own value of the repeat variable.
            let scoped = base.scoped(panel.scopedVariables)
            let maxDataPoints = panel.maxDataPoints ?? panelWidths[panel.id] ?? defaultWidth
            let minInterval = panel.interval.map(scoped.interpolate)
            for target in panel.targets where !target.hide {
                // Stops at the first non-blank scalar (Foundation's trim would copy the text).
                guard !target.expr.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { continue }
                let intervals = calculator.intervals(
                    rangeMs: rangeMs, maxDataPoints: maxDataPoints, panelMinInterval: minInterval,
                    queryMinStep: target.interval.map(scoped.interpolate), intervalFactor: target.intervalFactor)
                var interpolator = scoped
                interpolator.builtIns.merge(intervals.builtInValues) { _, new in new }
                let datasource: String?
                switch datasources.resolve(panel: panel.datasource, target: target.datasource, interpolator: scoped) {
                case .success(let name): datasource = name
                case .failure(let error):
                    failures.append(PlannedFailure(panelID: panel.id, refID: target.refId, expr: interpolator.interpolate(target.expr), error: error))
                    continue
                }
                let step = max(1, intervals.stepMs)
                let instant = target.instant && !target.range
                let (start, end) = instant ? (toMs, toMs) : Self.rangeBounds(
                    from: fromMs, to: toMs, step: step, scrapeIntervalMs: calculator.scrapeIntervalMs)
                planned.append(PlannedQuery(
                    panelID: panel.id, refID: target.refId, expr: interpolator.interpolate(target.expr),
                    instant: instant,
                    startMs: start,
                    endMs: end,
                    stepMs: step, legendFormat: interpolator.interpolateText(target.legendFormat), format: target.format,
                    intervals: intervals, datasource: datasource))
            }
        }
        queries = planned
        self.failures = failures
        var requests: [PlannedRequest] = []
        var index: [RequestKey: Int] = [:]
        for query in planned {
            let key = RequestKey(expr: query.expr, instant: query.instant, start: query.startMs, end: query.endMs,
                                 step: query.instant ? 0 : query.stepMs, datasource: query.datasource)
            let consumer = QueryConsumer(panelID: query.panelID, refID: query.refID, legendFormat: query.legendFormat)
            if let existing = index[key] {
                requests[existing].consumers.append(consumer)
            } else {
                index[key] = requests.count
                requests.append(PlannedRequest(expr: query.expr, instant: query.instant, startMs: query.startMs,
                                               endMs: query.endMs, stepMs: query.stepMs, datasource: query.datasource, consumers: [consumer]))
            }
        }
        self.requests = requests
    }

    private struct RequestKey: Hashable {
        var expr: String
        var instant: Bool
        var start: Int64
        var end: Int64
        var step: Int64
        var datasource: String?
    }

    /// Floors `t` to a multiple of `step` (Grafana's AlignTimeRange with a UTC offset of 0).
    static func align(_ t: Int64, _ step: Int64) -> Int64 {
        let floored = t / step * step
        return floored > t ? floored - step : floored
    }

    /// Prometheus's default lookback (`--query.lookback-delta`): a point evaluated later than
    /// this after the newest sample is empty.
    static let lookbackMs: Int64 = 300_000

    /// A range query's start and end. On the step's grid when its last point, the first grid
    /// point at or after the newest scrape, stays within the lookback of that scrape (step
    /// plus scrape interval at most 5 m), so refreshes keep the grid and ask only the tail.
    /// A coarser step would put the last point past the lookback and show nothing there
    /// (Node Exporter Full's 10 m steps did): its grid ends at the newest scrape instead, a
    /// whole number of steps after a start at or before `from`. Such a query has few points,
    /// so asking it whole each refresh costs little.
    static func rangeBounds(from fromMs: Int64, to toMs: Int64, step: Int64, scrapeIntervalMs: Int64) -> (start: Int64, end: Int64) {
        let newestScrape = align(toMs, min(step, scrapeIntervalMs))
        if step + scrapeIntervalMs <= lookbackMs {
            let end = ceil(newestScrape, step)
            return (align(min(fromMs, end), step), end)
        }
        let span = max(0, newestScrape - fromMs)
        let steps = span / step + (span % step == 0 ? 0 : 1)
        return (newestScrape - steps * step, newestScrape)
    }

    /// Ceils `t` to a multiple of `step` (the end in Grafana's `alignRange`).
    static func ceil(_ t: Int64, _ step: Int64) -> Int64 {
        let floored = align(t, step)
        return floored == t ? t : floored + step
    }

    /// Panels that get queried: not rows, and not inside collapsed rows unless asked.
    static func visiblePanels(_ dashboard: Dashboard, includeCollapsed: Bool) -> [Panel] {
        dashboard.panels.flatMap { panel -> [Panel] in
            if panel.type == "row" { return includeCollapsed || !panel.collapsed ? panel.panels : [] }
            return [panel]
        }
    }
}

extension Dashboard {
    /// The dashboard's variables with some values replaced (`--var job=execution`): a
    /// value "All" or "$__all" selects All; several values select several.
    public func variables(overriding values: [String: [String]]) -> [Variable] {
        variables.map { variable in
            guard let chosen = values[variable.name] else { return variable }
            var changed = variable
            changed.current = variable.selection(chosen)
            return changed
        }
    }
}
