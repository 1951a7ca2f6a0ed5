import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Old-schema panels after migration draw as Grafana draws them (issue 12 item 10).
@Suite struct LegacyPanelTests {
    func stat(_ json: String, value: Double) throws -> StatModel {
        let dashboard = try Dashboard(json: json)
        let panel = try #require(dashboard.panels.first)
        let model = PanelViewModelBuilder().build(panel: panel, data: Fixture.vector([(Labels(), value)]))
        guard case .stat(let stat) = model.content else { throw LegacyError.notStat }
        return stat
    }

    enum LegacyError: Error { case notStat }

    @Test func singlestatValueMapsApply() throws {
        // Prometheus 2.0 Overview's WAL Corruptions: 0 reads "None".
        let json = #"""
        {"schemaVersion": 14, "panels": [{"id": 1, "type": "singlestat", "title": "WAL Corruptions", "format": "none",
          "valueName": "current", "mappingType": 1, "valueMaps": [{"op": "=", "value": "0", "text": "None"}],
          "thresholds": "1,1", "colors": ["green", "orange", "red"], "colorValue": true, "targets": [{"expr": "x"}]}]}
        """#
        let zero = try stat(json, value: 0)
        #expect(zero.values.map(\.display.text) == ["None"])
        #expect(zero.values[0].display.color?.name == "green")
        #expect(try stat(json, value: 3).values.map(\.display.text) == ["3"])
    }

    @Test func gaugeScaleLabelsAreNeverOverwrittenByMarkers() {
        let display = DisplayValue(numeric: 97, formatted: FormattedValue(text: "97"), color: ValueColor(name: "red"), percent: 0.97)
        let model = GaugeModel(
            values: [ReducedValue(name: "disk", display: display)], min: 0, max: 100,
            markers: [ThresholdMarker(value: 2, color: ValueColor(name: "green")), ThresholdMarker(value: 50, color: ValueColor(name: "orange")),
                      ThresholdMarker(value: 99, color: ValueColor(name: "red"))],
            showMarkers: true)
        var buffer = Buffer(width: 22, height: 4)
        GaugeWidget(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
        let scale = buffer.lines[3]
        // Only the marker at 50 has room; those at 2 and 99 would sit on the labels.
        #expect(scale.hasPrefix(" 0") && scale.hasSuffix("100 "))
        #expect(scale.filter { $0 == "▲" }.count == 1)
    }
}
