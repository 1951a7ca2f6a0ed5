import App
import Dashboards
import PromModel

/// Where pieces built on other branches plug into `view` and `demo`. Each function says
/// what it needs; until it is wired it fails with a message naming the missing piece.
enum Seams {
    /// `--url URL` / `--datasource NAME` → the PrometheusAPI HTTP client (NAME resolved
    /// through the YAML config). Not wired yet: every query fails with a clear error, so the
    /// viewer shows honest error states.
    static func datasource(url: String?, name: String?) throws -> any Datasource {
        UnwiredDatasource(reason: "the HTTP client (PrometheusAPI) is not wired into this build")
    }

    /// `--dashboards DIR` → the Dashboards loader (Grafana JSON files). With no directory the
    /// viewer shows the built-in Prometheus overview.
    static func loadDashboards(directory: String?) throws -> [Dashboard] {
        guard let directory else { return [BuiltinDashboards.prometheusOverview] }
        throw ValidationErrorMessage("cannot load dashboards from \(directory): the dashboard loader is not wired into this build")
    }

    /// `demo` → the simulator feeding the embedded store (an hour of history), answered by
    /// the embedded PromQL engine.
    static func demoDatasource(seed: UInt64) async throws -> any Datasource {
        throw ValidationErrorMessage("promdeck demo needs the simulator and the PromQL engine, which are not wired into this build")
    }

    /// `demo` → the four dashboards of the trading platform, Service Health Overview first.
    static func demoDashboards() throws -> [Dashboard] {
        throw ValidationErrorMessage("the demo dashboards are not wired into this build")
    }

    /// The reducer's query planner and layout (the dashboards module's planner, the render
    /// module's layout), and the frame renderer (the render module's widgets).
    static func reducer() -> ViewerReducer { ViewerReducer(planner: SimpleQueryPlanner(), layout: GridLayout()) }
    static func renderer(for reducer: ViewerReducer) -> Viewer.FrameRendering? { nil }
}

/// A datasource that explains why it cannot answer.
struct UnwiredDatasource: Datasource {
    let reason: String

    private var error: QueryError { QueryError(.configuration, reason, summary: "not wired") }

    func query(_ expr: String, at time: Timestamp) async throws(QueryError) -> QueryResponse { throw error }
    func queryRange(_ expr: String, range: QueryRange) async throws(QueryError) -> QueryResponse { throw error }
    func series(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [Labels] { throw error }
    func labelNames(matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] { throw error }
    func labelValues(_ name: String, matching selectors: [String], start: Timestamp, end: Timestamp) async throws(QueryError) -> [String] {
        throw error
    }
    func alerts() async throws(QueryError) -> [Alert] { throw error }
}

struct ValidationErrorMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
