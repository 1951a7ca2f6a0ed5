import App
import ArgumentParser
import Bundled
import Foundation

@main
struct Promdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promdeck",
        abstract: "A terminal Grafana for Prometheus.",
        discussion: """
            Opens Grafana dashboard JSON, runs the panels' PromQL against a Prometheus-compatible \
            HTTP API and draws the panels in the terminal. `demo` needs no server: a simulated \
            trading platform feeds a built-in store and PromQL engine.

            Examples:
              promdeck demo
              promdeck view --url http://localhost:9090 --dashboards ./dashboards
              promdeck view --datasource prod --dashboard 'Service Health Overview'
              promdeck snapshot --dashboard trading-performance --demo --width 100
              promdeck query 'sum by (job) (up)' --url http://localhost:9090
              promdeck lint ./dashboards --strict
              promdeck simulate --api 127.0.0.1:9090

            In the viewer, ? lists the keys and q quits (see `promdeck help view`).
            """,
        version: Bundled.version,
        subcommands: [View.self, Demo.self, Snapshot.self, Query.self, Lint.self, Datasources.self, Simulate.self]
    )
}

/// The viewer's keys, from the key map the `?` overlay shows, for `view` and `demo` help and
/// the man page; the arrow glyphs are spelt out, as the man page generator drops non-ASCII.
enum ViewerKeys {
    static let text: String = {
        let keys = KeyMap.help.map { (ascii($0.keys), ascii($0.action)) }
        let width = keys.map(\.0.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        return "Keys:\n" + keys.map { keys, action in
            let lines = wrapped(action, width: max(20, helpColumns - indent.count))
            return "  " + keys.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + lines.joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }()

    /// The help is read at 80 columns; an action that would not fit continues under itself
    /// (wrapped here, as ArgumentParser would wrap it back to the left margin).
    static let helpColumns = 79

    /// Arrows and signs spelt out, longest runs first.
    static func ascii(_ text: String) -> String {
        // Most keys and actions are ASCII already; Foundation's replace is slow enough to be
        // felt at every start (this help is built whenever `view`'s arguments are parsed).
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return [("←↓↑→", "arrows"), ("↑↓", "Up Down"), ("←→", "Left Right"), ("←", "Left"), ("→", "Right"),
                ("↑", "Up"), ("↓", "Down"), ("×", "x")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}
