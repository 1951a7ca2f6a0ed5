// Decoding a large query_range response, what `view` pays for every range query: our
// byte-level decoder against two general JSON parsers on the same bytes, in the same run —
// Foundation's JSONSerialization in process, and python3's json.load (timed by python itself,
// so its start-up is not counted).
import Benchmark
import BenchmarkSupport
import Foundation
import PromModel
import PrometheusAPI

private let megabytes = 50

private func decodedSamples(_ body: [UInt8]) -> Int {
    guard case .matrix(let series) = QueryResponseBody.result(body, samplesPerSeries: ResponseGenerator.pointsPerSeries) else { return -1 }
    return series.reduce(0) { $0 + $1.samples.count }
}

/// python3's own time for json.load of the file, best of one call.
private func pythonJSONLoad(path: String) throws -> Duration {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", "import json, sys, time\nt = time.perf_counter(); json.load(open(sys.argv[1])); print(time.perf_counter() - t)", path]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    guard python.terminationStatus == 0, let seconds = Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw CocoaError(.executableLoad)
    }
    return .nanoseconds(Int64(seconds * 1e9))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(30)
    Benchmark.defaultConfiguration.maxIterations = 8

    let (body, samples) = ResponseGenerator.response(bytes: megabytes * 1_000_000)
    let foundation = BaselineComparison(subject: "QueryDecoder", baseline: "JSONSerialization")
    Benchmark("Decode \(megabytes) MB query_range vs Foundation", configuration: .init(metrics: [.wallClock, .throughput] + foundation.metrics)) { benchmark in
        let data = Data(body)
        try foundation.measure(benchmark, baseline: { blackHole(try JSONSerialization.jsonObject(with: data)) }) {
            let decoded = decodedSamples(body)
            if decoded != samples { benchmark.error("decoded \(decoded) samples, generated \(samples)") }
        }
    }

    let python = BaselineComparison(subject: "QueryDecoder", baseline: "python3 json.load")
    Benchmark("Decode \(megabytes) MB query_range vs python3", configuration: .init(metrics: python.metrics)) { benchmark in
        let path = NSTemporaryDirectory() + "promdeck-decode-benchmark-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(body).write(to: URL(fileURLWithPath: path))
        let pythonTime = try pythonJSONLoad(path: path)
        let ours = timed { blackHole(decodedSamples(body)) }
        python.record(benchmark, subject: ours, baseline: pythonTime)
    }
}
