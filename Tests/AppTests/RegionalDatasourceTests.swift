import Bundled
import Dashboards
import Foundation
import PromModel
import Render
import Simulator
import Terminal
import Testing
@testable import App

/// Several servers on one screen without a network: `demo --regions`' platforms (one per
/// region, its samples labelled `region`, and a global one holding both), query variables
/// asking their own datasource, the header naming a non-default server with its URL, and the
/// bundled Regions Overview drawn over them.
@Suite struct RegionalDatasourceTests {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000
    static let names = ["region-a", "region-b", "global"]
    static let catalog = DatasourceCatalog(entries: names.map { DatasourceIdentity(name: $0, uid: $0, type: "prometheus") }, defaultName: "region-a")

    /// Frozen at `now`: region a, region b (another seed), and global with both.
    static func servers() -> [String: any Datasource] {
        let regions = DemoRegion.regions(2, seed: 1)
        func frozen(_ regions: [DemoRegion]) -> any Datasource {
            LiveDemoDatasource(platform: DemoPlatform(regions: regions, now: now, history: 900_000), clock: { now })
        }
        return ["region-a": frozen([regions[0]]), "region-b": frozen([regions[1]]), "global": frozen(regions)]
    }

    static let variables = Dashboard(uid: "v", title: "V", variables: [
        Variable(name: "ds", kind: .datasource, query: "prometheus", current: ["region-b"], regex: "/^region-/"),
        Variable(name: "onDS", kind: .query, query: "label_values(http_requests_total, region)", datasource: DatasourceRef(type: "prometheus", uid: "${ds}")),
        Variable(name: "everywhere", kind: .query, query: "label_values(http_requests_total, region)", datasource: DatasourceRef(type: "prometheus", uid: "global"),
                 multi: true, includeAll: true),
        Variable(name: "plain", kind: .query, query: "label_values(http_requests_total, region)"),
        Variable(name: "lost", kind: .query, query: "label_values(http_requests_total, region)", datasource: DatasourceRef(type: "prometheus", uid: "nowhere")),
    ])

