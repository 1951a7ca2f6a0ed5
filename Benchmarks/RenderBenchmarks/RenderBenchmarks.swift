// Rendering costs, each read as a ratio against a floor measured in the same iteration
// (Baselines.swift says what each floor is), and the bytes a steady refresh sends against a
// full repaint of the same frame.
import Benchmark
import BenchmarkSupport
import Dashboards
import Foundation
import PromModel
import Render

/// Query results prepared once per run (the demo's hour of history takes seconds), outside
/// any measurement.
actor Preparation {
    /// One dashboard's data at the fixed time, at the next scrape, and a minute later.
    struct Refresh: Sendable {
        var dashboard: Dashboard
        var before: [Int: PanelData]
        var scrape: [Int: PanelData]
        var minute: [Int: PanelData]
    }

    struct Prepared: Sendable {
        var frames: DemoFrames
        var sixteen: Dashboard
        var sixteenData: [Int: PanelData]
        /// Each real dashboard's data at the fixed time and one scrape (15 s) later.
        var refreshes: [String: Refresh]
    }

    private var prepared: Prepared?

    func value() async throws -> Prepared {
        if let prepared { return prepared }
        let frames = try DemoFrames()
        let sixteen = frames.sixteenPanelDashboard
        let sixteenData = await frames.data(for: sixteen, at: DemoFrames.time)
        // Every dashboard at each time before the store moves on (it only moves forward).
        var at: [Int64: [[Int: PanelData]]] = [:]
        for offset: Int64 in [0, 15_000, 60_000] {
            for entry in frames.dashboards {
                at[offset, default: []].append(await frames.data(for: entry.dashboard, at: DemoFrames.time + offset))
            }
        }
        var refreshes: [String: Refresh] = [:]
        for (index, entry) in frames.dashboards.enumerated() {
            refreshes[entry.name] = Refresh(dashboard: entry.dashboard, before: at[0]?[index] ?? [:],
                                            scrape: at[15_000]?[index] ?? [:], minute: at[60_000]?[index] ?? [:])
        }
        let result = Prepared(frames: frames, sixteen: sixteen, sixteenData: sixteenData, refreshes: refreshes)
        prepared = result
        return result
    }
}

/// 1,000 series over an hour at 15 s, each a differently scaled wave (what `sum by
/// (instance)` over a large fleet gives).
private func thousandSeries() -> [Series] {
    let start = DemoFrames.time - 3_600_000
    return (0..<1000).map { index -> Series in
        let amplitude = Double(index % 97)
        let samples = (0...240).map { step -> Sample in
            let wave: Double = sin(Double(step + index) / 7)
            return Sample(start + Int64(step) * 15_000, 50 + wave * amplitude)
        }
        return Series(labels: Labels(["instance": "host-\(index):9100", "job": "node"]), samples: samples)
    }
}

