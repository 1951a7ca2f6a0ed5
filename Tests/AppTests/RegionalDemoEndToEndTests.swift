import Foundation
import Testing
import TestSupport

/// `promdeck demo --regions 2` in a real terminal: the Regions Overview opens first, every
/// server's health is in the header, the repeat draws one graph per region, the mixed graph
/// a line per region, and the global store both regions' series.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct RegionalDemoEndToEndTests {
    @Test func theRegionsOverviewDrawsEveryRegionAndTheGlobalStore() async throws {
        let terminal = try PromdeckTerminal(["demo", "--regions", "2"], width: 160, height: 50)
        let drawn = await terminal.tmux.waitForScreen(timeout: .seconds(90)) { screen in
            let header = screen.split(separator: "\n").first ?? ""
            return header.contains("Regions Overview") && header.contains("• region-a") && header.contains("• region-b") && header.contains("• global")
                && screen.contains("region-a: requests/s by service") && screen.contains("region-b: requests/s by service")
                && screen.contains("region a") && screen.contains("region b") && !screen.contains("Loading")
        }
        #expect(drawn.ok, "the Regions Overview did not fill in:\n\(drawn.screen)")
        // The mixed graph's legend names both regions' targets; nothing says it is not configured.
        // (the second series is drawn dashed where colours alone would not tell them apart).
        #expect(drawn.screen.contains("━ region-a") && drawn.screen.contains("╍ region-b"), "\(drawn.screen)")
        #expect(!drawn.screen.contains("not configured") && !drawn.screen.contains("✗"), "\(drawn.screen)")
        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
    }
}
