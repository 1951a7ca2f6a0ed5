import Testing
@testable import Dashboards

/// Lint of `repeat`: it must name a template variable, reported at the value's position.
@Suite struct RepeatLintTests {
    static let job = "{\"name\": \"job\", \"type\": \"custom\", \"query\": \"a,b\"}"

    @Test func unknownRepeatVariableIsAnErrorAtItsValue() {
        let panels = LintRulesTests.panel(1, "\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 8", extra: ", \"repeat\": \"instance\"")
        let found = LintRulesTests.lint(panels, variables: Self.job)
        let at = LintRulesTests.at("\"instance\"", in: panels, variables: Self.job)
        #expect(found == ["d.json:\(at): error: panel 1 repeats for unknown variable \"instance\""])
    }

    @Test func knownRepeatVariableAndRowsAreClean() {
        let panel = LintRulesTests.panel(1, "\"x\": 0, \"y\": 1, \"w\": 8, \"h\": 8",
                                         expr: "sum(up{job=\\\"$job\\\"})", extra: ", \"repeat\": \"job\", \"repeatDirection\": \"v\"")
        let row = "{\"id\": 2, \"type\": \"row\", \"title\": \"$job\", \"repeat\": \"job\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 1}}"
        #expect(LintRulesTests.lint(row + ",\n" + panel, variables: Self.job).isEmpty)
    }

    @Test func rowRepeatingForUnknownVariableAndBadDirection() {
        let row = "{\"id\": 2, \"type\": \"row\", \"title\": \"R\", \"repeat\": \"svc\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 1}}"
        let panel = LintRulesTests.panel(1, "\"x\": 0, \"y\": 1, \"w\": 8, \"h\": 8", extra: ", \"repeat\": \"job\", \"repeatDirection\": \"up\"")
        let panels = row + ",\n" + panel
        let found = LintRulesTests.lint(panels, variables: Self.job)
        #expect(found == [
            "d.json:\(LintRulesTests.at("\"svc\"", in: panels, variables: Self.job)): error: panel 2 \"R\" repeats for unknown variable \"svc\"",
            "d.json:\(LintRulesTests.at("\"up\"", in: panels, variables: Self.job, occurrence: 2)): error: \"repeatDirection\" must be \"h\" or \"v\"",
        ])
    }
}
