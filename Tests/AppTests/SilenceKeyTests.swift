import Foundation
import Dashboards
import PromModel
import Testing
@testable import App

/// The alerts view's silence keys: `s` and its form, `x x` and `y` on a silence, Enter to
/// an alert's panel, and Alertmanager's answers.
@Suite struct SilenceKeyTests {
    private let renderer = FrameRenderer()

    private func harness(alertmanager: Bool = true, dashboards: [Dashboard] = [Fixtures.trading]) -> Harness {
        var state = Fixtures.state(dashboards, width: 140, height: 40)
        state.userName = "alice"
        var harness = Harness(state)
        if alertmanager { harness.state.alertmanager = .notLoaded }
        harness.send(.start)
        harness.press(.char("a"))
        harness.send(.alerts(.success(AlertsViewTests.prometheusAlerts(at: harness.now))))
        if alertmanager { harness.send(.alertmanager(AlertsViewTests.snapshot(at: harness.now))) }
        return harness
    }

    private func screen(_ harness: Harness) -> String {
        renderer.render(harness.state, size: harness.state.size, now: harness.now).text
    }

    @Test func sOpensAFormWithTheAlertsLabelsOneHourAndWhoSilences() throws {
        var harness = harness()
        harness.press(.char("s"))
        let form = try #require(harness.state.alertsView.form)
        #expect(form.alertName == "HighErrorRate")
        #expect(form.matchers.map(\.matcher.description) == [#"alertname="HighErrorRate""#, #"service="execution""#, #"severity="critical""#])
        #expect(form.matchers.allSatisfy { $0.checked })
        #expect(form.duration.text == "1h" && form.comment.text == "silenced from promdeck by alice")
        let text = screen(harness)
        #expect(text.contains("Silence HighErrorRate"), "\(text)")
        #expect(text.contains(#"[x] alertname="HighErrorRate""#) && text.contains("Duration: 1h") && text.contains("Comment:  silenced from promdeck by alice"))

        // Space toggles the highlighted matcher; j/k and the arrows move between fields.
        harness.press(.char("j"), .char(" "))
        #expect(harness.state.alertsView.form?.matchers[1].checked == false)
        #expect(screen(harness).contains(#"[ ] service="execution""#))
        harness.press(.char("k"), .down, .down, .down)
        #expect(harness.state.alertsView.form?.focusedField == .duration)
        // In a text field keys edit (the prompt's line editor): Ctrl-U clears, then type.
        harness.press(.ctrl("u"))
        harness.type("2h30m")
        #expect(harness.state.alertsView.form?.duration.text == "2h30m")
        harness.press(.tab)
        #expect(harness.state.alertsView.form?.focusedField == .comment)
        harness.press(.ctrl("w"))
        harness.type("bob")
        #expect(harness.state.alertsView.form?.comment.text == "silenced from promdeck by bob")
        // Space in a text field is a space, not a toggle.
        harness.press(.char(" "))
        #expect(harness.state.alertsView.form?.comment.text == "silenced from promdeck by bob ")
        harness.press(.backspace, .backTab, .up)
        #expect(harness.state.alertsView.form?.focusedField == .matcher(2))

        let effects = harness.press(.enter)
        let expected = SilenceDraft(
            matchers: [Silence.Matcher(name: "alertname", value: "HighErrorRate"), Silence.Matcher(name: "severity", value: "critical")],
            startsAt: harness.now, endsAt: harness.now + 9_000_000, createdBy: "alice", comment: "silenced from promdeck by bob")
        #expect(effects == [.createSilence(expected), .redraw])
        #expect(harness.state.alertsView.form?.sending == true)
        #expect(screen(harness).contains("Creating the silence…"))
        // A second Enter while it is out sends nothing more.
        #expect(harness.press(.enter).isEmpty)

        let created = harness.send(.silenceCreated(.success("0f1e2d3c-aaaa-bbbb-cccc-000000000001")))
        #expect(harness.state.alertsView.form == nil)
        #expect(created.contains(.fetchAlertmanager))
        #expect(screen(harness).contains("Created silence 0f1e2d3c-aaaa-bbbb-cccc-000000000001 for HighErrorRate"))
    }

