import PromModel
import Render
import TerminalTypes

extension ViewerReducer {
    /// `m`: the explorer's list, asking for the metric names and metadata it has not got.
    func openMetricExplorer(_ state: inout AppState, now: Timestamp) -> [Effect] {
        state.metricExplorer = MetricExplorerState()
        return askForMetrics(&state, now: now) + [.fullRedraw]
    }

    /// Names and metadata the cache lacks (one ask of each at a time).
    func askForMetrics(_ state: inout AppState, now: Timestamp) -> [Effect] {
        var effects: [Effect] = []
        let (start, end) = state.window.resolve(now: now)
        if state.completions.answers[CompletionQuery.metricNames] == nil, !state.completions.asking.contains(CompletionQuery.metricNames) {
            state.completions.asking.insert(CompletionQuery.metricNames)
            effects.append(.fetchCompletions(CompletionQuery.metricNames, start: start, end: end))
        }
        if state.completions.metadata == nil, !state.completions.metadataAsked {
            state.completions.metadataAsked = true
            effects.append(.fetchMetadata)
        }
        return effects
    }

    /// Keys while the explorer is open (after the overlays'): nil lets a key of the metric's
    /// ad-hoc panel through to the usual map.
    func metricExplorerKey(_ key: Key, _ state: inout AppState, now: Timestamp) -> [Effect]? {
        guard var explorer = state.metricExplorer else { return nil }
        if var opened = explorer.opened {
            let rows = MetricExplorerModel.visibleRows(height: breakdownHeight(state))
            let count = state.breakdownRows.count
            switch key {
            case .escape:
                // Back to the list, the metric's query dropped.
                let effects = cancelAll(&state)
                state.adhoc = nil
                state.explore.series = SeriesExplorer()
                explorer.opened = nil
                state.metricExplorer = explorer
                return effects + [.fullRedraw]
            // No highlight: a page scrolls from the edge of what is shown.
            case .pageDown:
                opened.cursor.select(opened.cursor.top + rows - 1, count: count, visibleRows: rows)
                opened.cursor.page(1, count: count, visibleRows: rows)
            case .pageUp:
                opened.cursor.select(opened.cursor.top, count: count, visibleRows: rows)
                opened.cursor.page(-1, count: count, visibleRows: rows)
            // Until the panel runs, the dashboard hidden beneath gets no keys but quit.
            default: return state.adhoc == nil && key != .char("q") ? [] : nil
            }
            explorer.opened = opened
            state.metricExplorer = explorer
            return [.redraw]
        }
        let count = state.metricList?.count ?? 0
        let rows = MetricExplorerModel.visibleRows(height: Geometry.canvasHeight(state.size))
        switch key {
        case .escape:
            state.metricExplorer = nil
            return refresh(&state, now: now, force: false) + [.fullRedraw]
        // Letters filter here, so j and k are not moves.
        case _ where Self.moveCursor(&explorer.cursor, key, count: count, visibleRows: rows, letters: false): break
        case .backspace, .ctrl("h"):
            explorer.filter = String(explorer.filter.dropLast())
            explorer.cursor.first()
        case .ctrl("u"):
            explorer.filter = ""
            explorer.cursor.first()
        case .char(let c) where !c.isNewline:
            // Every printable key filters: the list has no letter commands to shadow.
            explorer.filter.append(c)
            explorer.cursor.first()
        case .enter:
            guard let list = state.metricList, list.indices.contains(explorer.cursor.selection) else { return [] }
            let name = list[explorer.cursor.selection].name
            explorer.opened = OpenedMetric(name: name)
            state.metricExplorer = explorer
            let (start, end) = state.window.resolve(now: now)
            return cancelAll(&state) + [.fetchSeries(metric: name, start: start, end: end), .fullRedraw]
        default: return []
        }
        state.metricExplorer = explorer
        return [.redraw]
    }

    /// `/api/v1/series` for the opened metric: the breakdown, then its default query runs as
    /// the ad-hoc panel (also when the series failed: the query may still answer).
    func receiveMetricSeries(_ metric: String, _ result: Result<[Labels], QueryError>, _ state: inout AppState, now: Timestamp) -> [Effect] {
        // An answer for a metric no longer open was cancelled by the user moving on.
        guard var explorer = state.metricExplorer, var opened = explorer.opened, opened.name == metric else { return [] }
        opened.breakdown = result.map { LabelBreakdown(series: $0) }
        explorer.opened = opened
        state.metricExplorer = explorer
        let metadata = MetricMetadata.lookup(metric, in: state.completions.metadata ?? [:])
        let label = (try? result.get()).flatMap { LabelBreakdown(series: $0).groupingLabel }
        var effects = cancelAll(&state)
        state.adhoc = AdhocState(expr: DefaultQuery.expr(metric: metric, metadata: metadata, groupBy: label))
        state.explore.series = SeriesExplorer()
        effects += refresh(&state, now: now, force: true)
        return effects + [.fullRedraw]
    }

    func receiveMetadata(_ result: Result<[String: [MetricMetadata]], QueryError>, _ state: inout AppState) -> [Effect] {
        state.completions.metadataAsked = false
        switch result {
        case .success(let metadata): state.completions.metadata = metadata
        case .failure(let error):
            // Without metadata every metric reads "unknown"; the reason is kept for the heading.
            state.completions.metadata = [:]
            state.completions.metadataError = error.summary
        }
        refreshCompletionDetails(&state)
        return [.redraw]
    }

    /// Lines the breakdown takes above the opened metric's panel: its rows and a heading,
    /// at most a third of the body so the graph keeps its height.
    func breakdownHeight(_ state: AppState) -> Int {
        MetricExplorerFrame.breakdownHeight(rows: state.breakdownRows.count, body: Geometry.canvasHeight(state.size))
    }
}
