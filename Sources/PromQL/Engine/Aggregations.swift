import PromModel

extension Evaluator {
    func evalAggregation(_ aggregate: AggregateExpr, at ts: Timestamp) throws(QueryError) -> Value {
        var parameter: Value?
        if let param = aggregate.param { parameter = try eval(param, at: ts) }
        let vector = try evalVector(aggregate.expr, at: ts)
        if aggregate.op == .quantile, case .scalar(let q)? = parameter { annotateQuantile(q) }
        let result = try Aggregator.aggregate(
            aggregate.op, grouping: aggregate.grouping, without: aggregate.without, parameter: parameter,
            vector: vector, ts: ts, version: promQLVersion, labelCache: labelCache)
        // Every other operator gives one element per group, and groups have distinct
        // interned keys (GroupSlots), so only these can repeat a label set.
        if aggregate.op == .topk || aggregate.op == .bottomk { try labelCache.checkUnique(result) }
        return .vector(result)
    }
}

/// Prometheus's aggregation(): groups in order of first appearance, incremental mean for
/// avg, Welford for stddev/stdvar, Go's heap for topk/bottomk (so ties resolve the same way).
enum Aggregator {
    private struct Group {
        let labels: Labels
        var value: Double
        var mean: Double
        /// Kahan compensation of 3.x's sum and avg.
        var compensation = 0.0
        /// 3.x's avg sums directly until the sum would overflow, then goes incremental.
        var incrementalMean = false
        var count = 1
        var heap: [EvalSample] = []

        init(labels: Labels, value: Double) {
            self.labels = labels
            self.value = value
            mean = value
        }
    }

    static func groupLabels(_ labels: Labels, grouping: [String], without: Bool) -> Labels {
        if without { return labels.removing(grouping + [Labels.metricName]) }
        return grouping.isEmpty ? Labels() : labels.keeping(grouping)
    }

    static func aggregate(
        _ op: AggregationOp, grouping: [String], without: Bool, parameter: Value?, vector: [EvalSample], ts: Timestamp,
        version: PromQLVersion = .v3, labelCache: LabelCache = LabelCache()
    ) throws(QueryError) -> [EvalSample] {
        let v3 = version == .v3
        var k = 0
        var q = 0.0
        var valueLabel = ""
        let requestedGrouping = grouping
        var grouping = grouping
        switch op {
        case .limitk, .limitRatio:
            // A NaN parameter is an error before any series is picked (engine.go rangeEvalAgg).
            if case .scalar(let f) = parameter, f.isNaN {
                throw QueryError.execution(op == .limitk ? "Parameter value is NaN" : "Ratio value is NaN")
            }
            // Prometheus picks the series by xxhash of their labels; without that hash the
            // choice could not agree, so the embedded engine says so instead of guessing.
            throw QueryError.execution("\(op.rawValue)() is not supported by the embedded engine")
        case .topk, .bottomk:
            guard case .scalar(let f) = parameter else { throw QueryError(.internal, "topk/bottomk without k") }
            if v3 && f.isNaN { throw QueryError.execution("Parameter value is NaN") }
            guard f.isFinite || f.isNaN, f > -9.223372036854775808e18, f < 9.223372036854775808e18 else {
                throw QueryError.execution("Scalar value \(GoMath.formatGo(f)) overflows int64")
            }
            k = Int(GoMath.int64(f))
            if k < 1 { return [] }
        case .quantile:
            guard case .scalar(let f) = parameter else { throw QueryError(.internal, "quantile without φ") }
            q = f
        case .countValues:
            guard case .string(let s) = parameter else { throw QueryError(.internal, "count_values without label") }
            valueLabel = s
            guard FunctionTable.isValidLabelName(valueLabel, version) else {
                throw QueryError.execution("invalid label name \(PromQLString.quote(valueLabel))")
            }
            if !without { grouping.append(valueLabel) }
        default:
            break
        }

        // Group keys are interned (LabelCache) and numbered across steps (GroupSlots), so an
        // element's group is one identity lookup; a key is the group's output labels too
        // (groupLabels).
        let memo = labelCache.memo(.grouping(grouping, without: without))
        let slots = labelCache.groupSlots(.grouping(grouping, without: without))
        let countedValues = op == .countValues
            ? CountedValues(label: valueLabel, grouping: requestedGrouping, without: without, labelCache: labelCache)
            : nil
        var local: [Int] = []
        var ordered: [Group] = []
        for sample in vector {
            let slot = if let countedValues {
                countedValues.slot(sample, in: slots)
            } else {
                slots.memo.value(for: sample.labels) { labels in
                    slots.slot(for: labelCache.transformed(labels, memo) { groupLabels($0, grouping: grouping, without: without) })
                }
            }
            if slot >= local.count { local.append(contentsOf: repeatElement(-1, count: slots.keys.count - local.count)) }
            let index = local[slot]
            guard index >= 0 else {
                var group = Group(labels: slots.keys[slot], value: sample.v)
                switch op {
                // 3.x: a first value of NaN or ±Inf makes the deviation NaN (engine.go aggregation).
                case .stddev, .stdvar: group.value = v3 && !sample.v.isFinite ? .nan : 0
                case .topk, .bottomk, .quantile: group.heap = [EvalSample(labels: sample.labels, t: ts, v: sample.v)]
                case .group: group.value = 1
                default: break
                }
                local[slot] = ordered.count
                ordered.append(group)
                continue
            }
            accumulate(&ordered[index], sample, op: op, v3: v3, k: k, ts: ts)
        }
        return finished(ordered, op: op, v3: v3, q: q, ts: ts)
    }

