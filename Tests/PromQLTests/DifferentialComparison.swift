import Foundation
import PromModel

/// A query result in a comparable shape, parsed from the Prometheus API's JSON: the real
/// server's body, or our engine's result written by `PrometheusJSON` (so the formatter is
/// under test too).
enum NormalizedResult: CustomStringConvertible {
    case error(type: String, message: String)
    case scalar(Sample)
    case string(String)
    case vector([(Labels, Sample)])
    case matrix([(Labels, [Sample])])

    var description: String {
        switch self {
        case .error(let type, let message): "error \(type): \(message)"
        case .scalar(let sample): "scalar \(sample.value)@\(sample.timestamp)"
        case .string(let value): "string \(value)"
        case .vector(let elements): "vector[\(elements.map { "\($0.0) \($0.1.value)" }.joined(separator: "; "))]"
        case .matrix(let series): "matrix[\(series.map { "\($0.0) \($0.1.count) points" }.joined(separator: "; "))]"
        }
    }

    /// Parses `{"status":…,"data":{…}}` (server) or a bare data object.
    static func parse(response body: String) -> NormalizedResult {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            return .error(type: "unparseable", message: String(body.prefix(200)))
        }
        if let status = object["status"] as? String {
            if status != "success" {
                return .error(type: object["errorType"] as? String ?? "", message: object["error"] as? String ?? "")
            }
            guard let data = object["data"] as? [String: Any] else { return .error(type: "unparseable", message: "no data") }
            return parse(data: data)
        }
        return parse(data: object)
    }

    static func parse(data: [String: Any]) -> NormalizedResult {
        let type = data["resultType"] as? String ?? ""
        switch type {
        case "scalar":
            return .scalar(point(data["result"]) ?? Sample(0, .nan))
        case "string":
            return .string(((data["result"] as? [Any])?.last as? String) ?? "")
        case "vector":
            let elements = (data["result"] as? [[String: Any]] ?? []).map { element in
                (labels(element["metric"]), point(element["value"]) ?? Sample(0, .nan))
            }
            return .vector(elements)
        case "matrix":
            let series = (data["result"] as? [[String: Any]] ?? []).map { element in
                (labels(element["metric"]), (element["values"] as? [Any] ?? []).compactMap(point))
            }
            return .matrix(series)
        default:
            return .error(type: "unparseable", message: "resultType \(type)")
        }
    }

    private static func labels(_ any: Any?) -> Labels {
        Labels((any as? [String: String]) ?? [:])
    }

    private static func point(_ any: Any?) -> Sample? {
        guard let pair = any as? [Any], pair.count == 2, let seconds = (pair[0] as? NSNumber)?.doubleValue,
              let text = pair[1] as? String else { return nil }
        let value: Double = switch text {
        case "NaN": .nan
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text) ?? .nan
        }
        return Sample(Timestamp((seconds * 1000).rounded()), value)
    }

    /// Whether two results agree: same kind, labels exact, timestamps equal, values equal or
    /// within 1e-12 relative (NaN equals NaN). Vectors compare as sets unless `ordered`.
    static func agree(_ a: NormalizedResult, _ b: NormalizedResult, ordered: Bool) -> String? {
        switch (a, b) {
        case (.error, .error):
            return nil
        case (.scalar(let x), .scalar(let y)):
            return x.timestamp == y.timestamp && close(x.value, y.value) ? nil : "scalar \(x.value) vs \(y.value)"
        case (.string(let x), .string(let y)):
            return x == y ? nil : "string \(x) vs \(y)"
        case (.vector(let x), .vector(let y)):
            guard x.count == y.count else { return "vector sizes \(x.count) vs \(y.count): \(a) / \(b)" }
            if ordered {
                for (left, right) in zip(x, y) where !close(left.1.value, right.1.value) {
                    return "ordered values differ: \(left.1.value) vs \(right.1.value)"
                }
            }
            let other = Dictionary(y.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            for (labels, sample) in x {
                guard let match = other[labels] else { return "series \(labels) missing on one side" }
                guard match.timestamp == sample.timestamp, close(match.value, sample.value) else {
                    return "\(labels): \(sample.value)@\(sample.timestamp) vs \(match.value)@\(match.timestamp)"
                }
            }
            return nil
        case (.matrix(let x), .matrix(let y)):
            guard x.count == y.count else { return "matrix sizes \(x.count) vs \(y.count): \(a) / \(b)" }
            let other = Dictionary(y.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            for (labels, points) in x {
                guard let match = other[labels] else { return "series \(labels) missing on one side" }
                guard match.count == points.count else { return "\(labels): \(points.count) vs \(match.count) points" }
                for (p, q) in zip(points, match) where p.timestamp != q.timestamp || !close(p.value, q.value) {
                    return "\(labels): \(p.value)@\(p.timestamp) vs \(q.value)@\(q.timestamp)"
                }
            }
            return nil
        default:
            return "different result kinds: \(a) / \(b)"
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a == b { return true }
        return abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }
}
