import PromModel

/// A vector selector's newest sample index in every selected series at one reference time.
/// A range query evaluates its steps in order, so from one step to the next each index only
/// moves forward by the few samples in between: walked from the last position instead of a
/// binary search per series and step (most of a plain aggregation over a thousand series).
/// A class, so a step updates the indices in place after one lookup.
final class LookbackCursor {
    var reference: Timestamp
    var indices: [Int]

    init(reference: Timestamp, indices: [Int]) {
        self.reference = reference
        self.indices = indices
    }
}

extension Evaluator {
    /// For each series, the index of its newest sample at or before `reference` (-1: none).
    func newestIndices(_ selector: VectorSelector, in series: [Series], atOrBefore reference: Timestamp) -> [Int] {
        let identity = SelectorIdentity(selector)
        if let cursor = lookbackCursors[identity], cursor.indices.count == series.count, cursor.reference <= reference {
            for position in series.indices {
                let samples = series[position].samples
                var index = cursor.indices[position]
                while index + 1 < samples.count, samples[index + 1].timestamp <= reference { index += 1 }
                cursor.indices[position] = index
            }
            cursor.reference = reference
            return cursor.indices
        }
        // The first step, or a time before the last one (an @ modifier, a subquery's own
        // steps): searched, and remembered from here.
        let indices = series.map { Self.lastIndex(in: $0.samples, atOrBefore: reference) }
        lookbackCursors[identity] = LookbackCursor(reference: reference, indices: indices)
        return indices
    }
}
