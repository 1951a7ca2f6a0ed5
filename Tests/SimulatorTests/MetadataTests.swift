import Foundation
import PromModel
import PrometheusAPI
import PromQL
import Testing
import TestSupport
@testable import Simulator

/// `/api/v1/metadata` of the simulator's API server, decoded by promdeck's client, against
/// what a real Prometheus learns by scraping `promdeck simulate`: the same types and help.
@Suite(.serialized) struct MetadataTests {
    @Test func theAPIServerAnswersEveryFamilysTypeAndHelp() async throws {
        let server = try await RunningAPIServer(seed: 3)
        let client = PrometheusClient(settings: try DatasourceResolver.resolve(configPath: nil, name: nil, url: server.baseURL))
        let all = try await client.metadata()
        #expect(all == Simulation(seed: 3).metadata())
        // The viewer asks through the protocol: the client's own call answers, not the default.
        let viewersView: any Datasource = client
        #expect(try await viewersView.metadata(metric: nil, limit: nil) == all)
        #expect(all["http_requests_total"] == [MetricMetadata(type: "counter", help: "Total HTTP requests by method, endpoint and status.")])
        #expect(all["http_request_duration_seconds"]?.first?.type == "histogram")
        #expect(all["eventbus_queue_lag"]?.first?.type == "gauge")
        // Series names are not families: a `_bucket` has no entry of its own.
        #expect(all["http_request_duration_seconds_bucket"] == nil)
        #expect(try await client.metadata(metric: "positions_open").keys.sorted() == ["positions_open"])
        #expect(try await client.metadata(metric: "no_such_metric").isEmpty)
        #expect(try await client.metadata(limit: 2).count == 2)
        // Prometheus's own validation of the limits.
        let answer = try await server.get("/api/v1/metadata", [("limit", "x")])
        #expect(answer.status == 400 && answer.body.contains("limit must be a number"), "\(answer.body)")
        let perMetric = try await server.get("/api/v1/metadata", [("limit_per_metric", "1"), ("metric", "positions_open")])
        #expect(perMetric.status == 200 && perMetric.body.contains("\"positions_open\":[{\"type\":\"gauge\""), "\(perMetric.body)")
        await client.shutdown()
        await server.stop()
    }

    @Test(.tags(.prometheus)) func aPrometheusScrapingTheSimulatorHasTheSameMetadata() async throws {
        let simulator = try await SimulatorProcess(seed: 5, speed: 1)
        defer { simulator.stop() }
        let config = try simulator.prometheusConfig(interval: "1s", rules: repositoryRoot() + "/deploy/alerts.yml", alertmanager: "127.0.0.1:1")
        let prometheus = try await PrometheusServer(config: config)
        defer { prometheus.stop() }
        let client = PrometheusClient(settings: try DatasourceResolver.resolve(configPath: nil, name: nil, url: prometheus.baseURL))
        let expected = Simulation(seed: 5).metadata()
        var scraped: [String: [MetricMetadata]] = [:]
        let complete = await waitUntil(timeout: .seconds(30)) {
            scraped = (try? await client.metadata()) ?? [:]
            return expected.keys.allSatisfy { scraped[$0] != nil }
        }
        #expect(complete, "missing: \(expected.keys.filter { scraped[$0] == nil }.sorted())")
        for (name, entries) in expected {
            #expect(scraped[name] == entries, "\(name)")
        }
        await client.shutdown()
    }
}

/// The embedded datasource's own answer, which the API server only encodes.
@Suite struct EmbeddedMetadataTests {
    @Test func oneMetricAllOrTheFirstByName() async throws {
        let known: [String: [MetricMetadata]] = [
            "b": [MetricMetadata(type: "gauge", help: "B")], "a": [MetricMetadata(type: "counter", help: "A")],
            "c": [MetricMetadata(type: "histogram", help: "C")],
        ]
        let datasource = EmbeddedDatasource(engine: Engine(storage: SeriesStore()), metadata: known)
        #expect(try await datasource.metadata(metric: nil, limit: nil) == known)
        #expect(try await datasource.metadata(metric: nil, limit: 2).keys.sorted() == ["a", "b"])
        #expect(try await datasource.metadata(metric: nil, limit: -1) == known)
        #expect(try await datasource.metadata(metric: "c", limit: nil) == ["c": known["c"] ?? []])
        #expect(try await datasource.metadata(metric: "zz", limit: nil).isEmpty)
        // A store loaded from a file knows no metadata: none, not an error.
        #expect(try await EmbeddedDatasource(store: SeriesStore()).metadata(metric: nil, limit: nil).isEmpty)
        // x_bucket, x_sum, x_count look up their histogram or summary family.
        #expect(MetricMetadata.lookup("c_bucket", in: known)?.help == "C")
        #expect(MetricMetadata.lookup("b_count", in: known) == nil)
        #expect(MetricMetadata.lookup("a", in: known)?.type == "counter")
    }
}
