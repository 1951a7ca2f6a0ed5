import Dashboards
import PromModel
import Simulator
import Testing
@testable import App

/// Template variables that use other variables: interpolated before they are queried,
/// re-queried when what they use changes, evaluated in dependency order, cycles reported.
@Suite struct VariableChainTests {
    static let chained = Dashboard(
        uid: "chain", title: "Chain", refresh: "10s",
        panels: [Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 24, h: 6),
                       targets: [Target(expr: #"sum(up{job="$job",instance=~"$instance"})"#)])],
        variables: [
            // Written child first: the order comes from the references, not the list.
            Variable(name: "instance", kind: .query, query: #"label_values(up{env="$env",job="$job"}, instance)"#,
                     current: ["a"], multi: true, includeAll: true),
            Variable(name: "job", kind: .query, query: #"label_values(up{env="$env"}, job)"#, current: ["api"]),
            Variable(name: "env", kind: .custom, query: "prod,staging", current: ["prod"], options: ["prod", "staging"]),
            Variable(name: "loopA", kind: .query, query: #"label_values(x{b="$loopB"}, a)"#),
            Variable(name: "loopB", kind: .query, query: #"label_values(x{a="$loopA"}, b)"#),
            Variable(name: "afterLoop", kind: .query, query: #"query_result(count by (c) (x{a="$loopA"}))"#),
        ])

    private func requests(_ effects: [Effect]) -> [String: VariableOptionsRequest] {
        var out: [String: VariableOptionsRequest] = [:]
        for case .loadVariableOptions(let request) in effects { out[request.name] = request }
        return out
    }

    private func started() -> (Harness, [Effect]) {
        var harness = Harness(Fixtures.state([Self.chained], width: 100, height: 30))
        let effects = harness.send(.start)
        return (harness, effects)
    }

    @Test func parentsAreQueriedFirstWithChildrenInterpolated() throws {
        var (harness, effects) = started()
        var asked = requests(effects)
        // $job waits for nothing but $env (a custom variable); $instance waits for $job's options.
        #expect(Set(asked.keys) == ["job"])
        let job = try #require(asked["job"])
        #expect(job.text == #"label_values(up{env="prod"}, job)"#)
        #expect(job.query == .labelValues(selector: #"up{env="prod"}"#, label: "job"))
        #expect(job.selectors == [#"up{env="prod"}"#] && job.label == "job")

        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "job", .success(["api", "web"]), query: job.text))
        // The selection is still offered: kept, and no panel restart.
        #expect(harness.state.selections["chain"]?["job"] == ["api"])
        #expect(effects.cancelled.isEmpty)
        asked = requests(effects)
        #expect(Set(asked.keys) == ["instance"])
        #expect(asked["instance"]?.text == #"label_values(up{env="prod",job="api"}, instance)"#)
    }

    @Test func changingAParentRequeriesItsDependentsAndDropsStaleAnswers() throws {
        var (harness, effects) = started()
        let firstJob = try #require(requests(effects)["job"])
        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "job", .success(["api", "web"]), query: firstJob.text))
        let oldInstance = try #require(requests(effects)["instance"])

        // Pick $job = web in the picker: env(0), job(1), …
        harness.press(.char("v"), .down, .enter)
        #expect(harness.state.overlay == .variableOptions(name: "job", selection: 0, chosen: ["api"]))
        effects = harness.press(.down, .enter)
        #expect(harness.state.selections["chain"]?["job"] == ["web"])
        // The panel uses $instance, asked again for job=web: it waits for that answer instead
        // of going out with job=web and an instance of api's.
        #expect(effects.jobs.isEmpty && harness.state.panelsAwaitingVariables == [1])
        let newInstance = try #require(requests(effects)["instance"])
        #expect(newInstance.text == #"label_values(up{env="prod",job="web"}, instance)"#)

        // The answer to the question asked for job=api arrives late: ignored.
        #expect(harness.send(.variableOptions(dashboardUID: "chain", name: "instance", .success(["a", "b"]), query: oldInstance.text)).isEmpty)
        #expect(harness.state.variableOptions["chain"]?["instance"] == nil)

        // The current answer no longer offers "a": falls back to All (includeAll) and the panels requery.
        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "instance", .success(["w1", "w2"]), query: newInstance.text))
        #expect(harness.state.selections["chain"]?["instance"] == [Variable.allValueMarker])
        #expect(effects.jobs.contains { $0.key.expr == #"sum(up{job="web",instance=~"(w1|w2)"})"# }, "\(effects.jobs.map(\.key.expr))")
    }

