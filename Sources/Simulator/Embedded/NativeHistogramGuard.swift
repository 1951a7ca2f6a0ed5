import PromModel
import PromQL

/// The embedded store holds floats only, so functions that read nothing but native
/// histograms would answer an empty result for any series: in the demo that reads as "no
/// data" where a server holding native histograms answers numbers. The demo says why instead.
enum NativeHistogramGuard {
    /// Functions of Prometheus 3.14 that ignore float samples entirely (histogram_quantile
    /// and histogram_fraction also read classic `le` buckets, which the store does hold).
    static let nativeOnly: Set<String> = ["histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar"]

    /// An error naming the first native-histogram-only function the query calls, with its
    /// position; nil when it calls none or does not parse (the engine reports that).
    static func check(_ expr: String) -> QueryError? {
        guard let parsed = try? parsePromQL(expr) else { return nil }
        var stack = [parsed]
        while let next = stack.popLast() {
            switch next {
            case .number, .string, .vectorSelector, .matrixSelector: break
            case .subquery(let e): stack.append(e.expr)
            case .call(let e):
                if nativeOnly.contains(e.function.name) {
                    return QueryError(
                        .execution,
                        "\(e.function.name)() reads native histograms only, and the demo's embedded store holds floats only: "
                            + "run it against a Prometheus that stores native histograms",
                        summary: "needs native histograms", position: e.positionRange.start)
                }
                stack.append(contentsOf: e.args)
            case .aggregate(let e): stack.append(contentsOf: (e.param.map { [$0] } ?? []) + [e.expr])
            case .binary(let e): stack.append(contentsOf: [e.lhs, e.rhs])
            case .unary(let e): stack.append(e.expr)
            case .paren(let e): stack.append(e.expr)
            }
        }
        return nil
    }
}
