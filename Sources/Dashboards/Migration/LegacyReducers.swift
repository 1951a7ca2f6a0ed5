/// Grafana's reducer registry as far as old panels name it (fieldReducers in
/// packages/grafana-data/src/transformations/fieldReducer.ts): ids, plus the aliases
/// Angular panels wrote (`avg`, `current`, `total`).
enum LegacyReducers {
    static let ids: Set<String> = [
        "lastNotNull", "last", "firstNotNull", "first", "min", "max", "mean", "variance", "stdDev",
        "sum", "count", "range", "delta", "step", "diff", "logmin", "allIsZero", "allIsNull",
        "changeCount", "distinctCount", "diffperc", "allValues", "uniqueValues", "median",
    ]
    static let aliases = ["avg": "mean", "current": "lastNotNull", "total": "sum"]

    /// The reducer id for `name`, or nil when Grafana has none of that name.
    static func id(_ name: String) -> String? {
        ids.contains(name) ? name : aliases[name]
    }
}
