// Times QueryDecoder on a generated ~50 MB query_range response against Python's json.load
// on the same file, in one run, and prints the ratio. Built by ../decode-benchmark.sh with
// -O, from the decoder's own sources (so the benchmark needs none of the HTTP stack).
import Foundation
import PromModel

let targetBytes = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 50_000_000 : 50_000_000
let path = NSTemporaryDirectory() + "promdeck-decode-benchmark-\(getpid()).json"
defer { try? FileManager.default.removeItem(atPath: path) }

/// A matrix shaped like a dashboard's range queries: counters (integers), rates (full
/// 17-digit floats), gauges (short decimals), a few NaN/Inf, ms timestamps.
func generate(bytes target: Int) -> (Data, Int) {
    var out = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
    out.reserveCapacity(target + 1_000_000)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }
    var series = 0
    var samples = 0
    let start: Int64 = 1_764_000_000_000
    while out.utf8.count < target {
        if series > 0 { out += "," }
        out += "{\"metric\":{\"__name__\":\"http_requests_total\",\"instance\":\"10.0.\(series % 7).\(series):8080\",\"job\":\"order-service\",\"route\":\"/api/v1/orders/\(series)\",\"status\":\"\(200 + series % 5)\"},\"values\":["
        for point in 0..<720 {
            if point > 0 { out += "," }
            let time = start + Int64(point) * 15_000 + Int64(series % 3)
            let seconds = "\(time / 1000).\(String(format: "%03d", time % 1000))"
            let value: String
            switch (series + point) % 10 {
            case 0...2: value = String(next() % 10_000_000)
            case 3...6: value = String(Double(next() % 1_000_000) / 7.0)
            case 7...8: value = String(format: "%.3f", Double(next() % 100_000) / 1000)
            default: value = point % 50 == 0 ? "NaN" : "+Inf"
            }
            out += "[\(seconds),\"\(value)\"]"
            samples += 1
        }
        out += "]}"
        series += 1
    }
    out += "]}}"
    return (Data(out.utf8), samples)
}

let (data, expectedSamples) = generate(bytes: targetBytes)
try data.write(to: URL(fileURLWithPath: path))
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))

var best = Double.infinity
var decodedSamples = 0
for _ in 0..<3 {
    let clock = ContinuousClock.now
    let envelope = try bytes.withUnsafeBytes { try QueryDecoder.decode($0, samplesPerSeries: 720) }
    let elapsed = ContinuousClock.now - clock
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    guard case .success(.matrix(let series), _) = envelope else { fatalError("benchmark response did not decode as a matrix") }
    decodedSamples = series.reduce(0) { $0 + $1.samples.count }
}
precondition(decodedSamples == expectedSamples, "decoded \(decodedSamples) samples, generated \(expectedSamples)")

let python = Process()
python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
python.arguments = ["python3", "-c", """
import json, sys, time
best = float('inf')
for _ in range(3):
    t = time.perf_counter(); json.load(open(sys.argv[1])); best = min(best, time.perf_counter() - t)
print(best)
""", path]
let pipe = Pipe()
python.standardOutput = pipe
try python.run()
python.waitUntilExit()
let pythonSeconds = Double(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan

let megabytes = Double(bytes.count) / 1e6
print(String(format: "response: %.1f MB, %d samples", megabytes, decodedSamples))
print(String(format: "QueryDecoder (best of 3): %.3f s  (%.0f MB/s)", best, megabytes / best))
print(String(format: "python3 json.load (best of 3): %.3f s", pythonSeconds))
print(String(format: "ratio python/promdeck: %.2fx faster", pythonSeconds / best))