    /// count_values' group of an element: its labels with the value label set to its value,
    /// grouped. That is the element's group without the value label (remembered per series,
    /// LabelCache) with the value label set after, found by that group and the value's bits:
    /// the labels with the value set are new at every step, so keyed by them nothing is
    /// remembered and every element would be formatted, interned and grouped again.
    private struct CountedValues {
        let label: String
        let grouping: [String]
        let without: Bool
        let labelCache: LabelCache
        let memo: LabelsMemo<Labels>
        /// `without` removes the value label when it is listed, and always the metric name.
        let keepsValueLabel: Bool

        init(label: String, grouping: [String], without: Bool, labelCache: LabelCache) {
            (self.label, self.grouping, self.without, self.labelCache) = (label, grouping, without, labelCache)
            memo = labelCache.memo(.grouping(grouping, without: without))
            keepsValueLabel = !without || (!grouping.contains(label) && label != Labels.metricName)
        }

        func slot(_ sample: EvalSample, in slots: GroupSlots) -> Int {
            let base = labelCache.transformed(sample.labels, memo) { groupLabels($0, grouping: grouping, without: without) }
            return slots.slot(for: base, value: sample.v) {
                keepsValueLabel ? labelCache.interner.intern(base.setting(label, GoMath.formatFloat(sample.v))) : base
            }
        }
    }

    /// One more element into its group (the step's first element of a group started it).
    private static func accumulate(_ group: inout Group, _ sample: EvalSample, op: AggregationOp, v3: Bool, k: Int, ts: Timestamp) {
        let v = sample.v
        switch op {
        case .sum:
            if v3 {
                (group.value, group.compensation) = GoMath.kahanSumInc3(v, group.value, group.compensation)
            } else {
                group.value += v
            }
        case .avg where v3:
            group.count += 1
            let n = Double(group.count)
            if !group.incrementalMean {
                let (sum, c) = GoMath.kahanSumInc3(v, group.value, group.compensation)
                if !sum.isInfinite {
                    (group.value, group.compensation) = (sum, c)
                    break
                }
                group.incrementalMean = true
                group.mean = group.value / (n - 1)
                group.compensation /= n - 1
            }
            let q = (n - 1) / n
            (group.mean, group.compensation) = GoMath.kahanSumInc3(v / n, q * group.mean, q * group.compensation)
        case .avg:
            group.count += 1
            if group.mean.isInfinite {
                if v.isInfinite && (group.mean > 0) == (v > 0) { break }
                if !v.isInfinite && !v.isNaN { break }
            }
            let n = Double(group.count)
            group.mean += v / n - group.mean / n
        case .group:
            break
        case .max:
            if group.value < v || group.value.isNaN { group.value = v }
        case .min:
            if group.value > v || group.value.isNaN { group.value = v }
        case .count, .countValues:
            group.count += 1
        case .stddev, .stdvar:
            group.count += 1
            let delta = v - group.mean
            group.mean += delta / Double(group.count)
            group.value += delta * (v - group.mean)
        case .topk:
            let element = EvalSample(labels: sample.labels, t: ts, v: v)
            if group.heap.count < k || group.heap[0].v < v || group.heap[0].v.isNaN {
                if group.heap.count == k {
                    if k == 1 { group.heap[0] = element; break }
                    GoHeap.pop(&group.heap, less: topkLess)
                }
                GoHeap.push(&group.heap, element, less: topkLess)
            }
        case .bottomk:
            let element = EvalSample(labels: sample.labels, t: ts, v: v)
            if group.heap.count < k || group.heap[0].v > v || group.heap[0].v.isNaN {
                if group.heap.count == k {
                    if k == 1 { group.heap[0] = element; break }
                    GoHeap.pop(&group.heap, less: bottomkLess)
                }
                GoHeap.push(&group.heap, element, less: bottomkLess)
            }
        case .quantile:
            group.heap.append(sample)
        case .limitk, .limitRatio:
            break
        }
    }

