import PromModel

/// The embedded PromQL engine: Prometheus 2.42's query semantics over a `SeriesStore`, with
/// 3.x's syntax resolved before evaluation (QueryContext) and its new functions; with 3.x
/// semantics its responses carry 3.x's annotations as warnings (AnnotationLog).
public struct Engine: Sendable {
    public let storage: SeriesStore
    /// How far back an instant selector looks for a sample (milliseconds), 5 m by default.
    public var lookbackDelta: Int64
    /// Prometheus's `--query.max-samples`.
    public var maxSamples: Int
    /// The step of subqueries written without one (`[1h:]`): Prometheus uses the global
    /// evaluation interval, 1 m by default.
    public var noStepSubqueryInterval: Int64
    /// The PromQL the string entry points parse: 3.14 by default, 2.42 for the ported 2.x
    /// fixtures and differential suites.
    public var promQLVersion: PromQLVersion = .v3
    /// Range functions over matrix selectors computed series by series (RangeCallColumns);
    /// off only in the tests that hold it to the step-at-a-time evaluation.
    var seriesWiseRangeCalls = true
    /// Prometheus's API rejects range queries with more points than this per series.
    public static let maxPointsPerSeries: Int64 = 11_000

    public init(storage: SeriesStore, lookbackDelta: Int64 = 300_000, maxSamples: Int = 50_000_000, noStepSubqueryInterval: Int64 = 60_000) {
        self.storage = storage
        self.lookbackDelta = lookbackDelta
        self.maxSamples = maxSamples
        self.noStepSubqueryInterval = noStepSubqueryInterval
    }

    /// Parses and evaluates `expr` at one instant.
    public func instantQuery(_ expr: String, at time: Timestamp) throws(QueryError) -> QueryResponse {
        try instantQuery(PromQLParser.parseForQuery(expr, version: promQLVersion), at: time)
    }

    /// Parses and evaluates `expr` at every step of `range`; the result is a matrix.
    public func rangeQuery(_ expr: String, range: QueryRange) throws(QueryError) -> QueryResponse {
        try Self.validate(range)
        return try rangeQuery(PromQLParser.parseForQuery(expr, version: promQLVersion), range: range)
    }

    public func instantQuery(_ parsed: Expr, at time: Timestamp) throws(QueryError) -> QueryResponse {
        let expr = try QueryContext(start: time, end: time, step: 0).resolve(parsed)
        let evaluator = makeEvaluator(expr, start: time, end: time)
        let result: QueryResult
        switch try evaluator.eval(expr, at: time) {
        case .scalar(let value):
            result = .scalar(Sample(time, value))
        case .string(let value):
            result = .string(value, timestamp: time)
        case .vector(let vector):
            result = .vector(vector.map { InstantSample(labels: $0.labels, sample: Sample(time, $0.v)) })
        case .matrix(let matrix):
            result = .matrix(matrix.map { Series(labels: $0.labels, samples: Array($0.points)) })
        }
        // 3.x's annotations, as a server's response carries them (infos as "info: …").
        return QueryResponse(result: result, warnings: evaluator.annotations.responseWarnings)
    }

    public func rangeQuery(_ parsed: Expr, range: QueryRange) throws(QueryError) -> QueryResponse {
        try Self.validate(range)
        let expr = try QueryContext(start: range.start, end: range.end, step: range.step).resolve(parsed)
        switch expr.type {
        case .scalar, .vector: break
        default:
            throw QueryError(.badData, "invalid expression type \(PromQLString.quote(expr.type.documentedName)) for range query, must be Scalar or instant Vector")
        }
        let evaluator = makeEvaluator(expr, start: range.start, end: range.end)
        if seriesWiseRangeCalls { evaluator.stepGrid = StepGrid(start: range.start, end: range.end, step: range.step) }
        var assembler = SeriesAssembler()
        let scalarLabels = Labels()
        var total = 0
        var t = range.start
        while t <= range.end {
            evaluator.currentSamples = total
            switch try evaluator.eval(expr, at: t) {
            case .scalar(let value):
                assembler.append(scalarLabels, Sample(t, value))
                total += 1
            case .vector(let vector):
                for sample in vector { assembler.append(sample.labels, Sample(t, sample.v)) }
                total += vector.count
            default:
                throw QueryError(.internal, "range query step produced neither scalar nor vector")
            }
            if total > maxSamples { throw QueryError.tooManySamples }
            t += range.step
        }
        let labels = assembler.labels, points = assembler.points
        let series = labels.indices.sorted { labels[$0] < labels[$1] }.map { Series(labels: labels[$0], samples: points[$0]) }
        return QueryResponse(result: .matrix(series), warnings: evaluator.annotations.responseWarnings)
    }

    /// The same checks (and messages) as Prometheus's /api/v1/query_range.
    static func validate(_ range: QueryRange) throws(QueryError) {
        if range.end < range.start {
            throw QueryError(.badData, "end timestamp must not be before start time")
        }
        if range.step <= 0 {
            throw QueryError(.badData, "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        if (range.end - range.start) / range.step > maxPointsPerSeries {
            throw QueryError(.badData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
        }
    }

    private func makeEvaluator(_ expr: Expr, start: Timestamp, end: Timestamp) -> Evaluator {
        Evaluator(
            store: storage, expr: expr, start: start, end: end, lookbackDelta: lookbackDelta,
            maxSamples: maxSamples, noStepSubqueryInterval: noStepSubqueryInterval, promQLVersion: promQLVersion)
    }
}
