import Dashboards
import PromModel
import Render
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

    @Test func alertsTabListsPrometheusAndAlertmanagerAlertsSilencesTabTheSilences() throws {
        var harness = harness(alertmanager: true)
        harness.press(.char("a"))
        harness.send(.alerts(.success(Self.prometheusAlerts(at: harness.now))))
        harness.send(.alertmanager(Self.snapshot(at: harness.now)))
        var text = screen(harness)
        #expect(text.contains("[1 Alerts (5)]   2 Silences (2)") && text.contains("sort: severity (o)"), "\(text)")
        #expect(text.contains("prom FIRING  HighErrorRate [critical] service=execution for 5m — 5xx above 2%"))
        #expect(text.contains("prom pending QueueLagGrowing [warning] for 20s"))
        #expect(text.contains("am   active    HighErrorRate [critical] service=execution for 5m"))
        #expect(text.contains("am   inhibited LatencyHigh [warning] service=execution for 2m · inhibited by HighErrorRate"))
        #expect(text.contains("am   silenced  FeedStale [warning] for 1m · silenced by alice: vendor maintenance"))
        // The highlighted alert in full under the list.
        #expect(text.contains(#"{alertname="HighErrorRate", service="execution", severity="critical"}"#), "\(text)")
        #expect(!text.contains("vendor maintenance · by alice"))

        harness.press(.tab)
        text = screen(harness)
        #expect(text.contains("1 Alerts (5)   [2 Silences (2)]"), "\(text)")
        #expect(text.contains(#"active  alertname="FeedStale", service=~"market.*", env!="staging" · ends in 2h · vendor maintenance · by alice"#), "\(text)")
        #expect(text.contains(#"pending service="gateway" · starts in 1h · deploy · by bob"#))
        #expect(text.contains("id s1 · created by alice"))
        // Expired silences are history, not news.
        #expect(!text.contains("long gone"))
        harness.press(.char("1"))
        #expect(harness.state.alertsView.tab == .alerts)
        harness.press(.char("2"))
        #expect(harness.state.alertsView.tab == .silences)
        harness.press(.backTab)
        #expect(harness.state.alertsView.tab == .alerts)

        // On a narrow screen no line runs past the dialog.
        harness.send(.resize(.init(width: 80, height: 40)))
        let narrow = screen(harness)
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
        #expect(text.contains("prom FIRING  HighErrorRate"))
        #expect(text.contains("Could not load Alertmanager alerts: connection refused"))
        #expect(text.contains("cannot connect to 127.0.0.1:9093"))
        harness.press(.tab)
        #expect(screen(harness).contains("Could not load silences: connection refused"))
        harness.press(.tab)

        // Prometheus failing leaves Alertmanager's part readable too.
        harness.send(.alerts(.failure(QueryError(.http, "HTTP 502 Bad Gateway from prom", summary: "HTTP 502"))))
        harness.send(.alertmanager(Self.snapshot(at: harness.now)))
        let other = screen(harness)
        #expect(other.contains("Could not load alerts: HTTP 502"))
        #expect(other.contains("am   silenced  FeedStale"))
    }

    @Test func oCyclesTheSortSeverityStateNameAge() {
        var harness = harness(alertmanager: true)
        harness.press(.char("a"))
        harness.send(.alerts(.success(Self.prometheusAlerts(at: harness.now))))
        harness.send(.alertmanager(Self.snapshot(at: harness.now)))
        func order() -> [String] { AlertRows.alerts(harness.state).map { "\($0.source == .prometheus ? "p" : "a"):\($0.name)" } }
        #expect(order() == ["p:HighErrorRate", "a:HighErrorRate", "p:QueueLagGrowing", "a:FeedStale", "a:LatencyHigh"])
        harness.press(.down, .down)
        harness.press(.char("o"))
        #expect(harness.state.alertsView.sort == .state && harness.state.alertsView.alerts.selection == 0)
        #expect(order() == ["p:HighErrorRate", "a:HighErrorRate", "p:QueueLagGrowing", "a:FeedStale", "a:LatencyHigh"])
        harness.press(.char("o"))
        #expect(harness.state.alertsView.sort == .name)
        #expect(order() == ["a:FeedStale", "p:HighErrorRate", "a:HighErrorRate", "a:LatencyHigh", "p:QueueLagGrowing"])
        harness.press(.char("o"))
        #expect(harness.state.alertsView.sort == .age)
        #expect(order() == ["p:HighErrorRate", "a:HighErrorRate", "a:LatencyHigh", "a:FeedStale", "p:QueueLagGrowing"])
        #expect(screen(harness).contains("sort: age (o)"))
        harness.press(.char("o"))
        #expect(harness.state.alertsView.sort == .severity)
        // The silences tab has one order; o there does nothing.
        harness.press(.tab)
        #expect(harness.press(.char("o")).isEmpty && harness.state.alertsView.sort == .severity)
    }

    @Test func longListsScrollWithTheCursorAndStopAtTheEnd() {
        var harness = harness(alertmanager: false, height: 20)
        harness.press(.char("a"))
        let many = (0..<50).map { index in
            Alert(labels: Labels(["alertname": "Alert\(index < 10 ? "0" : "")\(index)"]), annotations: [:], state: .firing,
                  activeAt: harness.now - 60_000, value: 1)
        }
        harness.send(.alerts(.success(many)))
        let rows = AlertsOverlay.listRows(harness.state, now: harness.now)
        #expect(rows == 14)
        var text = screen(harness)
        #expect(text.contains("Alert00") && text.contains("Alert13") && !text.contains("Alert14"), "\(text)")
        #expect(text.contains("1/50"), "\(text)")
        harness.press(.down, .char("j"))
        #expect(harness.state.alertsView.alerts.selection == 2 && harness.state.alertsView.alerts.top == 0)
        harness.press(.char("k"))
        #expect(harness.state.alertsView.alerts.selection == 1)
        harness.press(.pageDown)
        #expect(harness.state.alertsView.alerts.selection == 14 && harness.state.alertsView.alerts.top == 1)
        #expect(!screen(harness).contains("Alert00"))
        harness.press(.pageUp)
        #expect(harness.state.alertsView.alerts.selection == 1)
        harness.press(.end)
        text = screen(harness)
        #expect(text.contains("Alert49") && text.contains("50/50"), "\(text)")
        let stuck = harness.press(.down)
        #expect(stuck.isEmpty && harness.state.alertsView.alerts.selection == 49 && harness.state.alertsView.alerts.top == 36)
        harness.press(.home)
        #expect(harness.state.alertsView.alerts == ListCursor())
        harness.press(.char("G"))
        #expect(harness.state.alertsView.alerts.selection == 49)
        harness.press(.char("g"))
        #expect(harness.state.alertsView.alerts.selection == 0)
        // The wheel moves the list, not the dashboard behind it.
        harness.send(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(harness.state.alertsView.alerts.selection == 3 && harness.state.scroll == 0)
        harness.send(.mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        #expect(harness.state.alertsView.alerts.selection == 0)
        // A shorter list after a reload keeps the cursor in range.
        harness.press(.end)
        harness.send(.alerts(.success(Array(many.prefix(3)))))
        #expect(screen(harness).contains("3/3"))
        // Reopening starts at the top of the alerts tab.
        harness.press(.tab, .escape, .char("a"))
        #expect(harness.state.alertsView.alerts == ListCursor() && harness.state.alertsView.tab == .alerts)
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
