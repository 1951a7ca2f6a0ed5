import Dashboards
import PromModel
import Terminal
@testable import App

/// Dashboards and helpers shared by the state-machine tests.
enum Fixtures {
    static let t0: Timestamp = 1_700_000_000_000

    /// 2x2 grid: stat | stat over graph | graph; panels 1 and 2 share a query.
    static let health = Dashboard(
        uid: "health", title: "Service Health", refresh: "5s",
        panels: [
            Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 12, h: 4), targets: [Target(expr: "sum(up)")]),
            Panel(id: 2, type: "stat", title: "Up again", gridPos: GridPos(x: 12, y: 0, w: 12, h: 4), targets: [Target(expr: "sum(up)")]),
            Panel(id: 3, type: "timeseries", title: "Requests", gridPos: GridPos(x: 0, y: 4, w: 12, h: 8),
                  targets: [Target(expr: "sum by (service) (rate(http_requests_total{service=~\"$service\"}[$__rate_interval]))")]),
            Panel(id: 4, type: "timeseries", title: "Errors", gridPos: GridPos(x: 12, y: 4, w: 12, h: 8),
                  targets: [Target(refId: "A", expr: "sum(rate(errors_total[5m]))"), Target(refId: "B", expr: "sum(up)")],
                  options: PanelOptions(legend: LegendOptions(calcs: ["lastNotNull"]))),
        ],
        variables: [
            Variable(name: "service", kind: .query, query: "label_values(http_requests_total, service)",
                     current: ["execution"], multi: true, includeAll: true),
        ])

    static let trading = Dashboard(
        uid: "trading", title: "Trading", refresh: "10s",
        panels: [Panel(id: 10, type: "stat", title: "Trades", gridPos: GridPos(x: 0, y: 0, w: 24, h: 6), targets: [Target(expr: "sum(trades_executed_total)")])])

    /// Taller than an 80x24 screen: the bottom panel starts off screen.
    static let tall = Dashboard(
        uid: "tall", title: "Tall",
        panels: (0..<6).map { index in
            Panel(id: 100 + index, type: "stat", title: "Row \(index)", gridPos: GridPos(x: 0, y: index * 8, w: 24, h: 8),
                  targets: [Target(expr: "metric_\(index)")])
        })

    static func state(_ dashboards: [Dashboard] = [health, trading], width: Int = 120, height: Int = 40) -> AppState {
        AppState(dashboards: dashboards, window: .relative(span: 3_600_000, offset: 0), size: TerminalSize(width: width, height: height))
    }

    static func vector(_ value: Double, labels: Labels = Labels()) -> QueryResponse {
        QueryResponse(result: .vector([InstantSample(labels: labels, sample: Sample(t0, value))]))
    }

    static func matrix(_ values: [Double], labels: Labels = Labels(name: "m")) -> QueryResponse {
        QueryResponse(result: .matrix([Series(labels: labels, samples: values.enumerated().map { Sample(t0 + Int64($0.offset) * 15_000, $0.element) })]))
    }
}

extension [Effect] {
    var jobs: [QueryJob] {
        flatMap { effect -> [QueryJob] in if case .runQueries(let jobs) = effect { jobs } else { [] } }
    }

    var cancelled: [QueryID] {
        flatMap { effect -> [QueryID] in if case .cancelQueries(let ids) = effect { ids } else { [] } }
    }

    var quits: Bool { contains(.quit) }
}

/// Drives a reducer with a clock, as the run loop would.
struct Harness {
    var reducer = ViewerReducer()
    var state: AppState
    var now: Timestamp = Fixtures.t0

    init(_ state: AppState = Fixtures.state()) { self.state = state }

    @discardableResult
    mutating func send(_ event: AppEvent) -> [Effect] { reducer.reduce(&state, event, now: now) }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { keys.flatMap { send(.key($0)) } }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] { text.flatMap { send(.key(.char($0))) } }

    /// A started viewer with its first answers in, the `:` prompt open and `text` typed.
    static func prompted(_ text: String) -> Harness {
        var harness = Harness()
        harness.send(.start)
        harness.answerAll()
        harness.press(.char(":"))
        harness.type(text)
        return harness
    }

    /// Answers every variable load out (`answerVariables`), then every query in flight with
    /// `response`, the panels that waited for those variables included.
    mutating func answerAll(with response: QueryResponse = Fixtures.vector(1)) {
        answerVariables()
        for id in state.inFlight.keys.sorted() { send(.queryResult(id, response, duration: 12)) }
    }

    /// Answers each variable load of the current dashboard with options that keep the
    /// variable's selection: its values (none for an empty or All selection).
    @discardableResult
    mutating func answerVariables() -> [Effect] {
        guard let uid = state.dashboard?.uid else { return [] }
        var effects: [Effect] = []
        for name in (state.variablesLoading[uid] ?? []).sorted() {
            let selected = (state.selections[uid]?[name] ?? []).filter { $0 != Variable.allValueMarker }
            effects += send(.variableOptions(dashboardUID: uid, name: name, .success(selected), query: state.variableQueries[uid]?[name]))
        }
        return effects
    }

    /// `.start`, then its variable loads answered: the panels that waited for them go out too.
    @discardableResult
    mutating func start() -> [Effect] { send(.start) + answerVariables() }
}