    /// The groups' output elements, in order of first appearance.
    private static func finished(_ ordered: [Group], op: AggregationOp, v3: Bool, q: Double, ts: Timestamp) -> [EvalSample] {
        var out: [EvalSample] = []
        for group in ordered {
            var value = group.value
            switch op {
            case .sum where v3: value = group.value + group.compensation
            case .avg where v3:
                value = group.incrementalMean
                    ? group.mean + group.compensation
                    : group.value / Double(group.count) + group.compensation / Double(group.count)
            case .avg: value = group.mean
            case .count, .countValues: value = Double(group.count)
            case .stdvar: value = group.value / Double(group.count)
            case .stddev: value = (group.value / Double(group.count)).squareRoot()
            case .topk:
                // Go sorts sort.Reverse(heap) with its pdqsort; a stable sort agrees except for ties.
                for element in sortedStable(group.heap, by: { topkLess($1, $0) }) {
                    out.append(EvalSample(labels: element.labels, t: ts, v: element.v))
                }
                continue
            case .bottomk:
                for element in sortedStable(group.heap, by: { bottomkLess($1, $0) }) {
                    out.append(EvalSample(labels: element.labels, t: ts, v: element.v))
                }
                continue
            case .quantile:
                value = FunctionTable.quantile(q, group.heap.map(\.v))
            default:
                break
            }
            out.append(EvalSample(labels: group.labels, t: ts, v: value))
        }
        return out
    }

    /// vectorByValueHeap.Less: NaN counts as smallest.
    static func topkLess(_ a: EvalSample, _ b: EvalSample) -> Bool { a.v.isNaN || a.v < b.v }
    /// vectorByReverseValueHeap.Less.
    static func bottomkLess(_ a: EvalSample, _ b: EvalSample) -> Bool { a.v.isNaN || a.v > b.v }

    private static func sortedStable(_ items: [EvalSample], by less: (EvalSample, EvalSample) -> Bool) -> [EvalSample] {
        // Insertion sort: stable, tolerant of the NaN comparator, and k is small.
        var out = items
        guard out.count > 1 else { return out }
        for i in 1..<out.count {
            var j = i
            while j > 0 && less(out[j], out[j - 1]) {
                out.swapAt(j, j - 1)
                j -= 1
            }
        }
        return out
    }
}

/// Go's container/heap push and pop, so topk/bottomk keep the same elements on ties.
enum GoHeap {
    static func push(_ heap: inout [EvalSample], _ element: EvalSample, less: (EvalSample, EvalSample) -> Bool) {
        heap.append(element)
        up(&heap, heap.count - 1, less)
    }

    @discardableResult
    static func pop(_ heap: inout [EvalSample], less: (EvalSample, EvalSample) -> Bool) -> EvalSample {
        let n = heap.count - 1
        heap.swapAt(0, n)
        _ = down(&heap, 0, n, less)
        return heap.removeLast()
    }

    private static func up(_ heap: inout [EvalSample], _ index: Int, _ less: (EvalSample, EvalSample) -> Bool) {
        var j = index
        while true {
            let i = (j - 1) / 2
            if i == j || !less(heap[j], heap[i]) || j <= 0 { break }
            heap.swapAt(i, j)
            j = i
        }
    }

    private static func down(_ heap: inout [EvalSample], _ start: Int, _ n: Int, _ less: (EvalSample, EvalSample) -> Bool) -> Bool {
        var i = start
        while true {
            let j1 = 2 * i + 1
            if j1 >= n || j1 < 0 { break }
            var j = j1
            let j2 = j1 + 1
            if j2 < n && less(heap[j2], heap[j1]) { j = j2 }
            if !less(heap[j], heap[i]) { break }
            heap.swapAt(i, j)
            i = j
        }
        return i > start
    }
}
