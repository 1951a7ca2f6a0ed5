import Foundation
import Testing
@testable import Dashboards

/// Dashboards no one would save but anyone can write: they load and expand without a
/// trap or a hang.
@Suite struct HostileDashboardTests {
    static let huge = "9223372036854775807"

    static func panelJSON(_ grid: String) -> String {
        "{\"id\": 1, \"type\": \"stat\", \"title\": \"t\", \"gridPos\": {\(grid)}, \"targets\": [{\"refId\": \"A\", \"expr\": \"up\"}]}"
    }

    @Test func hugeGridPositionsAreClampedOnLoad() throws {
        // Older Grafana wrote numbers as strings, which reach Int.max (a JSON number stops at 2^53).
        let json = "{\"uid\": \"u\", \"title\": \"t\", \"panels\": [\(Self.panelJSON("\"x\": \"\(Self.huge)\", \"y\": \"\(Self.huge)\", \"w\": \"\(Self.huge)\", \"h\": \"-\(Self.huge)\""))]}"
        let dashboard = try Dashboard(json: json)
        #expect(dashboard.panels.first?.gridPos == GridPos(x: 24, y: GridPos.maximumRows, w: 24, h: 0))
    }

    /// Quadratic before (Array.contains per value): minutes at 100,000 values. Checked as a
    /// ratio, not a time: 10× the values may cost at most 40× (linear is ~10×, quadratic
    /// ~100×), each the fastest of three runs so a loaded machine does not decide it.
    @Test func aRepeatOverAHundredThousandValuesScalesLinearly() {
        func variable(_ count: Int) -> Variable {
            let values = (0..<count).map { "value-\($0)" }
            return Variable(name: "v", kind: .custom, current: Array(values.reversed()), options: values, multi: true)
        }
        func dashboard(_ chosen: Variable) -> Dashboard {
            let panel = Panel(id: 1, type: "stat", title: "$v", gridPos: GridPos(x: 0, y: 0, w: 24, h: 4),
                              targets: [Target(expr: "up{v=\"$v\"}")], repeatVariable: "v", repeatDirection: .vertical)
            return Dashboard(uid: "r", title: "R", panels: [panel], variables: [chosen])
        }
        func fastest(_ work: () -> Void) -> Double {
            (0..<3).map { _ in ContinuousClock().measure(work) }.min().map { Double($0.components.attoseconds) / 1e18 + Double($0.components.seconds) } ?? 0
        }
        let small = variable(10_000), large = variable(100_000)
        #expect(RepeatExpansion.selectedValues(of: large) == large.options)
        let expanded = dashboard(large).expandingRepeats()
        #expect(expanded.panels.count == 100_000)
        #expect(expanded.panels.last?.gridPos.y == 99_999 * 4)

        let selecting = fastest { _ = RepeatExpansion.selectedValues(of: large) } / max(fastest { _ = RepeatExpansion.selectedValues(of: small) }, 1e-6)
        #expect(selecting < 40, "selectedValues: 10× the values cost \(selecting)×")
        let smallBoard = dashboard(small), largeBoard = dashboard(large)
        let expanding = fastest { _ = largeBoard.expandingRepeats() } / max(fastest { _ = smallBoard.expandingRepeats() }, 1e-6)
        #expect(expanding < 40, "expandingRepeats: 10× the values cost \(expanding)×")
    }
}
