import Foundation
import Testing
import TestSupport
@testable import Dashboards

/// Each rule of DashboardMigrator on a small dashboard, then two real old-schema
/// dashboards (Fixtures/Migration, see its MANIFEST.md).
@Suite struct MigrationTests {
    static func migrated(_ json: String) throws -> JSONValue {
        DashboardMigrator.migrate(try JSONDocument.parse(json).root.value)
    }

    static func panel(_ value: JSONValue?) throws -> Panel {
        var ids = PanelIDAllocator([])
        return try #require(value.flatMap { Panel(decoding: $0, ids: &ids) })
    }

    @Test func rowHeightsInPixelsBecomeGridUnits() {
        // ceil(px / (30 + 8)), at least 90 px: Grafana's getGridHeight.
        #expect(RowsToGrid.gridHeight(.number(250)) == 7)
        #expect(RowsToGrid.gridHeight(.string("100px")) == 3)
        #expect(RowsToGrid.gridHeight(.string("150px")) == 4)
        #expect(RowsToGrid.gridHeight(.number(30)) == 3)
        #expect(RowsToGrid.gridHeight(nil) == 7)
    }

    @Test func rowsWithoutTitlesFlowIntoTheGridWithoutRowPanels() throws {
        let dashboard = try Dashboard(json: #"""
        {"schemaVersion": 14, "rows": [
          {"height": "100px", "panels": [{"id": 1, "type": "text", "span": 4}, {"id": 2, "type": "text", "span": 8}]},
          {"height": 250, "panels": [{"id": 3, "type": "text", "span": 12}, {"id": 4, "type": "text", "span": 6, "height": "400px"}]}
        ]}
        """#)
        #expect(dashboard.raw["rows"] == nil)
        #expect(dashboard.panels.map(\.id) == [1, 2, 3, 4])
        #expect(dashboard.panels.map(\.gridPos) == [
            GridPos(x: 0, y: 0, w: 8, h: 3), GridPos(x: 8, y: 0, w: 16, h: 3),
            // The second row's full-width panel fills it; the next wraps below, 11 units high.
            GridPos(x: 0, y: 3, w: 24, h: 7), GridPos(x: 0, y: 10, w: 12, h: 11),
        ])
    }

    @Test func titledOrCollapsedRowsBecomeRowPanels() throws {
        let dashboard = try Dashboard(json: #"""
        {"schemaVersion": 14, "rows": [
          {"title": "Open", "showTitle": true, "height": 250, "panels": [{"id": 1, "type": "text"}]},
          {"title": "Closed", "collapse": true, "repeat": "node", "height": 250, "panels": [{"id": 5, "type": "text", "span": 6}]},
          {"title": "After", "height": 250, "panels": [{"id": 2, "type": "text", "span": 12}]}
        ]}
        """#)
        #expect(dashboard.panels.map(\.type) == ["row", "text", "row", "row", "text"])
        // Row ids follow the largest panel id (5).
        #expect(dashboard.panels.filter { $0.type == "row" }.map(\.id) == [6, 7, 8])
        #expect(dashboard.panels.map(\.gridPos.y) == [0, 1, 8, 9, 10])
        let closed = dashboard.panels[2]
        #expect(closed.collapsed && closed.title == "Closed" && closed.repeatVariable == "node")
        #expect(closed.panels.map(\.id) == [5] && closed.panels[0].gridPos == GridPos(x: 0, y: 9, w: 12, h: 7))
        #expect(dashboard.panels[1].gridPos == GridPos(x: 0, y: 1, w: 8, h: 7))
    }

    @Test func singlestatBecomesStatWithMappingsThresholdsAndColourMode() throws {
        let dashboard = try Dashboard(json: #"""
        {"schemaVersion": 14, "panels": [{"id": 1, "type": "singlestat", "title": "WAL Corruptions",
          "format": "none", "decimals": 0, "valueName": "current", "nullText": "n/a",
          "thresholds": "1,5", "colors": ["green", "orange", "red"], "colorBackground": true,
          "sparkline": {"show": true}, "mappingType": 1,
          "valueMaps": [{"op": "=", "value": "0", "text": "None"}, {"op": "=", "value": "null", "text": "N/A"}],
          "targets": [{"expr": "prometheus_tsdb_wal_corruptions_total"}]}]}
        """#)
        let stat = try #require(dashboard.panels.first)
        #expect(stat.type == "stat")
        #expect(stat.options.reduceOptions.calcs == ["lastNotNull"])
        #expect(stat.options.colorMode == "background" && stat.options.graphMode == "area")
        #expect(stat.options.orientation == "horizontal")
        let defaults = stat.fieldConfig.defaults
        #expect(defaults.unit == "none" && defaults.decimals == 0 && defaults.noValue == "n/a")
        #expect(defaults.thresholds == Thresholds(steps: [
            ThresholdStep(color: "green", value: nil), ThresholdStep(color: "orange", value: 1), ThresholdStep(color: "red", value: 5),
        ]))
        // The text "None" is no number, so no threshold colour; "null" is the special match.
        #expect(defaults.mappings == [.value(["0": MappingResult(text: "None")]), .special(match: "null", result: MappingResult(text: "N/A"))])
        #expect(stat.raw["valueMaps"] == nil && stat.raw["colorBackground"] == nil)
    }

    @Test func singlestatWithGaugeBecomesGaugeWithItsRange() throws {
        let value = try Self.migrated(#"""
        {"panels": [{"type": "singlestat", "format": "percent", "gauge": {"show": true, "minValue": 0, "maxValue": 100, "thresholdMarkers": false},
          "valueName": "avg", "mappingType": 2, "rangeMaps": [{"from": "0", "to": "10", "text": "7"}],
          "thresholds": "5,8", "colors": ["green", "yellow", "red"], "postfix": " req"}]}
        """#)
        let panel = try Self.panel(value["panels"]!.array![0])
        #expect(panel.type == "gauge")
        #expect(panel.fieldConfig.defaults.min == 0 && panel.fieldConfig.defaults.max == 100)
        #expect(panel.fieldConfig.defaults.unit == "percent")
        #expect(panel.options.showThresholdMarkers == false && panel.options.reduceOptions.calcs == ["mean"])
        // A numeric text takes the colour of the threshold it falls in (7 → yellow).
        #expect(panel.fieldConfig.defaults.mappings == [.range(from: 0, to: 10, result: MappingResult(text: "7", color: "yellow"))])
    }

    @Test func singlestatPrefixAndPostfixSurviveAsCustomUnits() throws {
        let value = try Self.migrated(#"{"panels": [{"type": "singlestat", "format": "none", "postfix": " req"}, {"type": "singlestat", "prefix": "$"}]}"#)
        let units = value["panels"]!.array!.map { $0["fieldConfig"]?["defaults"]?["unit"]?.string }
        #expect(units == ["suffix:req", "prefix:$"])
    }

    @Test func graphBecomesTimeSeries() throws {
        let value = try Self.migrated(#"""
        {"panels": [{"type": "graph", "datasource": "Prometheus", "lines": true, "fill": 2, "linewidth": 1, "stack": true,
          "nullPointMode": "null", "steppedLine": true,
          "yaxes": [{"format": "bytes", "min": "0", "max": null, "logBase": 10, "show": true, "label": "mem"}, {"format": "percent", "show": true}],
          "legend": {"show": true, "alignAsTable": true, "rightSide": true, "values": true, "avg": true, "current": true, "max": false, "total": true},
          "aliasColors": {"used": "#FF0000"},
          "seriesOverrides": [{"alias": "/cache.*/", "yaxis": 2, "fill": 0, "linewidth": 3}, {"alias": "free", "bars": true}],
          "thresholds": [{"value": 80, "op": "gt", "colorMode": "critical", "fill": true, "line": true}],
          "targets": [{"expr": "x", "datasource": "default"}]}]}
        """#)
        let raw = value["panels"]!.array![0]
        let panel = try Self.panel(raw)
        #expect(panel.type == "timeseries")
        #expect(raw["datasource"] == .object([("uid", .string("Prometheus"))]))
        #expect(raw["targets"]?.array?[0]["datasource"] == nil)
        let defaults = panel.fieldConfig.defaults
        #expect(defaults.unit == "bytes" && defaults.min == 0 && defaults.max == nil)
        let custom = defaults.custom
        #expect(custom["scaleDistribution"] == .object([("type", .string("log")), ("log", .number(10))]))
        #expect(custom["axisLabel"]?.string == "mem" && custom["drawStyle"]?.string == "line")
        #expect(custom["fillOpacity"]?.number == 20 && custom["lineWidth"]?.number == 1 && custom["showPoints"]?.string == "never")
        #expect(custom["spanNulls"]?.bool == true && custom["lineInterpolation"]?.string == "stepAfter")
        #expect(custom["stacking"]?["mode"]?.string == "normal")
        #expect(custom["thresholdsStyle"]?["mode"]?.string == "line+area")
        #expect(defaults.thresholds == Thresholds(steps: [ThresholdStep(color: "transparent", value: nil), ThresholdStep(color: "red", value: 80)]))
        #expect(raw["fieldConfig"]?["defaults"]?["nullValueMode"]?.string == "null")
        #expect(panel.options.legend == LegendOptions(showLegend: true, displayMode: "table", placement: "right", calcs: ["mean", "lastNotNull", "sum"]))
        let overrides = panel.fieldConfig.overrides
        #expect(overrides.map(\.matcherID) == ["byName", "byRegexp", "byName"])
        #expect(overrides[0].properties.map(\.id) == ["color"])
        #expect(overrides[0].properties[0].value["fixedColor"]?.string == "#FF0000")
        // The right axis's differences (its unit), then fill and width.
        #expect(overrides[1].properties.map(\.id) == ["unit", "custom.fillOpacity", "custom.lineWidth"])
        #expect(overrides[1].properties[0].value == .string("percent"))
        #expect(overrides[2].properties.map(\.id) == ["custom.drawStyle", "custom.fillOpacity"])
    }

    @Test func hiddenLegendStaysHidden() throws {
        let value = try Self.migrated(#"{"panels": [{"type": "graph", "legend": {"show": false}}]}"#)
        let panel = try Self.panel(value["panels"]!.array![0])
        #expect(panel.options.legend?.showLegend == false)
    }

    @Test func tableOldBecomesTableWithStylesAsOverrides() throws {
        let value = try Self.migrated(#"""
        {"schemaVersion": 18, "panels": [{"type": "table", "transform": "timeseries_aggregations",
          "columns": [{"text": "Avg", "value": "avg"}, {"text": "Current", "value": "current"}],
          "styles": [
            {"pattern": "/.*/", "unit": "short", "decimals": 2, "thresholds": [], "align": "auto"},
            {"pattern": "Time", "type": "date", "dateFormat": "YYYY-MM-DD"},
            {"pattern": "/^inst/", "alias": "Instance", "colorMode": "cell", "thresholds": ["50", "80"], "colors": ["green", "orange", "red"]},
            {"pattern": "job", "type": "hidden"}
          ]}]}
        """#)
        let raw = value["panels"]!.array![0]
        let panel = try Self.panel(raw)
        #expect(panel.type == "table")
        #expect(panel.fieldConfig.defaults.unit == "short" && panel.fieldConfig.defaults.decimals == 2)
        #expect(raw["transformations"] == .array([.object([("id", .string("reduce")), ("options", .object([
            ("reducers", .array([.string("mean"), .string("lastNotNull")])), ("includeTimeField", .bool(false)),
        ]))])]))
        let overrides = panel.fieldConfig.overrides
        #expect(overrides.map(\.matcherID) == ["byName", "byRegexp", "byName"])
        #expect(overrides[0].properties.map(\.id) == ["unit"] && overrides[0].properties[0].value == .string("time: YYYY-MM-DD"))
        #expect(overrides[1].properties.map(\.id) == ["displayName", "custom.cellOptions", "thresholds"])
        #expect(overrides[1].properties[2].value["steps"]?.array?.map { $0["value"] ?? .null } == [.null, .number(50), .number(80)])
        #expect(overrides[2].properties.map(\.id) == ["custom.hidden"])
    }

    @Test func inputsPlaceholdersBecomeTheDatasourceInUse() throws {
        let value = try Self.migrated(#"""
        {"__inputs": [{"name": "DS_PROMETHEUS", "type": "datasource", "pluginId": "prometheus"}],
         "templating": {"list": [{"name": "job", "type": "query", "datasource": "${DS_PROMETHEUS}"}]},
         "panels": [{"type": "stat", "datasource": {"type": "prometheus", "uid": "${DS_PROMETHEUS}"},
                     "targets": [{"expr": "up", "datasource": "$DS_PROMETHEUS"}]},
                    {"type": "stat", "datasource": {"uid": "${DS_OTHER}"}}]}
        """#)
        let placeholderFree = JSONValue.object([("type", .string("prometheus"))])
        #expect(value["templating"]?["list"]?.array?[0]["datasource"] == placeholderFree)
        let panels = value["panels"]!.array!
        #expect(panels[0]["datasource"] == placeholderFree)
        #expect(panels[0]["targets"]?.array?[0]["datasource"] == placeholderFree)
        // Not an input of this dashboard: left as written.
        #expect(panels[1]["datasource"]?["uid"]?.string == "${DS_OTHER}")
        let dashboard = Dashboard(decoding: value)
        #expect(dashboard.panels[0].datasource == DatasourceRef(type: "prometheus", uid: nil))
    }

    @Test func currentSchemaComesBackUnchanged() throws {
        for name in ["service-health-overview", "trading-performance", "eventbus-monitoring", "infrastructure-metrics"] {
            let document = try JSONDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: SeedDashboardTests.directory + "/\(name).json"))))
            #expect(DashboardMigrator.migrate(document.root.value) == document.root.value, "\(name)")
        }
    }

    @Test func realOldSchemaDashboardsMigrate() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Migration").path
        let host = try DashboardLoader().loadFile(directory + "/dockprom-docker-host.json").dashboard
        #expect(host.panels.count == 15 && !host.panels.contains { $0.type == "row" })
        #expect(Set(host.panels.map(\.type)) == ["stat", "timeseries"])
        // Six singlestats of span 2 in a 100px row, three graphs of span 4 in a 150px row, then 250px rows.
        #expect(host.panels.prefix(6).map(\.gridPos) == (0..<6).map { GridPos(x: $0 * 4, y: 0, w: 4, h: 3) })
        #expect(host.panels[6...8].map(\.gridPos) == (0..<3).map { GridPos(x: $0 * 8, y: 3, w: 8, h: 4) })
        #expect(host.panels[9...].map(\.gridPos.y) == [7, 14, 21, 28, 35, 35])

        let services = try DashboardLoader().loadFile(directory + "/dockprom-monitor-services.json").dashboard
        let uptime = try #require(services.panels.first { $0.title == "Prometheus Uptime" })
        #expect(uptime.type == "stat" && uptime.fieldConfig.defaults.unit == "s" && uptime.fieldConfig.defaults.decimals == 1)
        #expect(uptime.options.reduceOptions.calcs == ["mean"] && uptime.options.colorMode == "none" && uptime.options.graphMode == "none")
        #expect(uptime.fieldConfig.defaults.mappings == [.special(match: "null", result: MappingResult(text: "N/A"))])
        let cpu = try #require(services.panels.first { $0.title == "Container CPU Usage" })
        #expect(cpu.type == "timeseries" && cpu.fieldConfig.defaults.unit == "percent")
        #expect(cpu.options.legend == LegendOptions(showLegend: true, displayMode: "table", placement: "right", calcs: ["mean", "max", "min"]))
        // Two full-width graphs in one 250px row: the second wraps below the first.
        let memory = try #require(services.panels.first { $0.title == "Container Memory Usage" })
        #expect(cpu.gridPos == GridPos(x: 0, y: 3, w: 24, h: 7) && memory.gridPos == GridPos(x: 0, y: 10, w: 24, h: 7))
        let urgency = try #require(services.panels.first { $0.title == "Persistence Urgency" })
        #expect(urgency.fieldConfig.overrides.map(\.matcherID) == ["byName"])
        #expect(Set(services.allPanels.map(\.type)) == ["stat", "timeseries"])
    }

}
