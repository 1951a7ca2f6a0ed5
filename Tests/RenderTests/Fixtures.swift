import Foundation
import PromModel
import Dashboards
@testable import Render

/// A hand-written dashboard in Grafana's model (the trading platform's panels) and
/// deterministic query results for it.
enum Fixture {
    /// 2023-11-14 22:13:20 UTC.
    static let end: Timestamp = 1_700_000_000_000
    static let start: Timestamp = end - 3_600_000
    static let step: Int64 = 60_000
    static let range = QueryRange(start: start, end: end, step: step)
    static var timestamps: [Timestamp] { Array(range.timestamps) }

    static func series(_ labels: Labels, _ value: (Int) -> Double) -> Series {
        Series(labels: labels, samples: timestamps.enumerated().map { Sample($1, value($0)) })
    }

    static func matrix(_ series: [Series]) -> PanelData {
        PanelData(results: [TargetResult(refId: "A", result: .matrix(series))], range: range, time: end)
    }

    static func vector(_ elements: [(Labels, Double)]) -> PanelData {
        PanelData(results: [TargetResult(refId: "A", result: .vector(elements.map { InstantSample(labels: $0.0, sample: Sample(end, $0.1)) }))], time: end)
    }

    static func steps(_ base: String, _ rest: [(Double, String)]) -> Thresholds {
        Thresholds(steps: [ThresholdStep(color: base, value: nil)] + rest.map { ThresholdStep(color: $0.1, value: $0.0) })
    }

    static func panel(_ id: Int, _ type: String, _ title: String, x: Int, y: Int, w: Int, h: Int, expr: String = "up",
                      legend: String = "", defaults: FieldDefaults = FieldDefaults(), options: PanelOptions = PanelOptions()) -> Panel {
        Panel(id: id, type: type, title: title, gridPos: GridPos(x: x, y: y, w: w, h: h),
              targets: [Target(refId: "A", expr: expr, legendFormat: legend)],
              fieldConfig: FieldConfig(defaults: defaults), options: options)
    }

    static let symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"]
    static let jobs = ["ai-engine", "execution", "risk-safety"]
    static let eventTypes = ["market.tick", "signal.generated", "order.requested", "trade.executed", "risk.alert"]

    static let portfolio = panel(1, "stat", "Portfolio Value", x: 0, y: 1, w: 6, h: 5, expr: "portfolio_value_usd",
                                 defaults: FieldDefaults(unit: "currencyUSD", thresholds: steps("red", [(1_000_000, "green")])))
    static let winRate = panel(2, "stat", "Win Rate", x: 6, y: 1, w: 6, h: 5,
                               expr: #"sum(trades_closed_total{outcome="win"}) / sum(trades_closed_total)"#,
                               defaults: FieldDefaults(unit: "percentunit", decimals: 1, thresholds: steps("red", [(0.5, "orange"), (0.55, "green")])))
    static let queueLag = panel(3, "gauge", "Queue Lag", x: 12, y: 1, w: 6, h: 5, expr: "sum(eventbus_queue_lag)",
                                defaults: FieldDefaults(unit: "short", min: 0, max: 500, thresholds: steps("green", [(100, "orange"), (300, "red")])))
    static let positions = panel(4, "bargauge", "Open Positions", x: 18, y: 1, w: 6, h: 5, expr: "sum by (symbol) (positions_open)",
                                 legend: "{{symbol}}", defaults: FieldDefaults(min: 0, max: 20, thresholds: steps("green", [(10, "orange"), (15, "red")])),
                                 options: PanelOptions(orientation: "horizontal", displayMode: "gradient"))
    /// Legend values last and max, asked for (Grafana's default is none).
    static let requestRate: Panel = {
        var panel = Fixture.panel(5, "timeseries", "HTTP Request Rate", x: 0, y: 6, w: 12, h: 9,
                          expr: "sum by (job) (rate(http_requests_total[5m]))", legend: "{{job}}", defaults: FieldDefaults(unit: "reqps"))
        panel.options.legend = LegendOptions(calcs: ["lastNotNull", "max"])
        return panel
    }()
    static let latency = panel(6, "timeseries", "Latency P95", x: 12, y: 6, w: 12, h: 9,
                               expr: "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
                               legend: "p95", defaults: FieldDefaults(unit: "s", min: 0))
    static let positionsTable: Panel = {
        var options = PanelOptions()
        options.raw = .object([("sortBy", .array([.object([("displayName", .string("Value")), ("desc", .bool(true))])]))])
        return panel(7, "table", "Positions by Symbol", x: 0, y: 15, w: 8, h: 8, expr: "sum by (symbol, side) (positions_open)", options: options)
    }()
    static let heatmap = panel(8, "heatmap", "Trade Execution Latency", x: 8, y: 15, w: 8, h: 8,
                               expr: "sum by (le) (increase(trade_execution_duration_seconds_bucket[1m]))")
    static let distribution = panel(9, "piechart", "Message Distribution", x: 16, y: 15, w: 8, h: 8,
                                    expr: "sum by (event_type) (rate(eventbus_messages_published_total[5m]))", legend: "{{event_type}}",
                                    defaults: FieldDefaults(unit: "mps"), options: PanelOptions(pieType: "donut"))
    static let errorPanel = panel(10, "stat", "ESS Activations", x: 0, y: 24, w: 6, h: 4, expr: "increase(emergency_stop_triggered_total[1h])")
    static let stalePanel = panel(11, "stat", "Trades Executed", x: 6, y: 24, w: 6, h: 4, expr: "sum(trades_executed_total)", defaults: FieldDefaults(unit: "short"))
    static let emptyPanel = panel(12, "stat", "Policy Violations", x: 12, y: 24, w: 6, h: 4, expr: "sum(policy_violations_total)")
    static let loadingPanel = panel(13, "stat", "Signals", x: 18, y: 24, w: 6, h: 4, expr: "sum(signals_generated_total)")
    static let runbook = Panel(id: 14, type: "text", title: "Runbook", gridPos: GridPos(x: 0, y: 28, w: 12, h: 6),
                               options: PanelOptions(mode: "markdown", content: "# On call\nCheck the **ESS** first.\n- Restart `execution` if lag grows past 300 messages\n- Page risk if drawdown alerts fire"))
    static let news = Panel(id: 15, type: "news", title: "Grafana News", gridPos: GridPos(x: 12, y: 28, w: 12, h: 6))
    static let redisLatency = panel(16, "timeseries", "Redis Latency", x: 0, y: 35, w: 24, h: 8, expr: "redis", defaults: FieldDefaults(unit: "s"))