    @Test func badFieldsAreRefusedInTheFormWithoutAsking() {
        var harness = harness()
        harness.press(.char("s"), .down, .down, .down)
        harness.press(.ctrl("u"))
        harness.type("soon")
        #expect(harness.press(.enter) == [.redraw])
        #expect(harness.state.alertsView.form?.error == #"duration "soon" is not a duration such as 1h, 30m or 2h30m"#)
        #expect(screen(harness).contains(#"✗ duration "soon" is not a duration"#))
        harness.press(.ctrl("u"))
        harness.type("1h")
        // Every matcher unchecked: nothing to silence.
        harness.press(.up, .char(" "), .up, .char(" "), .up, .char(" "))
        #expect(!harness.press(.enter).contains { if case .createSilence = $0 { true } else { false } })
        #expect(harness.state.alertsView.form?.error == "check at least one matcher (Space)")
        // Esc drops the form, the view stays.
        harness.press(.escape)
        #expect(harness.state.alertsView.form == nil && harness.state.overlay == .alerts)
    }

    @Test func alertmanagersRefusalsAreShownInTheForm() throws {
        var harness = harness()
        harness.press(.char("s"), .enter)
        let badRequest = QueryError(.http, "HTTP 400 Bad Request: Failed to create silence: end time can't be in the past", summary: "HTTP 400")
        harness.send(.silenceCreated(.failure(badRequest)))
        let form = try #require(harness.state.alertsView.form)
        #expect(!form.sending)
        #expect(form.error == "HTTP 400 Bad Request: Failed to create silence: end time can't be in the past")
        #expect(screen(harness).contains("✗ HTTP 400 Bad Request: Failed to create silence: end time can't be in the past"))

        // Enter again tries again; a 401 says where credentials come from.
        #expect(harness.press(.enter).contains { if case .createSilence = $0 { true } else { false } })
        harness.send(.silenceCreated(.failure(QueryError(.http, "unauthorized", summary: "HTTP 401"))))
        let error = try #require(harness.state.alertsView.form?.error)
        #expect(error.hasPrefix("HTTP 401: unauthorized (Alertmanager wants credentials"), "\(error)")

        // An answer after the form was dropped lands in the view's notice.
        harness.press(.escape)
        harness.send(.silenceCreated(.failure(badRequest)))
        #expect(screen(harness).contains("Silence not created: HTTP 400 Bad Request"))
    }

    @Test func sWithoutAlertmanagerSaysWhatIsMissing() {
        var harness = harness(alertmanager: false)
        harness.press(.char("s"))
        #expect(harness.state.alertsView.form == nil)
        #expect(screen(harness).contains("Silences need an Alertmanager: --alertmanager URL"))
        harness.press(.tab)
        #expect(screen(harness).contains("No Alertmanager configured"))
    }

    @Test func xThenXExpiresTheSelectedSilenceAndYCopiesItsID() {
        var harness = harness()
        harness.press(.tab)
        #expect(harness.press(.char("y")) == [.copy("s1")])
        // The first x asks; any other key forgets.
        harness.press(.char("x"))
        #expect(harness.state.alertsView.expiring == "s1")
        #expect(screen(harness).contains(#"Press x again to expire alertname="FeedStale""#))
        harness.press(.down)
        #expect(harness.state.alertsView.expiring == nil && harness.state.alertsView.silences.selection == 1)
        harness.press(.up)
        #expect(harness.press(.char("x")) == [.redraw])
        #expect(harness.press(.char("x")) == [.expireSilence(id: "s1"), .redraw])
        #expect(harness.state.alertsView.expiring == nil)
        let expired = harness.send(.silenceExpired(id: "s1", error: nil))
        #expect(expired.contains(.fetchAlertmanager))
        #expect(screen(harness).contains("Expired silence s1"))
        harness.press(.char("x"), .char("x"))
        harness.send(.silenceExpired(id: "s1", error: QueryError(.http, "silence s1 already expired", summary: "HTTP 500")))
        #expect(screen(harness).contains("Silence s1 not expired: HTTP 500: silence s1 already expired"))
        // x and y mean nothing on the alerts tab.
        harness.press(.tab)
        #expect(harness.press(.char("x")).isEmpty && harness.press(.char("y")).isEmpty)
    }

