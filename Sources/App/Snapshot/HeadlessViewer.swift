import Dashboards
import PromModel

/// The viewer without a terminal: the reducer's start, then its queries and variable loads
/// carried out against the datasource, answers fed back, until nothing more is asked. What
/// `snapshot` draws is the state this leaves, so it is the viewer's own frame.
public enum HeadlessViewer {
    /// Rounds of answers after which a dashboard that keeps asking is drawn as it is.
    static let maximumRounds = 16

    /// `knownOptions`: variable queries already answered (by `VariableResolver`, interpolated
    /// text → values), answered from there instead of asking the datasource a second time.
    public static func settle(
        _ state: inout AppState, reducer: ViewerReducer = ViewerReducer(), datasource: any Datasource, now: Timestamp,
        knownOptions: [String: [String]] = [:]
    ) async {
        var effects = reducer.reduce(&state, .start, now: now)
        for _ in 0..<maximumRounds {
            var jobs: [QueryJob] = [], loads: [VariableOptionsRequest] = [], fetchAlerts = false
            var known: [AppEvent] = []
            for effect in effects {
                switch effect {
                case .runQueries(let started): jobs += started
                case .loadVariableOptions(let request):
                    if let values = knownOptions[request.text] {
                        known.append(.variableOptions(dashboardUID: request.dashboardUID, name: request.name, .success(values), query: request.text))
                    } else {
                        loads.append(request)
                    }
                case .fetchAlerts: fetchAlerts = true
                default: break
                }
            }
            // Known answers first, in the order asked, as the others will be.
            effects = []
            for event in known { effects += reducer.reduce(&state, event, now: now) }
            if fetchAlerts {
                do throws(QueryError) {
                    effects += reducer.reduce(&state, .alerts(.success(try await datasource.alerts())), now: now)
                } catch {
                    effects += reducer.reduce(&state, .alerts(.failure(error)), now: now)
                }
            }
            guard !jobs.isEmpty || !loads.isEmpty || !effects.isEmpty else { return }
            let asked = jobs.count
            let events = await withTaskGroup(of: (Int, AppEvent).self) { group in
                for (index, job) in zip(jobs.indices, jobs) {
                    group.addTask { (index, await answer(job, from: datasource)) }
                }
                for (index, request) in loads.enumerated() {
                    group.addTask {
                        let result = await VariableOptionsLoader.load(request.query, start: request.start, end: request.end, from: datasource)
                        return (asked + index, .variableOptions(dashboardUID: request.dashboardUID, name: request.name, result, query: request.text))
                    }
                }
                var answered: [(Int, AppEvent)] = []
                for await event in group { answered.append(event) }
                return answered
            }
            // In the order asked, so the state does not depend on which answer came first.
            for (_, event) in events.sorted(by: { $0.0 < $1.0 }) { effects += reducer.reduce(&state, event, now: now) }
        }
    }

    static func answer(_ job: QueryJob, from datasource: any Datasource) async -> AppEvent {
        do throws(QueryError) {
            let response = job.key.instant
                ? try await datasource.query(job.key.expr, at: job.range.end)
                : try await datasource.queryRange(job.key.expr, range: job.range)
            return .queryResult(job.id, response, duration: 0)
        } catch {
            return .queryFailed(job.id, error, duration: 0)
        }
    }
}