    @Test func regionsCarryTheirLabelAndTheGlobalStoreHoldsThemAll() async throws {
        let servers = Self.servers()
        func regions(_ name: String) async throws -> [String] {
            try await servers[name]?.labelValues("region", matching: ["http_requests_total"], start: Self.now - 300_000, end: Self.now) ?? []
        }
        #expect(try await regions("region-a") == ["a"])
        #expect(try await regions("region-b") == ["b"])
        #expect(try await regions("global") == ["a", "b"])
        // Other seeds, other traffic: the regions are not copies of each other.
        func trades(_ region: String) async throws -> Double? {
            let answer = try await servers["global"]?.query(#"sum(trades_executed_total{region="\#(region)"})"#, at: Self.now)
            guard case .vector(let samples) = answer?.result else { return nil }
            return samples.first?.sample.value
        }
        let a = try await trades("a"), b = try await trades("b")
        #expect(a != nil && b != nil && a != b)
        #expect(DemoRegion.regions(3, seed: 5).map(\.name) == ["a", "b", "c"])
        #expect(Set(DemoRegion.regions(3, seed: 5).map(\.seed)).count == 3)
    }

    @Test func theViewerAsksEachVariablesOwnDatasource() {
        let state = AppState(dashboards: [Self.variables], window: .relative(span: 3_600_000, offset: 0), size: TerminalSize(width: 120, height: 40),
                             datasourceNames: Self.names, datasources: Self.catalog)
        var harness = Harness(state)
        let requests = harness.send(.start).compactMap { effect -> VariableOptionsRequest? in
            if case .loadVariableOptions(let request) = effect { request } else { nil }
        }
        let byName = Dictionary(requests.map { ($0.name, $0.datasource) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["onDS"] == .some("region-b"), "${ds} follows the datasource variable")
        #expect(byName["everywhere"] == .some("global"))
        #expect(byName["plain"] == .some(nil), "no datasource of its own: the default")
        #expect(byName["lost"] == nil, "an unknown uid is not asked of another server")
        #expect(harness.state.status?.text.contains("datasource uid 'nowhere' not configured") == true)
        // The same text asked of two servers is two answers.
        #expect(Set(requests.filter { $0.text == "label_values(http_requests_total, region)" }.map(\.key)).count == 3)
        #expect(VariableChain(Self.variables.variables).dependencies["onDS"] == ["ds"])

        // Picking another server for `ds` asks the variables on `${ds}` again, of that server.
        harness.state.overlay = .variableOptions(name: "ds", selection: 0, chosen: [])
        let again = harness.press(.enter).compactMap { effect -> VariableOptionsRequest? in
            if case .loadVariableOptions(let request) = effect { request } else { nil }
        }
        #expect(again.map(\.name) == ["onDS"])
        #expect(again.first?.datasource == "region-a")
    }

    @Test func snapshotResolutionAsksEachVariablesOwnDatasource() async {
        let servers = Self.servers()
        let resolved = await VariableResolver.resolve(
            Self.variables, datasource: servers["region-a"]!, named: servers, catalog: Self.catalog, datasourceNames: Self.names,
            start: Self.now - 300_000, end: Self.now)
        let byName = Dictionary(uniqueKeysWithValues: resolved.variables.map { ($0.name, $0) })
        #expect(byName["ds"]?.options == ["region-a", "region-b"])
        #expect(byName["onDS"]?.options == ["b"])
        #expect(byName["everywhere"]?.options == ["a", "b"])
        #expect(byName["plain"]?.options == ["a"])
        #expect(resolved.errors["lost"]?.contains("datasource uid 'nowhere' not configured") == true)
        #expect(resolved.answers[ResolvedVariables.answerKey("label_values(http_requests_total, region)", datasource: "global")] == ["a", "b"])
    }

    @Test func aServerFirstHeardOfKeepsItsURLForTheBanner() {
        var header = HeaderState(datasources: [DatasourceHealth(name: "region-a", url: "http://a:9090")])
        header.urls = ["region-a": "http://a:9090", "region-b": "http://b:9090"]
        header.record(.success(()), datasource: "region-a", at: Self.now)
        header.record(.failure(QueryError(.connection, "connection refused", summary: "connection refused")), datasource: "region-b", at: Self.now)
        #expect(header.datasources.map(\.name) == ["region-a", "region-b"])
        #expect(header.datasources[1].url == "http://b:9090")
        #expect(header.datasources[1].state == .unreachable)
        let bar = HeaderBar(model: HeaderModel(title: "Regions", timeRange: "Last 1h", datasources: header.datasources))
        var buffer = Buffer(width: 160, height: 1)
        bar.render(into: &buffer, area: Rect(x: 0, y: 0, width: 160, height: 1), theme: Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true)))
        let line = buffer.lines[0]
        #expect(line.contains("region-b unreachable"), "\(line)")
        #expect(line.contains("(http://b:9090)"), "\(line)")
    }

    struct Frame: Decodable {
        struct Series: Decodable { var refId: String; var labels: [String: String] }
        struct Panel: Decodable { var title: String; var status: String; var series: [Series] }
        var panels: [Panel]
    }

    /// The bundled Regions Overview over two regions: every panel reads the server it names.
    @Test func theRegionsOverviewDrawsEveryRegion() async throws {
        let file = try #require(Bundled.regionDashboards.first { $0.path.hasSuffix("regions-overview.json") })
        let dashboard = try DashboardLoader().parse(Array(file.text.utf8), path: file.path).dashboard
        let servers = Self.servers()
        let pipeline = SnapshotPipeline(
            dashboard: dashboard, window: .relative(span: 900_000, offset: 0), time: Self.now, size: TerminalSize(width: 160, height: 60),
            options: RenderOptions(capability: .monochrome, asciiOnly: true), format: .json)
        let json = try await pipeline.run(datasource: servers["region-a"]!, named: servers, catalog: Self.catalog, datasourceNames: Self.names)
        let frame = try JSONDecoder().decode(Frame.self, from: Data(json.utf8))
        func panel(_ title: String) -> Frame.Panel? { frame.panels.first { $0.title.hasPrefix(title) } }
        for panel in frame.panels { #expect(panel.status == "ok", "\(panel.title): \(panel.status)") }
        #expect(panel("region-a: requests/s by service")?.series.isEmpty == false)
        #expect(panel("region-b: requests/s by service")?.series.isEmpty == false)
        #expect(panel("Requests/s on ")?.series.count == 1)
        #expect(Set(panel("Requests/s by region (global store)")?.series.compactMap { $0.labels["region"] } ?? []) == ["a", "b"])
        #expect(panel("Trades/s, region a vs b (mixed)")?.series.map(\.refId).sorted() == ["A", "B"])
        #expect(panel("Global requests/s")?.series.count == 1)
    }
}
