import PromModel

/// The steps of a range query: the times every node of its expression is evaluated at.
struct StepGrid: Sendable {
    let start: Timestamp
    let end: Timestamp
    let step: Int64

    var count: Int { Int((end - start) / step) + 1 }

    /// The step `t` is, if it is one (a subquery also evaluates between the steps).
    func index(of t: Timestamp) -> Int? {
        guard t >= start, t <= end, (t - start) % step == 0 else { return nil }
        return Int((t - start) / step)
    }
}

/// A range function over a plain matrix selector, evaluated for every step of a range query
/// at once, series by series, as Prometheus's rangeEval does (engine.go at v3.14.0,
/// `matrixIterSlice` keeps the window across steps): each series' window slides with two
/// indices instead of two binary searches per step, and its output labels, counter-name
/// check and duplicate check are derived once instead of once per step. Each step then takes
/// its column, with the sample count, annotations and duplicate check the step-at-a-time
/// evaluation would have had at that step, so results and errors stay the same.
final class RangeCallColumns {
    private var columns: [[EvalSample]]
    /// The samples in the windows at each step (what `matrixSelector` counts).
    let windowPoints: [Int]
    /// rate()/increase(): the series checked for a counter name, at the step where each first
    /// has a value (an annotation is raised once, where it is first raised).
    let counterNameChecks: [Int: [Labels]]
    /// Two series share their output labels (after the name is dropped): the step-at-a-time
    /// check then runs on every column; otherwise no column can hold a duplicate.
    let checksUnique: Bool

    private init(columns: [[EvalSample]], windowPoints: [Int], counterNameChecks: [Int: [Labels]], checksUnique: Bool) {
        self.columns = columns
        self.windowPoints = windowPoints
        self.counterNameChecks = counterNameChecks
        self.checksUnique = checksUnique
    }

    /// Step `index`'s output, handed over once (it is released; outer steps only advance).
    func take(_ index: Int) -> [EvalSample]? {
        guard index < columns.count else { return nil }
        let column = columns[index]
        columns[index] = []
        return column
    }

    struct Call {
        var selector: MatrixSelector
        var function: @Sendable (RangeFunctionInput) throws(QueryError) -> Double?
        var scalars: [Double]
        var keepsName: Bool
        var checksCounterNames: Bool
        var leftOpen: Bool
        var promQLVersion: PromQLVersion
    }

    /// Evaluates `call` at every step of `grid` over `series` (staleness markers removed).
    /// Throws what the function throws; the caller then evaluates step by step, which throws
    /// the same error at the step it belongs to.
    static func compute(_ call: Call, series: [Series], grid: StepGrid, labelCache: LabelCache) throws(QueryError) -> RangeCallColumns {
        let steps = grid.count
        var columns = [[EvalSample]](repeating: [], count: steps)
        var windowPoints = [Int](repeating: 0, count: steps)
        var counterNameChecks: [Int: [Labels]] = [:]
        var outputs: [Labels] = []
        let memo = labelCache.memo(.withoutName)
        let vs = call.selector.vectorSelector
        let range = call.selector.range
        for element in series {
            var output: Labels?
            try element.samples.withUnsafeBufferPointer { (samples) throws(QueryError) in
                var low = 0, high = 0
                for k in 0..<steps {
                    let ts = grid.start + Int64(k) * grid.step
                    let reference = ts - vs.offset
                    let window = RangeWindow(start: reference - range, end: reference, range: range)
                    let lowest = call.leftOpen ? window.start &+ 1 : window.start
                    while high < samples.count && samples[high].timestamp <= reference { high += 1 }
                    while low < high && samples[low].timestamp < lowest { low += 1 }
                    guard low < high else { continue }
                    windowPoints[k] += high - low
                    let input = RangeFunctionInput(
                        points: UnsafeBufferPointer(rebasing: samples[low..<high]), window: window, scalars: call.scalars,
                        ts: ts, promQLVersion: call.promQLVersion, annotations: nil)
                    guard let value = try call.function(input) else { continue }
                    let labels: Labels
                    if let output {
                        labels = output
                    } else {
                        labels = call.keepsName ? element.labels : labelCache.transformed(element.labels, memo, \.withoutName)
                        output = labels
                        outputs.append(labels)
                        if call.checksCounterNames { counterNameChecks[k, default: []].append(element.labels) }
                    }
                    columns[k].append(EvalSample(labels: labels, t: ts, v: value))
                }
            }
        }
        let checksUnique = Set(outputs).count != outputs.count
        return RangeCallColumns(columns: columns, windowPoints: windowPoints, counterNameChecks: counterNameChecks, checksUnique: checksUnique)
    }
}

extension Evaluator {
    /// Step `ts`'s output of a range function call over a plain matrix selector, from the
    /// call's columns (computed at its first step); nil when the call is not of that form,
    /// `ts` is not a step of the range query, or the columns could not be computed.
    func precomputedRangeCall(
        _ call: Call, name: String, args: [Expr], matrixIndex: Int,
        function: @escaping @Sendable (RangeFunctionInput) throws(QueryError) -> Double?, at ts: Timestamp
    ) throws(QueryError) -> [EvalSample]? {
        guard let grid = stepGrid, let index = grid.index(of: ts) else { return nil }
        let identity = CallIdentity(call)
        let columns: RangeCallColumns
        if let known = rangeCallColumns[identity] {
            guard let known else { return nil }
            columns = known
        } else {
            guard let computed = computeColumns(name: name, args: args, matrixIndex: matrixIndex, function: function, grid: grid) else {
                rangeCallColumns[identity] = .some(nil)
                return nil
            }
            columns = computed
            rangeCallColumns[identity] = columns
        }
        guard let column = columns.take(index) else { return nil }
        try count(columns.windowPoints[index])
        for labels in columns.counterNameChecks[index] ?? [] { annotateCounterName(labels) }
        if columns.checksUnique { try labelCache.checkUnique(column) }
        return column
    }

    /// The call's columns for every step, or nil when it must be evaluated step by step.
    private func computeColumns(
        name: String, args: [Expr], matrixIndex: Int,
        function: @escaping @Sendable (RangeFunctionInput) throws(QueryError) -> Double?, grid: StepGrid
    ) -> RangeCallColumns? {
        guard name != "absent_over_time", case .matrixSelector(let selector) = args[matrixIndex],
            selector.vectorSelector.at == nil else { return nil }
        var scalars: [Double] = []
        for (position, arg) in args.enumerated() where position != matrixIndex {
            guard case .number(let literal) = arg else { return nil }
            scalars.append(literal.value)
        }
        // The one range function that raises an annotation of its own, per step.
        if name == "quantile_over_time", annotationSink != nil, scalars.first.map(Annotation.isInvalidQuantile) ?? true {
            return nil
        }
        let spec = RangeCallColumns.Call(
            selector: selector, function: function, scalars: scalars,
            keepsName: name == "last_over_time" || name == "first_over_time",
            checksCounterNames: checksCounterNames(name, args[matrixIndex]), leftOpen: leftOpenWindows,
            promQLVersion: promQLVersion)
        // A failure here (the sample limit, say) is raised again, with its step, by the
        // step-by-step evaluation.
        return try? RangeCallColumns.compute(spec, series: rangeSeries(for: selector.vectorSelector), grid: grid, labelCache: labelCache)
    }
}
