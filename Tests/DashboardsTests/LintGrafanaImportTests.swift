import Testing
@testable import Dashboards

/// What Grafana imports unchanged raises no lint error (issue 12): exported `__inputs`,
/// label_replace's `$1`, targets of other datasources, the old `rows[]` schema, a string
/// override colour. Real errors in the same files keep their file:line:col.
@Suite struct LintGrafanaImportTests {
    /// Every expression parses, except those containing "BROKEN".
    static let checker: ExpressionChecker = { expr in
        expr.utf8.firstRange(of: "BROKEN".utf8).map { ("unexpected identifier", expr.utf8.distance(from: expr.utf8.startIndex, to: $0.lowerBound)) }
    }

    static func lint(_ text: String) -> [String] {
        DashboardLinter(expressionChecker: checker).lint(source: text, path: "d.json").map(\.description)
    }

    @Test func exportedInputsAndLabelReplaceGroupsAreNotVariables() {
        let text = """
            {"__inputs": [{"name": "DS_PROMETHEUS", "type": "datasource", "pluginId": "prometheus"}],
             "uid": "u", "title": "t", "panels": [
              {"id": 1, "type": "timeseries", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
               "datasource": {"type": "prometheus", "uid": "${DS_PROMETHEUS}"},
               "targets": [{"refId": "A", "expr": "label_replace(up, \\"host\\", \\"$1\\", \\"instance\\", \\"(.*):.*\\") or label_replace(up, \\"h\\", \\"${1}\\", \\"i\\", \\"(.*)\\")"}]}]}
            """
        #expect(Self.lint(text) == [])
    }

    @Test func otherDatasourcesAreANoteNotPromQL() {
        let text = """
            {"uid": "u", "title": "t", "panels": [
              {"id": 1, "type": "table", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
               "datasource": {"type": "loki", "uid": "logs"},
               "targets": [{"refId": "A", "expr": "{app=\\"x\\"} |= \\"BROKEN\\""}]},
              {"id": 2, "type": "table", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
               "targets": [{"refId": "A", "datasource": {"type": "elasticsearch"}, "query": "status:500"},
                           {"refId": "B", "datasource": {"type": "prometheus"}, "expr": "up + BROKEN"}]}]}
            """
        #expect(Self.lint(text) == [
            "d.json:4:16: note: target A of panel 1 uses a \"loki\" datasource: not PromQL, not drawn by promdeck",
            "d.json:6:16: note: target A of panel 2 uses a \"elasticsearch\" datasource: not PromQL, not drawn by promdeck",
            "d.json:7:83: error: invalid PromQL: unexpected identifier",
        ])
    }

    @Test func oldRowsSchemaAndOldPanelTypesLintWithoutGridPos() {
        let text = """
            {"title": "old", "schemaVersion": 14, "rows": [
              {"title": "r", "panels": [
                {"id": 1, "type": "graph", "span": 6, "targets": [{"refId": "A", "expr": "up"}]},
                {"id": 2, "type": "singlestat", "span": 6, "targets": [{"refId": "A", "expr": "BROKEN"}],
                 "fieldConfig": {"defaults": {}, "overrides": [{"matcher": {"id": "byName", "options": "x"}, "properties": [{"id": "color", "value": "#56A64B"}]}]}},
                {"id": 3, "type": "table-old", "span": 12, "targets": [{"refId": "A", "expr": "up"}]}]}]}
            """
        #expect(Self.lint(text) == [
            "d.json:1:1: warning: dashboard has no \"uid\" (Grafana assigns one on import; promdeck finds it by file name or title)",
            "d.json:4:84: error: invalid PromQL: unexpected identifier",
            "d.json:5:138: warning: override property \"color\" is a string; Grafana ignores it (it expects {\"mode\": \"fixed\", \"fixedColor\": …})",
        ])
    }
}
