import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// The exposition against docs/metrics.md, both parsed: names, types, help, label names,
/// label values, endpoints, EventBus types and buckets, per service.
@Suite struct CatalogueTests {
    let catalogue: MetricsCatalogue
    let simulation = Simulation(seed: 42)
    let time: Timestamp = 1_767_621_600_000  // 2026-01-05T14:00:00Z

    init() throws {
        catalogue = try MetricsCatalogue(path: repositoryRoot() + "/docs/metrics.md")
    }

    func exposition(_ service: Service) throws -> [ParsedFamily] {
        try parseTextFormat(simulation.exposition(service: service, at: time))
    }

    @Test func servicesMatchTheDocument() {
        #expect(catalogue.services.map(\.job) == Simulation.services.map(\.name))
        #expect(catalogue.services.map(\.port) == Simulation.services.map(\.port))
        #expect(catalogue.metrics.count == 29)
    }

    @Test(arguments: Service.all)
    func everyCataloguedMetricWithItsTypeHelpAndLabels(service: Service) throws {
        let families = try exposition(service)
        let expected = catalogue.metrics.filter { $0.exposedBy.contains(service.name) }
        #expect(Set(families.map(\.name)) == Set(expected.map(\.name)), "\(service.name)")
        for metric in expected {
            let family = try #require(families.first { $0.name == metric.name }, "\(service.name) lacks \(metric.name)")
            #expect(family.type == metric.type, "\(metric.name)")
            #expect(family.help == metric.help, "\(metric.name)")
            #expect(!family.samples.isEmpty, "\(metric.name)")
            for sample in family.samples {
                var names = Set(sample.labels.keys)
                if sample.name.hasSuffix("_bucket") { #expect(names.remove("le") != nil, "\(sample.name) has no le") }
                #expect(names == Set(metric.labels), "\(sample.name) labels \(names.sorted())")
            }
            if metric.type == "histogram" {
                let bucketList = metric.name.hasPrefix("eventbus") || metric.name.hasPrefix("trade_")
                    ? catalogue.bucketLists[1] : catalogue.bucketLists[0]
                let bounds = Set(family.samples.filter { $0.name == metric.name + "_bucket" }.compactMap { $0.labels["le"] })
                #expect(bounds == Set(bucketList.map { formatValue($0) } + ["+Inf"]), "\(metric.name)")
                #expect(family.samples.contains { $0.name == metric.name + "_sum" })
                #expect(family.samples.contains { $0.name == metric.name + "_count" })
            }
        }
    }

    @Test func labelValuesAreExactlyTheDocumentedOnes() throws {
        var seen: [String: [String: Set<String>]] = [:]  // metric -> label -> values
        for service in Service.all {
            for family in try exposition(service) {
                for sample in family.samples {
                    for (name, value) in sample.labels where name != "le" {
                        seen[family.name, default: [:]][name, default: []].insert(value)
                    }
                }
            }
        }
        for metric in catalogue.metrics {
            for label in metric.labels where label != "endpoint" && label != "event_type" {
                let key = try #require(valueKey(label, metric: metric.name), "no documented values for \(label) of \(metric.name)")
                let documented = Set(try #require(catalogue.labelValues[key]))
                #expect(seen[metric.name]?[label] == documented, "\(metric.name) \(label)")
            }
        }
    }

    /// The label-values row for a label of a metric: `status (HTTP)` for http_*, and so on.
    func valueKey(_ label: String, metric: String) -> String? {
        if catalogue.labelValues[label] != nil { return label }
        return catalogue.labelValues.keys.filter { $0.hasPrefix(label + " (") }.first { key in
            let qualifiers = key.dropFirst(label.count + 2).dropLast().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            return qualifiers.contains { qualifier in
                qualifier == "pools" ? metric.contains("_pool_") : metric.hasPrefix(qualifier + "_")
            }
        }
    }

    @Test(arguments: Service.all)
    func endpointsAndEventTypesPerService(service: Service) throws {
        let families = try exposition(service)
        func values(_ metric: String, _ label: String) -> Set<String> {
            Set(families.first { $0.name == metric }?.samples.compactMap { $0.labels[label] } ?? [])
        }
        let endpoints = Set(try #require(catalogue.endpoints[service.name]))
        for metric in ["http_requests_total", "http_request_duration_seconds", "http_requests_in_progress"] {
            #expect(values(metric, "endpoint") == endpoints, "\(service.name) \(metric)")
        }
        let published = Set(try #require(catalogue.published[service.name]))
        let consumed = Set(try #require(catalogue.consumed[service.name]))
        #expect(values("eventbus_messages_published_total", "event_type") == published)
        for metric in ["eventbus_messages_consumed_total", "eventbus_message_processing_duration_seconds", "eventbus_queue_lag"] {
            #expect(values(metric, "event_type") == consumed, "\(service.name) \(metric)")
        }
    }

    @Test func samplesCarryJobAndInstance() throws {
        let samples = simulation.samples(at: time)
        for service in Service.all {
            let own = samples.filter { $0.labels["job"] == service.name }
            #expect(!own.isEmpty)
            #expect(own.allSatisfy { $0.labels["instance"] == "localhost:\(service.port)" })
            // The same series as the service's exposition, histograms expanded.
            let exposed = try exposition(service).reduce(0) { $0 + $1.samples.count }
            #expect(own.count == exposed, "\(service.name)")
        }
        #expect(samples.allSatisfy { $0.sample.timestamp == time && $0.sample.value.isFinite })
    }
}
