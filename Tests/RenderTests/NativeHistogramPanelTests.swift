import Foundation
import Testing
import PromModel
import Dashboards
import PrometheusAPI
import TestSupport
@testable import Render

/// Native histograms from a server, drawn as Grafana draws them: heatmap and histogram
/// panels from a response recorded from a real Prometheus (Tests/Fixtures/NativeHistograms,
/// whose README says how), the other panels with a warning instead of numbers.
@Suite struct NativeHistogramPanelTests {
    let builder = PanelViewModelBuilder()

    static func recorded(_ name: String) throws -> QueryResult {
        let path = repositoryRoot() + "/Tests/Fixtures/NativeHistograms/" + name
        let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
        return try #require(QueryResponseBody.result(bytes))
    }

    static func data(_ result: QueryResult) -> PanelData {
        let times = result.series.flatMap { $0.histograms.map(\.timestamp) }
        let range = QueryRange(start: times.min() ?? 0, end: times.max() ?? 0, step: 1000)
        return PanelData(results: [TargetResult(refId: "A", result: result)], range: range, time: range.end)
    }

    func draw(_ model: PanelViewModel, _ width: Int, _ height: Int, theme: Theme = Theme()) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer
    }

    static func heatmapPanel() -> Panel {
        var options = PanelOptions()
        options.raw = .object([("yAxis", .object([("unit", .string("s"))]))])
        return Fixture.panel(1, "heatmap", "Latency", x: 0, y: 0, w: 12, h: 8, expr: "rate(demo_latency_seconds[3s])", options: options)
    }

    @Test func heatmapOfARecordedRateDrawsEveryBucketOverTime() throws {
        let result = try Self.recorded("prometheus-2.42-query-range-rate.json")
        let series = try #require(result.series.first)
        let model = builder.build(panel: Self.heatmapPanel(), data: Self.data(result))
        guard case .heatmap(let heatmap) = model.content else { Issue.record("not a heatmap: \(model.content)"); return }
        #expect(model.status == .ok && model.warnings.isEmpty)
        // A column per histogram point, a row per distinct bucket (the zero bucket lowest).
        #expect(heatmap.times == series.histograms.map(\.timestamp))
        let distinct = Set(series.histograms.flatMap { $0.histogram.buckets.map(\.upper) })
        #expect(heatmap.buckets.count == distinct.count)
        #expect(heatmap.buckets.first == "0.001 s" || heatmap.buckets.first == "1 ms")
        // Each column's cells hold that point's bucket counts, not cumulated.
        for (column, point) in series.histograms.enumerated() {
            let drawn: Double = heatmap.counts[column].reduce(0, +)
            let served: Double = point.histogram.buckets.map(\.count).reduce(0, +)
            #expect(abs(drawn - served) < 1e-9)
        }
        Golden.check(draw(model, 60, 10), "native-histogram-heatmap-60x10")
        Golden.check(draw(model, 60, 10, theme: PanelKindTests.ascii), "native-histogram-heatmap-ascii-60x10")
    }

    @Test func histogramPanelSumsEachBucketOverTime() throws {
        let result = try Self.recorded("prometheus-2.42-query-range-rate.json")
        let series = try #require(result.series.first)
        let panel = Fixture.panel(2, "histogram", "Latency", x: 0, y: 0, w: 12, h: 6, defaults: FieldDefaults(unit: "s"))
        let model = builder.build(panel: panel, data: Self.data(result))
        guard case .histogram(let histogram) = model.content else { Issue.record("not a histogram: \(model.content)"); return }
        let uppers = Array(Set(series.histograms.flatMap { $0.histogram.buckets.map(\.upper) })).sorted()
        #expect(histogram.buckets.map(\.upper) == uppers)
        for bucket in histogram.buckets {
            let same: [NativeHistogram.Bucket] = series.histograms.flatMap(\.histogram.buckets).filter { $0.upper == bucket.upper }
            let total: Double = same.map(\.count).reduce(0, +)
            #expect(abs(bucket.count - total) < 1e-9)
        }
        Golden.check(draw(model, 40, 8), "native-histogram-histogram-40x8")
    }

    @Test(arguments: ["stat", "timeseries", "table", "gauge"])
    func floatPanelsSayWhatDrawsHistograms(type: String) throws {
        let result = try Self.recorded("prometheus-2.42-query-vector.json")
        let panel = Fixture.panel(3, type, "Raw", x: 0, y: 0, w: 12, h: 6, expr: "demo_latency_seconds")
        let model = builder.build(panel: panel, data: PanelData(results: [TargetResult(refId: "A", result: result)], time: Fixture.end))
        #expect(model.status == .noData)
        #expect(model.warnings == ["A: native histograms are drawn by heatmap and histogram panels; wrap the query in histogram_quantile, histogram_count or histogram_sum"])
    }

    @Test func classicBucketsStillDrawAsBefore() {
        // A float series beside no histograms keeps the classic `le` path.
        let data = Fixture.matrix([Fixture.series(Labels(["le": "0.1"]), { Double($0) }), Fixture.series(Labels(["le": "+Inf"]), { Double($0) * 2 })])
        let model = builder.build(panel: Self.heatmapPanel(), data: data)
        guard case .heatmap(let heatmap) = model.content else { Issue.record("not a heatmap"); return }
        #expect(heatmap.buckets == ["0.1", "+Inf"])
    }
}
