import PromModel

/// One stored series: its labels and its samples in closed chunks plus an open head chunk.
struct MemSeries: Sendable {
    static let samplesPerChunk = 120

    let labels: Labels
    private(set) var chunks: [XORChunk] = []

    init(labels: Labels) { self.labels = labels }

    var lastTimestamp: Timestamp? { chunks.last.map(\.maxTime) }
    var firstTimestamp: Timestamp? { chunks.first.map(\.minTime) }
    var sampleCount: Int { chunks.reduce(0) { $0 + $1.count } }
    var byteCount: Int { chunks.reduce(0) { $0 + $1.byteCount } }
    var isEmpty: Bool { chunks.isEmpty }

    /// Appends a sample newer than the last one; older or equal timestamps are rejected.
    mutating func append(_ sample: Sample) -> Bool {
        if let last = lastTimestamp, sample.timestamp <= last { return false }
        if chunks.isEmpty || chunks[chunks.count - 1].count >= Self.samplesPerChunk {
            chunks.append(XORChunk())
        }
        chunks[chunks.count - 1].append(sample)
        return true
    }

    /// Samples with timestamps in `start...end`, oldest first.
    func samples(from start: Timestamp, through end: Timestamp) -> [Sample] {
        let overlapping = chunks.lazy.filter { $0.maxTime >= start && $0.minTime <= end }
        var out: [Sample] = []
        out.reserveCapacity(overlapping.reduce(0) { $0 + $1.count })
        for chunk in overlapping {
            chunk.decode(into: &out, from: start, through: end)
        }
        return out
    }

    /// Drops samples older than `cutoff`; a chunk straddling it is re-encoded.
    mutating func dropSamples(before cutoff: Timestamp) {
        chunks.removeAll { $0.maxTime < cutoff }
        guard let first = chunks.first, first.minTime < cutoff else { return }
        var rebuilt = XORChunk()
        for sample in first.samples where sample.timestamp >= cutoff { rebuilt.append(sample) }
        chunks[0] = rebuilt
        if rebuilt.count == 0 { chunks.removeFirst() }
    }
}
