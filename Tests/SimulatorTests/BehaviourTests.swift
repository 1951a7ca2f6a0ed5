import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// Determinism, counter semantics, the daily shape and the incidents, seen in the samples.
@Suite struct BehaviourTests {
    let start: Timestamp = 1_767_600_000_000  // 2026-01-05T08:00:00Z

    @Test func sameSeedAndRangeGiveByteIdenticalOpenMetrics() {
        let end = start + 20 * 60_000
        let first = Simulation(seed: 11).openMetrics(start: start, end: end, interval: 15_000)
        let second = Simulation(seed: 11).openMetrics(start: start, end: end, interval: 15_000)
        #expect(first == second)
        #expect(first.hasSuffix("# EOF\n"))
        #expect(first != Simulation(seed: 12).openMetrics(start: start, end: end, interval: 15_000))
    }

    @Test func valuesDoNotDependOnHowTheRangeIsStepped() {
        let simulation = Simulation(seed: 3)
        let end = start + 30 * 60_000
        let fine = Set(simulation.openMetrics(start: start, end: end, interval: 15_000).split(separator: "\n"))
        let coarse = simulation.openMetrics(start: start, end: end, interval: 60_000).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
        #expect(coarse.count > 1000)
        #expect(coarse.allSatisfy { fine.contains($0) })
        // A lone instant equals the same instant inside a range.
        let lone = Simulation(seed: 3).samples(at: start + 17 * 60_000)
        let inRange = SampledRange(simulation, from: start + 16 * 60_000, to: start + 18 * 60_000, step: 60_000)
        for sample in lone { #expect(inRange.series(sample.labels.name ?? "", sample.labels.dictionary)[1] == sample.sample.value) }
    }

    @Test func countersOnlyFallWhenTheirServiceRestarts() {
        let simulation = Simulation(seed: 8)
        // Just under the 6 h restart period: every service restarts exactly once.
        let range = SampledRange(simulation, from: start, to: start + 6 * 3_600_000 - 60_000, step: 60_000)
        var resets = 0
        for service in Service.all {
            let starts = range.series("process_start_time_seconds", ["job": service.name])
            let restarts = zip(starts, starts.dropFirst()).filter { $0 != $1 }.count
            #expect(restarts == 1, "\(service.name) restarted \(restarts) times")
            #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 })
            let counters = range.all { labels in
                guard labels["job"] == service.name, let name = labels.name else { return false }
                return name.hasSuffix("_total") || name.hasSuffix("_bucket") || name.hasSuffix("_count") || name.hasSuffix("_sum")
            }
            #expect(counters.count > 50)
            for (labels, values) in counters {
                for index in 1..<values.count where values[index] < values[index - 1] {
                    #expect(starts[index] != starts[index - 1], "\(labels) fell without a restart at \(range.times[index])")
                    resets += 1
                }
            }
        }
        #expect(resets > 100)
    }

    @Test func histogramsAreCumulativeAndCountMatchesInf() {
        let samples = Simulation(seed: 4).samples(at: start + 3 * 3_600_000)
        var buckets: [Labels: [(Double, Double)]] = [:]
        var counts: [Labels: Double] = [:]
        for sample in samples {
            guard let name = sample.labels.name else { continue }
            if name.hasSuffix("_bucket"), let le = sample.labels["le"] {
                let bound = le == "+Inf" ? Double.infinity : Double(le) ?? .nan
                let key = sample.labels.removing(["le"]).setting(Labels.metricName, String(name.dropLast(7)))
                buckets[key, default: []].append((bound, sample.sample.value))
            } else if name.hasSuffix("_count") {
                counts[sample.labels.setting(Labels.metricName, String(name.dropLast(6)))] = sample.sample.value
            }
        }
        #expect(buckets.count > 50)
        for (key, list) in buckets {
            let sorted = list.sorted { $0.0 < $1.0 }
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.1 <= $1.1 }, "\(key)")
            #expect(sorted.last?.0 == .infinity && sorted.last?.1 == counts[key], "\(key)")
        }
    }

    @Test func trafficFollowsTheTradingDay() {
        let simulation = Simulation(seed: 2)
        func requests(at hour: Int64) -> Double {
            let day: Timestamp = 1_767_571_200_000  // 2026-01-05T00:00:00Z
            let from = simulation.samples(at: day + hour * 3_600_000), to = simulation.samples(at: day + hour * 3_600_000 + 600_000)
            func total(_ samples: [InstantSample]) -> Double {
                samples.filter { $0.labels.name == "http_requests_total" && $0.labels["job"] == "risk-safety" }
                    .reduce(0) { $0 + $1.sample.value }
            }
            return total(to) - total(from)
        }
        #expect(requests(at: 16) > 1.5 * requests(at: 4))
    }

    @Test func anIncidentStartsEveryTenToTwentyMinutes() {
        let noise = Noise(seed: 21)
        let first = Int64(start / 1000 / 900)
        let incidents = (first..<first + 96 * 3).map { Incident(slot: $0, noise: noise) }
        for (earlier, later) in zip(incidents, incidents.dropFirst()) {
            #expect((600...1_200).contains(later.start - earlier.start))
            #expect(earlier.end <= later.start && earlier.end - earlier.start <= Incident.maximumDuration)
        }
        let names = Set(incidents.map { $0.name.split(separator: " ").last.map(String.init) ?? "" })
        #expect(names.isSuperset(of: ["spike", "slowdown", "outage"]))
        let stops = incidents.filter { if case .emergencyStop = $0.kind { return true } else { return false } }
        let stalls = incidents.filter { if case .consumerStall = $0.kind { return true } else { return false } }
        #expect((3...50).contains(stops.count) && stalls.count > stops.count)
    }
}