private func tenThousandRows() -> [InstantSample] {
    (0..<10_000).map { index in
        InstantSample(labels: Labels(["instance": "host-\(index):9100", "job": "job-\(index % 7)", "symbol": "SYM\(index % 50)"]),
                      sample: Sample(DemoFrames.time, Double(index) * 37.5))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(10)
    Benchmark.defaultConfiguration.maxIterations = 50
    let preparation = Preparation()
    let renderer = DashboardRenderer()

    let frame = BaselineComparison(subject: "16-panel frame", baseline: "styled fill of 200x60")
    Benchmark("Frame: 16 real panels at 200x60 (demo data)", configuration: .init(metrics: [.wallClock] + frame.metrics)) { benchmark in
        let prepared = try await preparation.value()
        benchmark.startMeasurement()
        frame.measure(benchmark, baseline: { blackHole(Baselines.styledFill(width: 200, height: 60)) }) {
            blackHole(renderer.render(dashboard: prepared.sixteen, data: prepared.sixteenData, width: 200, height: 60, state: DashboardViewState()))
        }
    }

    let series = thousandSeries()
    let seriesData = PanelData(results: [TargetResult(refId: "A", result: .matrix(series))],
                               range: QueryRange(start: DemoFrames.time - 3_600_000, end: DemoFrames.time, step: 15_000),
                               time: DemoFrames.time)
    let lines = BaselineComparison(subject: "1,000-series panel", baseline: "braille scatter of the same points")
    Benchmark("Time series: 1,000 series × 241 points at 200x50", configuration: .init(metrics: [.wallClock] + lines.metrics)) { benchmark in
        let prepared = try await preparation.value()
        // Service Health's "HTTP Request Rate" panel: reqps, legend with last and max.
        guard let panel = prepared.frames.panel("service-health-overview", titled: "HTTP Request Rate") else { return }
        benchmark.startMeasurement()
        lines.measure(benchmark, baseline: {
            blackHole(Baselines.brailleScatter(series, start: DemoFrames.time - 3_600_000, end: DemoFrames.time, columns: 200, rows: 50))
        }) {
            let model = PanelViewModelBuilder().build(panel: panel, data: seriesData)
            var buffer = Buffer(width: 200, height: 50)
            PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
            blackHole(buffer)
        }
    }

    let rows = tenThousandRows()
    let tableData = PanelData(results: [TargetResult(refId: "A", result: .vector(rows))], time: DemoFrames.time)
    let table = BaselineComparison(subject: "10,000-row table", baseline: "formatting every cell")
    Benchmark("Table: 10,000 rows × 4 columns at 120x40", configuration: .init(metrics: [.wallClock] + table.metrics)) { benchmark in
        let prepared = try await preparation.value()
        // Trading Performance's "Open Positions by Symbol" table, instant.
        guard var panel = prepared.frames.panel("trading-performance", titled: "Open Positions by Symbol") else { return }
        panel.targets = [Target(refId: "A", expr: "x", instant: true, range: false, format: "table")]
        benchmark.startMeasurement()
        table.measure(benchmark, baseline: {
            blackHole(Baselines.formattedCells(rows, labelNames: ["instance", "job", "symbol"], unit: panel.fieldConfig.defaults.unit))
        }) {
            let model = PanelViewModelBuilder().build(panel: panel, data: tableData)
            var buffer = Buffer(width: 120, height: 40)
            PanelBody(model: model).render(into: &buffer, area: buffer.area, theme: Theme())
            blackHole(buffer)
        }
    }

    // Bytes are deterministic: each iteration re-renders the frames and records the counts.
    // Two steady refreshes: the next scrape (15 s), and a minute later, when every range
    // query's step has moved on at least once, so series shift and stats change.
    let scrape = BenchmarkMetric.custom("next scrape, 15 s (bytes)", useScalingFactor: false)
    let minute = BenchmarkMetric.custom("a minute later (bytes)", useScalingFactor: false)
    let full = BenchmarkMetric.custom("full repaint (bytes)", useScalingFactor: false)
    let scrapeShare = BenchmarkMetric.custom("next scrape ÷ full repaint (‰)", useScalingFactor: false)
    let minuteShare = BenchmarkMetric.custom("a minute later ÷ full repaint (%)", useScalingFactor: false)
    for name in ["eventbus-monitoring", "infrastructure-metrics", "service-health-overview", "trading-performance"] {
        Benchmark("Bytes: \(name), steady refresh vs full repaint at 200x60",
                  configuration: .init(metrics: [.wallClock, scrape, minute, full, scrapeShare, minuteShare], maxIterations: 5)) { benchmark in
            let prepared = try await preparation.value()
            guard let refresh = prepared.refreshes[name] else { return }
            benchmark.startMeasurement()
            func frame(_ data: [Int: PanelData]) -> Buffer {
                renderer.render(dashboard: refresh.dashboard, data: data,
                                width: DemoFrames.width, height: DemoFrames.height, state: DashboardViewState()).buffer
            }
            let before = frame(refresh.before)
            let scrapeBytes = TerminalBytes.count(frame(refresh.scrape).diff(from: before))
            let minuteFrame = frame(refresh.minute)
            let minuteBytes = TerminalBytes.count(minuteFrame.diff(from: before))
            let fullBytes = TerminalBytes.count(minuteFrame.diff(from: nil))
            benchmark.stopMeasurement()
            benchmark.measurement(scrape, scrapeBytes)
            benchmark.measurement(minute, minuteBytes)
            benchmark.measurement(full, fullBytes)
            // Per mille for the scrape: a percentage would round it to 0.
            benchmark.measurement(scrapeShare, Int((Double(scrapeBytes) / Double(max(fullBytes, 1)) * 1000).rounded()))
            benchmark.measurement(minuteShare, Int((Double(minuteBytes) / Double(max(fullBytes, 1)) * 100).rounded()))
        }
    }
}
