import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Alertmanager's v2 API: decoding its real JSON, and the client against a real Alertmanager.
@Suite struct AlertmanagerDecodingTests {
    /// Captured from Alertmanager 0.25 (`/api/v2/alerts`): a critical alert inhibiting a
    /// warning on the same service, and one alert muted by a silence.
    static let alertsJSON = #"""
    [{"annotations":{"summary":"p99 above 250ms"},"endsAt":"2026-11-26T00:56:59.495Z","fingerprint":"0b41375c4b58d6dc","generatorURL":"","receivers":[{"name":"none"}],"startsAt":"2026-11-26T00:51:59.000Z","status":{"inhibitedBy":["d8787474b021e6d3"],"silencedBy":[],"state":"suppressed"},"updatedAt":"2026-11-26T00:51:59.495Z","labels":{"alertname":"LatencyHigh","service":"execution","severity":"warning"}},{"annotations":{"summary":"No ticks"},"endsAt":"2026-11-26T00:56:59.495Z","fingerprint":"d7127a86b387fb67","receivers":[{"name":"none"}],"startsAt":"2026-11-26T00:51:59.000Z","status":{"inhibitedBy":[],"silencedBy":["871cea2d-89e2-4685-9d70-7186e208fe47"],"state":"suppressed"},"updatedAt":"2026-11-26T00:51:59.495Z","labels":{"alertname":"FeedStale","service":"marketdata","severity":"warning"}},{"annotations":{"summary":"Execution 5xx above 2%"},"endsAt":"2026-11-26T00:56:59.495Z","fingerprint":"d8787474b021e6d3","generatorURL":"http://prom:9090/graph?g0.expr=errors_total+%3E+1\u0026g0.tab=1","receivers":[{"name":"none"}],"startsAt":"2026-11-26T00:51:59.000Z","status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"2026-11-26T00:51:59.495Z","labels":{"alertname":"HighErrorRate","service":"execution","severity":"critical"}}]
    """#

    /// `/api/v2/silences` of the same Alertmanager: active (with =, =~ and != matchers),
    /// pending, and expired.
    static let silencesJSON = #"""
    [{"id":"871cea2d-89e2-4685-9d70-7186e208fe47","status":{"state":"active"},"updatedAt":"2026-11-26T00:51:59.504Z","comment":"feed vendor maintenance","createdBy":"alice","endsAt":"2026-11-26T02:51:59.000Z","matchers":[{"isEqual":true,"isRegex":false,"name":"alertname","value":"FeedStale"},{"isEqual":true,"isRegex":true,"name":"service","value":"market.*"},{"isEqual":false,"isRegex":false,"name":"env","value":"staging"}],"startsAt":"2026-11-26T00:51:59.504Z"},{"id":"e31a4532-e470-4489-b786-5d0fdefb74bc","status":{"state":"pending"},"updatedAt":"2026-11-26T00:52:05.815Z","comment":"planned deploy","createdBy":"bob","endsAt":"2026-11-26T03:52:05.000Z","matchers":[{"isEqual":true,"isRegex":false,"name":"service","value":"gateway"}],"startsAt":"2026-11-26T01:52:05.000Z"},{"id":"cb9aae0f-be8f-41a5-8564-4abea9d86d1d","status":{"state":"expired"},"updatedAt":"2026-11-26T00:52:06.026Z","comment":"done","createdBy":"carol","endsAt":"2026-11-26T00:52:06.026Z","matchers":[{"isEqual":false,"isRegex":true,"name":"instance","value":"old-.*"}],"startsAt":"2026-11-26T00:52:05.832Z"}]
    """#

    @Test func decodesAlertsWithTheirSuppression() throws {
        let alerts = try JSONDecoder().decode([AlertmanagerAlertWire].self, from: Data(Self.alertsJSON.utf8)).map { $0.alert() }
        #expect(alerts.count == 3)
        let critical = try #require(alerts.first { $0.labels["alertname"] == "HighErrorRate" })
        #expect(critical.state == .active)
        #expect(critical.fingerprint == "d8787474b021e6d3")
        #expect(critical.annotations["summary"] == "Execution 5xx above 2%")
        #expect(critical.receivers == ["none"])
        #expect(critical.generatorURL == "http://prom:9090/graph?g0.expr=errors_total+%3E+1&g0.tab=1")
        #expect(critical.startsAt == RFC3339.milliseconds("2026-11-26T00:51:59.000Z"))
        let inhibited = try #require(alerts.first { $0.labels["alertname"] == "LatencyHigh" })
        #expect(inhibited.state == .suppressed)
        #expect(inhibited.inhibitedBy == ["d8787474b021e6d3"])
        #expect(inhibited.silencedBy.isEmpty)
        #expect(inhibited.generatorURL == nil, "an empty link is no link")
        let silenced = try #require(alerts.first { $0.labels["alertname"] == "FeedStale" })
        #expect(silenced.state == .suppressed)
        #expect(silenced.silencedBy == ["871cea2d-89e2-4685-9d70-7186e208fe47"])
        #expect(silenced.labels["service"] == "marketdata")
    }

    @Test func decodesSilencesAndPrintsMatchersAsPromQL() throws {
        let silences = try JSONDecoder().decode([SilenceWire].self, from: Data(Self.silencesJSON.utf8)).map { $0.silence() }
        #expect(silences.map(\.state) == [.active, .pending, .expired])
        let active = silences[0]
        #expect(active.id == "871cea2d-89e2-4685-9d70-7186e208fe47")
        #expect(active.createdBy == "alice")
        #expect(active.comment == "feed vendor maintenance")
        #expect(active.matchers.map(\.description) == [#"alertname="FeedStale""#, #"service=~"market.*""#, #"env!="staging""#])
        #expect(active.endsAt == RFC3339.milliseconds("2026-11-26T02:51:59.000Z"))
        #expect(silences[2].matchers.map(\.description) == [#"instance!~"old-.*""#])
        // Quotes and backslashes in values are escaped as PromQL strings are.
        #expect(Silence.Matcher(name: "path", value: #"C:\x "y""#).description == #"path="C:\\x \"y\"""#)
    }

    @Test func matchersWithoutIsEqualArePositive() throws {
        // Alertmanager before 0.22 did not send isEqual.
        let json = #"[{"id":"a","matchers":[{"name":"job","value":"api","isRegex":false}],"status":{"state":"active"}}]"#
        let silence = try #require(try JSONDecoder().decode([SilenceWire].self, from: Data(json.utf8)).first?.silence())
        #expect(silence.matchers.map(\.description) == [#"job="api""#])
    }
}

/// The client against a real Alertmanager (one per test, on a free port).
@Suite(.serialized, .tags(.alertmanager)) struct AlertmanagerClientTests {
    static let config = """
        route:
          receiver: none
          group_wait: 1s
        receivers:
          - name: none
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [service]
        """

    @Test func returnsAlertsAndSilencesFromARealAlertmanager() async throws {
        let server = try await AlertmanagerServer(config: Self.config)
        defer { server.stop() }
        try await server.postAlerts("""
            [{"labels":{"alertname":"HighErrorRate","service":"execution","severity":"critical"},"annotations":{"summary":"5xx above 2%"}},
             {"labels":{"alertname":"LatencyHigh","service":"execution","severity":"warning"}},
             {"labels":{"alertname":"FeedStale","service":"marketdata","severity":"warning"}}]
            """)
        let silenceID = try await server.postSilence("""
            {"matchers":[{"name":"alertname","value":"FeedStale","isRegex":false,"isEqual":true},{"name":"service","value":"market.*","isRegex":true,"isEqual":true}],
             "startsAt":"\(AlertmanagerServer.time(-1))","endsAt":"\(AlertmanagerServer.time(7200))","createdBy":"alice","comment":"vendor maintenance"}
            """)
        let pendingID = try await server.postSilence("""
            {"matchers":[{"name":"service","value":"gateway","isRegex":false,"isEqual":false}],
             "startsAt":"\(AlertmanagerServer.time(3600))","endsAt":"\(AlertmanagerServer.time(7200))","createdBy":"bob","comment":"deploy"}
            """)
        let client = AlertmanagerClient(settings: try AlertmanagerClient.settings(url: server.baseURL, beside: nil))
        defer { Task { await client.shutdown() } }

        // Suppression is computed asynchronously; wait until both suppressions show.
        var alerts: [AlertmanagerAlert] = []
        let settled = await waitUntil(timeout: .seconds(20)) {
            alerts = (try? await client.alerts()) ?? []
            return alerts.count == 3 && alerts.filter { $0.state == .suppressed }.count == 2
        }
        #expect(settled, "alerts: \(alerts)")
        let critical = try #require(alerts.first { $0.labels["alertname"] == "HighErrorRate" })
        #expect(critical.state == .active && critical.annotations["summary"] == "5xx above 2%" && critical.startsAt != nil)
        #expect(alerts.first { $0.labels["alertname"] == "FeedStale" }?.silencedBy == [silenceID])
        #expect(alerts.first { $0.labels["alertname"] == "LatencyHigh" }?.inhibitedBy == [critical.fingerprint])

        let silences = try await client.silences()
        let active = try #require(silences.first { $0.id == silenceID })
        #expect(active.state == .active && active.createdBy == "alice" && active.comment == "vendor maintenance")
        #expect(active.matchers.map(\.description) == [#"alertname="FeedStale""#, #"service=~"market.*""#])
        let pending = try #require(silences.first { $0.id == pendingID })
        #expect(pending.state == .pending && pending.matchers.map(\.description) == [#"service!="gateway""#])
    }

    @Test func errorsAreQueryErrorsLikePrometheusClients() async throws {
        let dead = AlertmanagerClient(settings: try AlertmanagerClient.settings(url: "http://127.0.0.1:\(try freePort())", beside: nil))
        defer { Task { await dead.shutdown() } }
        do throws(QueryError) {
            _ = try await dead.alerts()
            Issue.record("no error from a dead Alertmanager")
        } catch {
            #expect(error.kind == .connection)
            #expect(error.summary == "connection refused")
        }
        // Prometheus is not an Alertmanager: its 404 page maps like any other HTTP error.
        let server = try await AlertmanagerServer(config: Self.config)
        defer { server.stop() }
        let wrong = AlertmanagerClient(settings: try AlertmanagerClient.settings(url: server.baseURL + "/nothing", beside: nil))
        defer { Task { await wrong.shutdown() } }
        do throws(QueryError) {
            _ = try await wrong.silences()
            Issue.record("no error for a wrong path")
        } catch {
            #expect(error.kind == .notFound, "\(error)")
        }
    }

    @Test func credentialsStayWithTheirOrigin() throws {
        let prometheus = DatasourceSettings(
            name: "prod", url: "https://prom.example:9090", auth: .basic(username: "u", password: Secret(.value("p"), key: "password")),
            headers: [HTTPHeaderField("X-Scope-OrgID", "team")], timeout: .seconds(7))
        let elsewhere = try AlertmanagerClient.settings(url: "https://am.example:9093", beside: prometheus)
        #expect(elsewhere.auth == .none && elsewhere.headers.isEmpty && elsewhere.timeout == .seconds(7))
        let sameOrigin = try AlertmanagerClient.settings(url: "https://prom.example:9090/alertmanager", beside: prometheus)
        #expect(sameOrigin.auth == prometheus.auth && sameOrigin.headers == prometheus.headers)
        #expect(throws: ConfigError.self) { try AlertmanagerClient.settings(url: "ftp://x", beside: nil) }
    }
}
