import Foundation
import Testing
import PromModel
import Dashboards
import TestSupport
@testable import Render

/// `snapshot --format json` keeps native histograms: each series' `histograms` holds its
/// points with the histogram in Prometheus's API shape, equal to what the server sent
/// (recorded in Tests/Fixtures/NativeHistograms).
@Suite struct SnapshotNativeHistogramTests {
    static func encoded(_ entry: DashboardSnapshot.PanelEntry) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try #require(try JSONSerialization.jsonObject(with: encoder.encode(entry)) as? [String: Any])
    }

    /// The `histograms` (matrix) or `histogram` (vector) of the fixture's first result, as `[[t, {…}]]`.
    static func served(_ name: String) throws -> [[Any]] {
        let path = repositoryRoot() + "/Tests/Fixtures/NativeHistograms/" + name
        let body = try #require(FileManager.default.contents(atPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let data = try #require(object["data"] as? [String: Any])
        let first = try #require((data["result"] as? [[String: Any]])?.first)
        if let matrix = first["histograms"] as? [[Any]] { return matrix }
        return [try #require(first["histogram"] as? [Any])]
    }

    @Test(arguments: [("heatmap", "prometheus-2.42-query-range-rate.json"), ("timeseries", "prometheus-2.42-query-vector.json")])
    func seriesCarryTheServersHistograms(type: String, fixture: String) throws {
        let result = try NativeHistogramPanelTests.recorded(fixture)
        let panel = Fixture.panel(1, type, "Latency", x: 0, y: 0, w: 12, h: 8, expr: "demo_latency_seconds")
        let model = PanelViewModelBuilder().build(panel: panel, data: NativeHistogramPanelTests.data(result))
        let entry = DashboardSnapshot.entry(model)
        let series = try #require(entry.series.first)
        #expect(series.points.isEmpty)
        let points = try #require(try Self.encoded(entry)["series"] as? [[String: Any]]).first?["histograms"] as? [[String: Any]]
        let served = try Self.served(fixture)
        #expect(points?.count == served.count && !served.isEmpty)
        for (point, sent) in zip(points ?? [], served) {
            let seconds = try #require((sent.first as? NSNumber)?.doubleValue)
            #expect((point["t"] as? NSNumber)?.int64Value == Int64((seconds * 1000).rounded()))
            let drawn = point["histogram"] as? NSDictionary
            #expect(drawn != nil && drawn == sent.last as? NSDictionary)
        }
    }

    @Test func floatSeriesHaveNoHistogramsKey() throws {
        let model = PanelViewModelBuilder().build(panel: Fixture.panel(1, "timeseries", "Up", x: 0, y: 0, w: 12, h: 8, expr: "up"),
                                                  data: Fixture.matrix([Fixture.series(Labels(["job": "a"]), { Double($0) })]))
        let series = try #require(try Self.encoded(DashboardSnapshot.entry(model))["series"] as? [[String: Any]])
        #expect(!series.isEmpty && series.allSatisfy { $0["histograms"] == nil && $0["points"] != nil })
    }
}
