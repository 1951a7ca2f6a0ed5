import Dashboards
import PromModel
import Testing
@testable import App

/// Panels wait for the variables they use while those load (Grafana's query runner does),
/// so a dashboard whose saved values are stale opens with one round of panel queries.
@Suite struct VariableWaitTests {
    /// Node Exporter Full's chain: job → nodename → node, saved for another machine.
    static let nodes = Dashboard(
        uid: "nodes", title: "Nodes",
        panels: [
            Panel(id: 1, type: "stat", title: "CPU", gridPos: GridPos(x: 0, y: 0, w: 8, h: 6),
                  targets: [Target(expr: #"count(node_cpu_seconds_total{instance="$node",job="$job"})"#)]),
            Panel(id: 2, type: "stat", title: "Targets", gridPos: GridPos(x: 8, y: 0, w: 8, h: 6), targets: [Target(expr: "count(up)")]),
            Panel(id: 3, type: "timeseries", title: "Load", gridPos: GridPos(x: 16, y: 0, w: 8, h: 6),
                  targets: [Target(expr: #"node_load1{instance="$node"}"#, interval: "$resolution")]),
        ],
        variables: [
            Variable(name: "job", kind: .query, query: "label_values(node_uname_info, job)", current: ["old-job"]),
            Variable(name: "nodename", kind: .query, query: #"label_values(node_uname_info{job="$job"}, nodename)"#, current: ["old-host"]),
            Variable(name: "node", kind: .query, query: #"label_values(node_uname_info{job="$job", nodename="$nodename"}, instance)"#,
                     current: ["old:9100"]),
            Variable(name: "resolution", kind: .custom, query: "15s,1m", current: ["15s"], options: ["15s", "1m"]),
        ])

    private func loads(_ effects: [Effect]) -> [VariableOptionsRequest] {
        effects.compactMap { if case .loadVariableOptions(let request) = $0 { request } else { nil } }
    }

    @Test func aStaleChainOpensWithOneRoundOfPanelQueries() throws {
        var harness = Harness(Fixtures.state([Self.nodes], width: 120, height: 30))
        var effects = harness.send(.start)
        // Only the panel that uses no variable goes out; the others wait for $job and what follows it.
        #expect(effects.jobs.map(\.key.expr) == ["count(up)"])
        #expect(harness.state.panelsAwaitingVariables == [1, 3])
        #expect(harness.reducer.waitingVariables(harness.state) == ["job", "nodename", "node"])
        var sent = effects.jobs.map(\.key.expr)
        var cancelled = effects.cancelled
        for (name, options) in [("job", ["node"]), ("nodename", ["host-a", "host-b"]), ("node", ["10.0.0.1:9100"])] {
            let request = try #require(loads(effects).first { $0.name == name }, "\(name) was not asked")
            effects = harness.send(.variableOptions(dashboardUID: "nodes", name: name, .success(options), query: request.key))
            sent += effects.jobs.map(\.key.expr)
            cancelled += effects.cancelled
            if name != "node" { #expect(effects.jobs.isEmpty, "panels went out before $node settled: \(effects.jobs.map(\.key.expr))") }
        }
        #expect(harness.state.selections["nodes"]?["node"] == ["10.0.0.1:9100"])
        // Each panel asked once, with the values the chain settled on; nothing had to be cancelled.
        #expect(sent.count == 3 && cancelled.isEmpty, "\(sent)")
        #expect(sent.contains(#"count(node_cpu_seconds_total{instance="10.0.0.1:9100",job="node"})"#))
        #expect(sent.contains { $0.hasPrefix(#"node_load1{instance="10.0.0.1:9100"}"#) })
        #expect(harness.state.panelsAwaitingVariables.isEmpty)
    }

    @Test func aFailedVariableLetsItsPanelsGoWithTheValuesTheyHave() throws {
        var harness = Harness(Fixtures.state([Self.nodes], width: 120, height: 30))
        let start = harness.send(.start)
        let job = try #require(loads(start).first)
        let effects = harness.send(.variableOptions(dashboardUID: "nodes", name: "job", .failure(QueryError(.connection, "connection refused")), query: job.key))
        // $nodename and $node are never asked (their parent has no options): the panels go with the saved values.
        #expect(loads(effects).isEmpty)
        #expect(Set(effects.jobs.map(\.key.expr)).contains(#"count(node_cpu_seconds_total{instance="old:9100",job="old-job"})"#))
        #expect(harness.state.panelsAwaitingVariables.isEmpty)
        #expect(harness.state.status?.text.contains("Variable $job") == true)
    }

    @Test func refreshingThePickersListDoesNotHoldPanels() {
        var harness = Harness(Fixtures.state([Self.nodes], width: 120, height: 30))
        harness.start()
        for _ in 0..<3 { harness.answerAll() }
        #expect(harness.state.inFlight.isEmpty && harness.state.variablesLoading["nodes"]?.isEmpty != false)
        // `v` asks every variable again with the same question: the panels keep refreshing meanwhile.
        harness.press(.char("v"))
        harness.press(.escape)
        #expect(harness.press(.char("r")).jobs.count == 3)
        #expect(harness.state.panelsAwaitingVariables.isEmpty)
    }

    @Test func aChangedVariableAsksAgainOnlyThePanelsThatUseIt() {
        var harness = Harness(Fixtures.state([Self.nodes], width: 120, height: 30))
        harness.start()
        for _ in 0..<3 { harness.answerAll() }
        harness.now += 1_000
        harness.press(.char("r"))
        let inFlight = harness.state.inFlight
        // $resolution (a custom variable, fourth in the list) = 1m: only the Load panel uses it.
        harness.press(.char("v"), .down, .down, .down, .enter, .down)
        let effects = harness.press(.enter)
        #expect(harness.state.selections["nodes"]?["resolution"] == ["1m"])
        let loadQuery = inFlight.first { $0.value.consumers.contains { $0.panelID == 3 } }?.key
        #expect(effects.cancelled == loadQuery.map { [$0] })
        #expect(effects.jobs.count == 1 && effects.jobs.first?.key.expr.hasPrefix("node_load1") == true)
        // The other two panels' queries are still the ones asked before.
        #expect(harness.state.inFlight.count == 3)
        #expect(Set(harness.state.inFlight.keys).intersection(inFlight.keys).count == 2)
    }
}
