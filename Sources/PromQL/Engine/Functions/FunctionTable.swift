import PromModel

/// A range-vector function's view of one series at one step.
struct RangeFunctionInput {
    /// The series' samples in the window, oldest first, never empty; valid only during the
    /// call (the range vector's own storage, not a copy).
    var points: UnsafeBufferPointer<Sample>
    var window: RangeWindow
    /// The other (scalar) arguments, in order.
    var scalars: [Double]
    /// The evaluation time.
    var ts: Timestamp
    /// 2.42 or 3.x semantics where they differ (rate's extrapolation).
    var promQLVersion: PromQLVersion = .v3
    /// Where 3.x's warnings and infos go (nil with 2.42's semantics, which had none).
    var annotations: AnnotationLog?
}

/// An instant function's evaluated arguments (and their expressions, for absent()).
struct InstantFunctionInput {
    var args: [Value]
    var exprs: [Expr]
    var ts: Timestamp
    var promQLVersion: PromQLVersion = .v3
    /// The evaluator's label computations across steps, for the functions that group.
    var labelCache: LabelCache?
    /// Where 3.x's warnings and infos go (nil with 2.42's semantics, which had none).
    var annotations: AnnotationLog?

    func vector(_ index: Int) throws(QueryError) -> [EvalSample] {
        guard index < args.count, case .vector(let vector) = args[index] else {
            throw QueryError(.internal, "argument \(index + 1) is not an instant vector")
        }
        return vector
    }

    func scalar(_ index: Int) throws(QueryError) -> Double {
        guard index < args.count, case .scalar(let value) = args[index] else {
            throw QueryError(.internal, "argument \(index + 1) is not a scalar")
        }
        return value
    }

    func string(_ index: Int) throws(QueryError) -> String {
        guard index < args.count, case .string(let value) = args[index] else {
            throw QueryError(.internal, "argument \(index + 1) is not a string")
        }
        return value
    }
}

enum FunctionImplementation: Sendable {
    /// Called once per series with samples in the window; nil means no output element.
    case range(@Sendable (RangeFunctionInput) throws(QueryError) -> Double?)
    /// Called once per step with all arguments evaluated.
    case instant(@Sendable (InstantFunctionInput) throws(QueryError) -> Value)
}

/// Every function's implementation, keyed by the name the parser's signatures use, one
/// family per file as in Prometheus's functions.go.
enum FunctionTable {
    static let implementations: [String: FunctionImplementation] = {
        var table: [String: FunctionImplementation] = [:]
        for family in [
            rateFunctions, overTimeFunctions, mathFunctions, timeFunctions, labelFunctions, histogramFunctions,
            sortByLabelFunctions, scalarFunctions,
        ] {
            table.merge(family) { first, _ in first }
        }
        return table
    }()

    /// Applies `transform` to every element's value and drops the metric name, as
    /// Prometheus's simpleFunc.
    static func simple(_ transform: @escaping @Sendable (Double) -> Double) -> FunctionImplementation {
        .instant { input throws(QueryError) in
            .vector(try input.vector(0).map { EvalSample(labels: $0.labels.withoutName, t: input.ts, v: transform($0.v)) })
        }
    }

    /// Each element's sample time in seconds; the output is stamped with the evaluation time.
    static func timestamp(_ vector: [EvalSample], ts: Timestamp) -> [EvalSample] {
        vector.map { EvalSample(labels: $0.labels.withoutName, t: ts, v: Double($0.t) / 1000) }
    }
}
