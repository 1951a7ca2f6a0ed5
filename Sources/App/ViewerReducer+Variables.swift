import Dashboards
import PromModel

extension ViewerReducer {
    /// Requests options for the current dashboard's query variables (or only `names`) whose
    /// referenced variables are settled, interpolated with their current values, parents
    /// before children. Without `force`, a variable whose interpolated query is the one
    /// already sent is left alone. Variables on a reference cycle get an error, not a request.
    func requestVariableOptions(_ state: inout AppState, now: Timestamp, only names: Set<String>? = nil, force: Bool) -> [Effect] {
        guard let dashboard = state.dashboard else { return [] }
        let chain = VariableChain(dashboard.variables)
        let uid = dashboard.uid
        var effects: [Effect] = []
        if chain.errors != (state.variableErrors[uid] ?? [:]) {
            state.variableErrors[uid] = chain.errors
            if let (name, error) = chain.errors.min(by: { $0.key < $1.key }) {
                state.status = StatusMessage(text: "Variable $\(name): \(error)", isError: true, at: now)
                effects.append(.redraw)
            }
        }
        let (start, end) = state.window.resolve(now: now)
        let byName = Dictionary(dashboard.variables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in chain.order {
            guard let variable = byName[name], variable.kind == .query, names?.contains(name) ?? true else { continue }
            // A parent still loading its first options: this one follows when it arrives.
            let settled = (chain.dependencies[name] ?? []).allSatisfy { parent in
                byName[parent]?.kind != .query || state.variableOptions[uid]?[parent] != nil
            }
            guard settled else { continue }
            let interpolator = TemplateInterpolator(
                variables: state.effectiveVariables, builtIns: VariableSelection.builtIns(dashboard: dashboard, start: start, end: end))
            let text = interpolator.interpolate(variable.query)
            // The variable's own datasource answers (`${ds}` follows that variable), never
            // the default in its place.
            let server: String?
            switch state.datasources.resolve(variable.datasource, interpolator: interpolator) {
            case .success(let resolved):
                server = resolved
            case .failure(let error):
                state.status = StatusMessage(text: "Variable $\(name): \(error.summary)", isError: true, at: now)
                effects.append(.redraw)
                continue
            }
            var request = VariableOptionsRequest(
                dashboardUID: uid, name: name, label: "", selectors: [], start: start, end: end, text: text, query: VariableQuery(text),
                datasource: server)
            let asked = state.variableQueries[uid]?[name]
            guard force || asked != request.key else { continue }
            // Panels wait for a new question (a first load, a parent changed), not for the
            // same one asked again to freshen the picker's list.
            if asked != request.key || state.variableOptions[uid]?[name] == nil {
                state.variablesLoading[uid, default: []].insert(name)
            }
            state.variableQueries[uid, default: [:]][name] = request.key
            let query = request.query
            if case .labelValues(let selector, let label) = query {
                request.label = label
                request.selectors = selector.map { [$0] } ?? []
            }
            effects.append(.loadVariableOptions(request))
        }
        return effects
    }

    /// Options arrived: keep the selection if still offered (else All or the first, as
    /// Grafana does), then refresh the variables that use this one when their query changed.
    func receiveVariableOptions(
        uid: String, name: String, _ result: Result<[String], QueryError>, query: String?, _ state: inout AppState, now: Timestamp
    ) -> [Effect] {
        // An answer to a query asked before a parent changed: a newer one is on its way.
        if let query, let latest = state.variableQueries[uid]?[name], latest != query { return [] }
        state.variablesLoading[uid]?.remove(name)
        let values: [String]
        switch result {
        case .failure(let error):
            // The panels that waited for it go out with the values they have.
            state.status = StatusMessage(text: "Variable $\(name): \(error.summary)", isError: true, at: now)
            return [.redraw] + releasePanelsAwaitingVariables(&state, now: now)
        case .success(let loaded):
            values = loaded
        }
        let variable = state.dashboards.first { $0.uid == uid }?.variables.first { $0.name == name }
        let definition = variable ?? Variable(name: name, kind: .query)
        let options = VariableFilter.options(from: values, for: definition)
        let copiesBefore = repeatedCopies(state)
        let optionsBefore = state.variableOptions[uid]?[name]
        state.variableOptions[uid, default: [:]][name] = options
        let current = state.selections[uid]?[name] ?? []
        // A value given with --var stands, as a URL's var-name does in Grafana.
        let chosen = state.pinnedVariables.contains(name) ? current
            : VariableSelection.onLoad(current: current, options: options, variable: definition)
        // Grafana's choice when the saved value is gone: All if offered, else the first.
        if chosen != current { state.selections[uid, default: [:]][name] = chosen }
        guard state.dashboard?.uid == uid else { return [.redraw] }
        // The variables that use this one are asked first, so the panels that use them wait
        // for their answers instead of going out with values about to change.
        let dependents = Set(VariableChain(state.dashboard?.variables ?? []).dependents(of: name))
        let requests = requestVariableOptions(&state, now: now, only: dependents, force: false)
        // New repeated copies: the layout changed, every panel starts again.
        if repeatedCopies(state) != copiesBefore { return requests + restart(&state, now: now) }
        // A new value, or new options under "All" (what All expands to).
        if chosen != current || (current.contains(Variable.allValueMarker) && optionsBefore != options) {
            return requests + restart(&state, now: now, changed: [name])
        }
        return requests + [.redraw] + releasePanelsAwaitingVariables(&state, now: now)
    }

    /// The current dashboard's panels with their repeat values, to notice a re-expansion.
    func repeatedCopies(_ state: AppState) -> [PanelScope] {
        guard let source = state.sourceDashboard,
              source.panels.contains(where: { $0.repeatVariable != nil || $0.panels.contains { $0.repeatVariable != nil } }),
              let dashboard = state.dashboard else { return [] }
        return (dashboard.panels + dashboard.allPanels).map { PanelScope(panelID: $0.id, scope: $0.scopedVariables) }
    }
}

struct PanelScope: Hashable {
    var panelID: Int
    var scope: [String: String]
}
