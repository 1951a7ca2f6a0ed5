import Benchmark

/// A subject timed against a baseline inside the same iteration, so whatever else the machine
/// is doing weighs on both alike and the ratio, not the absolute time, is the figure to read.
public struct BaselineComparison: Sendable {
    public let subject: String
    public let baseline: String

    public init(subject: String, baseline: String) {
        self.subject = subject
        self.baseline = baseline
    }

    public var subjectTime: BenchmarkMetric { .custom("\(subject) (μs)", useScalingFactor: false) }
    public var baselineTime: BenchmarkMetric { .custom("\(baseline) (μs)", useScalingFactor: false) }
    /// Percent, because custom metrics are integers: 250 means the subject takes 2.5× the baseline.
    public var ratio: BenchmarkMetric { .custom("\(subject) ÷ \(baseline) (%)", useScalingFactor: false) }

    public var metrics: [BenchmarkMetric] { [subjectTime, baselineTime, ratio] }

    public func record(_ benchmark: Benchmark, subject: Duration, baseline: Duration) {
        benchmark.measurement(subjectTime, subject.microseconds)
        benchmark.measurement(baselineTime, baseline.microseconds)
        let percent = Double(subject.nanoseconds) / Double(max(baseline.nanoseconds, 1)) * 100
        benchmark.measurement(ratio, Int(percent.rounded()))
    }

    /// Times both closures once, baseline first, and records the pair.
    public func measure(_ benchmark: Benchmark, baseline: () throws -> Void, subject: () throws -> Void) rethrows {
        let baselineTime = try timed(baseline)
        let subjectTime = try timed(subject)
        record(benchmark, subject: subjectTime, baseline: baselineTime)
    }

    public func measure(
        _ benchmark: Benchmark,
        baseline: () async throws -> Void,
        subject: () async throws -> Void
    ) async rethrows {
        let baselineTime = try await timed(baseline)
        let subjectTime = try await timed(subject)
        record(benchmark, subject: subjectTime, baseline: baselineTime)
    }
}

public func timed(_ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return clock.now - start
}

public func timed(_ body: () async throws -> Void) async rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    return clock.now - start
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var microseconds: Int { Int(nanoseconds / 1_000) }
}
