import Dashboards
import Testing
@testable import Render

@Suite("Panel render cache")
struct PanelRenderCacheTests {
    private func inputs(title: String = "A", refreshing: Bool = false, width: Int = 10) -> PanelRenderCache.Inputs {
        PanelRenderCache.Inputs(panel: Panel(id: 1, type: "stat", title: title), data: nil, focused: false,
                                refreshing: refreshing, width: width, height: 3)
    }

    @Test("draws again only when something it was drawn from changed")
    func redrawsOnChange() {
        let cache = PanelRenderCache()
        var draws = 0
        func draw(_ inputs: PanelRenderCache.Inputs) -> Buffer {
            cache.drawing(panelID: 1, inputs: inputs) {
                draws += 1
                return Buffer(width: inputs.width, height: inputs.height)
            }
        }
        _ = draw(inputs())
        _ = draw(inputs())
        #expect(draws == 1)
        _ = draw(inputs(width: 12))
        #expect(draws == 2)
        _ = draw(inputs(title: "B", width: 12))
        #expect(draws == 3)
    }

    @Test("a steady refresh (mark on, then off, same data) draws nothing the second time round")
    func refreshMarkKeepsBothDrawings() {
        let cache = PanelRenderCache()
        var draws = 0
        for _ in 0..<3 {
            for refreshing in [true, false] {
                _ = cache.drawing(panelID: 1, inputs: inputs(refreshing: refreshing)) {
                    draws += 1
                    return Buffer(width: 10, height: 3)
                }
            }
        }
        #expect(draws == 2)
    }
}
