import Testing
@testable import Dashboards

@Suite struct DecoderTests {
    static let legacy = #"""
    {
      "uid": "legacy", "title": "Legacy", "refresh": false, "someFutureField": {"x": 1},
      "rows": "ignored",
      "templating": {"list": [
        {"name": "env", "type": "custom", "query": "prod, staging\\,eu, dev : development", "current": {"text": "prod", "value": "prod"}},
        {"name": "grp", "type": "groupby", "options": [{"text": "a", "value": "a"}]},
        {"type": "query"}
      ]},
      "panels": [
        {"id": 1, "type": "graph", "title": "Old graph", "datasource": "Prometheus",
         "targets": [{"expr": "up"}, {"refId": "A", "expr": "down", "instant": true}],
         "fieldConfig": {"defaults": {"mappings": [{"id": 0, "type": 1, "value": "1", "text": "UP"}],
                                      "thresholds": {"steps": [{"color": "green", "value": null}, {"color": "red", "value": "80"}]}}},
         "legend": {"show": true}},
        {"type": "row", "title": "Closed", "collapsed": true, "gridPos": {"x": 0, "y": 8, "w": 24, "h": 1},
         "panels": [{"id": 7, "type": "piechart", "gridPos": {"x": 0, "y": 9, "w": 12, "h": 8},
                     "options": {"pieType": "donut", "legend": {"displayMode": "table", "placement": "right", "values": ["percent"]}},
                     "targets": [{"refId": "A", "expr": "sum by (x) (y)", "legendFormat": "{{x}}", "format": "table"}]}]},
        {"id": 9, "type": "some-plugin-panel", "gridPos": {"x": 1}},
        "not a panel"
      ]
    }
    """#

    @Test func toleratesLegacyAndUnknownShapes() throws {
        let dashboard = try Dashboard(json: Self.legacy)
        #expect(dashboard.refresh == nil)
        #expect(dashboard.time == TimeRange(from: "now-6h", to: "now"))
        #expect(dashboard.raw["someFutureField"]?["x"] == .number(1))
        // The Angular graph migrates to a time series (MigrationTests has the details).
        #expect(dashboard.panels.map(\.type) == ["timeseries", "row", "some-plugin-panel"])

        let graph = dashboard.panels[0]
        #expect(graph.datasource == DatasourceRef(type: nil, uid: "Prometheus"))
        // Missing gridPos takes Grafana's default; missing refIds get the next free letter.
        #expect(graph.gridPos == GridPos(x: 0, y: 0, w: 6, h: 3))
        #expect(graph.targets.map(\.refId) == ["B", "A"])
        #expect(graph.targets[0].legendFormat == "" && graph.targets[0].range && !graph.targets[0].instant)
        #expect(graph.targets[1].instant && !graph.targets[1].range)
        #expect(graph.fieldConfig.defaults.mappings == [.value(["1": MappingResult(text: "UP")])])
        #expect(graph.fieldConfig.defaults.thresholds?.steps == [ThresholdStep(color: "green", value: nil), ThresholdStep(color: "red", value: 80)])

        let row = dashboard.panels[1]
        // The row without an id gets the next one after the largest (9).
        #expect(row.id == 10 && row.collapsed && row.title == "Closed")
        #expect(dashboard.allPanels.map(\.id) == [1, 7, 9])
        let pie = row.panels[0]
        #expect(pie.options.pieType == "donut")
        #expect(pie.options.legend == LegendOptions(showLegend: true, displayMode: "table", placement: "right", calcs: ["percent"]))
        #expect(pie.targets[0].format == "table" && pie.targets[0].legendFormat == "{{x}}")
        #expect(dashboard.panels[2].gridPos == GridPos(x: 1, y: 0, w: 6, h: 3))
    }

    @Test func decodesVariables() throws {
        let variables = try Dashboard(json: Self.legacy).variables
        #expect(variables.map(\.name) == ["env", "grp"])
        #expect(variables[0].options == ["prod", "staging,eu", "development"])
        #expect(variables[0].current == ["prod"] && !variables[0].multi)
        #expect(variables[1].kind == .custom && variables[1].options == ["a"])
    }

    @Test func decodesTheVariableEditorsObjectForm() throws {
        let json = #"""
            {"uid": "u", "title": "t", "panels": [], "templating": {"list": [
              {"name": "a", "type": "query", "query": {"qryType": 1, "query": "label_values(up, job)", "refId": "PrometheusVariableQueryEditor-VariableQuery"}},
              {"name": "b", "type": "query", "query": {"qryType": 1, "label": "instance", "metric": "node_uname_info"}},
              {"name": "c", "type": "query", "query": {"qryType": 3, "varQuery": "topk(3, up)"}},
              {"name": "d", "type": "query", "query": {"qryType": 2, "metric": "^node_"}}]}}
            """#
        let variables = try Dashboard(json: json).variables
        #expect(variables.map(\.query) == [
            "label_values(up, job)", "label_values(node_uname_info, instance)", "query_result(topk(3, up))", "metrics(^node_)",
        ])
    }

    @Test func decodesSeedPanelOptions() throws {
        let file = try DashboardLoader().loadFile(SeedDashboardTests.directory + "/eventbus-monitoring.json")
        let panels = file.dashboard.allPanels
        let gauge = try #require(panels.first { $0.type == "gauge" })
        #expect(gauge.fieldConfig.defaults.min == 0 && gauge.fieldConfig.defaults.max == 1000)
        #expect(gauge.fieldConfig.defaults.thresholds?.steps.map(\.value) == [nil, 100, 500])
        #expect(gauge.options.reduceOptions == ReduceOptions(calcs: ["lastNotNull"], values: false, fields: ""))
        #expect(gauge.options.showThresholdMarkers == true)
        let bar = try #require(panels.first { $0.type == "bargauge" })
        #expect(bar.options.displayMode == "lcd" && bar.options.orientation == "horizontal")
        let series = try #require(panels.first { $0.type == "timeseries" })
        #expect(series.fieldConfig.defaults.unit == "mps" && series.fieldConfig.defaults.colorMode == "palette-classic")
        #expect(series.options.legend?.calcs == ["mean", "lastNotNull", "max"])
        let job = try #require(file.dashboard.variables.first { $0.name == "job" })
        #expect(job.current == [Variable.allValueMarker] && job.query == "label_values(eventbus_messages_published_total, job)")
        #expect(job.datasource == DatasourceRef(type: "prometheus", uid: "${datasource}"))
    }
}
