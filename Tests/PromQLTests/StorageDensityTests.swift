import Foundation
import PromModel
import Testing
@testable import PromQL

/// What the chunk encoding buys: bytes per stored sample on scrape-like data, a deterministic
/// guard (the data comes from a fixed seed). The ingest rate and the bytes per sample of the
/// simulated hour are measured in Benchmarks/EngineBenchmarks, not here.
@Suite("Storage: bytes per sample")
struct StorageDensityTests {
    @Test("Gorilla chunks beat packed 16-byte samples by a wide margin")
    func bytesPerSample() {
        let store = SeriesStore()
        var random = SplitMix(seed: 7)
        let start: Timestamp = 1_700_000_000_000
        var batch: [(Labels, Sample)] = []
        let seriesCount = 1000, samplesPerSeries = 240
        var series: [(Labels, kind: Int)] = []
        for i in 0..<seriesCount {
            series.append((Labels(name: ["requests_total", "queue_depth", "latency_seconds", "up"][i % 4], ["instance": "i\(i)"]), i % 4))
        }
        var values = Array(repeating: 0.0, count: seriesCount)
        for step in 0..<samplesPerSeries {
            for (index, (labels, kind)) in series.enumerated() {
                // Real scrapes jitter by a few milliseconds.
                let t = start + Timestamp(step) * 15_000 + Timestamp(random.next() % 5)
                switch kind {
                case 0: values[index] += Double(random.next() % 50)          // counter
                case 1: values[index] = Double(random.next() % 20)           // small integer gauge
                case 2: values[index] = 0.05 + random.unit() * 0.2           // float gauge (worst case)
                default: values[index] = 1                                   // constant
                }
                batch.append((labels, Sample(t, values[index])))
            }
        }
        store.append(contentsOf: batch)
        let stats = store.statistics
        print("storage: \(stats.sampleCount) samples in \(stats.seriesCount) series, \(String(format: "%.2f", stats.bytesPerSample)) bytes/sample (packed arrays: 16)")
        #expect(stats.sampleCount == seriesCount * samplesPerSeries)
        #expect(stats.bytesPerSample < 6)

        var perKind: [String] = []
        for (name, kind) in [("counter", 0), ("int gauge", 1), ("float gauge", 2), ("constant", 3)] {
            let one = SeriesStore()
            one.append(contentsOf: batch.filter { $0.0 == series[kind].0 })
            perKind.append("\(name) \(String(format: "%.2f", one.statistics.bytesPerSample))")
        }
        print("storage: bytes/sample by kind: " + perKind.joined(separator: ", "))
    }
}
