import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// The same queries against a real VictoriaMetrics, fed through its Prometheus import endpoint.
@Suite(.tags(.victoriaMetrics)) struct VictoriaMetricsTests {
    @Test func victoriaMetricsAnswersTheSameQueries() async throws {
        let data = TestData()
        let server = try await VictoriaMetricsServer()
        defer { server.stop() }
        try await server.importPrometheus(data.exposition)
        let client = PrometheusClient(settings: DatasourceSettings(name: "vm", url: server.baseURL))
        do {
            try await data.checkQueries(client)
            // Without vmalert there are no rules or alerts, and no metadata: empty, not errors.
            #expect(try await client.alerts().isEmpty)
            #expect(try await client.rules().isEmpty)
            #expect(try await client.metadata().isEmpty)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
