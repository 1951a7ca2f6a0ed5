import PromModel

/// Evaluates one query. Every expression is evaluated at one instant at a time; a range
/// query repeats that at each step, which gives Prometheus's results because its range
/// evaluation is defined step by step too (subquery steps are aligned to absolute multiples
/// of the step either way). Selected series are read from the store once per query.
final class Evaluator {
    let store: SeriesStore
    /// The query's start and end, which `@ start()` and `@ end()` refer to.
    let queryStart: Timestamp
    let queryEnd: Timestamp
    let lookbackDelta: Int64
    let maxSamples: Int
    let noStepSubqueryInterval: Int64
    /// 2.42 or 3.x semantics where they differ (windows, histogram_fraction of classic buckets).
    let promQLVersion: PromQLVersion
    /// 3.0 made range, lookback and subquery windows left-open, `(t-range, t]`; 2.x's are
    /// closed (promql/engine.go at v3.14.0: `matrixIterSlice`, `vectorSelectorSingle`,
    /// `runSubquery`).
    let leftOpenWindows: Bool
    private let loadStart: Timestamp
    private let loadEnd: Timestamp
    private var selected: [[LabelMatcher]: [Series]] = [:]
    private var selectedByStorage: [StorageIdentity<LabelMatcher>: [Series]] = [:]
    /// Where each vector selector's lookback found every series at the last step (LookbackCursor).
    var lookbackCursors: [SelectorIdentity: LookbackCursor] = [:]
    /// The selected series without their staleness markers, which range windows leave out:
    /// a window is then one contiguous slice.
    private var selectedForRanges: [[LabelMatcher]: [Series]] = [:]
    /// Label computations remembered across steps (LabelCache).
    let labelCache = LabelCache()
    /// Inner results of each subquery by evaluation time: its steps are absolute multiples,
    /// so consecutive outer steps share all but a few of them.
    private var subqueryResults: [SubqueryExpr: [Timestamp: Value]] = [:]
    /// A range query's steps (nil for an instant query), for which range functions over
    /// matrix selectors are computed series by series (RangeCallColumns).
    var stepGrid: StepGrid?
    /// Each call's columns, or nil when they cannot be computed (the call is then evaluated
    /// step by step); found by the call's identity, as hashing the call's whole tree at every
    /// step was most of a one-series query's time.
    var rangeCallColumns: [CallIdentity: RangeCallColumns?] = [:]
    /// Samples held for the current step (a close approximation of Prometheus's accounting).
    var currentSamples = 0
    /// The query's annotations so far (3.x semantics only).
    let annotations = AnnotationLog()
    /// The metric names already reported as possibly not counters.
    var annotatedCounterNames: Set<String> = []
    /// What functions report annotations to: nothing with 2.42's semantics.
    var annotationSink: AnnotationLog? { promQLVersion == .v3 ? annotations : nil }

    init(
        store: SeriesStore, expr: Expr, start: Timestamp, end: Timestamp, lookbackDelta: Int64,
        maxSamples: Int, noStepSubqueryInterval: Int64, promQLVersion: PromQLVersion = .v3
    ) {
        self.promQLVersion = promQLVersion
        leftOpenWindows = promQLVersion == .v3
        self.store = store
        queryStart = start
        queryEnd = end
        self.lookbackDelta = lookbackDelta
        self.maxSamples = maxSamples
        self.noStepSubqueryInterval = noStepSubqueryInterval
        let reach = Self.reach(of: expr, lookback: lookbackDelta, subqueryStep: noStepSubqueryInterval)
        if reach.unbounded {
            loadStart = .min
            loadEnd = .max
        } else {
            loadStart = start &- reach.back
            loadEnd = end &+ reach.forward
        }
    }

    // MARK: Dispatch

    func eval(_ expr: Expr, at ts: Timestamp) throws(QueryError) -> Value {
        switch expr {
        case .number(let literal):
            return .scalar(literal.value)
        case .string(let literal):
            return .string(literal.value)
        case .paren(let paren):
            return try eval(paren.expr, at: ts)
        case .unary(let unary):
            return try evalUnary(unary, at: ts)
        case .vectorSelector(let selector):
            return .vector(try vectorSelector(selector, at: ts, keepSampleTime: false))
        case .matrixSelector(let selector):
            return .matrix(try matrixSelector(selector, at: ts).series)
        case .subquery(let subquery):
            return .matrix(try evalSubquery(subquery, at: ts).series)
        case .call(let call):
            return try evalCall(call, at: ts)
        case .aggregate(let aggregate):
            return try evalAggregation(aggregate, at: ts)
        case .binary(let binary):
            return try evalBinary(binary, at: ts)
        }
    }

    func evalScalar(_ expr: Expr, at ts: Timestamp) throws(QueryError) -> Double {
        guard case .scalar(let value) = try eval(expr, at: ts) else {
            throw QueryError(.internal, "expected a scalar expression")
        }
        return value
    }

    func evalVector(_ expr: Expr, at ts: Timestamp) throws(QueryError) -> [EvalSample] {
        switch try eval(expr, at: ts) {
        case .vector(let vector): return vector
        case let other: throw QueryError(.internal, "expected an instant vector, got \(other.typeName)")
        }
    }

    func evalString(_ expr: Expr, at ts: Timestamp) throws(QueryError) -> String {
        guard case .string(let value) = try eval(expr, at: ts) else {
            throw QueryError(.internal, "expected a string expression")
        }
        return value
    }

