/// A native (sparse) histogram as Prometheus's query API renders it
/// (`util/jsonutil/marshal.go`, `MarshalHistogram`): the float histogram's count and sum
/// and its non-empty buckets, each with its bounds and which of them it includes.
public struct NativeHistogram: Hashable, Sendable {
    /// Which bounds a bucket includes: the API's first bucket element, 0 to 3.
    public enum BoundaryRule: Int, Hashable, Sendable {
        /// (lower, upper]: the positive buckets.
        case upperInclusive = 0
        /// [lower, upper): the negative buckets.
        case lowerInclusive = 1
        /// (lower, upper)
        case exclusive = 2
        /// [lower, upper]: the zero bucket.
        case inclusive = 3
    }

    public struct Bucket: Hashable, Sendable {
        public var boundaryRule: BoundaryRule
        public var lower: Double
        public var upper: Double
        /// A float: rates and sums of histograms have fractional counts.
        public var count: Double

        public init(_ boundaryRule: BoundaryRule, lower: Double, upper: Double, count: Double) {
            self.boundaryRule = boundaryRule
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    public var count: Double
    public var sum: Double
    /// Lowest bucket first, empty buckets left out (the API never sends them).
    public var buckets: [Bucket]

    public init(count: Double, sum: Double, buckets: [Bucket] = []) {
        self.count = count
        self.sum = sum
        self.buckets = buckets
    }
}

/// One native-histogram point of a series.
public struct HistogramSample: Hashable, Sendable {
    public var timestamp: Timestamp
    public var histogram: NativeHistogram

    public init(_ timestamp: Timestamp, _ histogram: NativeHistogram) {
        self.timestamp = timestamp
        self.histogram = histogram
    }
}
