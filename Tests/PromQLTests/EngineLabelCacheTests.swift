import PromModel
import Testing
@testable import PromQL

/// The label computations the evaluator remembers across steps: identity stands for content
/// only where that is sound, and equal label sets in different buffers still meet.
@Suite("Engine: label cache across steps")
struct EngineLabelCacheTests {
    /// Two equal label sets in two buffers (built separately, so they share no storage).
    static func twins() -> (Labels, Labels) {
        (Labels(name: "up", ["job": "a"]), Labels([Label(Labels.metricName, "up"), Label("job", "a")]))
    }

    @Test func internedEqualLabelSetsShareOneIdentity() {
        let (first, second) = Self.twins()
        #expect(LabelsIdentity(first) != LabelsIdentity(second))
        let interner = LabelsInterner()
        let a = interner.intern(first), b = interner.intern(second)
        #expect(LabelsIdentity(a) == LabelsIdentity(b))
        #expect(interner.isInterned(a))
        #expect(!interner.isInterned(Labels(name: "up", ["job": "b"])))
    }

    @Test func memoComputesOncePerBufferAndAgainForAnEqualCopyInAnotherBuffer() {
        let (first, second) = Self.twins()
        let memo = LabelsMemo<Int>()
        var calls = 0
        for labels in [first, first, second, first] {
            _ = memo.value(for: labels) { _ in
                calls += 1
                return calls
            }
        }
        #expect(calls == 2)
        #expect(memo.value(for: first) { _ in -1 } == 1)
    }

    @Test func duplicateLabelSetsAreFoundInternedOrNot() throws {
        let cache = LabelCache()
        let (first, second) = Self.twins()
        let plain = [EvalSample(labels: first, t: 0, v: 1), EvalSample(labels: second, t: 0, v: 2)]
        #expect(throws: QueryError.self) { try cache.checkUnique(plain) }
        let memo = cache.memo(.withoutName)
        let interned = plain.map { EvalSample(labels: cache.transformed($0.labels, memo, \.withoutName), t: 0, v: $0.v) }
        #expect(throws: QueryError.self) { try cache.checkUnique(interned) }
        let distinct = [EvalSample(labels: first, t: 0, v: 1), EvalSample(labels: Labels(name: "up", ["job": "b"]), t: 0, v: 2)]
        try cache.checkUnique(distinct)
    }

    @Test func assemblerJoinsEqualLabelSetsFromDifferentBuffers() {
        let (first, second) = Self.twins()
        var assembler = SeriesAssembler()
        assembler.append(first, Sample(0, 1))
        assembler.append(Labels(name: "up", ["job": "b"]), Sample(0, 5))
        assembler.append(second, Sample(15, 2))
        assembler.append(first, Sample(30, 3))
        #expect(assembler.labels == [first, Labels(name: "up", ["job": "b"])])
        #expect(assembler.points.first?.map(\.value) == [1, 2, 3])
    }

    /// A range query whose per-step label sets are new buffers at every step (label_replace)
    /// still folds each series' steps into one series, grouped as Prometheus groups them.
    @Test func rewrittenLabelsPerStepStillMakeOneSeriesEach() throws {
        let store = SeriesStore()
        for minute in 0..<5 {
            let t = Timestamp(minute) * 60_000
            store.append(Labels(name: "x_bucket", ["job": "a", "le": "1"]), Sample(t, Double(minute)))
            store.append(Labels(name: "x_bucket", ["job": "a", "le": "+Inf"]), Sample(t, Double(2 * minute)))
            store.append(Labels(name: "x_bucket", ["job": "b", "le": "1"]), Sample(t, 1))
            store.append(Labels(name: "x_bucket", ["job": "b", "le": "+Inf"]), Sample(t, 1))
        }
        let engine = Engine(storage: store)
        let expr = #"histogram_quantile(0.5, label_replace(x_bucket, "k", "$1", "job", "(.*)"))"#
        let response = try engine.rangeQuery(expr, range: QueryRange(start: 60_000, end: 240_000, step: 60_000))
        guard case .matrix(let series) = response.result else {
            Issue.record("expected a matrix, got \(response.result)")
            return
        }
        #expect(series.map(\.labels) == [Labels(["job": "a", "k": "a"]), Labels(["job": "b", "k": "b"])])
        #expect(series.map(\.samples.count) == [4, 4])
        // job a: half of 2m observations fall at or below le=1 with m below it: the bucket's top.
        #expect(series.first?.samples.map(\.value) == [1, 1, 1, 1])
    }

    struct CountValuesCase: Sendable, CustomTestStringConvertible {
        var label: String
        var grouping: [String]?
        var without: [String]?
        var scale = 1.0

        var expr: String {
            let clause = grouping.map { " by (\($0.joined(separator: ", ")))" } ?? without.map { " without (\($0.joined(separator: ", ")))" } ?? ""
            return "count_values\(clause) (\"\(label)\", m\(scale == 1 ? "" : " * \(scale)"))"
        }
        var testDescription: String { expr }

        /// Prometheus's definition, step by step: set the value label, then group.
        func expected(_ elements: [(Labels, Double)]) -> [Labels: Double] {
            var counts: [Labels: Double] = [:]
            for (labels, value) in elements {
                let scaled = value * scale
                let text = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
                var set = labels
                if scale != 1 { set = set.withoutName }
                set = set.setting(label, text)
                let key = if let without { set.removing(without + [Labels.metricName]) } else { set.keeping((grouping ?? []) + [label]) }
                counts[key, default: 0] += 1
            }
            return counts
        }
    }

    /// count_values finds its groups by the element's group and value across steps
    /// (Aggregator.CountedValues); every step must equal the definition, with the value label
    /// kept, overwriting a label, or removed by `without`.
    @Test(arguments: [
        CountValuesCase(label: "value"), CountValuesCase(label: "value", grouping: ["job"]),
        CountValuesCase(label: "value", without: ["zone"]), CountValuesCase(label: "value", without: ["value"]),
        CountValuesCase(label: "job"), CountValuesCase(label: "__name__", without: ["zone"]),
        CountValuesCase(label: "v", grouping: ["zone"], scale: 0.5),
    ])
    func countValuesAcrossStepsFollowsTheDefinition(_ testCase: CountValuesCase) throws {
        let store = SeriesStore()
        let series = [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "x")].map { Labels(name: "m", ["job": $0, "zone": $1]) }
        func value(_ i: Int, _ minute: Int) -> Double { Double((minute + i) % 3) }
        for minute in 0..<12 {
            for (i, labels) in series.enumerated() { store.append(labels, Sample(Timestamp(minute) * 60_000, value(i, minute))) }
        }
        let response = try Engine(storage: store).rangeQuery(testCase.expr, range: QueryRange(start: 0, end: 660_000, step: 60_000))
        guard case .matrix(let result) = response.result else {
            Issue.record("expected a matrix, got \(response.result)")
            return
        }
        for minute in 0..<12 {
            let t = Timestamp(minute) * 60_000
            let stepped = result.compactMap { s in s.samples.first { $0.timestamp == t }.map { (s.labels, $0.value) } }
            let expected = testCase.expected(series.enumerated().map { ($1, value($0, minute)) })
            #expect(Dictionary(uniqueKeysWithValues: stepped) == expected, "at \(minute) m")
        }
    }
}
