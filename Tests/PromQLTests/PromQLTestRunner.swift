import Foundation
import PromModel
@testable import PromQL

/// Runs a promqltest script against the embedded engine as Prometheus's test.go does (v3.14.0):
/// an instant eval, then the same query as a range query over `[t-1m, t+1m]` whose middle
/// step must agree; a range eval once. Evaluations the embedded store cannot express (native
/// histograms, start timestamps) are skipped with the reason.
struct PromQLTestRunner {
    enum Outcome {
        case passed
        case skipped(String)
        case failed(String)
    }

    struct Result {
        var line: Int
        var expr: String
        var outcome: Outcome
    }

    /// test.go's reQueryContextFuncs: queries whose value depends on the query's own range.
    static func dependsOnQueryContext(_ expr: String) -> Bool {
        ["start()", "end()", "range()", "step()"].contains { expr.contains($0) }
    }

    static func run(_ script: PromQLTestScript) -> [Result] {
        var store = SeriesStore()
        var unsupported: [(Labels, String)] = []
        var results: [Result] = []
        for command in script.commands {
            switch command {
            case .clear:
                store = SeriesStore()
                unsupported = []
            case .load(let load):
                for series in load.series {
                    if let reason = series.unsupported {
                        unsupported.append((series.labels, reason))
                        continue
                    }
                    for sample in series.samples { store.append(series.labels, sample) }
                }
            case .eval(let evaluation):
                let outcome: Outcome
                if let reason = skipReason(evaluation, unsupported: unsupported) {
                    outcome = .skipped(reason)
                } else {
                    // test.go's NewTestEngine: 5 m lookback, 10 000 samples, 1 m subquery step.
                    let engine = Engine(storage: store, maxSamples: 10_000)
                    outcome = check(evaluation, engine: engine).map(Outcome.failed) ?? .passed
                }
                results.append(Result(line: evaluation.line, expr: evaluation.expr, outcome: outcome))
            }
        }
        return results
    }

    static func skipReason(_ evaluation: PromQLTestScript.Evaluation, unsupported: [(Labels, String)]) -> String? {
        if evaluation.expectsHistogram { return "native histogram result" }
        guard !unsupported.isEmpty, let expr = try? parsePromQL(evaluation.expr) else { return nil }
        for matchers in selectors(in: expr) {
            for (labels, reason) in unsupported where matchers.allSatisfy({ $0.matches(labels[$0.name] ?? "") }) {
                return reason
            }
        }
        return nil
    }

    static func selectors(in expr: Expr) -> [[LabelMatcher]] {
        switch expr {
        case .number, .string: []
        case .vectorSelector(let vs): [vs.matchers]
        case .matrixSelector(let ms): [ms.vectorSelector.matchers]
        case .subquery(let sq): selectors(in: sq.expr)
        case .paren(let p): selectors(in: p.expr)
        case .unary(let u): selectors(in: u.expr)
        case .call(let call): call.args.flatMap(selectors(in:))
        case .aggregate(let a): selectors(in: a.expr) + (a.param.map(selectors(in:)) ?? [])
        case .binary(let b): selectors(in: b.lhs) + selectors(in: b.rhs)
        }
    }

    /// nil when the evaluation passes, else what differed.
    static func check(_ evaluation: PromQLTestScript.Evaluation, engine: Engine) -> String? {
        let response: QueryResponse
        do {
            if evaluation.isRange {
                response = try engine.rangeQuery(
                    evaluation.expr, range: QueryRange(start: evaluation.start, end: evaluation.end, step: evaluation.step))
            } else {
                response = try engine.instantQuery(evaluation.expr, at: evaluation.end)
            }
        } catch {
            return evaluation.fail ? failureMismatch(error.message, evaluation) : "unexpected error: \(error.message)"
        }
        if evaluation.fail { return "expected an error, got \(response.result)" }
        if let mismatch = annotationMismatch(response, evaluation) { return mismatch }
        if let mismatch = compare(response.result, evaluation) { return mismatch }
        guard !evaluation.isRange, !evaluation.excludeFromRangeQuery, !evaluation.ordered,
              !dependsOnQueryContext(evaluation.expr) else { return nil }
        // The same query as a range query: its middle step must give the same result.
        let t = evaluation.end
        let ranged: QueryResponse
        do {
            ranged = try engine.rangeQuery(evaluation.expr, range: QueryRange(start: t - 60_000, end: t + 60_000, step: 60_000))
        } catch {
            return "range mode failed: \(error.message)"
        }
        let vector = ranged.result.series.compactMap { series in
            series.samples.first { $0.timestamp == t }.map { InstantSample(labels: series.labels, sample: $0) }
        }
        let asInstant: QueryResult = if case .scalar = response.result, let first = vector.first {
            .scalar(first.sample)
        } else {
            .vector(vector)
        }
        return compare(asInstant, evaluation).map { "range mode: " + $0 }
    }

