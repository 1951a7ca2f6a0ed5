import Foundation
import PromModel
import PromQL
import TestSupport

/// The data of Prometheus's range-query benchmark, `setupRangeQueryTestData` in
/// promql/bench_test.go (v3.14.0, commit d7598b7141418fa35be2b5ec5d0fefb634199610): a_X and
/// b_X gauges and h_X classic histograms (buckets le=0…9 and +Inf) with X = one, ten and
/// hundred series, and `sparse`, whose `l` changes every numIntervals/50 samples; a day plus
/// 10,000 steps at 10 s (18,640 samples per series, 26.9 million in all), each value
/// s + i/len(metrics) as there.
enum UpstreamRangeData {
    static let interval: Int64 = 10_000
    static let intervals = 8640 + 10_000
    static let families = ["a_one", "b_one", "h_one", "a_ten", "b_ten", "h_ten", "a_hundred", "b_hundred", "h_hundred", "sparse"]

    /// Every series but `sparse`, in bench_test.go's order (the order sets each value).
    static let metrics: [Labels] = {
        func histogram(_ name: String, _ extra: [String: String]) -> [Labels] {
            (0..<10).map { Labels(name: name, extra.merging(["le": String($0)]) { $1 }) } + [Labels(name: name, extra.merging(["le": "+Inf"]) { $1 })]
        }
        var metrics = [Labels(name: "a_one"), Labels(name: "b_one")] + histogram("h_one", [:])
        for i in 0..<10 {
            metrics += [Labels(name: "a_ten", ["l": String(i)]), Labels(name: "b_ten", ["l": String(i)])] + histogram("h_ten", ["l": String(i)])
        }
        for i in 0..<100 {
            metrics += [Labels(name: "a_hundred", ["l": String(i)]), Labels(name: "b_hundred", ["l": String(i)])] + histogram("h_hundred", ["l": String(i)])
        }
        return metrics
    }()

    /// The range of a case as bench_test.go runs it: the last `steps` intervals at 10 s.
    static func range(steps: Int) -> QueryRange {
        QueryRange(start: Int64(intervals - steps) * interval, end: Int64(intervals) * interval, step: interval)
    }

    /// One series' samples: metric `index` of `metrics`, or `sparse` (index nil).
    static func series(_ index: Int?) -> [(Labels, [Sample])] {
        let count = Double(metrics.count)
        guard let index else {
            let perLabel = intervals / 50
            var byLabel: [Int: [Sample]] = [:]
            for s in 0..<intervals { byLabel[s / perLabel, default: []].append(Sample(Int64(s) * interval, Double(s) / count)) }
            return byLabel.keys.sorted().map { (Labels(name: "sparse", ["l": String($0)]), byLabel[$0] ?? []) }
        }
        let offset = Double(index) / count
        return [(metrics[index], (0..<intervals).map { Sample(Int64($0) * interval, Double($0) + offset) })]
    }

    /// A store holding `families` only: what a case reads, so a case on a_hundred does not
    /// ingest 20 million histogram samples first.
    static func store(families: Set<String>) -> SeriesStore {
        let store = SeriesStore()
        for index in metrics.indices where families.contains(metrics[index].name ?? "") {
            for (labels, samples) in series(index) { store.append(labels, samples: samples) }
        }
        if families.contains("sparse") {
            for (labels, samples) in series(nil) { store.append(labels, samples: samples) }
        }
        return store
    }

    /// TSDB blocks of all of it, made by promtool once per machine (it takes minutes) and
    /// kept under the temp dir, versioned by this file's data; each benchmark copies them.
    static func cachedBlocks() throws -> String {
        let cache = (NSTemporaryDirectory() as NSString).appendingPathComponent("promdeck-upstream-range-v1")
        let blocks = (cache as NSString).appendingPathComponent("data")
        let done = (cache as NSString).appendingPathComponent("complete")
        if FileManager.default.fileExists(atPath: done) { return blocks }
        try? FileManager.default.removeItem(atPath: cache)
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let text = (cache as NSString).appendingPathComponent("bench.om")
        try writeOpenMetrics(to: text)
        try promtoolBackfill(openMetricsFile: text, into: blocks, timeout: .seconds(1800))
        try FileManager.default.removeItem(atPath: text)
        guard FileManager.default.createFile(atPath: done, contents: Data()) else { throw TestSupportError("cannot write \(done)") }
        return blocks
    }

    /// OpenMetrics for promtool (timestamps in seconds), a family at a time as the format
    /// requires, written in pieces: the whole text is 1.3 GB.
    static func writeOpenMetrics(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw TestSupportError("cannot write \(path)")
        }
        defer { try? file.close() }
        var chunk = ""
        func flush(_ force: Bool = false) throws {
            guard force || chunk.utf8.count > 1 << 22 else { return }
            try file.write(contentsOf: Data(chunk.utf8))
            chunk = ""
        }
        func write(_ series: [(Labels, [Sample])]) throws {
            for (labels, samples) in series {
                // OpenMetrics allows no space between labels.
                let pairs = labels.filter { $0.name != Labels.metricName }.map { "\($0.name)=\"\($0.value)\"" }
                let name = (labels.name ?? "") + (pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}")
                for sample in samples {
                    chunk += "\(name) \(sample.value) \(sample.timestamp / 1000)\n"
                    try flush()
                }
            }
        }
        for family in families {
            chunk += "# TYPE \(family) gauge\n"
            if family == "sparse" {
                try write(series(nil))
            } else {
                for index in metrics.indices where metrics[index].name == family { try write(series(index)) }
            }
        }
        chunk += "# EOF\n"
        try flush(true)
    }
}
