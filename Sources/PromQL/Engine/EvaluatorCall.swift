import PromModel

extension Evaluator {
    func evalCall(_ call: Call, at ts: Timestamp) throws(QueryError) -> Value {
        let name = call.function.name
        guard let implementation = FunctionTable.implementations[name] else {
            if FunctionSignature.named(name) != nil { throw QueryContext.unsupported("\(name)() is") }
            throw QueryError(.badData, "unknown function with name \(PromQLString.quote(name))")
        }
        let args = call.args.map(Self.unwrapParens)

        // timestamp() of a plain selector reports the samples' own times, not the step's.
        if name == "timestamp", let first = args.first, case .vectorSelector(let selector) = first {
            let vector = try timestampSelector(selector, at: ts)
            return try finish(.vector(FunctionTable.timestamp(vector, ts: ts)))
        }

        if let matrixIndex = args.firstIndex(where: Self.isRangeArgument) {
            guard case .range(let function) = implementation else {
                throw QueryError(.internal, "\(name) does not take a range vector")
            }
            if let column = try precomputedRangeCall(call, name: name, args: args, matrixIndex: matrixIndex, function: function, at: ts) {
                return .vector(column)
            }
            var scalars: [Double] = []
            for (index, arg) in args.enumerated() where index != matrixIndex {
                scalars.append(try evalScalar(arg, at: ts))
            }
            let (series, window) = if name == "predict_linear", case .matrixSelector(let selector) = args[matrixIndex],
                let at = atTime(selector.vectorSelector.at) {
                try movingAtWindow(selector, at: at, ts: ts)
            } else {
                try rangeArgument(args[matrixIndex], at: ts)
            }
            if name == "absent_over_time" {
                if series.contains(where: { !$0.points.isEmpty }) { return .vector([]) }
                return .vector([EvalSample(labels: Self.absentLabels(args[matrixIndex]), t: ts, v: 1)])
            }
            var out: [EvalSample] = []
            // These act like selectors and keep the metric name (engine.go, `dropName`).
            let keepsName = name == "last_over_time" || name == "first_over_time"
            let memo = labelCache.memo(.withoutName)
            let checksCounterNames = checksCounterNames(name, args[matrixIndex])
            for element in series where !element.points.isEmpty {
                let value = try element.points.withUnsafeBufferPointer { (points) throws(QueryError) -> Double? in
                    try function(RangeFunctionInput(points: points, window: window, scalars: scalars, ts: ts,
                                                    promQLVersion: promQLVersion, annotations: annotationSink))
                }
                guard let value else { continue }
                if checksCounterNames { annotateCounterName(element.labels) }
                let labels = keepsName ? element.labels : labelCache.transformed(element.labels, memo, \.withoutName)
                out.append(EvalSample(labels: labels, t: ts, v: value))
            }
            return try finish(.vector(out))
        }

        guard case .instant(let function) = implementation else {
            throw QueryError(.internal, "\(name) needs a range vector argument")
        }
        var values: [Value] = []
        for arg in args { values.append(try eval(arg, at: ts)) }
        let input = InstantFunctionInput(args: values, exprs: args, ts: ts, promQLVersion: promQLVersion,
                                         labelCache: labelCache, annotations: annotationSink)
        annotateCall(name)
        return try finish(try function(input))
    }

    /// timestamp() of a selector. With `@`, Prometheus 2.42 looks up the sample at the @ time
    /// itself (its offset is dropped there) but the storage only returned samples up to
    /// `@ - offset` (the selector's time range): both effects are reproduced.
    private func timestampSelector(_ selector: VectorSelector, at ts: Timestamp) throws(QueryError) -> [EvalSample] {
        guard let at = atTime(selector.at) else { return try vectorSelector(selector, at: ts, keepSampleTime: true) }
        let visibleEnd = at - selector.offset
        let earliest = max(at - lookbackDelta, visibleEnd - lookbackDelta)
        var out: [EvalSample] = []
        for series in series(for: selector) {
            let index = Self.lastIndex(in: series.samples, atOrBefore: min(at, visibleEnd))
            guard index >= 0 else { continue }
            let sample = series.samples[index]
            if sample.timestamp < earliest || sample.isStaleMarker { continue }
            out.append(EvalSample(labels: series.labels, t: sample.timestamp, v: sample.value))
        }
        try count(out.count)
        return out
    }

    /// predict_linear is not step-invariant in Prometheus 2.42, so an `@` range argument is
    /// read per step with the offset fixed at the query start: the window moves with the step
    /// (`@ - offset + (t - start)`) while the storage only holds samples up to `@ - offset`.
    private func movingAtWindow(_ selector: MatrixSelector, at: Timestamp, ts: Timestamp) throws(QueryError) -> ([RangeSeries], RangeWindow) {
        let vs = selector.vectorSelector
        let visibleEnd = at - vs.offset
        let end = visibleEnd + (ts - queryStart)
        let window = RangeWindow(start: end - selector.range, end: end, range: selector.range)
        let low = max(window.start, visibleEnd - selector.range), high = min(window.end, visibleEnd)
        var out: [RangeSeries] = []
        for series in series(for: vs) {
            var index = Self.firstIndex(in: series.samples, atOrAfter: low)
            var points: [Sample] = []
            while index < series.samples.count && series.samples[index].timestamp <= high {
                if !series.samples[index].isStaleMarker { points.append(series.samples[index]) }
                index += 1
            }
            out.append(RangeSeries(labels: series.labels, points: points[...]))
        }
        try count(out.reduce(0) { $0 + $1.points.count })
        return (out, window)
    }

    private func finish(_ value: Value) throws(QueryError) -> Value {
        if case .vector(let vector) = value { try labelCache.checkUnique(vector) }
        return value
    }

    private func rangeArgument(_ expr: Expr, at ts: Timestamp) throws(QueryError) -> ([RangeSeries], RangeWindow) {
        switch expr {
        case .matrixSelector(let selector): return try matrixSelector(selector, at: ts)
        case .subquery(let subquery): return try evalSubquery(subquery, at: ts)
        default: throw QueryError(.internal, "expected a range vector argument")
        }
    }

    static func unwrapParens(_ expr: Expr) -> Expr {
        if case .paren(let paren) = expr { return unwrapParens(paren.expr) }
        return expr
    }

    static func isRangeArgument(_ expr: Expr) -> Bool {
        switch expr {
        case .matrixSelector, .subquery: true
        default: false
        }
    }

    /// absent()'s output labels: the equality matchers' pairs, except names matched more
    /// than once, and never `__name__` (Prometheus's createLabelsForAbsentFunction).
    static func absentLabels(_ expr: Expr) -> Labels {
        let matchers: [LabelMatcher]
        switch unwrapParens(expr) {
        case .vectorSelector(let vs): matchers = vs.matchers
        case .matrixSelector(let ms): matchers = ms.vectorSelector.matchers
        default: return Labels()
        }
        var labels = Labels()
        var has = Set<String>()
        for matcher in matchers where matcher.name != Labels.metricName {
            if matcher.kind == .equal && !has.contains(matcher.name) {
                labels.set(matcher.name, matcher.value)
                has.insert(matcher.name)
            } else {
                labels.set(matcher.name, "")
            }
        }
        return labels
    }
}
