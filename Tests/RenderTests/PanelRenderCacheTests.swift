import Dashboards
import PromModel
import Testing
@testable import Render

@Suite("Panel render cache")
struct PanelRenderCacheTests {
    private let renderer = DashboardRenderer()
    private let stat = Fixture.panel(1, "stat", "Orders", x: 0, y: 0, w: 6, h: 4)

    private func inputs(title: String = "A", refreshing: Bool = false, width: Int = 10) -> PanelRenderCache.Inputs {
        PanelRenderCache.Inputs(panel: Panel(id: 1, type: "stat", title: title), data: nil, focused: false,
                                refreshing: refreshing, width: width, height: 3)
    }

    /// An instant answer of `value` at `time`.
    private func answer(_ value: Double, at time: Timestamp) -> PanelData {
        PanelData(results: [TargetResult(refId: "A", result: .vector([InstantSample(labels: Labels(["job": "x"]), sample: Sample(time, value))]))],
                  time: time)
    }

    /// Counts full drawings and border-only redraws.
    private final class Counts {
        var models = 0, draws = 0, reborders = 0
    }

    private func drawing(_ cache: PanelRenderCache, _ inputs: PanelRenderCache.Inputs, _ counts: Counts) -> Buffer {
        cache.drawing(panelID: 1, inputs: inputs, model: {
            counts.models += 1
            return PanelViewModelBuilder().build(panel: inputs.panel, data: inputs.data)
        }, draw: { _ in
            counts.draws += 1
            return Buffer(width: inputs.width, height: inputs.height)
        }, reborder: { _, _ in counts.reborders += 1 })
    }

    @Test("draws again only when something it was drawn from changed")
    func redrawsOnChange() {
        let cache = PanelRenderCache(), counts = Counts()
        _ = drawing(cache, inputs(), counts)
        _ = drawing(cache, inputs(), counts)
        #expect(counts.draws == 1 && counts.models == 1)
        _ = drawing(cache, inputs(width: 12), counts)
        #expect(counts.draws == 2)
        _ = drawing(cache, inputs(title: "B", width: 12), counts)
        #expect(counts.draws == 3)
    }

    @Test("a steady refresh (mark on, then off, same data) only redraws the border")
    func refreshMarkRebordersOnly() {
        let cache = PanelRenderCache(), counts = Counts()
        for _ in 0..<3 {
            for refreshing in [true, false] { _ = drawing(cache, inputs(refreshing: refreshing), counts) }
        }
        #expect(counts.draws == 1)
        #expect(counts.models == 1)
        #expect(counts.reborders == 5)
    }

    @Test("an answer whose value stayed while its timestamp moved draws nothing new; a new value does")
    func timestampsAloneAreNoChange() {
        let cache = PanelRenderCache(), counts = Counts()
        func at(_ data: PanelData) -> PanelRenderCache.Inputs {
            PanelRenderCache.Inputs(panel: stat, data: data, focused: false, refreshing: false, width: 20, height: 6)
        }
        _ = drawing(cache, at(answer(42, at: Fixture.end)), counts)
        _ = drawing(cache, at(answer(42, at: Fixture.end + 2_000)), counts)
        _ = drawing(cache, at(answer(42, at: Fixture.end + 4_000)), counts)
        #expect(counts.models == 3)
        #expect(counts.draws == 1)
        _ = drawing(cache, at(answer(43, at: Fixture.end + 6_000)), counts)
        #expect(counts.draws == 2)
    }

    /// The cache's answer for every step of a viewer-like sequence is the drawing made from
    /// scratch: same cells, whichever level answered.
    @Test("every cached drawing has the cells of a fresh one")
    func cachedEqualsFresh() {
        let cache = PanelRenderCache()
        let series = Fixture.panel(2, "timeseries", "Latency", x: 0, y: 0, w: 12, h: 8)
        let sequence: [(Panel, PanelData?, focused: Bool, refreshing: Bool, width: Int)] = [
            (stat, nil, false, false, 24),
            (stat, answer(42, at: Fixture.end), false, false, 24),
            (stat, answer(42, at: Fixture.end), false, true, 24),
            (stat, answer(42, at: Fixture.end + 2_000), false, false, 24),
            (stat, answer(42, at: Fixture.end + 2_000), true, false, 24),
            (stat, answer(42, at: Fixture.end + 4_000), true, true, 24),
            (stat, answer(7, at: Fixture.end + 6_000), false, false, 24),
            (stat, answer(7, at: Fixture.end + 6_000), false, false, 30),
            (stat, PanelData(results: [], time: Fixture.end, staleAge: 120, staleReason: "connection refused"), false, true, 30),
            (series, Fixture.matrix([Fixture.series(Labels(["job": "a"])) { Double($0 % 7) }]), false, false, 40),
            (series, Fixture.matrix([Fixture.series(Labels(["job": "a"])) { Double($0 % 7) }]), true, true, 40),
            (series, Fixture.matrix([Fixture.series(Labels(["job": "a"])) { Double($0 % 5) }]), true, false, 40),
        ]
        for (index, step) in sequence.enumerated() {
            let args = (focused: step.focused, refreshing: step.refreshing, width: step.width, height: 8)
            let cached = renderer.drawing(of: step.0, data: step.1, focused: args.focused, refreshing: args.refreshing,
                                          width: args.width, height: args.height, context: PanelContext(), cache: cache)
            let fresh = renderer.drawing(of: step.0, data: step.1, focused: args.focused, refreshing: args.refreshing,
                                         width: args.width, height: args.height, context: PanelContext(), cache: nil)
            #expect(cached.lines == fresh.lines, "step \(index)")
            let sameStyles = cached == fresh
            #expect(sameStyles, "step \(index): styles")
        }
    }
}