    /// The demo's alerts come from its embedded rules, which know their expression.
    @Test func enterOnAPrometheusAlertWithItsRulesExpressionZoomsItsPanel() {
        let errors = Dashboard(uid: "err", title: "Errors", panels: [
            Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 12, h: 4), targets: [Target(expr: "sum(up)")]),
            Panel(id: 7, type: "timeseries", title: "5xx", gridPos: GridPos(x: 0, y: 4, w: 24, h: 8),
                  targets: [Target(expr: "sum(rate(http_requests_total[$__rate_interval]))")]),
        ])
        var harness = harness(alertmanager: false, dashboards: [Fixtures.trading, errors])
        harness.send(.alerts(.success([
            Alert(labels: Labels(["alertname": "HighErrorRate"]), annotations: [:], state: .firing, activeAt: harness.now - 60_000,
                  value: 0.1, expr: "sum(rate(http_requests_total[5m])) > 0.05"),
        ])))
        harness.press(.enter)
        #expect(harness.state.dashboardIndex == 1 && harness.state.zoomedPanelID == 7)
    }

    @Test func enterZoomsThePanelThatQueriesTheAlertsMetric() {
        let errors = Dashboard(uid: "err", title: "Errors", panels: [
            Panel(id: 1, type: "stat", title: "Up", gridPos: GridPos(x: 0, y: 0, w: 12, h: 4), targets: [Target(expr: "sum(up)")]),
            Panel(id: 9, type: "row", title: "Detail", gridPos: GridPos(x: 0, y: 4, w: 24, h: 1), collapsed: true, panels: [
                Panel(id: 7, type: "timeseries", title: "5xx ratio", gridPos: GridPos(x: 0, y: 5, w: 24, h: 8),
                      targets: [Target(expr: #"sum(rate(http_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total[$__rate_interval]))"#)]),
            ]),
        ])
        var harness = harness(dashboards: [Fixtures.trading, errors])
        let expr = #"sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.02"#
        let url = "http://prom:9090/graph?g0.expr=" + expr.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!.replacingOccurrences(of: "%20", with: "+") + "&g0.tab=1"
        var snapshot = AlertsViewTests.snapshot(at: harness.now)
        snapshot.alerts = .success([AlertmanagerAlert(fingerprint: "f1", labels: Labels(["alertname": "HighErrorRate", "severity": "critical"]),
                                                      state: .active, startsAt: harness.now - 60_000, generatorURL: url)])
        harness.send(.alerts(.success([])))
        harness.send(.alertmanager(snapshot))

        let effects = harness.press(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.dashboardIndex == 1 && harness.state.zoomedPanelID == 7 && harness.state.focusedPanelID == 7)
        #expect(harness.state.dashboard?.panels.contains { $0.id == 7 } == true, "the collapsed row was opened")
        #expect(effects.contains(.fullRedraw) && effects.contains { if case .runQueries = $0 { true } else { false } })
        #expect(harness.state.status?.text == #"HighErrorRate: panel "5xx ratio" uses its metrics"#)
    }

    @Test func enterWithoutAQueryOrAPanelSaysWhy() {
        var harness = harness()
        // Prometheus's own alert (sorted first) carries no expression.
        harness.press(.enter)
        #expect(harness.state.overlay == .alerts)
        #expect(screen(harness).contains("No query known for HighErrorRate"))
        var snapshot = AlertsViewTests.snapshot(at: harness.now)
        snapshot.alerts = .success([AlertmanagerAlert(fingerprint: "f1", labels: Labels(["alertname": "DiskFull"]), state: .active,
                                                      generatorURL: "http://prom:9090/graph?g0.expr=node_filesystem_avail_bytes+%3C+1e9&g0.tab=1")])
        harness.send(.alerts(.success([])))
        harness.send(.alertmanager(snapshot))
        harness.press(.enter)
        #expect(harness.state.overlay == .alerts && harness.state.zoomedPanelID == nil)
        #expect(screen(harness).contains("No panel of these dashboards queries what DiskFull does: node_filesystem_avail_bytes < 1e9"))
    }

    @Test func generatorURLsGiveTheRuleExpression() {
        #expect(AlertPanelJump.expr(fromGeneratorURL: "http://p:9090/graph?g0.expr=rate%28x_total%5B5m%5D%29+%3E+1&g0.tab=1") == "rate(x_total[5m]) > 1")
        #expect(AlertPanelJump.expr(fromGeneratorURL: "http://p:9090/graph?g0.tab=1&g0.expr=a+%2B+b") == "a + b")
        #expect(AlertPanelJump.expr(fromGeneratorURL: "http://p:9090/graph") == nil)
        #expect(AlertPanelJump.expr(fromGeneratorURL: "http://p:9090/graph?g0.expr=") == nil)
        #expect(AlertPanelJump.expr(fromGeneratorURL: "") == nil)
    }
}
