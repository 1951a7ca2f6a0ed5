import Foundation
import PromModel
import Simulator

/// The differential test's dataset: three hours of 15 s samples in OpenMetrics, deterministic
/// from a seed, with the edge cases that make engines disagree: counter resets, gaps longer
/// than the 5 m lookback, series that start and stop mid-range, NaN values, jittered scrape
/// times, histograms with a missing bucket and without +Inf, many values of one label.
/// Then the simulator's backfill: an hour of the demo's platform (`Simulation(seed: 1)`, the
/// metrics the four dashboards query), inside the window so both kinds of data meet.
struct DifferentialDataset {
    static let start: Int64 = 1_700_000_000  // seconds
    static let duration: Int64 = 3 * 3600
    static let interval: Int64 = 15
    /// The simulated hour: 55 m to 115 m into the window, so the instants at 55 m (its first
    /// sample), 60 m and 110 m and the range over 40 m..120 m see it start, run and stop.
    static let simulationStart: Int64 = start + 55 * 60
    static let simulationEnd: Int64 = simulationStart + 3600

    var text = ""
    var sampleCount = 0
    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
        generate()
    }

    static var end: Int64 { start + duration }

    private mutating func generate() {
        let steps = Int(Self.duration / Self.interval)
        family("http_requests", type: "counter")
        for job in ["api", "web"] {
            for instance in ["a", "b"] {
                for code in ["200", "500"] {
                    for method in ["GET", "POST"] {
                        let rate = code == "200" ? 20.0 : 0.7
                        // Instance b restarts twice: its counters fall back to zero.
                        let resets: Set<Int> = instance == "b" ? [steps / 3, 2 * steps / 3 + 7] : []
                        counter("http_requests_total", ["job": job, "instance": instance, "code": code, "method": method],
                                rate: rate, steps: 0..<steps, resets: resets)
                    }
                }
            }
        }
        family("path_hits", type: "counter")
        for path in 0..<40 {
            counter("path_hits_total", ["job": "web", "path": "/p\(path)"], rate: Double(path % 7) * 0.5, steps: 0..<steps, resets: [])
        }
        family("rare_events", type: "counter")
        // Starts an hour in and stops at two hours: later steps find nothing after the lookback.
        counter("rare_events_total", ["job": "api"], rate: 0.05, steps: (steps / 3)..<(2 * steps / 3), resets: [])
        family("queue_depth", type: "gauge")
        for job in ["api", "web"] {
            for instance in ["a", "b"] {
                gauge("queue_depth", ["job": job, "instance": instance], steps: 0..<steps, gaps: [], nanEvery: instance == "b" && job == "web" ? 37 : 0) { walk, random in
                    max(0, walk + Double(Int(random.next() % 7)) - 3)
                }
            }
        }
        family("cpu_temp_celsius", type: "gauge")
        // Gaps of 12 and 20 minutes, longer than the lookback delta.
        gauge("cpu_temp_celsius", ["host": "h1"], steps: 0..<steps, gaps: [(200, 248)], nanEvery: 0) { x, random in 50 + 10 * sin(x / 40 + 1) + random.unit() }
        gauge("cpu_temp_celsius", ["host": "h2"], steps: 0..<steps, gaps: [(400, 480), (600, 601)], nanEvery: 0) { _, random in 40 + 5 * random.unit() }
        family("mixed_sign", type: "gauge")
        gauge("mixed_sign", ["kind": "wave"], steps: 0..<steps, gaps: [], nanEvery: 0) { x, _ in 3 * sin(x / 25) - 0.5 }
        gauge("mixed_sign", ["kind": "steps"], steps: 0..<steps, gaps: [], nanEvery: 0) { x, _ in Double(Int(x / 60) % 5) - 2 }
        family("node_memory_bytes", type: "gauge")
        for instance in ["a", "b"] {
            gauge("node_memory_bytes", ["instance": instance, "job": "node"], steps: 0..<steps, gaps: [], nanEvery: 0) { _, random in
                8_000_000_000 + Double(random.next() % 1_000_000_000)
            }
        }
        family("build_info", type: "gauge")
        for (job, version) in [("api", "1.2.3"), ("web", "2.0.0")] {
            gauge("build_info", ["job": job, "version": version], steps: 0..<steps, gaps: [], nanEvery: 0) { _, _ in 1 }
        }
        histogram("request_duration_seconds", ["job": "api"], bounds: ["0.05", "0.1", "0.25", "0.5", "1", "+Inf"], steps: steps, resetAt: steps / 2)
        // One bucket missing, as when a client library is misconfigured.
        histogram("request_duration_seconds", ["job": "web"], bounds: ["0.05", "0.1", "0.5", "1", "+Inf"], steps: steps, resetAt: nil)
        // No +Inf bucket: histogram_quantile must return NaN.
        histogram("broken_duration_seconds", ["job": "api"], bounds: ["0.1", "1"], steps: steps, resetAt: nil)
        simulatedHour()
        text += "# EOF\n"
    }

    /// The simulator's OpenMetrics for its hour, without its `# EOF` (one ends the file).
    /// Its `http_requests` family repeats the synthetic one's name with other jobs and labels.
    private mutating func simulatedHour() {
        let simulation = Simulation(seed: 1)
        let backfill = simulation.openMetrics(
            start: Self.simulationStart * 1000, end: Self.simulationEnd * 1000, interval: Self.interval * 1000)
        // Every series at every instant, both ends included (counting lines is slow in debug).
        let instants = Int((Self.simulationEnd - Self.simulationStart) / Self.interval) + 1
        sampleCount += simulation.samples(at: Self.simulationStart * 1000).count * instants
        text += backfill.hasSuffix("# EOF\n") ? String(backfill.dropLast("# EOF\n".count)) : backfill
    }

    private mutating func family(_ name: String, type: String) {
        text += "# TYPE \(name) \(type)\n"
    }

    /// A scrape time: 15 s steps with up to a second of jitter, three decimals.
    private mutating func time(_ step: Int) -> String {
        let ms = (Self.start + Int64(step) * Self.interval) * 1000 + Int64(random.next() % 1000)
        return "\(ms / 1000).\(String(format: "%03d", Int(ms % 1000)))"
    }

    private func series(_ name: String, _ labels: [String: String]) -> String {
        let inner = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\(Labels.quote($0.value))" }.joined(separator: ",")
        return inner.isEmpty ? name : "\(name){\(inner)}"
    }

    private static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        return "\(value)"
    }

    private mutating func counter(_ name: String, _ labels: [String: String], rate: Double, steps: Range<Int>, resets: Set<Int>) {
        let id = series(name, labels)
        var value = Double(random.next() % 100)
        for step in steps {
            if resets.contains(step) { value = 0 }
            value += (rate * Double(Self.interval) * (0.5 + random.unit())).rounded()
            text += "\(id) \(Self.format(value)) \(time(step))\n"
            sampleCount += 1
        }
    }

    private mutating func gauge(
        _ name: String, _ labels: [String: String], steps: Range<Int>, gaps: [(Int, Int)], nanEvery: Int,
        _ next: (Double, inout SplitMix) -> Double
    ) {
        let id = series(name, labels)
        var walk = 10.0
        for step in steps {
            if gaps.contains(where: { step >= $0.0 && step < $0.1 }) { continue }
            walk = next(name == "queue_depth" ? walk : Double(step), &random)
            let value = nanEvery > 0 && step % nanEvery == 0 ? Double.nan : walk
            text += "\(id) \(Self.format(value)) \(time(step))\n"
            sampleCount += 1
        }
    }

    private mutating func histogram(_ name: String, _ labels: [String: String], bounds: [String], steps: Int, resetAt: Int?) {
        family(name, type: "histogram")
        let limits = bounds.map { $0 == "+Inf" ? Double.infinity : Double($0)! }
        var counts = Array(repeating: 0.0, count: bounds.count)
        var sum = 0.0, count = 0.0
        var lines: [[String]] = Array(repeating: [], count: bounds.count + 2)
        for step in 0..<steps {
            if step == resetAt {
                counts = Array(repeating: 0, count: bounds.count)
                sum = 0
                count = 0
            }
            for _ in 0..<Int(random.next() % 20) {
                let observation = -0.3 * log(max(random.unit(), 1e-9))
                sum += observation
                count += 1
                for (index, limit) in limits.enumerated() where observation <= limit { counts[index] += 1 }
            }
            let t = time(step)
            for (index, bound) in bounds.enumerated() {
                var withLe = labels
                withLe["le"] = bound
                lines[index].append("\(series(name + "_bucket", withLe)) \(Self.format(counts[index])) \(t)")
            }
            lines[bounds.count].append("\(series(name + "_sum", labels)) \(Self.format((sum * 1000).rounded() / 1000)) \(t)")
            lines[bounds.count + 1].append("\(series(name + "_count", labels)) \(Self.format(count)) \(t)")
        }
        for group in lines {
            text += group.joined(separator: "\n") + "\n"
            sampleCount += group.count
        }
    }
}
