import Foundation
import Testing
import TestSupport

/// The screen's chrome through a real terminal (tmux): collapsed rows open and close, and
/// --ascii, NO_COLOR and hostile label text reach every part of the screen, dialogs
/// included. `swift build` must have run first.
@Suite(.serialized, .tags(.alertmanager, .tmux, .endToEnd)) struct ViewerChromeEndToEndTests {
    private func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    private func sgrClick(x: Int, y: Int) -> String { "\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m" }

    @Test func aCollapsedRowOpensAndClosesAndItsPanelsFill() async throws {
        let terminal = try PromdeckTerminal(["demo", "--dashboard", "infrastructure-metrics"], width: 160, height: 45)
        let first = await terminal.waitForText("▸ Operations (2 panels)", timeout: .seconds(30))
        #expect(first.ok, "no collapsed Operations row:\n\(first.screen)")
        #expect(!first.screen.contains("Redis Operations"), "a collapsed row's panels are drawn:\n\(first.screen)")
        let row = try #require(lines(first.screen).firstIndex { $0.contains("▸ Operations") })

        // A click on the row header opens it; its panels are queried and fill.
        try terminal.tmux.type(sgrClick(x: 3, y: row + 1))
        let opened = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { screen in
            screen.contains("▾ Operations") && screen.contains("Redis Operations") && screen.contains("Database Operations")
                && !screen.contains("Loading…")
        }
        #expect(opened.ok, "the clicked row did not open with its panels filled:\n\(opened.screen)")
        #expect(opened.screen.contains("Enter close row"), "\(opened.screen)")

        // Enter on the (now focused) row closes it again, and opens it once more.
        try terminal.tmux.send("Enter")
        let closed = await terminal.tmux.waitForScreen { $0.contains("▸ Operations (2 panels)") && !$0.contains("Redis Operations") }
        #expect(closed.ok, "Enter did not close the row:\n\(closed.screen)")
        try terminal.tmux.send("Enter")
        #expect(await terminal.waitForText("Redis Operations").ok)
        try terminal.tmux.send("?")
        #expect(await terminal.waitForText("open / close the focused row").ok, "the help does not list the row key")
        try terminal.tmux.send("Escape", "q")
        #expect(await terminal.waitForExit()?.status == 0)
    }

    @Test func asciiReachesTheDashboardHelpAlertsAndPickers() async throws {
        let terminal = try PromdeckTerminal(["demo", "--ascii", "--dashboard", "Service Health Overview"], width: 160, height: 45)
        let dashboard = await terminal.waitForText("Service Health Overview", timeout: .seconds(30))
        #expect(dashboard.ok, "\(dashboard.screen)")
        func expectASCII(_ what: String, _ screen: String) {
            let foreign = screen.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(what): non-ASCII \(String(String.UnicodeScalarView(foreign.prefix(10)))) on screen:\n\(screen)")
        }
        let filled = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { !$0.contains("Loading") && $0.contains("every") }
        expectASCII("dashboard", filled.screen)
        for (key, title, close) in [("?", "Keys", "Escape"), ("a", "Alerts", "Escape"), ("t", "Time range", "Escape"), ("v", "Variables", "Escape")] {
            try terminal.tmux.send(key)
            let shown = await terminal.waitForText(" \(title) ")
            #expect(shown.ok, "no \(title) dialog:\n\(shown.screen)")
            expectASCII(title, shown.screen)
            try terminal.tmux.send(close)
            _ = await terminal.tmux.waitForScreen { !$0.contains(" \(title) ") }
        }
        try terminal.tmux.send("q")
        #expect(await terminal.waitForExit()?.status == 0)
    }

    @Test func noColorSendsNoColourAnywhere() async throws {
        let terminal = try PromdeckTerminal(["demo", "--dashboard", "Service Health Overview"], width: 160, height: 45,
                                            environment: ["NO_COLOR": "1"])
        #expect(await terminal.waitForText("Service Health Overview", timeout: .seconds(30)).ok)
        _ = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { !$0.contains("Loading") }
        for key in ["", "?", "a", "t"] {
            if !key.isEmpty { try terminal.tmux.send("Escape", key) }
            try await Task.sleep(for: .milliseconds(300))
            // capture-pane -e writes the cells' attributes back as SGR: no colour may appear.
            let styled = try terminal.tmux.tmux(["capture-pane", "-p", "-e", "-t", terminal.tmux.session]).stdout
            let colours = Self.colourParameters(styled)
            #expect(colours.isEmpty, "after '\(key)': colour SGR \(colours.prefix(5)) with NO_COLOR")
        }
        try terminal.tmux.send("Escape", "q")
        #expect(await terminal.waitForExit()?.status == 0)
    }

    @Test func bidiOverrideInAnAlertLabelIsDrawnInert() async throws {
        let alertmanager = try await AlertmanagerServer(config: """
            route:
              receiver: none
            receivers:
              - name: none
            """)
        defer { alertmanager.stop() }
        try await alertmanager.postAlerts("""
            [{"labels":{"alertname":"Spoof","service":"exe\\u202Ecution","severity":"critical"},"annotations":{"summary":"x\\u202Ey"}}]
            """)
        let terminal = try PromdeckTerminal(
            ["view", "--dashboards", repositoryRoot() + "/dashboards", "--url", "http://127.0.0.1:\(try freePort())", "--alertmanager", alertmanager.baseURL], width: 160, height: 45)
        #expect(await terminal.waitForText("EventBus Monitoring").ok)
        try terminal.tmux.send("a")
        var shown: (ok: Bool, screen: String) = (false, "")
        for _ in 0..<10 where !shown.ok {
            shown = await terminal.tmux.waitForScreen(timeout: .seconds(2)) { $0.contains("Spoof [critical] service=exe<U+202E>cution") }
            if !shown.ok { try terminal.tmux.send("r") }
        }
        #expect(shown.ok, "the label is not shown escaped:\n\(shown.screen)")
        #expect(shown.screen.contains("x<U+202E>y"), "\(shown.screen)")
        #expect(!shown.screen.unicodeScalars.contains("\u{202E}"), "a raw U+202E reached the terminal")
        try terminal.tmux.send("Escape", "q")
        #expect(await terminal.waitForExit()?.status == 0)
    }

    /// SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107; 39/49 reset to default).
    static func colourParameters(_ text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            let body = rest[start.upperBound...]
            guard let end = body.firstIndex(of: "m") else { break }
            let parameters = body[..<end].split(separator: ";").compactMap { Int($0) }
            var index = 0
            while index < parameters.count {
                let code = parameters[index]
                if (30...37).contains(code) || (40...47).contains(code) || (90...97).contains(code) || (100...107).contains(code) {
                    found.append(String(code))
                } else if code == 38 || code == 48 {
                    found.append(String(code))
                    index += parameters.count > index + 1 && parameters[index + 1] == 5 ? 2 : 4
                }
                index += 1
            }
            rest = body[end...]
        }
        return found
    }
}