    @Test func aRootChangeRefreshesEveryVariableThatUsesIt() throws {
        var (harness, effects) = started()
        let job = try #require(requests(effects)["job"])
        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "job", .success(["api"]), query: job.text))
        let instance = try #require(requests(effects)["instance"])
        harness.send(.variableOptions(dashboardUID: "chain", name: "instance", .success(["a"]), query: instance.text))

        // $env = staging (third in the list): both $job and $instance use it directly.
        harness.press(.char("v"), .down, .down, .enter, .down)
        effects = harness.press(.enter)
        #expect(harness.state.selections["chain"]?["env"] == ["staging"])
        let asked = requests(effects)
        #expect(asked["job"]?.text == #"label_values(up{env="staging"}, job)"#)
        #expect(asked["instance"]?.text == #"label_values(up{env="staging",job="api"}, instance)"#)

        // $job's new options drop "api": it falls back to the first, and $instance follows.
        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "job", .success(["batch"]), query: #"label_values(up{env="staging"}, job)"#))
        #expect(harness.state.selections["chain"]?["job"] == ["batch"])
        #expect(requests(effects)["instance"]?.text == #"label_values(up{env="staging",job="batch"}, instance)"#)
        // An unchanged interpolation is not asked twice.
        effects = harness.send(.variableOptions(dashboardUID: "chain", name: "job", .success(["batch", "other"]), query: #"label_values(up{env="staging"}, job)"#))
        #expect(requests(effects).isEmpty)
    }

    @Test func cyclesAreAnErrorOnTheirVariablesNotAHang() {
        let chain = VariableChain(Self.chained.variables)
        #expect(chain.order == ["env", "job", "instance"])
        #expect(chain.dependents(of: "env") == ["job", "instance"])
        #expect(chain.errors["loopA"] == "variable cycle: $loopA → $loopB → $loopA")
        #expect(chain.errors["loopB"] == "variable cycle: $loopB → $loopA → $loopB")
        #expect(chain.errors["afterLoop"] == "depends on the variable cycle $loopA → $loopB → $loopA")
        #expect(VariableChain([Variable(name: "me", kind: .query, query: "label_values(x{a=\"$me\"}, a)")]).errors["me"] == "variable cycle: $me → $me")

        var (harness, effects) = started()
        #expect(requests(effects)["loopA"] == nil && requests(effects)["afterLoop"] == nil)
        #expect(harness.state.variableErrors["chain"]?.keys.sorted() == ["afterLoop", "loopA", "loopB"])
        #expect(harness.state.status?.isError == true && harness.state.status?.text.contains("cycle") == true)
        harness.press(.char("v"))
        let text = FrameRenderer().render(harness.state, size: harness.state.size, now: harness.now).text
        #expect(text.contains("$loopA: ✗ variable cycle: $loopA → $loopB → $loopA"), "\(text)")
    }

    @Test func chainedLabelValuesAgainstTheEmbeddedDatasource() async throws {
        let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 7, now: now, history: 300_000), clock: { now })
        let dashboard = Dashboard(
            uid: "demo", title: "Demo",
            panels: [Panel(id: 1, type: "stat", title: "Requests", gridPos: GridPos(x: 0, y: 0, w: 24, h: 6),
                           targets: [Target(expr: #"sum(rate(http_requests_total{job="$service",endpoint=~"$endpoint"}[5m]))"#)])],
            variables: [
                Variable(name: "service", kind: .query, query: "label_values(http_requests_total, job)", current: ["execution"]),
                Variable(name: "endpoint", kind: .query, query: #"label_values(http_requests_total{job="$service"}, endpoint)"#,
                         current: ["/api/v1/orders"], multi: true, includeAll: true),
            ])
        var harness = Harness(AppState(dashboards: [dashboard], window: .relative(span: 300_000, offset: 0), size: .init(width: 100, height: 30)))
        harness.now = now
        // Runs each request the way the run loop does, feeding answers back until none is left.
        var pending = requests(harness.send(.start)).values.map { $0 }
        var asked: [String] = []
        while let request = pending.popLast() {
            asked.append(request.text)
            let result = await VariableOptionsLoader.load(request.query, start: request.start, end: request.end, from: source)
            pending += requests(harness.send(.variableOptions(dashboardUID: "demo", name: request.name, result, query: request.text))).values
        }
        #expect(asked == ["label_values(http_requests_total, job)", #"label_values(http_requests_total{job="execution"}, endpoint)"#])
        #expect(harness.state.variableOptions["demo"]?["endpoint"]?.sorted() == ["/api/v1/orders", "/api/v1/trades", "/health"])
        #expect(harness.state.selections["demo"]?["endpoint"] == ["/api/v1/orders"])

        // Switch to ai-engine: its endpoints replace execution's; the selection falls back to All.
        harness.press(.char("v"), .enter)
        let aiEngine = try #require(harness.state.pickerOptions(for: "service").firstIndex(of: "ai-engine"))
        harness.state.overlay = .variableOptions(name: "service", selection: aiEngine, chosen: [])
        pending = Array(requests(harness.press(.enter)).values)
        while let request = pending.popLast() {
            let result = await VariableOptionsLoader.load(request.query, start: request.start, end: request.end, from: source)
            pending += requests(harness.send(.variableOptions(dashboardUID: "demo", name: request.name, result, query: request.text))).values
        }
        #expect(harness.state.variableOptions["demo"]?["endpoint"]?.sorted() == ["/api/v1/predict", "/api/v1/signals", "/health"])
        #expect(harness.state.selections["demo"]?["endpoint"] == [Variable.allValueMarker])
        let expr = harness.state.inFlight.values.map(\.key.expr).first { $0.contains("http_requests_total") } ?? ""
        #expect(expr.contains(#"job="ai-engine""#) && expr.contains("predict") && !expr.contains("orders"), "\(expr)")
    }
}
