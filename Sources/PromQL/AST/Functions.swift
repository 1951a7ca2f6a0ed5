/// A PromQL function's name and types, as in Prometheus's `parser.Functions`. The engine
/// attaches implementations keyed by `name`.
public struct FunctionSignature: Hashable, Sendable {
    public let name: String
    public let argTypes: [ValueType]
    /// 0: exactly `argTypes.count` arguments; n > 0: up to n trailing arguments may be
    /// omitted; -1: the last argument type repeats without limit (label_join).
    public let variadic: Int
    public let returnType: ValueType
    /// Behind `--enable-feature=promql-experimental-functions` in Prometheus 3.x.
    public let experimental: Bool

    public init(
        _ name: String, _ argTypes: [ValueType], variadic: Int = 0, returns returnType: ValueType,
        experimental: Bool = false
    ) {
        self.name = name
        self.argTypes = argTypes
        self.variadic = variadic
        self.returnType = returnType
        self.experimental = experimental
    }

    /// Every function of Prometheus 2.42, generated from promql/parser/functions.go at v2.42.0
    /// (histogram_count/histogram_sum/histogram_fraction are the experimental native-histogram
    /// functions; they parse as in 2.42 even though our store has no native histograms).
    public static let all242: [FunctionSignature] = [
        FunctionSignature("abs", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("absent", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("absent_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("acos", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("acosh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("asin", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("asinh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("atan", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("atanh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("avg_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("ceil", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("changes", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("clamp", [.vector, .scalar, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("clamp_max", [.vector, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("clamp_min", [.vector, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("cos", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("cosh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("count_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("days_in_month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("day_of_month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("day_of_week", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("day_of_year", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("deg", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("delta", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("deriv", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("exp", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("floor", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_count", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_sum", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_fraction", [.scalar, .scalar, .vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_quantile", [.scalar, .vector], variadic: 0, returns: .vector),
        FunctionSignature("holt_winters", [.matrix, .scalar, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("hour", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("idelta", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("increase", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("irate", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("label_replace", [.vector, .string, .string, .string, .string], variadic: 0, returns: .vector),
        FunctionSignature("label_join", [.vector, .string, .string, .string], variadic: -1, returns: .vector),
        FunctionSignature("last_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("ln", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("log10", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("log2", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("max_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("min_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("minute", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("pi", [], variadic: 0, returns: .scalar),
        FunctionSignature("predict_linear", [.matrix, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("present_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("quantile_over_time", [.scalar, .matrix], variadic: 0, returns: .vector),
        FunctionSignature("rad", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("rate", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("resets", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("round", [.vector, .scalar], variadic: 1, returns: .vector),
        FunctionSignature("scalar", [.vector], variadic: 0, returns: .scalar),
        FunctionSignature("sgn", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sin", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sinh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sort", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sort_desc", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sqrt", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("stddev_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("stdvar_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("sum_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("tan", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("tanh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("time", [], variadic: 0, returns: .scalar),
        FunctionSignature("timestamp", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("vector", [.scalar], variadic: 0, returns: .vector),
        FunctionSignature("year", [.vector], variadic: 1, returns: .vector),
    ]

    /// Every function of Prometheus 3.14, generated from promql/parser/functions.go at
    /// v3.14.0 (`holt_winters` is gone; its successor double_exponential_smoothing is
    /// experimental, like the others marked so).
    public static let all: [FunctionSignature] = [
        FunctionSignature("abs", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("absent", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("absent_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("acos", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("acosh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("asin", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("asinh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("atan", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("atanh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("avg_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("ceil", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("changes", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("clamp", [.vector, .scalar, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("clamp_max", [.vector, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("clamp_min", [.vector, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("cos", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("cosh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("count_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("day_of_month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("day_of_week", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("day_of_year", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("days_in_month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("deg", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("delta", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("deriv", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("double_exponential_smoothing", [.matrix, .scalar, .scalar], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("end", [], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("exp", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("first_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("floor", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_avg", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_count", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_fraction", [.scalar, .scalar, .vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_quantile", [.scalar, .vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_quantiles", [.vector, .string, .scalar, .scalar], variadic: 9, returns: .vector, experimental: true),
        FunctionSignature("histogram_stddev", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_stdvar", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("histogram_sum", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("hour", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("idelta", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("increase", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("info", [.vector, .vector], variadic: 1, returns: .vector, experimental: true),
        FunctionSignature("irate", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("label_join", [.vector, .string, .string, .string], variadic: -1, returns: .vector),
        FunctionSignature("label_replace", [.vector, .string, .string, .string, .string], variadic: 0, returns: .vector),
        FunctionSignature("last_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("ln", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("log10", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("log2", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("mad_over_time", [.matrix], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("max_of", [.scalar, .scalar], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("max_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("min_of", [.scalar, .scalar], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("min_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("minute", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("month", [.vector], variadic: 1, returns: .vector),
        FunctionSignature("pi", [], variadic: 0, returns: .scalar),
        FunctionSignature("predict_linear", [.matrix, .scalar], variadic: 0, returns: .vector),
        FunctionSignature("present_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("quantile_over_time", [.scalar, .matrix], variadic: 0, returns: .vector),
        FunctionSignature("rad", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("range", [], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("rate", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("resets", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("round", [.vector, .scalar], variadic: 1, returns: .vector),
        FunctionSignature("scalar", [.vector], variadic: 0, returns: .scalar),
        FunctionSignature("sgn", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sin", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sinh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sort", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sort_by_label", [.vector, .string], variadic: -1, returns: .vector, experimental: true),
        FunctionSignature("sort_by_label_desc", [.vector, .string], variadic: -1, returns: .vector, experimental: true),
        FunctionSignature("sort_desc", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("sqrt", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("start", [], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("start_timestamp", [.vector], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("stddev_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("stdvar_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("step", [], variadic: 0, returns: .scalar, experimental: true),
        FunctionSignature("sum_over_time", [.matrix], variadic: 0, returns: .vector),
        FunctionSignature("tan", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("tanh", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("time", [], variadic: 0, returns: .scalar),
        FunctionSignature("timestamp", [.vector], variadic: 0, returns: .vector),
        FunctionSignature("ts_of_first_over_time", [.matrix], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("ts_of_last_over_time", [.matrix], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("ts_of_max_over_time", [.matrix], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("ts_of_min_over_time", [.matrix], variadic: 0, returns: .vector, experimental: true),
        FunctionSignature("vector", [.scalar], variadic: 0, returns: .vector),
        FunctionSignature("year", [.vector], variadic: 1, returns: .vector),
    ]

    /// Lookup by name.
    public static let byName: [String: FunctionSignature] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })
    static let byName242: [String: FunctionSignature] = Dictionary(
        uniqueKeysWithValues: all242.map { ($0.name, $0) })

    public static func named(_ name: String, version: PromQLVersion = .v3) -> FunctionSignature? {
        version == .v3 ? byName[name] : byName242[name]
    }
}
