import Dashboards
import Foundation
import PromModel
import Simulator
import Terminal
import Testing
import TestSupport
@testable import App

/// The viewer's own first full frame of each demo dashboard, through the text backend with
/// the clock stopped at the goldens' time, is `promdeck snapshot` of the same state: the
/// golden screens the snapshot tests check, so the goldens test the real screen.
@Suite("viewer frame equals snapshot")
struct ViewerGoldenTests {
    static let time = Timestamp(1_767_276_000_000)  // 2026-01-01T14:00:00Z, the goldens' --time
    static let snapshots = URL(fileURLWithPath: repositoryRoot()).appendingPathComponent("Tests/promdeckTests/Snapshots")

    @Test(arguments: ["service-health-overview", "trading-performance", "eventbus-monitoring", "infrastructure-metrics"])
    func firstFrameIsTheSnapshot(name: String) async throws {
        let golden = try String(contentsOf: Self.snapshots.appendingPathComponent("\(name)-160x45.txt"), encoding: .utf8)
        // The golden files end every line with `|` so trailing blanks survive editors.
        let expected = golden.split(separator: "\n").map { Self.trimmed($0.dropLast()) }
        let file = try DashboardLoader().load(repositoryRoot() + "/dashboards").find(name)
        let screen = TextScreen(width: 160, height: 45)
        let datasource = LiveDemoDatasource(platform: DemoPlatform(seed: 1, now: Self.time), clock: { Self.time })
        let state = AppState(dashboards: [file.dashboard], window: .relative(span: 3_600_000, offset: 0), size: TerminalSize(width: 160, height: 45))
        let run = Task { await Viewer.run(backend: screen, datasource: datasource, state: state, clock: { Self.time }) }
        var shown: [String] = []
        for _ in 0..<600 {
            shown = screen.screen.lines.map { Self.trimmed(Substring($0)) }
            if shown == expected { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        screen.send(.key(.char("q")))
        _ = await run.value
        let diff = GoldenText.diff(expected: expected.joined(separator: "\n"), actual: shown.joined(separator: "\n"))
        #expect(shown == expected, "\(name): the viewer's frame differs from the snapshot:\n\(diff)")
    }

    /// Without trailing blanks: plain text output drops them where the screen has cells.
    static func trimmed(_ line: Substring) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return String(line)
    }
}
