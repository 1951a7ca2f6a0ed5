import Dashboards
import PromModel
import Terminal
import Testing
@testable import App

/// The `a` view: Prometheus alerts, then Alertmanager's alerts and silences, each failing on
/// its own, scrolling when long.
@Suite struct AlertsViewTests {
    private let renderer = FrameRenderer()

    static func prometheusAlerts(at now: Timestamp) -> [Alert] {
        [
            Alert(labels: Labels(["alertname": "HighErrorRate", "severity": "critical", "service": "execution"]),
                  annotations: ["summary": "5xx above 2%"], state: .firing, activeAt: now - 300_000, value: 0.04),
            Alert(labels: Labels(["alertname": "QueueLagGrowing", "severity": "warning"]), annotations: [:], state: .pending,
                  activeAt: now - 20_000, value: 900),
        ]
    }

    static func snapshot(at now: Timestamp) -> AlertmanagerSnapshot {
        AlertmanagerSnapshot(
            alerts: .success([
                AlertmanagerAlert(fingerprint: "f1", labels: Labels(["alertname": "HighErrorRate", "severity": "critical", "service": "execution"]),
                                  state: .active, startsAt: now - 300_000),
                AlertmanagerAlert(fingerprint: "f2", labels: Labels(["alertname": "LatencyHigh", "severity": "warning", "service": "execution"]),
                                  state: .suppressed, inhibitedBy: ["f1"], startsAt: now - 120_000),
                AlertmanagerAlert(fingerprint: "f3", labels: Labels(["alertname": "FeedStale", "severity": "warning"]),
                                  state: .suppressed, silencedBy: ["s1"], startsAt: now - 60_000),
            ]),
            silences: .success([
                Silence(id: "s1", matchers: [
                    .init(name: "alertname", value: "FeedStale"), .init(name: "service", value: "market.*", isRegex: true),
                    .init(name: "env", value: "staging", isEqual: false),
                ], createdBy: "alice", comment: "vendor maintenance", startsAt: now - 60_000, endsAt: now + 7_200_000, state: .active),
                Silence(id: "s2", matchers: [.init(name: "service", value: "gateway")], createdBy: "bob", comment: "deploy",
                        startsAt: now + 3_600_000, endsAt: now + 10_800_000, state: .pending),
                Silence(id: "s3", matchers: [.init(name: "job", value: "old")], createdBy: "carol", comment: "long gone",
                        startsAt: now - 7_200_000, endsAt: now - 3_600_000, state: .expired),
            ]))
    }

    private func harness(alertmanager: Bool, height: Int = 40) -> Harness {
        var harness = Harness(Fixtures.state([Fixtures.trading], width: 140, height: height))
        if alertmanager { harness.state.alertmanager = .notLoaded }
        harness.send(.start)
        return harness
    }

    private func screen(_ harness: Harness) -> String {
        renderer.render(harness.state, size: harness.state.size, now: harness.now).text
    }

    @Test func aAsksAlertmanagerOnlyWhenOneIsConfigured() {
        var without = harness(alertmanager: false)
        let plain = without.press(.char("a"))
        #expect(plain.contains(.fetchAlerts) && !plain.contains(.fetchAlertmanager))
        // A stray answer without a configured Alertmanager changes nothing.
        #expect(without.send(.alertmanager(Self.snapshot(at: without.now))).isEmpty)
        #expect(!screen(without).contains("Alertmanager"))

        var with = harness(alertmanager: true)
        let both = with.press(.char("a"))
        #expect(both.contains(.fetchAlerts) && both.contains(.fetchAlertmanager))
        #expect(with.state.alertmanager == .loading && with.state.overlay == .alerts)
        #expect(screen(with).contains("Alertmanager"))
        with.send(.alertmanager(Self.snapshot(at: with.now)))
        // r reloads both.
        let reload = with.press(.char("r"))
        #expect(reload.contains(.fetchAlerts) && reload.contains(.fetchAlertmanager))
        with.press(.escape)
        #expect(with.state.overlay == nil)
    }

