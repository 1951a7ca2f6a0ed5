import App
import ArgumentParser
import Bundled
import Dashboards
import Foundation
import PromModel
import Render
import Simulator

/// Where the commands get their parts: dashboards from disk or built in, the demo's platform, and the
/// viewer's planner, layout and renderer from the dashboards and render modules.
enum Wiring {
    /// `--dashboards DIR`, else the first place of `search` with dashboards; with none,
    /// `view` falls back to a built-in overview of any Prometheus.
    static func viewDashboards(directory: String?, search: DashboardSearch) throws -> [Dashboard] {
        if let directory { return try loadDashboards(directory: directory) }
        let found = try search.find().files
        return found.isEmpty ? [BuiltinDashboards.prometheusOverview] : found.map(\.dashboard)
    }

    /// Every dashboard of `directory` (a file or a directory); an error when there is none.
    static func loadDashboards(directory: String) throws -> [Dashboard] {
        let files = try loadCatalog(directory)
        guard !files.isEmpty else { throw ValidationError("no dashboards in \(directory)") }
        return files.map(\.dashboard)
    }

    /// The loadable dashboards of `path`, warning on stderr about those that fail.
    static func loadCatalog(_ path: String) throws -> [DashboardFile] {
        let catalog: DashboardCatalog
        do {
            catalog = try DashboardLoader().load(path)
        } catch {
            throw ValidationError(error.description)
        }
        for failure in catalog.failures {
            FileHandle.standardError.write(Data("warning: skipped \(failure)\n".utf8))
        }
        return catalog.files
    }

    /// The example dashboards built into the binary (the repository's dashboards/).
    static func bundledDashboards() throws -> [DashboardFile] {
        do {
            return try Bundled.dashboards.map { file throws(DashboardLoadError) in
                try DashboardLoader().parse(Array(file.text.utf8), path: file.path)
            }
        } catch {
            throw ValidationError("built-in \(error.description)")
        }
    }

    /// The demo's dashboards, Service Health Overview first: `--dashboards DIR`, else the
    /// built-in ones, so `demo` runs from any directory.
    static func demoDashboards(directory: String?) throws -> [Dashboard] {
        let dashboards = try directory.map(loadDashboards) ?? bundledDashboards().map(\.dashboard)
        let order = ["Service Health Overview", "Trading Performance", "EventBus Monitoring", "Infrastructure Metrics"]
        return dashboards.sorted { lhs, rhs in
            (order.firstIndex(of: lhs.title) ?? order.count, lhs.title) < (order.firstIndex(of: rhs.title) ?? order.count, rhs.title)
        }
    }

    /// The simulation with an hour of history in the embedded store, live from now on. The
    /// history fills in the background so the first frame does not wait for it.
    static func liveDemoDatasource(seed: UInt64) -> DeferredDatasource<LiveDemoDatasource> {
        let rules = demoAlertRules()
        return DeferredDatasource {
            LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: Viewer.wallClock()), clock: Viewer.wallClock, alertRules: rules)
        }
    }

    /// deploy/alerts.yml as built in, for the demo's alerts view.
    static func demoAlertRules() -> [AlertRule] {
        guard let file = Bundled.alertRules else { return [] }
        do {
            return try AlertRule.load(yaml: file.text)
        } catch {
            FileHandle.standardError.write(Data("warning: built-in \(file.path): \(error)\n".utf8))
            return []
        }
    }

    /// The simulation frozen at `time` (for `query` and `snapshot`, which must be repeatable).
    static func frozenDemoDatasource(seed: UInt64, at time: Timestamp) -> LiveDemoDatasource {
        LiveDemoDatasource(platform: DemoPlatform(seed: seed, now: time), clock: { time })
    }

    static func reducer() -> ViewerReducer {
        ViewerReducer(planner: GrafanaQueryPlanner(), layout: RenderLayout())
    }

    static func renderer(options: RenderOptions) -> Viewer.FrameRendering {
        let frames = FrameRenderer(layout: RenderLayout(), panels: WidgetPanelRenderer(options: options))
        return { state, size, now in frames.render(state, size: size, now: now) }
    }
}
