import Foundation
import Testing
import TestSupport

/// `demo --promql-version 2` in a real terminal: the flag reaches the `:` prompt, which
/// rejects 3.x syntax with promtool 2.42's message (`check rules` of `rate(x[5m+1m])`),
/// while the default (3.14) runs it.
@Suite(.serialized, .tags(.tmux, .endToEnd)) struct PromQLVersionEndToEndTests {
    @Test func thePromptOfDemoSpeaksTheFlagsPromQL() async throws {
        for version in ["2", "3"] {
            let terminal = try PromdeckTerminal(["demo", "--promql-version", version], width: 160, height: 45)
            let started = await terminal.tmux.waitForScreen(timeout: .seconds(30)) { $0.contains("Service Health Overview") }
            #expect(started.ok, "\(started.screen)")
            try terminal.tmux.send(":")
            try terminal.tmux.type("rate(x[5m+1m])")
            try terminal.tmux.send("Enter")
            if version == "2" {
                let error = await terminal.waitForText("unexpected <op:+> in subquery or range, expected \":\" or \"]\"")
                #expect(error.ok, "no 2.42 parse error:\n\(error.screen)")
                try terminal.tmux.send("Escape")
            } else {
                // Accepted: the prompt closes and the query runs as the ad-hoc panel.
                let ran = await terminal.tmux.waitForScreen(timeout: .seconds(15)) { !$0.contains(":rate(x[5m+1m])") && $0.contains("rate(x[5m+1m])") }
                #expect(ran.ok, "not run:\n\(ran.screen)")
                try terminal.tmux.send("Escape")
            }
            try terminal.tmux.send("q")
            #expect(await terminal.waitForExit()?.status == 0)
        }
    }
}
