import PromModel
import Render

/// What the header reports beyond the dashboard: the datasources' health from the answers
/// the reducer gets, when data last came back, and whether the range shows as absolute times.
public struct HeaderState: Hashable, Sendable {
    /// The servers the panels query; empty in `snapshot`, whose header shows none of this.
    public var datasources: [DatasourceHealth]
    /// The last query answer (data or an error the server sent).
    public var lastAnswerAt: Timestamp?
    /// `T`: the range as resolved from/to times instead of "Last 1h".
    public var absoluteTime = false
    /// Every configured server's URL by name: a server first heard of when a panel queries
    /// it is listed with its URL, so the down banner can say where it is.
    public var urls: [String: String] = [:]

    public init(datasources: [DatasourceHealth] = []) {
        self.datasources = datasources
    }

    /// Failures that mean the server did not answer at all (it answering with an error is
    /// a query's problem, shown on its panel).
    static let unreachableKinds: Set<QueryError.Kind> = [.connection, .tls, .timeout]

    /// A query's outcome for the datasource named `name` (added when first heard of); nil is
    /// the one server of a dashboard that does not route by datasource.
    mutating func record(_ outcome: Result<Void, QueryError>, datasource name: String?, at now: Timestamp) {
        // `snapshot` starts with none and reports none.
        guard !datasources.isEmpty else { return }
        guard let name else { return record(outcome, datasource: 0, at: now) }
        if let index = datasources.firstIndex(where: { $0.name == name }) { return record(outcome, datasource: index, at: now) }
        datasources.append(DatasourceHealth(name: name, url: urls[name] ?? ""))
        record(outcome, datasource: datasources.count - 1, at: now)
    }

    /// A query's outcome, for the datasource at `index` (the one the viewer queries, until
    /// queries name their datasource).
    mutating func record(_ outcome: Result<Void, QueryError>, datasource index: Int = 0, at now: Timestamp) {
        guard datasources.indices.contains(index) else { return }
        switch outcome {
        case .success:
            datasources[index].answered(at: now)
            lastAnswerAt = now
        case .failure(let error) where Self.unreachableKinds.contains(error.kind):
            datasources[index].unreachable(error.summary, at: now)
        case .failure(let error) where error.kind == .canceled:
            break
        case .failure:
            datasources[index].answered(at: now)
            lastAnswerAt = now
        }
    }
}

extension ViewerReducer {
    /// `T` flips the header's range between "Last 1h" and its from/to times.
    func toggleAbsoluteTime(_ state: inout AppState) -> [Effect] {
        state.header.absoluteTime.toggle()
        return [.redraw]
    }
}