    static let dashboard = Dashboard(
        uid: "trading-fixture", title: "Trading Performance", refresh: "5s",
        panels: [
            Panel(id: 100, type: "row", title: "Overview", gridPos: GridPos(x: 0, y: 0, w: 24, h: 1)),
            portfolio, winRate, queueLag, positions, requestRate, latency, positionsTable, heatmap, distribution,
            Panel(id: 101, type: "row", title: "Panel states", gridPos: GridPos(x: 0, y: 23, w: 24, h: 1)),
            errorPanel, stalePanel, emptyPanel, loadingPanel, runbook, news,
            Panel(id: 102, type: "row", title: "Infrastructure", gridPos: GridPos(x: 0, y: 34, w: 24, h: 1), collapsed: true, panels: [redisLatency]),
        ])

    static var data: [Int: PanelData] {
        var data: [Int: PanelData] = [:]
        data[1] = matrix([series(Labels(name: "portfolio_value_usd"), { 1_040_000 + 250 * Double($0) })])
        data[2] = matrix([series(Labels(), { 0.52 + 0.0005 * Double($0) })])
        data[3] = matrix([series(Labels(), { 150 + 60 * sin(Double($0) / 6) })])
        data[4] = vector(symbols.enumerated().map { (Labels(["symbol": $1]), Double([12, 7, 17, 3, 9][$0])) })
        data[5] = matrix(jobs.enumerated().map { index, job in
            series(Labels(["job": job]), { i in (20...24).contains(i) && index == 1 ? .nan : 40 + 25 * Double(index) + 12 * sin(Double(i + 7 * index) / 5) })
        })
        data[6] = matrix([series(Labels(), { 0.12 + 0.08 * sin(Double($0) / 9) + ($0 > 50 ? 0.2 : 0) })])
        data[7] = vector(symbols.enumerated().flatMap { index, symbol in
            [(Labels(["symbol": symbol, "side": "buy"]), Double(index * 3 + 2)), (Labels(["symbol": symbol, "side": "sell"]), Double(index + 1))]
        } + [(Labels(["symbol": "BAD\u{1B}[31mSYM", "side": "buy"]), 0.5)])
        let bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf"]
        data[8] = matrix(bounds.enumerated().map { index, le in
            series(Labels(["le": le]), { i in
                let peak = 3 + 2 * sin(Double(i) / 8)
                return (0...index).reduce(0.0) { sum, b in sum + 10 * exp(-pow(Double(b) - peak, 2) / 2) }
            })
        })
        data[9] = vector(eventTypes.enumerated().map { (Labels(["event_type": $1]), Double([120, 30, 18, 15, 4][$0])) })
        data[10] = PanelData(results: [TargetResult(refId: "A", error: QueryError(.timeout, "query timed out in expression evaluation", summary: "timeout"))], range: range, time: end)
        var stale = matrix([series(Labels(), { 1200 + 3 * Double($0) })])
        stale.staleAge = 125
        data[11] = stale
        data[12] = vector([])
        return data
    }

    static let state = DashboardViewState(
        focusedPanelID: 5,
        header: HeaderModel(
            title: "", position: "1/3", variables: [HeaderModel.Variable(name: "job", value: "All"), HeaderModel.Variable(name: "symbol", value: "BTCUSDT")],
            timeRange: "Last 1h", refresh: "5s"),
        footer: .hints([FooterModel.Hint("?", "help"), FooterModel.Hint("q", "quit"), FooterModel.Hint("←↑↓→", "focus"), FooterModel.Hint("Enter", "zoom")]))
}
