import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// Each kind of incident shows in the metrics the way the dashboards and alerts expect.
@Suite struct IncidentTests {
    let simulation = Simulation(seed: 17)
    let start: Timestamp = 1_767_600_000_000

    /// The incidents of the 12 hours after `start`.
    var incidents: [Incident] {
        let first = Int64(start / 1000 / 900)
        return (first..<first + 48).map { Incident(slot: $0, noise: simulation.noise) }
    }

    func value(_ seconds: Double, _ name: String, _ matchers: [String: String] = [:]) -> Double {
        let samples = simulation.samples(at: Timestamp(seconds * 1000)).filter { sample in
            sample.labels.name == name && matchers.allSatisfy { key, value in sample.labels[key] == value }
        }
        return samples.reduce(0) { $0 + $1.sample.value }
    }

    /// Whether a restart falls in [from, to], which would reset counters.
    func restarts(_ job: String, _ from: Double, _ to: Double) -> Bool {
        value(from, "process_start_time_seconds", ["job": job]) != value(to, "process_start_time_seconds", ["job": job])
    }

    @Test func dependencyOutageFlipsHealthToZero() throws {
        let outages = incidents.compactMap { incident -> (Incident, String)? in
            if case .dependencyOutage(let dependency) = incident.kind { return (incident, dependency) }
            return nil
        }
        try #require(!outages.isEmpty)
        for (incident, dependency) in outages {
            let middle = (incident.start + incident.end) / 2
            let component = Vocabulary.component(hitBy: dependency).name
            #expect(value(incident.start - 30, "dependency_health_status", ["dependency": dependency]) == 1)
            #expect(value(middle, "dependency_health_status", ["dependency": dependency]) == 0, "\(incident.name)")
            #expect(value(middle, "service_health_status", ["component": component]) == 0)
            #expect(value(middle, "dependency_health_status") == Double(Vocabulary.dependencies.count - 1))
            #expect(value(incident.end + 1, "dependency_health_status", ["dependency": dependency]) == 1)
        }
    }

    @Test func emergencyStopCountsHaltsTradingAndDrawsDown() throws {
        let stops = incidents.compactMap { incident -> (Incident, String)? in
            if case .emergencyStop(let reason) = incident.kind { return (incident, reason) }
            return nil
        }
        try #require(!stops.isEmpty)
        for (incident, reason) in stops where !restarts("risk-safety", incident.start - 1, incident.start + 1) {
            let middle = (incident.start + incident.end) / 2
            #expect(value(incident.start + 1, "emergency_stop_triggered_total", ["reason": reason])
                == value(incident.start - 1, "emergency_stop_triggered_total", ["reason": reason]) + 1)
            #expect(value(middle, "positions_open") == 0)
            let before = value(incident.start - 200, "portfolio_value_usd"), during = value(middle, "portfolio_value_usd")
            #expect(during < before * 0.98, "\(incident.name): \(before) → \(during)")
            if !restarts("execution", incident.start, incident.end) {
                let filled = value(incident.end - 10, "trades_executed_total", ["status": "filled"])
                #expect(filled == value(incident.start + 10, "trades_executed_total", ["status": "filled"]))
            }
        }
    }

    @Test func consumerStallBuildsQueueLagAndDrains() throws {
        let stalls = incidents.compactMap { incident -> (Incident, Service, String)? in
            if case .consumerStall(let service, let type) = incident.kind { return (incident, service, type) }
            return nil
        }
        try #require(!stalls.isEmpty)
        for (incident, service, type) in stalls {
            let labels = ["job": service.name, "event_type": type]
            let lag = value(incident.end - 1, "eventbus_queue_lag", labels)
            let expected = Vocabulary.eventRate(type) * (incident.end - incident.start) * 0.2
            #expect(lag > max(expected, value(incident.start - 30, "eventbus_queue_lag", labels)), "\(incident.name)")
            #expect(value(incident.recoveryEnd + 60, "eventbus_queue_lag", labels) < lag / 2)
            if !restarts(service.name, incident.start, incident.end) {
                #expect(value(incident.end - 10, "eventbus_messages_consumed_total", labels)
                    == value(incident.start + 10, "eventbus_messages_consumed_total", labels))
            }
        }
    }

    /// Increase of a counter over [from, to] divided by the same-length window before `from`.
    func surge(_ job: String, _ name: String, _ matchers: [String: String], _ from: Double, _ to: Double) -> Double? {
        let length = to - from
        guard !restarts(job, from - length, to) else { return nil }
        var labels = matchers
        labels["job"] = job
        let during = value(to, name, labels) - value(from, name, labels)
        let before = value(from - 60, name, labels) - value(from - 60 - length, name, labels)
        return during / max(before, 1)
    }

    @Test func latencySpikeBringsAFiveHundredBurstAndSlowRequests() throws {
        let spikes = incidents.filter { $0.kind == .latencySpike }
        try #require(!spikes.isEmpty)
        for incident in spikes {
            let from = incident.start + 10, to = incident.end - 10
            if let errors = surge("execution", "http_requests_total", ["status": "500"], from, to) {
                #expect(errors > 5, "\(incident.name) at \(incident.start)")
            }
            if let slow = surge("execution", "http_request_duration_seconds_sum", ["endpoint": "/api/v1/orders"], from, to) {
                #expect(slow > 5)
            }
        }
    }

    @Test func redisSlowdownRaisesRedisLatency() throws {
        let slowdowns = incidents.filter { $0.kind == .redisSlowdown }
        try #require(!slowdowns.isEmpty)
        for incident in slowdowns {
            if let slow = surge("ai-engine", "redis_operation_duration_seconds_sum", ["operation": "get"],
                                incident.start + 10, incident.end - 10) {
                #expect(slow > 5, "\(incident.name) at \(incident.start)")
            }
        }
    }
}