    @Test func overlayShowsPrometheusThenAlertmanagerAlertsThenSilences() throws {
        var harness = harness(alertmanager: true)
        harness.press(.char("a"))
        harness.send(.alerts(.success(Self.prometheusAlerts(at: harness.now))))
        harness.send(.alertmanager(Self.snapshot(at: harness.now)))
        let text = screen(harness)
        let lines = text.split(separator: "\n").map(String.init)
        func row(_ needle: String) -> Int? { lines.firstIndex { $0.contains(needle) } }
        let sections = [row("Prometheus alerts"), row("Alertmanager alerts"), row("Silences")]
        #expect(sections.allSatisfy { $0 != nil } && sections == sections.sorted { ($0 ?? 0) < ($1 ?? 0) }, "\(text)")
        #expect(text.contains("FIRING  HighErrorRate [critical] service=execution for 5m — 5xx above 2%"))
        #expect(text.contains("pending QueueLagGrowing [warning] for 20s"))
        #expect(text.contains("active    HighErrorRate [critical] service=execution for 5m"))
        #expect(text.contains("inhibited LatencyHigh [warning] service=execution for 2m · inhibited by HighErrorRate"))
        #expect(text.contains("silenced  FeedStale [warning] for 1m · silenced by alice: vendor maintenance"))
        #expect(text.contains(#"active  alertname="FeedStale", service=~"market.*", env!="staging" · by alice · vendor maintenance · ends in 2h"#))
        #expect(text.contains(#"pending service="gateway" · by bob · deploy · starts in 1h"#))
        // Expired silences are history, not news.
        #expect(!text.contains("long gone"))

        // On a narrow screen long lines wrap instead of losing their end.
        harness.send(.resize(.init(width: 80, height: 40)))
        let narrow = screen(harness)
        #expect(narrow.contains("ends in 2h") && narrow.contains("starts in 1h"), "\(narrow)")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func anAlertmanagerErrorStaysInItsSection() {
        var harness = harness(alertmanager: true)
        harness.press(.char("a"))
        harness.send(.alerts(.success(Self.prometheusAlerts(at: harness.now))))
        let refused = QueryError(.connection, "cannot connect to 127.0.0.1:9093: connection refused (is the server running, and is the port right?)",
                                 summary: "connection refused")
        harness.send(.alertmanager(AlertmanagerSnapshot(alerts: .failure(refused), silences: .failure(refused))))
        let text = screen(harness)
        #expect(text.contains("FIRING  HighErrorRate"))
        #expect(text.contains("Could not load Alertmanager alerts: connection refused"))
        #expect(text.contains("Could not load silences: connection refused"))
        #expect(text.contains("cannot connect to 127.0.0.1:9093"))

        // Prometheus failing leaves Alertmanager's part readable too.
        harness.send(.alerts(.failure(QueryError(.http, "HTTP 502 Bad Gateway from prom", summary: "HTTP 502"))))
        harness.send(.alertmanager(Self.snapshot(at: harness.now)))
        let other = screen(harness)
        #expect(other.contains("Could not load alerts: HTTP 502"))
        #expect(other.contains("silenced  FeedStale"))
    }

    @Test func longListsScrollAndStopAtTheEnd() {
        var harness = harness(alertmanager: false, height: 20)
        harness.press(.char("a"))
        let many = (0..<50).map { index in
            Alert(labels: Labels(["alertname": "Alert\(index < 10 ? "0" : "")\(index)"]), annotations: [:], state: .firing,
                  activeAt: harness.now - 60_000, value: 1)
        }
        harness.send(.alerts(.success(many)))
        var text = screen(harness)
        #expect(text.contains("Alert00") && !text.contains("Alert49"))
        #expect(text.contains("1-17/51"), "\(text)")
        harness.press(.down, .down)
        #expect(harness.state.alertsScroll == 2)
        #expect(!screen(harness).contains("Alert00"))
        harness.press(.end)
        text = screen(harness)
        #expect(text.contains("Alert49") && text.contains("35-51/51"), "\(text)")
        let stuck = harness.press(.down)
        #expect(stuck.isEmpty && harness.state.alertsScroll == 34)
        harness.press(.home)
        #expect(harness.state.alertsScroll == 0)
        // The wheel scrolls the list, not the dashboard behind it.
        harness.send(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(harness.state.alertsScroll == 3 && harness.state.scroll == 0)
        harness.send(.mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        #expect(harness.state.alertsScroll == 0)
        // Reopening starts at the top.
        harness.press(.pageDown, .escape, .char("a"))
        #expect(harness.state.alertsScroll == 0)
    }

    /// An alert list panel fills at start and with each refresh, without the `a` view ever
    /// opened; the list fetched last stays drawn while the next one loads.
    @Test func alertListPanelFetchesAlertsAtStartAndOnRefresh() {
        let dashboard = Dashboard(uid: "al", title: "Alerts", refresh: "10s", panels: [
            Panel(id: 1, type: "alertlist", title: "Firing", gridPos: GridPos(x: 0, y: 0, w: 24, h: 8)),
        ])
        var harness = Harness(Fixtures.state([dashboard], width: 140, height: 30))
        let started = harness.send(.start)
        #expect(started.contains(.fetchAlerts) && harness.state.alerts == .loading)
        harness.send(.alerts(.success(Self.prometheusAlerts(at: harness.now))))
        #expect(screen(harness).contains("HighErrorRate"))
        harness.now += 10_000
        let ticked = harness.send(.tick)
        #expect(ticked.contains(.fetchAlerts))
        #expect(screen(harness).contains("HighErrorRate"), "the last list stays while reloading")
        // No second fetch while one is out (the a view's own reload is the same fetch).
        harness.state.alerts = .loading
        #expect(!harness.reducer.refreshAlertList(&harness.state, dashboard: dashboard, visible: [1]).contains(.fetchAlerts))
    }

    @Test func dashboardWithoutAlertListDoesNotFetchAlerts() {
        var harness = Harness(Fixtures.state([Fixtures.trading], width: 140, height: 30))
        #expect(!harness.send(.start).contains(.fetchAlerts))
        #expect(harness.state.alerts == .notLoaded)
    }
}
