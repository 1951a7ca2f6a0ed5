import PromModel

/// One element of an instant vector during evaluation. `t` is the evaluation time, except for
/// vector selectors read by `timestamp()`, which keep the sample's own time.
struct EvalSample: Sendable {
    var labels: Labels
    var t: Timestamp
    var v: Double
}

/// One series of a range vector: the raw samples in a selector's window, a slice of the
/// selected series' samples rather than a copy (a range query reads one window per step).
struct RangeSeries: Sendable {
    var labels: Labels
    var points: ArraySlice<Sample>
}

/// What an expression evaluates to at one instant.
enum Value: Sendable {
    case scalar(Double)
    case string(String)
    case vector([EvalSample])
    case matrix([RangeSeries])

    var typeName: String {
        switch self {
        case .scalar: "scalar"
        case .string: "string"
        case .vector: "instant vector"
        case .matrix: "range vector"
        }
    }
}

/// The window a range vector was read from, which rate()/increase()/delta() extrapolate to.
struct RangeWindow: Sendable {
    /// Inclusive bounds in milliseconds.
    var start: Timestamp
    var end: Timestamp
    var range: Int64
}

extension QueryError {
    static func execution(_ message: String) -> QueryError {
        QueryError(.execution, message, summary: "execution error")
    }

    static let tooManySamples = QueryError(
        .execution, "query processing would load too many samples into memory in query execution",
        summary: "too many samples")

    static let duplicateLabelset = QueryError.execution("vector cannot contain metrics with the same labelset")
}

/// Prometheus checks after every operator that no two output elements share a label set.
func checkUniqueLabelsets(_ vector: [EvalSample]) throws(QueryError) {
    guard vector.count > 1 else { return }
    var seen = Set<Labels>(minimumCapacity: vector.count)
    for sample in vector where !seen.insert(sample.labels).inserted {
        throw QueryError.duplicateLabelset
    }
}
