import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Creating and expiring silences against a real Alertmanager, checked with its own amtool.
@Suite(.serialized, .tags(.alertmanager)) struct AlertmanagerSilenceTests {
    static let config = AlertmanagerServer.quietConfig

    static func amtool(_ server: AlertmanagerServer, _ arguments: [String]) async throws -> CommandOutput {
        try await offCooperativePool { try runCommand("/usr/bin/amtool", ["--alertmanager.url=\(server.baseURL)"] + arguments) }
    }

    @Test func createsASilenceFromAnAlertsLabelsAndExpiresIt() async throws {
        let server = try await AlertmanagerServer(config: Self.config)
        defer { server.stop() }
        let added = try await Self.amtool(server, ["alert", "add", "alertname=HighErrorRate", "service=execution", "severity=critical"])
        #expect(added.status == 0, "\(added.stderr)")
        let client = AlertmanagerClient(settings: try AlertmanagerClient.settings(url: server.baseURL, beside: nil))
        defer { Task { await client.shutdown() } }
        var alerts: [AlertmanagerAlert] = []
        #expect(await waitUntil(timeout: .seconds(20)) {
            alerts = (try? await client.alerts()) ?? []
            return !alerts.isEmpty
        })
        let alert = try #require(alerts.first)
        let now = Timestamp(Date().timeIntervalSince1970 * 1000)
        let matchers = alert.labels.map { Silence.Matcher(name: $0.name, value: $0.value) }
        let id = try await client.createSilence(SilenceDraft(
            matchers: matchers, startsAt: now, endsAt: now + 3_600_000, createdBy: "tester", comment: "silenced from promdeck by tester"))
        #expect(!id.isEmpty)

        let query = try await Self.amtool(server, ["silence", "query", "-o", "extended"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains(id))
        for matcher in ["alertname=\"HighErrorRate\"", "service=\"execution\"", "severity=\"critical\""] {
            #expect(query.stdout.contains(matcher), "amtool silence query: \(query.stdout)")
        }
        #expect(query.stdout.contains("silenced from promdeck by tester"))
        #expect(try await client.silences().first { $0.id == id }?.state == .active)
        #expect(await waitUntil(timeout: .seconds(20)) {
            (try? await client.alerts())?.first?.silencedBy == [id]
        })

        try await client.expireSilence(id: id)
        let after = try await Self.amtool(server, ["silence", "query", "-q"])
        #expect(!after.stdout.contains(id), "still active: \(after.stdout)")
        #expect(try await client.silences().first { $0.id == id }?.state == .expired)
    }

    @Test func alertmanagersRefusalIsShownWithItsMessage() async throws {
        let server = try await AlertmanagerServer(config: Self.config)
        defer { server.stop() }
        let client = AlertmanagerClient(settings: try AlertmanagerClient.settings(url: server.baseURL, beside: nil))
        defer { Task { await client.shutdown() } }
        let now = Timestamp(Date().timeIntervalSince1970 * 1000)
        do throws(QueryError) {
            // Ends before it starts: Alertmanager answers 400 and says why.
            _ = try await client.createSilence(SilenceDraft(
                matchers: [Silence.Matcher(name: "job", value: "api")], startsAt: now, endsAt: now - 60_000, createdBy: "t", comment: "c"))
            Issue.record("Alertmanager accepted a silence that ends before it starts")
        } catch {
            #expect(error.summary == "HTTP 400")
            #expect(error.message.contains("end time"), "\(error.message)")
        }
        do throws(QueryError) {
            try await client.expireSilence(id: "00000000-0000-0000-0000-000000000000")
            Issue.record("expired a silence that does not exist")
        } catch {
            #expect(error.summary == "HTTP 404" || error.summary == "HTTP 500", "\(error)")
        }
    }
}

/// The body `POST /api/v2/silences` gets: Alertmanager's postableSilence.
@Suite struct PostableSilenceTests {
    @Test func encodesMatchersTimesAndAuthor() throws {
        let draft = SilenceDraft(
            matchers: [Silence.Matcher(name: "alertname", value: "HighErrorRate"), Silence.Matcher(name: "job", value: "api.*", isRegex: true, isEqual: false)],
            startsAt: 1_767_276_131_000, endsAt: 1_767_279_731_500, createdBy: "alice", comment: "silenced from promdeck by alice")
        #expect(try PostableSilenceWire(draft).json() == #"{"comment":"silenced from promdeck by alice","createdBy":"alice","endsAt":"2026-01-01T15:02:11.500Z","matchers":[{"isEqual":true,"isRegex":false,"name":"alertname","value":"HighErrorRate"},{"isEqual":false,"isRegex":true,"name":"job","value":"api.*"}],"startsAt":"2026-01-01T14:02:11.000Z"}"#)
    }
}
