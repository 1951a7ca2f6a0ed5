import Foundation
import PromModel
import Testing
import TestSupport
@testable import PromQL

/// Runs the Prometheus-style engine fixtures (ported from prometheus v2.42.0
/// promql/testdata) against the embedded engine, the way Prometheus's test.go does: each
/// `eval` as an instant query, and again as a one-step range query that must agree.
@Suite("Engine fixtures")
struct EngineFixtureTests {
    static let fixtureDirectory = repositoryRoot() + "/Tests/PromQLTests/Fixtures"

    static let files = [
        "aggregators.test", "at_modifier.test", "collision.test", "functions.test", "histograms.test",
        "literals.test", "operators.test", "selectors.test", "staleness.test", "subquery.test",
        "trig_functions.test", "engine_extra.test", "promql3_syntax.test",
    ]

    @Test("fixture", arguments: files)
    func fixture(_ file: String) throws {
        let text = try String(contentsOfFile: Self.fixtureDirectory + "/" + file, encoding: .utf8)
        let script = try FixtureScript(text)
        var store = SeriesStore()
        var evaluations = 0
        var failures: [String] = []
        for command in script.commands {
            switch command {
            case .clear:
                store = SeriesStore()
            case .load(_, let series, _):
                // A series defined twice in one load keeps its last definition, as in test.go.
                var definitions: [Labels: [Sample]] = [:]
                for (labels, samples) in series { definitions[labels] = samples }
                for (labels, samples) in definitions {
                    for sample in samples { store.append(labels, sample) }
                }
            case .eval(let evaluation):
                evaluations += 1
                var engine = Engine(storage: store)
                // The files ported from 2.42 speak 2.42's PromQL (holt_winters and all).
                if file != "promql3_syntax.test" { engine.promQLVersion = .v2 }
                if let failure = Self.check(evaluation, engine: engine) {
                    failures.append("\(file):\(evaluation.line): \(evaluation.expr): \(failure)")
                }
            }
        }
        #expect(evaluations > 0)
        #expect(failures.isEmpty, "\(failures.count) of \(evaluations) evaluations failed:\n\(failures.joined(separator: "\n"))")
    }

    static func check(_ evaluation: FixtureScript.Evaluation, engine: Engine) -> String? {
        let response: QueryResponse
        do {
            response = try engine.instantQuery(evaluation.expr, at: evaluation.time)
        } catch {
            return evaluation.mode == .fail ? nil : "unexpected error: \(error.message)"
        }
        if evaluation.mode == .fail { return "expected an error, got \(response.result)" }
        if let mismatch = compare(response.result, evaluation) { return mismatch }
        // Prometheus's test runner also checks the same query as a one-step range query.
        if case .matrix = response.result { return nil }
        do {
            let range = try engine.rangeQuery(evaluation.expr, range: QueryRange(start: evaluation.time, end: evaluation.time, step: 1000))
            let instant = response.result.series.map { ($0.labels, $0.samples.first?.value ?? .nan) }
            let ranged = range.result.series.map { ($0.labels, $0.samples.first?.value ?? .nan) }
            guard instant.count == ranged.count else { return "range query returned \(ranged.count) series, instant \(instant.count)" }
            for (labels, value) in instant {
                guard let other = ranged.first(where: { $0.0 == labels }), almostEqual(value, other.1) else {
                    return "range query disagrees for \(labels)"
                }
            }
        } catch {
            return "range query failed: \(error.message)"
        }
        return nil
    }

    static func compare(_ result: QueryResult, _ evaluation: FixtureScript.Evaluation) -> String? {
        switch result {
        case .scalar(let sample):
            guard evaluation.expected.count == 1, evaluation.expected[0].labels == nil else {
                return "got scalar \(sample.value), expected \(evaluation.expected.count) elements"
            }
            return almostEqual(evaluation.expected[0].value, sample.value) ? nil : "expected scalar \(evaluation.expected[0].value), got \(sample.value)"
        case .vector(let vector):
            var seen = Set<Labels>()
            for (position, element) in vector.enumerated() {
                guard let index = evaluation.expected.firstIndex(where: { $0.labels == element.labels }) else {
                    return "unexpected metric \(element.labels) = \(element.sample.value) in result"
                }
                if evaluation.mode == .ordered && index != position {
                    return "expected \(element.labels) at position \(index + 1) but was at \(position + 1)"
                }
                let expected = evaluation.expected[index].value
                if !almostEqual(expected, element.sample.value) {
                    return "expected \(expected) for \(element.labels) but got \(element.sample.value)"
                }
                seen.insert(element.labels)
            }
            for expected in evaluation.expected where !seen.contains(expected.labels ?? Labels()) {
                return "expected metric \(expected.labels.map(\.description) ?? "scalar") with \(expected.value) not found"
            }
            return nil
        case .matrix:
            return "received range result on instant evaluation"
        case .string(let value, _):
            return "unexpected string \(value)"
        }
    }

    /// Prometheus's test.go almostEqual.
    static func almostEqual(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let epsilon = 0.000001
        let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)
        let diff = abs(a - b)
        if a == 0 || b == 0 || diff < minNormal { return diff < epsilon * minNormal }
        return diff / (abs(a) + abs(b)) < epsilon
    }
}
