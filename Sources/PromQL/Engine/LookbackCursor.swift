import PromModel

/// A vector selector's series and the index of each one's newest sample at one reference
/// time. A range query evaluates its steps in order, so from one step to the next each index
/// only moves forward by the few samples in between: walked from the last position instead
/// of a binary search per series and step (most of a plain aggregation over a thousand
/// series). A class, so a step finds the series and updates the indices in place after one
/// lookup.
final class LookbackCursor {
    let series: [Series]
    var reference: Timestamp
    var indices: [Int]

    init(series: [Series], reference: Timestamp) {
        self.series = series
        self.reference = reference
        indices = series.map { Evaluator.lastIndex(in: $0.samples, atOrBefore: reference) }
    }

    /// Moves to a reference time at or after the current one.
    func advance(to newReference: Timestamp) {
        // Through the buffer: an access check per element written cost more than the walk.
        indices.withUnsafeMutableBufferPointer { indices in
            for position in series.indices {
                let samples = series[position].samples
                var index = indices[position]
                while index + 1 < samples.count, samples[index + 1].timestamp <= newReference { index += 1 }
                indices[position] = index
            }
        }
        reference = newReference
    }
}

extension Evaluator {
    /// The selector's series and, for each, the index of its newest sample at or before
    /// `reference` (-1: none).
    func newestIndices(_ selector: VectorSelector, atOrBefore reference: Timestamp) -> LookbackCursor {
        let identity = SelectorIdentity(selector)
        if let cursor = lookbackCursors[identity], cursor.reference <= reference {
            cursor.advance(to: reference)
            return cursor
        }
        // The first step, or a time before the last one (an @ modifier, a subquery's own
        // steps): searched, and remembered from here.
        let cursor = LookbackCursor(series: series(for: selector), reference: reference)
        lookbackCursors[identity] = cursor
        return cursor
    }
}
