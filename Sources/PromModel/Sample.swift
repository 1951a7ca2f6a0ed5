/// Unix time in milliseconds, Prometheus's internal resolution.
public typealias Timestamp = Int64

/// One point of a series.
public struct Sample: Hashable, Sendable {
    public var timestamp: Timestamp
    public var value: Double

    public init(_ timestamp: Timestamp, _ value: Double) {
        self.timestamp = timestamp
        self.value = value
    }

    /// Equal timestamps and values, where two NaNs count as equal.
    public func isIdentical(to other: Sample) -> Bool {
        timestamp == other.timestamp && (value == other.value || (value.isNaN && other.value.isNaN))
    }
}

/// A range-query result series, or a stored series.
public struct Series: Hashable, Sendable {
    public var labels: Labels
    public var samples: [Sample]
    /// Native-histogram points from a server (the API's `histograms`); a series may hold
    /// both kinds. The embedded store holds floats only, so its series leave this empty.
    public var histograms: [HistogramSample]

    public init(labels: Labels, samples: [Sample], histograms: [HistogramSample] = []) {
        self.labels = labels
        self.samples = samples
        self.histograms = histograms
    }
}

/// An instant-vector element.
public struct InstantSample: Hashable, Sendable {
    public var labels: Labels
    /// The float value; for a native-histogram element (`histogram` set) its value is NaN
    /// and only the timestamp counts.
    public var sample: Sample
    /// The element's native histogram (the API's `histogram`), when it is one.
    public var histogram: NativeHistogram?

    public init(labels: Labels, sample: Sample, histogram: NativeHistogram? = nil) {
        self.labels = labels
        self.sample = sample
        self.histogram = histogram
    }

    public init(labels: Labels, histogram: HistogramSample) {
        self.init(labels: labels, sample: Sample(histogram.timestamp, .nan), histogram: histogram.histogram)
    }
}

/// The time window and resolution of a range query, all in milliseconds.
public struct QueryRange: Hashable, Sendable {
    public var start: Timestamp
    public var end: Timestamp
    public var step: Int64

    public init(start: Timestamp, end: Timestamp, step: Int64) {
        self.start = start
        self.end = end
        self.step = step
    }

    /// The evaluation timestamps: start, start+step, ... up to and including end.
    public var timestamps: StrideThrough<Timestamp> {
        stride(from: start, through: end, by: Int(max(step, 1)))
    }
}
