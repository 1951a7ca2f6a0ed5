import PromModel
import PromQL

/// The Prometheus text and OpenMetrics parsers (what `--data FILE` and the simulator feed the
/// embedded store), then the store itself: ingest, select everything back.
enum ExpositionTarget {
    static let defaultTimestamp: Timestamp = 1_700_000_000_000

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let input = text(bytes)
        let format = ExpositionFormat.detect(input)
        let samples: [(Labels, Sample)]
        do {
            samples = try ExpositionParser(format: format, defaultTimestamp: defaultTimestamp).parse(input)
        } catch {
            try check(error.line >= 1 && error.column >= 1, "error without a position: \(error)")
            return
        }
        let store = SeriesStore()
        let stored = store.append(contentsOf: samples)
        try check(stored <= samples.count, "stored \(stored) of \(samples.count) samples")
        let series = store.select([])
        let selected = series.reduce(0) { $0 + $1.samples.count }
        try check(selected == stored, "stored \(stored) samples, selected \(selected) back")
        for one in series {
            for (earlier, later) in zip(one.samples, one.samples.dropFirst()) {
                try check(earlier.timestamp < later.timestamp, "\(one.labels): samples out of order")
            }
        }
        _ = store.statistics
    }
}
