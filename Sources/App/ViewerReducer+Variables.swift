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
            guard force || state.variableQueries[uid]?[name] != request.key else { continue }
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
        let values: [String]
        switch result {
        case .failure(let error):
            state.status = StatusMessage(text: "Variable $\(name): \(error.summary)", isError: true, at: now)
            return [.redraw]
        case .success(let loaded):
            values = loaded
        }
        let variable = state.dashboards.first { $0.uid == uid }?.variables.first { $0.name == name }
        let definition = variable ?? Variable(name: name, kind: .query)
        let options = VariableFilter.options(from: values, for: definition)
        let copiesBefore = repeatedCopies(state)
        let optionsBefore = state.variableOptions[uid]?[name]
        state.variableOptions[uid, default: [:]][name] = options
        var effects: [Effect] = [.redraw]
        let current = state.selections[uid]?[name] ?? []
        // A value given with --var stands, as a URL's var-name does in Grafana.
        let chosen = state.pinnedVariables.contains(name) ? current
            : VariableSelection.onLoad(current: current, options: options, variable: definition)
        if chosen != current {
            // Grafana's choice when the saved value is gone: All if offered, else the first.
            state.selections[uid, default: [:]][name] = chosen
            if state.dashboard?.uid == uid { effects = restart(&state, now: now) }
        } else if state.dashboard?.uid == uid,
                  repeatedCopies(state) != copiesBefore || (current.contains(Variable.allValueMarker) && optionsBefore != options) {
            // New options under "All" change what All expands to and which repeated copies exist.
            effects = restart(&state, now: now)
        }
        guard state.dashboard?.uid == uid else { return effects }
        let dependents = Set(VariableChain(state.dashboard?.variables ?? []).dependents(of: name))
        return effects + requestVariableOptions(&state, now: now, only: dependents, force: false)
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
