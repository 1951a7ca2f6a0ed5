import Testing
@testable import Dashboards

/// Datasource references: by uid, then name, then the default; unknown uids fail on their
/// panel; `${ds}`, `-- Mixed --`, repeats per datasource and `$__all`, through the plan.
@Suite struct DatasourceCatalogTests {
    static let catalog = DatasourceCatalog(entries: [
        DatasourceIdentity(name: "region-a", uid: "prom-a"),
        DatasourceIdentity(name: "region-b", uid: "prom-b"),
        DatasourceIdentity(name: "global", uid: "vm-global", type: "victoriametrics-metrics-datasource"),
    ], defaultName: "region-a")

    static func ds(current: [String], multi: Bool = false, includeAll: Bool = false) -> Variable {
        Variable(name: "ds", kind: .datasource, query: "prometheus", current: current, options: ["region-a", "region-b"],
                 multi: multi, includeAll: includeAll)
    }

    static func resolve(_ panel: DatasourceRef?, _ target: DatasourceRef? = nil, variables: [Variable] = []) -> Result<String?, DatasourceRefError> {
        catalog.resolve(panel: panel, target: target, interpolator: TemplateInterpolator(variables: variables))
    }

    @Test func uidThenNameThenDefault() throws {
        #expect(try Self.resolve(DatasourceRef(type: "prometheus", uid: "prom-b")).get() == "region-b")
        // A legacy dashboard names the datasource by a bare string, kept as the uid.
        #expect(try Self.resolve(DatasourceRef(uid: "global")).get() == "global")
        #expect(try Self.resolve(nil).get() == nil)
        #expect(try Self.resolve(DatasourceRef(uid: "default")).get() == nil)
        // A uid wins over a name that happens to be equal.
        let tricky = DatasourceCatalog(entries: [DatasourceIdentity(name: "x", uid: "u1"), DatasourceIdentity(name: "y", uid: "x")])
        #expect(try tricky.resolve(panel: DatasourceRef(uid: "x"), target: nil, interpolator: TemplateInterpolator(variables: [])).get() == "y")
    }

    @Test func unknownUIDIsAnErrorNamingTheConfiguredOnes() throws {
        guard case .failure(let error) = Self.resolve(DatasourceRef(type: "prometheus", uid: "P1809F7CD0C75ACF3")) else {
            Issue.record("an unknown uid resolved")
            return
        }
        #expect(error.message == "datasource uid 'P1809F7CD0C75ACF3' not configured; configured: region-a (uid prom-a), region-b (uid prom-b), global (uid vm-global)")
        #expect(error.summary == "datasource uid 'P1809F7CD0C75ACF3' not configured")
        #expect(Self.catalog.unknownUID(DatasourceRef(uid: "P1809F7CD0C75ACF3")) == "P1809F7CD0C75ACF3")
        #expect(Self.catalog.unknownUID(DatasourceRef(uid: "prom-a")) == nil)
        #expect(Self.catalog.unknownUID(DatasourceRef(uid: "${ds}")) == nil)
    }

    @Test func oneDatasourceTakesEveryReference() throws {
        // `--url` or a single configured server: an exported dashboard's uid means "this server".
        let single = DatasourceCatalog(entries: [DatasourceIdentity(name: "url")])
        #expect(try single.resolve(panel: DatasourceRef(uid: "P1809F7CD0C75ACF3"), target: nil, interpolator: TemplateInterpolator(variables: [])).get() == nil)
        #expect(try DatasourceCatalog().resolve(panel: DatasourceRef(uid: "anything"), target: nil, interpolator: TemplateInterpolator(variables: [])).get() == nil)
    }

    @Test func grafanaBuiltInDatasourcesAreNotQueried() throws {
        guard case .failure(let error) = Self.resolve(DatasourceRef(type: "datasource", uid: "-- Grafana --")) else {
            Issue.record("-- Grafana -- resolved")
            return
        }
        #expect(error.summary == "-- Grafana -- not queried")
    }

