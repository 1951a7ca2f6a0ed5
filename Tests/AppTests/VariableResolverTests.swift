import Dashboards
import PromModel
import Simulator
import Testing

/// `VariableResolver` (what `snapshot` uses) against the embedded datasource: chained query
/// variables filled the way Grafana fills them on load, `--var` winning, and a variable
/// without options named.
@Suite struct VariableResolverTests {
    static let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000

    static let dashboard = Dashboard(uid: "r", title: "R", variables: [
        // Saved value gone: single-value falls back to the first option (sorted ascending).
        Variable(name: "service", kind: .query, query: "label_values(http_requests_total, job)", current: ["retired"], sort: 1),
        Variable(name: "endpoint", kind: .query, query: #"label_values(http_requests_total{job="$service"}, endpoint)"#,
                 current: ["gone"], multi: true, includeAll: true),
        Variable(name: "short", kind: .query, query: "label_values(http_requests_total, job)", current: [],
                 regex: "/^(?<value>[a-z]+)-/"),
        Variable(name: "nothing", kind: .query, query: #"label_values(no_such_metric, job)"#, current: ["x"]),
        Variable(name: "box", kind: .textbox, query: "default text"),
    ])

    @Test func chainedVariablesResolveAsGrafanaDoesOnLoad() async {
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 7, now: Self.now, history: 300_000), clock: { Self.now })
        let resolved = await VariableResolver.resolve(Self.dashboard, datasource: source, start: Self.now - 300_000, end: Self.now)
        let byName = Dictionary(uniqueKeysWithValues: resolved.variables.map { ($0.name, $0) })
        let services = byName["service"]?.options ?? []
        #expect(!services.isEmpty && services == services.sorted())
        #expect(byName["service"]?.current == [services.first ?? ""])
        // The child was asked with the parent's chosen value; its gone selection became All.
        #expect(byName["endpoint"]?.current == [Variable.allValueMarker])
        #expect(byName["endpoint"]?.options.contains("/health") == true)
        #expect(byName["short"]?.options.contains("ai") == true && byName["short"]?.options.contains("ai-engine") == false)
        #expect(byName["box"]?.current == ["default text"])
        #expect(byName["nothing"]?.current == [])
        #expect(resolved.errors == ["nothing": #"no options from label_values(no_such_metric, job)"#])

        let pinned = await VariableResolver.resolve(
            Self.dashboard, datasource: source, start: Self.now - 300_000, end: Self.now, overrides: ["service": ["ai-engine"], "endpoint": ["All"]])
        let endpoints = pinned.variables.first { $0.name == "endpoint" }?.options ?? []
        #expect(pinned.variables.first?.current == ["ai-engine"])
        #expect(pinned.variables.first { $0.name == "endpoint" }?.current == [Variable.allValueMarker])
        #expect(endpoints.contains("/api/v1/predict") && !endpoints.contains("/api/v1/orders"), "\(endpoints)")
    }
}
