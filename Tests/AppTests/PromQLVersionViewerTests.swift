import Foundation
import PromModel
import PromQL
import Simulator
import Testing
import TestSupport
@testable import App

/// `view` / `demo --promql-version`: the `:` prompt checks queries as that Prometheus's
/// parser would, and the demo's embedded engine answers with that version's semantics.
@Suite struct PromQLVersionViewerTests {
    private func started(_ version: PromQLVersion) -> Harness {
        var state = Fixtures.state()
        state.promQLVersion = version
        var harness = Harness(state)
        harness.send(.start)
        harness.answerAll()
        return harness
    }

    @Test(arguments: [#"rate(x[5m+1m])"#, #"{"http.server.duration"}"#, "first_over_time(x[5m])", "1_000"])
    func thePromptRejects3xSyntaxUnder2(expr: String) throws {
        var two = started(.v2)
        two.press(.char(":"))
        two.type(expr)
        #expect(two.press(.enter).jobs.isEmpty)
        guard case .prompt(let prompt) = two.state.overlay else { Issue.record("the prompt closed"); return }
        // The message `promdeck query --promql-version 2` prints (2.42's parser).
        #expect(throws: QueryError.self) { try PromQLParser.parseForQuery(expr, version: .v2) }
        var expected: String?
        do { _ = try PromQLParser.parseForQuery(expr, version: .v2) } catch { expected = error.message }
        #expect(prompt.error?.message == expected && expected != nil)

        var three = started(.v3)
        three.press(.char(":"))
        three.type(expr)
        #expect(three.press(.enter).jobs.map(\.key.expr) == [expr])
        #expect(three.state.adhoc?.expr == expr)
    }

    /// The ad-hoc query run by the demo's engine of each version, at an exact scrape
    /// boundary: 3.x's left-open window holds one sample, 2.42's left-closed one two.
    @Test(arguments: [(PromQLVersion.v2, 2.0), (.v3, 1.0)])
    func theDemoEngineAnswersInItsVersion(version: PromQLVersion, expected: Double) async throws {
        let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 7, now: now, history: 600_000, promQLVersion: version), clock: { now })
        var harness = started(version)
        harness.now = now
        harness.press(.char(":"))
        let expr = #"max(count_over_time(http_requests_total{job="execution"}[15s] @ \#(now / 1000 - 60)))"#
        harness.type(expr)
        let job = try #require(harness.press(.enter).jobs.first { $0.key.expr == expr })
        let response = job.key.instant
            ? try await source.query(expr, at: job.range.end)
            : try await source.queryRange(expr, range: job.range)
        harness.send(.queryResult(job.id, response, duration: 1))
        let values = response.result.series.flatMap(\.samples).map(\.value)
        #expect(!values.isEmpty && values.allSatisfy { $0 == expected }, "\(values)")
        #expect(harness.state.adhoc?.panel.results["A"] == response.result)
        #expect(harness.state.adhoc?.panel.lastError == nil)
    }

    /// The demo engine's 3.x annotations reach the panel as a server's warnings do (the
    /// inspect dialog lists PanelState.warnings); 2.42 semantics have none.
    @Test(arguments: [PromQLVersion.v2, .v3])
    func engineAnnotationsAreThePanelsWarnings(version: PromQLVersion) async throws {
        let now: Timestamp = 1_767_225_600_000 + 14 * 3_600_000
        let source = LiveDemoDatasource(platform: DemoPlatform(seed: 7, now: now, history: 600_000, promQLVersion: version), clock: { now })
        var harness = started(version)
        harness.now = now
        harness.press(.char(":"))
        let expr = "sum(rate(http_requests_in_progress[5m]))"
        harness.type(expr)
        let job = try #require(harness.press(.enter).jobs.first { $0.key.expr == expr })
        let response = job.key.instant
            ? try await source.query(expr, at: job.range.end)
            : try await source.queryRange(expr, range: job.range)
        harness.send(.queryResult(job.id, response, duration: 1))
        let info = "info: PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"http_requests_in_progress\""
        #expect(harness.state.adhoc?.panel.warnings == (version == .v3 ? [info] : []))
    }
}
