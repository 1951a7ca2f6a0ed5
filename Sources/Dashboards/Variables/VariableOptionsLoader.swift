import Foundation
import PromModel

/// Runs a variable's (already interpolated) query against the datasource and turns the
/// answer into option texts the way Grafana's Prometheus datasource does.
public enum VariableOptionsLoader {
    public static func load(_ query: VariableQuery, start: Timestamp, end: Timestamp, from datasource: any Datasource) async -> Result<[String], QueryError> {
        do throws(QueryError) {
            switch query {
            case .labelValues(let selector, let label):
                return .success(try await datasource.labelValues(label, matching: selector.map { [$0] } ?? [], start: start, end: end))
            case .labelNames(let selector):
                return .success(try await datasource.labelNames(matching: selector.map { [$0] } ?? [], start: start, end: end))
            case .metrics(let regex):
                let names = try await datasource.labelValues("__name__", matching: [], start: start, end: end)
                return .success(filter(names, regex: regex))
            case .queryResult(let expr):
                return .success(texts(of: try await datasource.query(expr, at: end).result))
            case .expression(let expr):
                // A bare selector lists the series it matches.
                let series = try await datasource.series(matching: [expr], start: start, end: end)
                return .success(series.map { seriesText($0) })
            }
        } catch {
            return .failure(error)
        }
    }

    /// `metrics(regex)`: Grafana matches the regex anywhere in the name.
    static func filter(_ names: [String], regex: String) -> [String] {
        guard !regex.isEmpty, let expression = try? NSRegularExpression(pattern: regex) else { return names }
        return names.filter { expression.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    /// `query_result(expr)`: `name{label="value",…} value timestamp_ms` per series, as
    /// Grafana writes them (variables then cut values out with their regex).
    static func texts(of result: QueryResult) -> [String] {
        switch result {
        case .vector(let samples):
            return samples.map { "\(seriesText($0.labels)) \(GoFloatFormat.short($0.sample.value)) \($0.sample.timestamp)" }
        case .matrix(let series):
            return series.compactMap { series in
                series.samples.last.map { "\(seriesText(series.labels)) \(GoFloatFormat.short($0.value)) \($0.timestamp)" }
            }
        case .scalar(let sample):
            return [GoFloatFormat.short(sample.value)]
        case .string(let text, _):
            return [text]
        }
    }

    static func seriesText(_ labels: Labels) -> String {
        let name = labels["__name__"] ?? ""
        let pairs = labels.filter { $0.name != "__name__" }.map { "\($0.name)=\"\($0.value)\"" }
        return "\(name){\(pairs.joined(separator: ","))}"
    }
}
