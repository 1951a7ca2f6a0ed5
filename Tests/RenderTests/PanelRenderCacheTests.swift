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
        generational(cache, inputs, counts).drawing
    }

    private func generational(_ cache: PanelRenderCache, _ inputs: PanelRenderCache.Inputs, _ counts: Counts) -> (drawing: Buffer, generation: UInt64) {
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
        let first = generational(cache, at(answer(42, at: Fixture.end)), counts).generation
        let second = generational(cache, at(answer(42, at: Fixture.end + 2_000)), counts).generation
        let third = generational(cache, at(answer(42, at: Fixture.end + 4_000)), counts).generation
        #expect(counts.models == 3)
        #expect(counts.draws == 1)
        // The same cells keep their generation: the frame does not blit them again.
        #expect(first == second && second == third)
        let fourth = generational(cache, at(answer(43, at: Fixture.end + 6_000)), counts).generation
        #expect(counts.draws == 2)
        #expect(fourth != third)
    }

    @Test("a table whose numbers moved while their text stayed draws nothing new; new text does")
    func tableNumbersAloneAreNoChange() {
        let cache = PanelRenderCache(), counts = Counts()
        let uptime = Fixture.panel(3, "table", "Uptime", x: 0, y: 0, w: 24, h: 6, expr: "time() - process_start_time_seconds",
                                   defaults: FieldDefaults(unit: "s"))
        func at(_ seconds: Double, _ time: Timestamp) -> PanelRenderCache.Inputs {
            PanelRenderCache.Inputs(panel: uptime, data: answer(seconds, at: time), focused: false, refreshing: false, width: 60, height: 6)
        }
        // The same timestamp: the table's Time column would show a new one.
        let first = generational(cache, at(25_100, Fixture.end), counts).generation
        let second = generational(cache, at(25_101, Fixture.end), counts).generation
        #expect(counts.models == 2)
        #expect(counts.draws == 1)
        #expect(first == second)
        _ = generational(cache, at(28_800, Fixture.end), counts)
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
                                          width: args.width, height: args.height, context: PanelContext(), cache: cache).drawing
            let fresh = renderer.drawing(of: step.0, data: step.1, focused: args.focused, refreshing: args.refreshing,
                                         width: args.width, height: args.height, context: PanelContext(), cache: nil).drawing
            #expect(cached.lines == fresh.lines, "step \(index)")
            let sameStyles = cached == fresh
            #expect(sameStyles, "step \(index): styles")
        }
    }

    /// Whole frames through one cache, as the viewer draws them, against frames drawn from
    /// scratch: answers arriving one panel at a time, focus moving, a scroll, a zoom and back,
    /// a dialog over the body and gone, a panel whose gridPos overlaps others (the layout
    /// stacks it below them).
    @Test("frames composed from the last one have the cells of frames drawn from scratch")
    func composedFramesEqualFresh() {
        var dashboard = Fixture.dashboard
        dashboard.panels.append(Fixture.panel(50, "stat", "Overlap", x: 2, y: 2, w: 8, h: 4))
        let cache = PanelRenderCache()
        var data: [Int: PanelData] = [:]
        var state = Fixture.state
        var frames: [(data: [Int: PanelData], state: DashboardViewState, height: Int)] = []
        for (id, answer) in Fixture.data.sorted(by: { $0.key < $1.key }) {
            data[id] = answer
            frames.append((data, state, 60))
        }
        data[50] = answer(1, at: Fixture.end)
        frames.append((data, state, 60))
        data[2] = Fixture.matrix([Fixture.series(Labels(), { 0.61 + 0.0001 * Double($0) })])
        frames.append((data, state, 60))
        state.focusedPanelID = 2
        frames.append((data, state, 60))
        state.refreshingPanelIDs = [2, 4]
        frames.append((data, state, 60))
        state.refreshingPanelIDs = []
        state.scroll = 5
        frames.append((data, state, 30))
        data[7] = Fixture.vector([(Labels(["symbol": "漢字テスト", "side": "buy"]), 3)])
        frames.append((data, state, 30))
        state.zoomedPanelID = 7
        frames.append((data, state, 30))
        state.zoomedPanelID = nil
        state.dialog = DialogModel(title: "Help", lines: [DialogModel.Line("q quit")], footer: "Esc close")
        frames.append((data, state, 30))
        state.dialog = nil
        frames.append((data, state, 30))
        state.scroll = 0
        data[50] = answer(2, at: Fixture.end + 2_000)
        frames.append((data, state, 60))
        // The chrome drawn over the last frame: a shorter title, the prompt with its popup
        // over the panels, and back.
        state.header.title = "A much longer title than the dashboard's own"
        frames.append((data, state, 60))
        state.header.title = "Short"
        state.footer = .prompt(PromptLine(text: "rate(x[5m]", popup: [DialogModel.Line("1:11: unclosed left parenthesis", .error)]))
        frames.append((data, state, 60))
        state.footer = .prompt(PromptLine(text: "rate(x[5m])"))
        frames.append((data, state, 60))
        state.footer = Fixture.state.footer
        frames.append((data, state, 60))
        data[5] = answer(3, at: Fixture.end + 4_000)
        frames.append((data, state, 60))
        // Held as the run loop holds the frame on screen: each stays as it was handed out
        // while the next ones are made (the cache reuses the storage of frames let go only).
        var held: [(frame: Buffer, lines: [String])] = []
        for (index, frame) in frames.enumerated() {
            let composed = renderer.render(dashboard: dashboard, data: frame.data, width: 120, height: frame.height, state: frame.state, cache: cache)
            let fresh = renderer.render(dashboard: dashboard, data: frame.data, width: 120, height: frame.height, state: frame.state)
            #expect(composed.buffer.lines == fresh.buffer.lines, "frame \(index)")
            let sameStyles = composed.buffer == fresh.buffer
            #expect(sameStyles, "frame \(index): styles")
            if index % 3 == 0 { held.append((composed.buffer, composed.buffer.lines)) }
        }
        for (index, kept) in held.enumerated() {
            #expect(kept.frame.lines == kept.lines, "held frame \(index) changed after it was handed out")
        }
    }
}
