/// The `data` of a Prometheus query response, whichever produced it: a server or the
/// embedded engine.
public enum QueryResult: Hashable, Sendable {
    case vector([InstantSample])
    case matrix([Series])
    case scalar(Sample)
    case string(String, timestamp: Timestamp)

    /// The API's `resultType`.
    public var resultType: String {
        switch self {
        case .vector: "vector"
        case .matrix: "matrix"
        case .scalar: "scalar"
        case .string: "string"
        }
    }

    /// Every result as series: a vector element becomes a one-point series (a histogram
    /// element a series with one histogram point and no floats), a scalar an unlabelled one.
    /// Panels draw any result through this.
    public var series: [Series] {
        switch self {
        case .vector(let elements):
            elements.map { element in
                guard let histogram = element.histogram else { return Series(labels: element.labels, samples: [element.sample]) }
                return Series(labels: element.labels, samples: [], histograms: [HistogramSample(element.sample.timestamp, histogram)])
            }
        case .matrix(let series):
            series
        case .scalar(let sample):
            [Series(labels: Labels(), samples: [sample])]
        case .string:
            []
        }
    }

    public var isEmpty: Bool { series.isEmpty }
}

/// A successful response with the server's or engine's warnings.
public struct QueryResponse: Hashable, Sendable {
    public var result: QueryResult
    public var warnings: [String]

    public init(result: QueryResult, warnings: [String] = []) {
        self.result = result
        self.warnings = warnings
    }
}

extension QueryResult {
    /// The same series with the same values, whatever the evaluation times: an instant query
    /// asked again a refresh later carries a new timestamp on every sample, which alone is no
    /// new data to draw.
    public func hasSameValues(as other: QueryResult) -> Bool {
        func same(_ lhs: Double, _ rhs: Double) -> Bool { lhs == rhs || (lhs.isNaN && rhs.isNaN) }
        switch (self, other) {
        case (.vector(let lhs), .vector(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.labels == $1.labels && same($0.sample.value, $1.sample.value) }
        case (.scalar(let lhs), .scalar(let rhs)):
            return same(lhs.value, rhs.value)
        case (.string(let lhs, _), .string(let rhs, _)):
            return lhs == rhs
        case (.matrix(let lhs), .matrix(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { left, right in
                left.labels == right.labels && left.samples.count == right.samples.count
                    && zip(left.samples, right.samples).allSatisfy { same($0.value, $1.value) }
            }
        default:
            return false
        }
    }
}
