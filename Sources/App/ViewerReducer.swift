import Dashboards
import PromModel
import Render
import TerminalTypes

/// The viewer's state machine: `(state, event) -> effects`, with no I/O, so every
/// transition is a unit test away.
public struct ViewerReducer: Sendable {
    /// Grafana's interval rules for the dashboards module's query plan.
    public var calculator: IntervalCalculator

    public init(calculator: IntervalCalculator = IntervalCalculator()) {
        self.calculator = calculator
    }

    /// The header shows the next refresh as a time of day, which stays true without
    /// ticking: the idle viewer's one wake-up is the due refresh (issue #18).
    public func reduce(_ state: inout AppState, _ event: AppEvent, now: Timestamp) -> [Effect] {
        switch event {
        case .start:
            return activateDashboard(&state, now: now)
        case .key(let key):
            return handleKey(key, &state, now: now)
        case .mouse(let mouse):
            return handleMouse(mouse, &state, now: now)
        case .resize(let size):
            state.size = size
            clampScroll(&state)
            // New widths mean new steps: replan what is visible (in-flight ones are kept).
            return [.fullRedraw] + refresh(&state, now: now, force: false)
        case .tick:
            return handleTick(&state, now: now)
        case .queryResult(let id, let response, let duration):
            let window = state.inFlight[id].map { state.window.resolve(now: $0.startedAt) }
            noteHealth(id, error: nil, &state, now: now)
            return finishQuery(id, &state, now: now, duration: duration) { panel, consumer, query in
                let answered = AnsweredQuery(expr: query.key.expr, legendFormat: consumer.legendFormat)
                if query.key.instant {
                    // Unchanged values keep the drawing's inputs, so the panel draws nothing new.
                    if panel.answeredQueries[consumer.refID] == answered, panel.results[consumer.refID]?.hasSameValues(as: response.result) == true {
                        panel.lastSuccess = now
                        panel.warnings = response.warnings
                        return
                    }
                    if let window, panel.queries.allSatisfy(\.instant) {
                        panel.range = QueryRange(start: window.start, end: window.end, step: 15_000)
                    }
                }
                panel.results[consumer.refID] = response.result
                panel.answeredQueries[consumer.refID] = answered
                if !query.key.instant { panel.range = query.range }
                panel.lastSuccess = now
                panel.warnings = response.warnings
            }
        case .queryFailed(let id, let error, let duration):
            noteHealth(id, error: error, &state, now: now)
            return finishQuery(id, &state, now: now, duration: duration) { panel, _, _ in
                panel.lastError = error
                panel.lastErrorAt = now
            }
        case .alerts(let result):
            switch result {
            case .success(let alerts): state.alerts = .loaded(alerts, at: now)
            case .failure(let error): state.alerts = .failed(error)
            }
            return [.redraw]
        case .alertmanager(let snapshot):
            guard state.alertmanager != .notConfigured else { return [] }
            state.alertmanager = .loaded(snapshot, at: now)
            return [.redraw]
        case .silenceCreated(let result):
            return silenceCreated(result, &state, now: now)
        case .silenceExpired(let id, let error):
            return silenceExpired(id: id, error: error, &state)
        case .variableOptions(let uid, let name, let result, let query):
            return receiveVariableOptions(uid: uid, name: name, result, query: query, &state, now: now)
        case .fileWritten(let path, let error):
            state.status = error.map { StatusMessage(text: "Export failed: \($0)", isError: true, at: now) }
                ?? StatusMessage(text: "Exported to \(path)", isError: false, at: now)
            return [.redraw]
        case .completions(let query, let result):
            // The explorer's list is drawn from the same answers.
            return receiveCompletions(query, result, &state) + (state.metricExplorer != nil ? [.redraw] : [])
        case .metadata(let result):
            return receiveMetadata(result, &state)
        case .metricSeries(let metric, let result):
            return receiveMetricSeries(metric, result, &state, now: now)
        case .copied(let text, let error):
            return copied(text, error: error, &state, now: now)
        case .terminate:
            return cancelAll(&state) + [.quit]
        case .suspend:
            return [.suspend, .fullRedraw]
        }
    }

    // MARK: Ticks and results

    private func handleTick(_ state: inout AppState, now: Timestamp) -> [Effect] {
        var effects: [Effect] = [.redraw]
        guard !state.paused, let interval = state.refreshInterval else { return effects }
        // A tick a little early (timer slack) still counts.
        let due = state.lastRefreshAt.map { now - $0 >= interval - interval / 20 } ?? true
        // A due tick restarts the refresh clock even when every panel is still busy, so a
        // slow server gets one interval of slack instead of a storm of ticks.
        if due { effects += refresh(&state, now: now, force: true) }
        effects.append(.scheduleTick(at: (state.lastRefreshAt ?? now) + interval))
        return effects
    }

    private func finishQuery(
        _ id: QueryID, _ state: inout AppState, now: Timestamp, duration: Int64,
        apply: (inout PanelState, PanelTarget, InFlightQuery) -> Void
    ) -> [Effect] {
        // Unknown ids were cancelled (time range or dashboard changed): drop their answers.
        guard let query = state.inFlight.removeValue(forKey: id) else { return [] }
        for consumer in query.consumers {
            if consumer.panelID == AdhocState.panelID {
                guard state.adhoc != nil else { continue }
                state.adhoc?.panel.pending.remove(id)
                apply(&state.adhoc!.panel, consumer, query)
                state.adhoc?.panel.lastDuration = duration
                continue
            }
            var panel = state.panels[consumer.panelID] ?? PanelState()
            let firstOfRefresh = panel.pending.count == panel.queries.count
            panel.pending.remove(id)
            apply(&panel, consumer, query)
            panel.lastDuration = firstOfRefresh ? duration : max(panel.lastDuration ?? 0, duration)
            state.panels[consumer.panelID] = panel
        }
        return [.redraw]
    }

    // MARK: Mouse

    private func handleMouse(_ mouse: MouseEvent, _ state: inout AppState, now: Timestamp) -> [Effect] {
        if state.overlay == .alerts {
            // The wheel scrolls a long alerts list.
            switch mouse.kind {
            case .wheelUp: return moveAlertsCursor(&state, now: now) { $0.move(by: -3, count: $1, visibleRows: $2) }
            case .wheelDown: return moveAlertsCursor(&state, now: now) { $0.move(by: 3, count: $1, visibleRows: $2) }
            case .click: return []
            }
        }
        guard state.overlay == nil, state.zoomedPanelID == nil, state.metricExplorer == nil else { return [] }
        switch mouse.kind {
        case .wheelUp: return scroll(&state, by: -3, now: now)
        case .wheelDown: return scroll(&state, by: 3, now: now)
        case .click:
            let canvasY = mouse.y - Geometry.headerHeight + state.scroll
            guard let hit = frames(state).first(where: { $0.rect.contains(x: mouse.x, y: canvasY) }) else { return [] }
            state.focusedPanelID = hit.panelID
            // A click on a row header opens or closes it, as in Grafana.
            if state.focusedRow != nil { return toggleRow(hit.panelID, &state, now: now) }
            return [.redraw]
        }
    }
}

/// Fixed parts of the screen around the dashboard canvas, as the frame renderer draws them.
public enum Geometry {
    public static let headerHeight = DashboardRenderer.headerHeight

    public static func canvasHeight(_ size: TerminalSize) -> Int {
        DashboardRenderer.bodyHeight(screenHeight: size.height)
    }
}
