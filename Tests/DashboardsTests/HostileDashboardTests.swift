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

    /// Quadratic before (Array.contains per value): minutes, where it now takes well under a second.
    @Test func aRepeatOverAHundredThousandValuesIsFast() {
        let values = (0..<100_000).map { "value-\($0)" }
        let chosen = Variable(name: "v", kind: .custom, current: Array(values.reversed()), options: values, multi: true)
        let clock = ContinuousClock()
        var selected: [String] = []
        let elapsed = clock.measure { selected = RepeatExpansion.selectedValues(of: chosen) }
        #expect(selected == values)
        #expect(elapsed < .seconds(5), "selectedValues took \(elapsed)")

        let panel = Panel(id: 1, type: "stat", title: "$v", gridPos: GridPos(x: 0, y: 0, w: 24, h: 4),
                          targets: [Target(expr: "up{v=\"$v\"}")], repeatVariable: "v", repeatDirection: .vertical)
        let dashboard = Dashboard(uid: "r", title: "R", panels: [panel], variables: [chosen])
        var expanded: Dashboard?
        let expanding = clock.measure { expanded = dashboard.expandingRepeats() }
        #expect(expanded?.panels.count == 100_000)
        #expect(expanded?.panels.last?.gridPos.y == 99_999 * 4)
        #expect(expanding < .seconds(20), "expansion took \(expanding)")
    }
}