    @Test func variableReferencesFollowTheSelection() throws {
        let ref = DatasourceRef(type: "prometheus", uid: "${ds}")
        #expect(try Self.resolve(ref, variables: [Self.ds(current: ["region-b"])]).get() == "region-b")
        #expect(try Self.resolve(DatasourceRef(uid: "$ds"), variables: [Self.ds(current: ["prom-b"])]).get() == "region-b")
        // Several values outside a repeat: the first, as Grafana's datasource_srv interpolates.
        #expect(try Self.resolve(ref, variables: [Self.ds(current: ["region-b", "region-a"], multi: true)]).get() == "region-b")
        // All: the first option.
        #expect(try Self.resolve(ref, variables: [Self.ds(current: [Variable.allValueMarker], multi: true, includeAll: true)]).get() == "region-a")
    }

    @Test func mixedPanelsSendEachTargetToItsOwn() throws {
        let mixed = DatasourceRef(type: "datasource", uid: "-- Mixed --")
        #expect(try Self.resolve(mixed, DatasourceRef(uid: "prom-b")).get() == "region-b")
        #expect(try Self.resolve(mixed, nil).get() == nil)
        // Not mixed: the panel's datasource wins over a stale target one.
        #expect(try Self.resolve(DatasourceRef(uid: "prom-a"), DatasourceRef(uid: "prom-b")).get() == "region-a")
        // No panel datasource: the target's.
        #expect(try Self.resolve(nil, DatasourceRef(uid: "vm-global")).get() == "global")
    }

    @Test func thePlanSendsEachTargetToItsServerAndKeepsUnknownOnesOff() throws {
        let dashboard = Dashboard(uid: "m", title: "M", panels: [
            Panel(id: 1, type: "stat", datasource: DatasourceRef(uid: "prom-a"), targets: [Target(refId: "A", expr: "up")]),
            Panel(id: 2, type: "stat", datasource: DatasourceRef(uid: "prom-b"), targets: [Target(refId: "A", expr: "up")]),
            Panel(id: 3, type: "stat", datasource: DatasourceRef(uid: "nope"), targets: [Target(refId: "A", expr: "up")]),
            Panel(id: 4, type: "timeseries", datasource: DatasourceRef(uid: "-- Mixed --"), targets: [
                Target(refId: "A", expr: "up", datasource: DatasourceRef(uid: "prom-a")),
                Target(refId: "B", expr: "up", datasource: DatasourceRef(uid: "vm-global")),
            ]),
        ])
        let plan = QueryPlan(dashboard: dashboard, fromMs: 0, toMs: 3_600_000, datasources: Self.catalog)
        // The same expression on two servers is two requests; the same on one server is one.
        #expect(plan.requests.map(\.datasource) == ["region-a", "region-b", "global"])
        #expect(plan.requests[0].consumers.map(\.panelID) == [1, 4])
        #expect(plan.failures.map(\.panelID) == [3])
        #expect(plan.failures.first?.error.summary == "datasource uid 'nope' not configured")
    }

    @Test func aRepeatOverADatasourceVariableDrawsOnePanelPerServer() throws {
        let variable = Self.ds(current: [Variable.allValueMarker], multi: true, includeAll: true)
        let panel = Panel(id: 1, type: "stat", title: "up on $ds", gridPos: GridPos(x: 0, y: 0, w: 12, h: 4),
                          datasource: DatasourceRef(type: "prometheus", uid: "${ds}"), targets: [Target(refId: "A", expr: "up")],
                          repeatVariable: "ds")
        let dashboard = Dashboard(uid: "r", title: "R", panels: [panel], variables: [variable])
        let expanded = RepeatExpansion.expand(dashboard, variables: [variable])
        let plan = QueryPlan(dashboard: expanded, variables: [variable], fromMs: 0, toMs: 3_600_000, datasources: Self.catalog)
        #expect(expanded.panels.count == 2)
        #expect(plan.requests.map(\.datasource) == ["region-a", "region-b"])
        #expect(plan.requests.map { $0.consumers.map(\.panelID) } == [[expanded.panels[0].id], [expanded.panels[1].id]])
    }

    @Test func datasourceVariablesListTheirPluginTypeOnly() throws {
        #expect(Self.catalog.names(ofType: "prometheus", among: ["region-a", "global", "region-b"]) == ["region-a", "region-b"])
        #expect(Self.catalog.names(ofType: "victoriametrics-metrics-datasource", among: ["region-a", "global"]) == ["global"])
    }
}
