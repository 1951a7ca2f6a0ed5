/// The cases of Prometheus's own range-query benchmark, `rangeQueryCases()` in
/// promql/bench_test.go of prometheus/prometheus v3.14.0 (commit
/// d7598b7141418fa35be2b5ec5d0fefb634199610), expanded as there: `X` becomes `one` and
/// `hundred`, and a case without steps runs at 1 and at 1,000 steps.
struct UpstreamRangeCase: Sendable {
    var expr: String
    var steps: Int
    /// The same query for Prometheus 2.42, the server this machine has: 3.x renamed
    /// `holt_winters` to `double_exponential_smoothing` (same computation).
    var prometheusExpr: String {
        expr.replacingOccurrences(of: "double_exponential_smoothing(", with: "holt_winters(")
    }
    /// Both sides answer with no series by design, so an empty answer is not a failed setup:
    /// `absent_over_time` of present series, `and` with a selector matching nothing (no
    /// `l="notfound"`, and a_one/b_one have no `l` at all), and `on(l)` between a_hundred
    /// and a_one, which has no `l` to match.
    var emptyByDesign: Bool {
        expr.hasPrefix("absent_over_time(") || expr.contains("'notfound'") || expr == "a_one and b_one{l=~'.*[0-4]$'}"
            || expr == "a_hundred + on(l) group_right a_one"
    }

    var name: String { "Upstream range: \(expr), steps=\(steps)" }

    /// The metric families the query reads: only these are ingested into the embedded store
    /// (a selector on `__name__` reads them all).
    var families: Set<String> {
        if expr.contains("__name__") { return Set(UpstreamRangeData.families) }
        return Set(UpstreamRangeData.families.filter { family in
            expr.ranges(of: family).contains { range in
                let after = range.upperBound
                return after == expr.endIndex || !(expr[after].isLetter || expr[after] == "_")
            }
        })
    }
}

enum UpstreamRangeCases {
    /// bench_test.go's list, in its order (steps 0: the standard 1 and 1,000).
    static let listed: [(expr: String, steps: Int)] = [
        ("a_X", 0),
        ("rate(a_X[1m])", 0), ("rate(a_X[1m])", 10_000), ("rate(sparse[1m])", 10_000),
        ("rate(a_X[1m] smoothed)", 0), ("rate(a_X[1m] smoothed)", 10_000), ("rate(sparse[1m] smoothed)", 10_000),
        ("double_exponential_smoothing(a_X[1d], 0.3, 0.3)", 0), ("changes(a_X[1d])", 0), ("rate(a_X[1d])", 0),
        ("absent_over_time(a_X[1d])", 0),
        ("-a_X", 0),
        ("a_X - b_X", 0), ("a_X - b_X", 10_000),
        ("a_X and b_X{l=~'.*[0-4]$'}", 0), ("a_X or b_X{l=~'.*[0-4]$'}", 0), ("a_X unless b_X{l=~'.*[0-4]$'}", 0),
        ("a_X and b_X{l='notfound'}", 0),
        ("abs(a_X)", 0), ("label_replace(a_X, 'l2', '$1', 'l', '(.*)')", 0), ("label_join(a_X, 'l2', '-', 'l', 'l')", 0),
        ("sum(a_X)", 0), ("avg(a_X)", 0), ("sum without (l)(h_X)", 0), ("sum without (le)(h_X)", 0),
        ("sum by (l)(h_X)", 0), ("sum by (le)(h_X)", 0), ("count_values('value', h_X)", 100),
        ("topk(1, a_X)", 0), ("topk(5, a_X)", 0),
        ("limitk(1, a_X)", 0), ("limitk(5, a_X)", 0),
        ("limit_ratio(0.1, a_X)", 0), ("limit_ratio(0.5, a_X)", 0), ("limit_ratio(-0.5, a_X)", 0),
        ("rate(a_X[1m]) + rate(b_X[1m])", 0), ("sum without (l)(rate(a_X[1m]))", 0),
        ("sum without (l)(rate(a_X[1m])) / sum without (l)(rate(b_X[1m]))", 0),
        ("histogram_quantile(0.9, rate(h_X[5m]))", 0),
        ("a_X + on(l) group_right a_one", 0),
        ("count({__name__!=\"\"})", 1), ("count({__name__!=\"\",l=\"\"})", 1),
        ("timestamp(a_X)", 0),
    ]

    /// The cases left out, one place with the reason: syntax behind a 3.14 feature flag that
    /// Prometheus 2.42 (the baseline here) does not have, so there is nothing to compare with.
    static func exclusion(_ expr: String) -> String? {
        if expr.contains(" smoothed)") { return "`smoothed` needs --enable-feature=promql-extended-range-selectors (3.x), which 2.42 lacks and the embedded engine declines" }
        if expr.hasPrefix("limitk(") || expr.hasPrefix("limit_ratio(") { return "limitk/limit_ratio are 3.x experimental functions Prometheus 2.42 does not have" }
        return nil
    }

    static let all: [UpstreamRangeCase] = {
        var cases: [UpstreamRangeCase] = []
        for (expr, steps) in listed where exclusion(expr) == nil {
            let sized = expr.contains("X") ? ["one", "hundred"].map { expr.replacingOccurrences(of: "X", with: $0) } : [expr]
            for sizedExpr in sized {
                for stepCount in steps == 0 ? [1, 1000] : [steps] { cases.append(UpstreamRangeCase(expr: sizedExpr, steps: stepCount)) }
            }
        }
        return cases
    }()
}
