import Dashboards
import PromModel

/// Panels wait for the variables they use while those load, as Grafana's do: its query runner
/// skips a run while `hasVariableDependencyInLoadingState` (grafana/scenes,
/// packages/scenes/src/variables/utils.ts: a variable loading or waiting to update), and runs
/// once the variable set has settled. A dashboard whose saved values are stale (a job → node
/// chain on another machine) then opens with one round of panel queries, not one per level of
/// the chain, each cancelled by the next while the server works on all of them.
extension ViewerReducer {
    /// Query variables of the current dashboard with a request out, and every variable that
    /// depends on one of them (it may be asked again when that one answers).
    func waitingVariables(_ state: AppState) -> Set<String> {
        guard let dashboard = state.dashboard, let loading = state.variablesLoading[dashboard.uid], !loading.isEmpty else { return [] }
        return withDependents(loading, in: dashboard)
    }

    /// These variables and every variable that uses one of them, directly or through others.
    func withDependents(_ names: Set<String>, in dashboard: Dashboard) -> Set<String> {
        let chain = VariableChain(dashboard.variables)
        var found = names
        var frontier = Array(names)
        while let name = frontier.popLast() {
            for dependent in chain.dependents(of: name) where found.insert(dependent).inserted {
                frontier.append(dependent)
            }
        }
        return found
    }

    /// Variables changed value: the panels that use them (or a variable that depends on
    /// them) ask again, as Grafana re-runs only the queries that depend on a changed
    /// variable; the other panels keep what they have and what they are asking.
    func restart(_ state: inout AppState, now: Timestamp, changed names: Set<String>) -> [Effect] {
        guard state.adhoc == nil, let dashboard = state.dashboard else { return restart(&state, now: now) }
        let touched = withDependents(names, in: dashboard)
        let affected = Set(state.panelVariableReferences.lazy.filter { !$0.value.isDisjoint(with: touched) }.map(\.key))
        let stale = state.inFlight.filter { $0.value.consumers.contains { affected.contains($0.panelID) } }
        var effects: [Effect] = []
        if !stale.isEmpty {
            let ids = stale.keys.sorted()
            let gone = Set(ids)
            for id in ids { state.inFlight[id] = nil }
            for id in state.panels.keys where !(state.panels[id]?.pending.isDisjoint(with: gone) ?? true) {
                state.panels[id]?.pending.subtract(gone)
            }
            effects.append(.cancelQueries(ids))
        }
        // A cancelled query shared with a panel that does not use the variable is that panel's too.
        let again = affected.union(stale.values.flatMap { $0.consumers.map(\.panelID) })
        effects += refresh(&state, now: now, force: true, only: again)
        effects.append(.redraw)
        if let interval = state.refreshInterval, !state.paused { effects.append(.scheduleTick(at: now + interval)) }
        return effects
    }

    /// Of these panels, the ones whose queries use a waiting variable.
    func panelsWaitingForVariables(_ state: AppState, among ids: some Sequence<Int>) -> Set<Int> {
        let waiting = waitingVariables(state)
        guard !waiting.isEmpty else { return [] }
        let references = state.panelVariableReferences
        return Set(ids.lazy.filter { !(references[$0]?.isDisjoint(with: waiting) ?? true) })
    }

    /// A variable answered (or failed): the panels it held back that no longer wait are queried.
    func releasePanelsAwaitingVariables(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard !state.panelsAwaitingVariables.isEmpty else { return [] }
        let ready = state.panelsAwaitingVariables.subtracting(panelsWaitingForVariables(state, among: state.panelsAwaitingVariables))
        guard !ready.isEmpty else { return [] }
        return refresh(&state, now: now, force: false, only: ready)
    }
}
