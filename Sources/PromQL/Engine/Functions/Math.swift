import Foundation
import PromModel

extension FunctionTable {
    static let mathFunctions: [String: FunctionImplementation] = [
        "abs": simple { Swift.abs($0) },
        "ceil": simple { $0.rounded(.up) },
        "floor": simple { $0.rounded(.down) },
        "exp": simple { Foundation.exp($0) },
        "sqrt": simple { $0.squareRoot() },
        "ln": simple { Foundation.log($0) },
        "log2": simple { Foundation.log2($0) },
        "log10": simple { Foundation.log10($0) },
        "sin": simple { Foundation.sin($0) },
        "cos": simple { Foundation.cos($0) },
        "tan": simple { Foundation.tan($0) },
        "asin": simple { Foundation.asin($0) },
        "acos": simple { Foundation.acos($0) },
        "atan": simple { Foundation.atan($0) },
        "sinh": simple { Foundation.sinh($0) },
        "cosh": simple { Foundation.cosh($0) },
        "tanh": simple { Foundation.tanh($0) },
        "asinh": simple { Foundation.asinh($0) },
        "acosh": simple { Foundation.acosh($0) },
        "atanh": simple { Foundation.atanh($0) },
        "rad": simple { $0 * Double.pi / 180 },
        "deg": simple { $0 * 180 / Double.pi },
        "sgn": simple { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) },
        "pi": .instant { _ in .scalar(Double.pi) },
        "round": .instant { input throws(QueryError) in
            let toNearest = input.args.count >= 2 ? try input.scalar(1) : 1
            let inverse = 1.0 / toNearest
            return .vector(try input.vector(0).map {
                EvalSample(labels: $0.labels.withoutName, t: input.ts, v: ($0.v * inverse + 0.5).rounded(.down) / inverse)
            })
        },
        "clamp": .instant { input throws(QueryError) in
            let low = try input.scalar(1), high = try input.scalar(2)
            if high < low { return .vector([]) }
            return .vector(try input.vector(0).map {
                EvalSample(labels: $0.labels.withoutName, t: input.ts, v: GoMath.max(low, GoMath.min(high, $0.v)))
            })
        },
        "clamp_max": .instant { input throws(QueryError) in
            let high = try input.scalar(1)
            return .vector(try input.vector(0).map {
                EvalSample(labels: $0.labels.withoutName, t: input.ts, v: GoMath.min(high, $0.v))
            })
        },
        "clamp_min": .instant { input throws(QueryError) in
            let low = try input.scalar(1)
            return .vector(try input.vector(0).map {
                EvalSample(labels: $0.labels.withoutName, t: input.ts, v: GoMath.max(low, $0.v))
            })
        },
        "scalar": .instant { input throws(QueryError) in
            let vector = try input.vector(0)
            return .scalar(vector.count == 1 ? vector[0].v : .nan)
        },
        "vector": .instant { input throws(QueryError) in
            .vector([EvalSample(labels: Labels(), t: input.ts, v: try input.scalar(0))])
        },
        // NaN sorts last either way, as with Prometheus's comparators.
        "sort": .instant { input throws(QueryError) in
            .vector(try input.vector(0).sorted { !$0.v.isNaN && ($1.v.isNaN || $0.v < $1.v) })
        },
        "sort_desc": .instant { input throws(QueryError) in
            .vector(try input.vector(0).sorted { !$0.v.isNaN && ($1.v.isNaN || $0.v > $1.v) })
        },
        "timestamp": .instant { input throws(QueryError) in .vector(timestamp(try input.vector(0), ts: input.ts)) },
    ]
}

extension FunctionTable {
    /// min_of / max_of of two scalars (3.x, experimental; funcMinOf/funcMaxOf use math.Min/Max).
    static let scalarFunctions: [String: FunctionImplementation] = [
        "min_of": .instant { input throws(QueryError) in .scalar(GoMath.min(try input.scalar(0), try input.scalar(1))) },
        "max_of": .instant { input throws(QueryError) in .scalar(GoMath.max(try input.scalar(0), try input.scalar(1))) },
    ]
}
