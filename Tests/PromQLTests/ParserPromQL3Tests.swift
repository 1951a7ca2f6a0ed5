import PromModel
import Testing

@testable import PromQL

/// Prometheus 3.x syntax beyond the upstream table: the examples of issue 13, the printer's
/// round trip of the new forms, 2.42 rejecting them, and the nesting guard of issue 15.
@Suite("PromQL 3.x syntax")
struct ParserPromQL3Tests {
    static let issueExamples = [
        #"{"http.server.duration"}"#, #"sum by ("service.name") (x)"#, "rate(x[5m+1m])", "x[2 * 5m]",
        "x offset (1h / 2)", "x[step()]", "x[1m:step()]", "x[300]", "time() - 1h", "1_000_000",
        "first_over_time(x[5m])", "histogram_avg(x)", "x[max_of(step(), 1m)]", "x[5m] smoothed",
        "x + fill_left(1) fill_right(2) y", "limitk(2, x)", "x </ 5", #"{"a.b"="c", job="j"}"#,
    ]

    @Test("issue 13's examples parse in 3.x, not in 2.42, and print back to the same AST", arguments: issueExamples)
    func example(_ input: String) throws {
        let expr = try parsePromQL(input)
        let printed = expr.description
        #expect(try parsePromQL(printed).structure == expr.structure, "printed \(printed)")
        #expect(throws: ParseError.self) { try parsePromQL(input, version: .v2) }
    }

    @Test("duration expressions keep their form until evaluation")
    func durationForms() throws {
        guard case .matrixSelector(let ms) = try parsePromQL("x[5m + step()]") else { Issue.record("not a range"); return }
        #expect(ms.rangeExpr != nil)
        #expect(try ms.rangeExpr?.milliseconds(step: 15, range: 0, allowNegative: false) == 315_000)
        guard case .matrixSelector(let literal) = try parsePromQL("x[150]") else { Issue.record("not a range"); return }
        #expect(literal.range == 150_000 && literal.rangeExpr == nil)
        guard case .vectorSelector(let vs) = try parsePromQL("x offset -(1h / 2)") else { Issue.record("not a selector"); return }
        #expect(try vs.offsetExpr?.milliseconds(step: 0, range: 0, allowNegative: true) == -1_800_000)
        #expect(try parsePromQL("x[1m:step()]").description == "x[1m:step()]")
        #expect(try parsePromQL("1_000_000").description == "1e+06")
    }

    @Test("step() and range() follow the query in a range query")
    func stepInRangeQuery() throws {
        let store = SeriesStore()
        for t in stride(from: Int64(0), through: 600_000, by: 15_000) {
            _ = store.append(Labels(name: "c"), Sample(t, Double(t / 1000)))
        }
        let engine = Engine(storage: store)
        let range = QueryRange(start: 300_000, end: 600_000, step: 60_000)
        let viaStep = try engine.rangeQuery("count_over_time(c[step() * 2 - 1s])", range: range)
        let literal = try engine.rangeQuery("count_over_time(c[119s])", range: range)
        #expect(viaStep.result == literal.result)
        let scalar = try engine.rangeQuery("range() + step()", range: range)
        #expect(scalar.result.series.first?.samples.first?.value == 360)
    }

    @Test("deep nesting is a parse error with a position, not a stack overflow (issue 15)")
    func nestingGuard() {
        let n = 100_000
        let inputs = [
            String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "-", count: n) + "1",
            String(repeating: "abs(", count: n) + "x" + String(repeating: ")", count: n),
            "x" + String(repeating: "[1m:]", count: 1000),
            Array(repeating: "x", count: 20_000).joined(separator: " + "),
            "x[" + String(repeating: "(", count: n) + "1m" + String(repeating: ")", count: n) + "]",
            String(repeating: "{", count: 10) + String(repeating: "sum(", count: n),
        ]
        for input in inputs {
            #expect(throws: ParseError.self) { try parsePromQL(input) }
            if let error = ParseCorpus.outcome(input) {
                #expect(error.contains("parse error"), "\(error.prefix(200))")
            }
        }
        let message = ParseCorpus.outcome(String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n))
        #expect(message == "1:257: parse error: expression nests too deeply (more than 256 levels)")
        // Just inside the limit, the whole pipeline (check, print, evaluate) copes.
        let deep = String(repeating: "-(", count: 120) + "1" + String(repeating: ")", count: 120)
        #expect(throws: Never.self) {
            let expr = try parsePromQL(deep)
            _ = expr.description
            _ = try Engine(storage: SeriesStore()).instantQuery(expr, at: 0)
        }
    }
}
