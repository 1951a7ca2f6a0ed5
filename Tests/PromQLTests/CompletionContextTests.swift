import Testing
@testable import PromQL

/// The completion context comes from the lexer's tokens.
@Suite struct CompletionContextTests {
    @Test func namesInAnExpression() {
        #expect(CompletionContext.at("rate(http_req") == CompletionContext(kind: .expression, prefix: "http_req"))
        #expect(CompletionContext.at("") == CompletionContext(kind: .expression, prefix: ""))
        #expect(CompletionContext.at("sum(rate(x[5m])) / ") == CompletionContext(kind: .expression, prefix: ""))
        #expect(CompletionContext.at("su") == CompletionContext(kind: .expression, prefix: "su"))
        #expect(CompletionContext.at("sum") == CompletionContext(kind: .expression, prefix: "sum"), "an aggregator is a word too")
        #expect(CompletionContext.at("up an") == CompletionContext(kind: .expression, prefix: "an"))
        #expect(CompletionContext.at("a:b:c") == CompletionContext(kind: .expression, prefix: "a:b:c"))
    }

    @Test func labelsInsideBraces() {
        #expect(CompletionContext.at("http_requests_total{") == CompletionContext(kind: .labelName(metric: "http_requests_total"), prefix: ""))
        #expect(CompletionContext.at("rate(http_requests_total{ser") == CompletionContext(kind: .labelName(metric: "http_requests_total"), prefix: "ser"))
        #expect(CompletionContext.at("x{job=\"a\", ") == CompletionContext(kind: .labelName(metric: "x"), prefix: ""))
        #expect(CompletionContext.at("{job") == CompletionContext(kind: .labelName(metric: nil), prefix: "job"))
        #expect(CompletionContext.at("x{service=") == CompletionContext(kind: .labelValue(metric: "x", label: "service"), prefix: ""))
        #expect(CompletionContext.at("x{service=~") == CompletionContext(kind: .labelValue(metric: "x", label: "service"), prefix: ""))
        #expect(CompletionContext.at("x{service!=") == CompletionContext(kind: .labelValue(metric: "x", label: "service"), prefix: ""))
        // After the brace closes, an expression again.
        #expect(CompletionContext.at("x{a=\"b\"} + y") == CompletionContext(kind: .expression, prefix: "y"))
    }

    @Test func labelNamesInGroupingLists() {
        // After the aggregated expression: its metric restricts the names.
        #expect(CompletionContext.at("sum(rate(http_requests_total[5m])) by (") == CompletionContext(kind: .labelName(metric: "http_requests_total"), prefix: ""))
        #expect(CompletionContext.at("sum(rate(http_requests_total{job=\"a\"}[5m])) without (st")
            == CompletionContext(kind: .labelName(metric: "http_requests_total"), prefix: "st"))
        #expect(CompletionContext.at("a / on(job, ins") == CompletionContext(kind: .labelName(metric: "a"), prefix: "ins"))
        #expect(CompletionContext.at("a * ignoring(") == CompletionContext(kind: .labelName(metric: "a"), prefix: ""))
        #expect(CompletionContext.at("a * on(job) group_left(") == CompletionContext(kind: .labelName(metric: "a"), prefix: ""))
        // Before it (prefix form): no metric known yet, every label name.
        #expect(CompletionContext.at("sum by (") == CompletionContext(kind: .labelName(metric: nil), prefix: ""))
        // Once the list closes, names of an expression again.
        #expect(CompletionContext.at("sum by (job) (rat") == CompletionContext(kind: .expression, prefix: "rat"))
        #expect(CompletionContext.at("sum(rate(") == CompletionContext(kind: .expression, prefix: ""))
    }

    @Test func nothingInStringsNumbersAndDurations() {
        #expect(CompletionContext.at("x{a=\"b").kind == .none)
        #expect(CompletionContext.at("up > 12").kind == .none)
        #expect(CompletionContext.at("rate(x[5m").kind == .none)
    }

    @Test func promqlsOwnWords() {
        let words = CompletionContext.keywords(startingWith: "histogram_q")
        #expect(words.contains("histogram_quantile") && words.allSatisfy { $0.hasPrefix("histogram_q") })
        #expect(CompletionContext.keywords(startingWith: "su").contains("sum"))
        #expect(CompletionContext.keywords(startingWith: "wi").contains("without"))
        #expect(CompletionContext.keywords(startingWith: "").count > 80)
    }
}
