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
    /// `named` are the other configured servers panels' datasource references resolve to.
    public static func settle(
        _ state: inout AppState, reducer: ViewerReducer = ViewerReducer(), datasource: any Datasource,
        named: [String: any Datasource] = [:], now: Timestamp, knownOptions: [String: [String]] = [:]
    ) async {
        let datasources = DatasourceSet(default: datasource, byName: named)
        let gate = ConnectionGate()
        var effects = reducer.reduce(&state, .start, now: now)
        for _ in 0..<maximumRounds {
            var jobs: [QueryJob] = [], loads: [VariableOptionsRequest] = [], fetchAlerts = false
            var known: [AppEvent] = []
            for effect in effects {
                switch effect {
                case .runQueries(let started): jobs += started
                case .loadVariableOptions(let request):
                    if let values = knownOptions[request.key] {
                        known.append(.variableOptions(dashboardUID: request.dashboardUID, name: request.name, .success(values), query: request.key))
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
                    group.addTask { (index, await answer(job, from: datasources, gate: gate)) }
                }
                for (index, request) in loads.enumerated() {
                    group.addTask {
                        let result = await load(request, from: datasources)
                        return (asked + index, .variableOptions(dashboardUID: request.dashboardUID, name: request.name, result, query: request.key))
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

    /// A variable's options from the server its request names: the viewer's and `snapshot`'s one way.
    static func load(_ request: VariableOptionsRequest, from datasources: DatasourceSet) async -> Result<[String], QueryError> {
        do throws(QueryError) {
            return await VariableOptionsLoader.load(request.query, start: request.start, end: request.end, from: try datasources.datasource(request.datasource))
        } catch {
            return .failure(error)
        }
    }

    static func answer(_ job: QueryJob, from datasources: DatasourceSet, gate: ConnectionGate) async -> AppEvent {
        switch await send(job, to: datasources, gate: gate) {
        case .success(let response): .queryResult(job.id, response, duration: 0)
        case .failure(let error): .queryFailed(job.id, error, duration: 0)
        }
    }

    /// One job against the datasource its key names, within that server's connection limit:
    /// the one way the viewer and `snapshot` send a query.
    /// `incremental` (the live viewer's) asks a range query's new tail only, where it can.
    static func send(
        _ job: QueryJob, to datasources: DatasourceSet, gate: ConnectionGate, incremental: IncrementalQueryCache? = nil
    ) async -> Result<QueryResponse, QueryError> {
        let server = job.key.datasource ?? ""
        await gate.acquire(server)
        let result: Result<QueryResponse, QueryError>
        do throws(QueryError) {
            let datasource = try datasources.datasource(job.key.datasource)
            if job.key.instant {
                result = .success(try await datasource.query(job.key.expr, at: job.range.end))
            } else if let incremental {
                result = .success(try await incremental.queryRange(job.key, range: job.range, signature: job.incremental, datasource: datasource))
            } else {
                result = .success(try await datasource.queryRange(job.key.expr, range: job.range))
            }
        } catch {
            result = .failure(error)
        }
        await gate.release(server)
        return result
    }
}