    /// test.go's checkAnnotations (not in range mode, as there). The engine's infos travel
    /// in the response's warnings as "info: …", as a server's do once decoded.
    static func annotationMismatch(_ response: QueryResponse, _ evaluation: PromQLTestScript.Evaluation) -> String? {
        let prefix = Annotation.infoPrefix
        let infos = response.warnings.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        let warnings = response.warnings.filter { !$0.hasPrefix(prefix) }
        if evaluation.evalWarn && warnings.isEmpty { return "annotation: expected warnings, got none" }
        if evaluation.evalInfo && infos.isEmpty { return "annotation: expected info annotations, got none" }
        for (kind, expected, actual) in [("warn", evaluation.expectedWarnings, warnings), ("info", evaluation.expectedInfos, infos)] where !expected.isEmpty {
            if actual.isEmpty { return "annotation: expected \(kind) annotations but none were found" }
            for match in expected where !actual.contains(where: match.matches) {
                return "annotation: expected \(kind) annotation \(match), found \(actual)"
            }
            for text in actual where !expected.contains(where: { $0.matches(text) }) {
                return "annotation: unexpected \(kind) annotation \(PromQLString.quote(text))"
            }
        }
        if evaluation.noWarn && !warnings.isEmpty { return "annotation: unexpected warnings \(warnings)" }
        if evaluation.noInfo && !infos.isEmpty { return "annotation: unexpected infos \(infos)" }
        return nil
    }

    static func failureMismatch(_ message: String, _ evaluation: PromQLTestScript.Evaluation) -> String? {
        if let expected = evaluation.failMessage, expected != message {
            return "expected error \(PromQLString.quote(expected)), got \(PromQLString.quote(message))"
        }
        if let pattern = evaluation.failRegex {
            guard let regex = try? Regex(pattern) else { return "invalid regex \(pattern)" }
            if message.firstMatch(of: regex) == nil { return "expected error matching \(pattern), got \(PromQLString.quote(message))" }
        }
        return nil
    }

    /// test.go's compareResult.
    static func compare(_ result: QueryResult, _ evaluation: PromQLTestScript.Evaluation) -> String? {
        switch result {
        case .scalar(let sample):
            guard let expected = evaluation.expectedScalar else { return "expected vector or matrix result, got scalar \(sample.value)" }
            return almostEqual(expected, sample.value) ? nil : "expected scalar \(expected), got \(sample.value)"
        case .string(let value, _):
            return evaluation.expectedString == value ? nil : "expected string \(evaluation.expectedString ?? "nil"), got \(value)"
        case .vector(let vector):
            if evaluation.expectedScalar != nil { return "expected scalar result, got vector" }
            var seen = Set<Labels>()
            for (position, element) in vector.enumerated() {
                guard let index = evaluation.expected.firstIndex(where: { $0.labels == element.labels }) else {
                    return "unexpected metric \(element.labels) in result, has value \(element.sample.value)"
                }
                if evaluation.ordered && index != position {
                    return "expected metric \(element.labels) at position \(index + 1) but was at \(position + 1)"
                }
                let expected = evaluation.expected[index].values.first ?? nil
                guard let expected, almostEqual(expected, element.sample.value) else {
                    return "expected \(evaluation.expected[index].values) for \(element.labels) but got \(element.sample.value)"
                }
                seen.insert(element.labels)
            }
            for expected in evaluation.expected where !seen.contains(expected.labels) {
                return "expected metric \(expected.labels) with \(expected.values) not found"
            }
            return nil
        case .matrix(let matrix):
            if evaluation.ordered { return "expected ordered result, but query returned a matrix" }
            if evaluation.expectedScalar != nil { return "expected scalar result, got matrix" }
            if zip(matrix, matrix.dropFirst()).contains(where: { $1.labels < $0.labels }) { return "matrix is not sorted by labels" }
            var seen = Set<Labels>()
            for series in matrix {
                guard let expected = evaluation.expected.first(where: { $0.labels == series.labels }) else {
                    return "unexpected metric \(series.labels) in result, has \(series.samples.map(\.value))"
                }
                seen.insert(series.labels)
                var points: [Sample] = []
                for (index, value) in expected.values.enumerated() {
                    let t = evaluation.start + Int64(index) * evaluation.step
                    if t > evaluation.end { return "expected \(expected.values.count) points for \(series.labels), the range cannot hold them" }
                    if let value { points.append(Sample(t, value)) }
                }
                let got = series.samples
                guard points.count == got.count,
                      zip(points, got).allSatisfy({ $0.timestamp == $1.timestamp && almostEqual($0.value, $1.value) }) else {
                    return "expected \(points.map { "\($0.value)@\($0.timestamp / 1000)" }) for \(series.labels), got \(got.map { "\($0.value)@\($0.timestamp / 1000)" })"
                }
            }
            for expected in evaluation.expected where !seen.contains(expected.labels) {
                return "expected metric \(expected.labels) not found"
            }
            return nil
        }
    }

    static func almostEqual(_ a: Double, _ b: Double) -> Bool {
        EngineFixtureTests.almostEqual(a, b)
    }
}
