import PromModel

/// Where the evaluator itself raises 3.x's annotations (promql/engine.go at v3.14.0); the
/// functions raise theirs through their input's `annotations`.
extension Evaluator {
    /// Before an instant function runs: sorting a range query's steps does nothing
    /// (engine.go eval, `NewSortInRangeQueryWarning`).
    func annotateCall(_ name: String) {
        guard let log = annotationSink, queryStart != queryEnd else { return }
        if ["sort", "sort_desc", "sort_by_label", "sort_by_label_desc"].contains(name) { log.warn(Annotation.sortInRangeQuery) }
    }

    /// Whether a range function's outputs are checked for counter names: rate() and
    /// increase() of a selector (engine.go rangeEval; subqueries are not checked). Decided
    /// once per call, not per series.
    func checksCounterNames(_ name: String, _ argument: Expr) -> Bool {
        guard annotationSink != nil, name == "rate" || name == "increase", case .matrixSelector = argument else { return false }
        return true
    }

    /// After rate() or increase() gave a series a value: an info when its name does not
    /// look like a counter's.
    func annotateCounterName(_ labels: Labels) {
        guard let log = annotationSink, let metricName = labels[Labels.metricName], Annotation.mightNotBeCounter(metricName) else { return }
        // Once per name: formatting the message for each of a histogram's buckets, to find it
        // already logged, was a tenth of a one-step histogram_quantile over rate.
        guard annotatedCounterNames.insert(metricName).inserted else { return }
        log.info(Annotation.possibleNonCounter(metricName))
    }

    /// quantile's φ outside [0, 1] (engine.go rangeEvalAgg), whatever the vector holds.
    func annotateQuantile(_ q: Double) {
        guard let log = annotationSink, Annotation.isInvalidQuantile(q) else { return }
        log.warn(Annotation.invalidQuantile(q))
    }
}