    private func evalUnary(_ unary: UnaryExpr, at ts: Timestamp) throws(QueryError) -> Value {
        let value = try eval(unary.expr, at: ts)
        guard unary.op == .sub else { return value }
        switch value {
        case .scalar(let v):
            return .scalar(-v)
        case .vector(let vector):
            let memo = labelCache.memo(.withoutName)
            let negated = vector.map { EvalSample(labels: labelCache.transformed($0.labels, memo, \.withoutName), t: $0.t, v: -$0.v) }
            try labelCache.checkUnique(negated)
            return .vector(negated)
        default:
            throw QueryError(.internal, "unary minus on \(value.typeName)")
        }
    }

    // MARK: Selectors

    func atTime(_ at: AtModifier?) -> Timestamp? {
        switch at {
        case .none: nil
        case .timestamp(let t): t
        case .start: queryStart
        case .end: queryEnd
        }
    }

    func series(for selector: VectorSelector) -> [Series] {
        // By the matchers' storage first: hashing the matchers at every step was a quarter
        // of a one-series binary operation's time.
        let storage = StorageIdentity(selector.matchers)
        if let cached = selectedByStorage[storage] { return cached }
        let found = selected[selector.matchers] ?? store.select(selector.matchers, from: loadStart, through: loadEnd)
        selected[selector.matchers] = found
        selectedByStorage[storage] = found
        return found
    }

    func rangeSeries(for selector: VectorSelector) -> [Series] {
        if let cached = selectedForRanges[selector.matchers] { return cached }
        let found = series(for: selector).map { series in
            Series(labels: series.labels, samples: series.samples.filter { !$0.isStaleMarker })
        }
        selectedForRanges[selector.matchers] = found
        return found
    }

    func count(_ samples: Int) throws(QueryError) {
        currentSamples += samples
        if currentSamples > maxSamples { throw QueryError.tooManySamples }
    }

    /// The newest sample at or before the reference time, within the lookback delta, unless
    /// it is a staleness marker.
    func vectorSelector(_ selector: VectorSelector, at ts: Timestamp, keepSampleTime: Bool) throws(QueryError) -> [EvalSample] {
        let reference = (atTime(selector.at) ?? ts) - selector.offset
        var out: [EvalSample] = []
        let cursor = newestIndices(selector, atOrBefore: reference)
        out.reserveCapacity(cursor.series.count)
        for (series, index) in zip(cursor.series, cursor.indices) where index >= 0 {
            let samples = series.samples
            let sample = samples[index]
            let tooOld = leftOpenWindows ? sample.timestamp <= reference - lookbackDelta : sample.timestamp < reference - lookbackDelta
            if tooOld || sample.isStaleMarker { continue }
            out.append(EvalSample(labels: series.labels, t: keepSampleTime ? sample.timestamp : ts, v: sample.value))
        }
        try count(out.count)
        return out
    }

    /// Samples in `(reference - range, reference]` (3.x) or `[reference - range, reference]`
    /// (2.x), staleness markers left out.
    func matrixSelector(_ selector: MatrixSelector, at ts: Timestamp) throws(QueryError) -> (series: [RangeSeries], window: RangeWindow) {
        let vs = selector.vectorSelector
        let reference = (atTime(vs.at) ?? ts) - vs.offset
        let window = RangeWindow(start: reference - selector.range, end: reference, range: selector.range)
        var out: [RangeSeries] = []
        var total = 0
        for series in rangeSeries(for: vs) {
            let samples = series.samples
            let low = Self.firstIndex(in: samples, atOrAfter: leftOpenWindows ? window.start &+ 1 : window.start)
            let high = Self.lastIndex(in: samples, atOrBefore: window.end) + 1
            let points = samples[low..<max(low, high)]
            total += points.count
            out.append(RangeSeries(labels: series.labels, points: points))
        }
        try count(total)
        return (out, window)
    }

    /// Evaluates the inner expression at every multiple of the step inside the window.
    func evalSubquery(_ subquery: SubqueryExpr, at ts: Timestamp) throws(QueryError) -> (series: [RangeSeries], window: RangeWindow) {
        let step = subquery.step ?? noStepSubqueryInterval
        guard step > 0 else { throw QueryError.execution("zero or negative subquery step") }
        let reference = (atTime(subquery.at) ?? ts) - subquery.offset
        let window = RangeWindow(start: reference - subquery.range, end: reference, range: subquery.range)
        var first = step * (window.start / step)
        if first < window.start || (leftOpenWindows && first == window.start) { first += step }
        var assembler = SeriesAssembler()
        let scalarLabels = Labels()
        let saved = currentSamples
        var cached = subqueryResults.removeValue(forKey: subquery) ?? [:]
        // Outer steps only move forward, so results before this window are never needed again.
        cached = cached.filter { $0.key >= first }
        defer { subqueryResults[subquery] = cached }
        var t = first
        while t <= reference {
            let value: Value
            if let hit = cached[t] {
                value = hit
            } else {
                value = try eval(subquery.expr, at: t)
                cached[t] = value
            }
            switch value {
            case .scalar(let v):
                assembler.append(scalarLabels, Sample(t, v))
            case .vector(let vector):
                for sample in vector { assembler.append(sample.labels, Sample(t, sample.v)) }
            default:
                throw QueryError(.internal, "subquery of a non-vector expression")
            }
            t += step
        }
        currentSamples = saved
        let series = zip(assembler.labels, assembler.points).map { RangeSeries(labels: $0, points: $1[...]) }
        try count(series.reduce(0) { $0 + $1.points.count })
        return (series, window)
    }

    // MARK: Binary search

    static func lastIndex(in samples: [Sample], atOrBefore t: Timestamp) -> Int {
        var low = 0, high = samples.count
        while low < high {
            let mid = (low + high) / 2
            if samples[mid].timestamp <= t { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    static func firstIndex(in samples: [Sample], atOrAfter t: Timestamp) -> Int {
        var low = 0, high = samples.count
        while low < high {
            let mid = (low + high) / 2
            if samples[mid].timestamp < t { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
