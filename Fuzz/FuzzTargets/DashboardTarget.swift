import App
import Dashboards
import PromModel
import PromQL
import Render
import Terminal

/// A dashboard file as `lint` and the viewer read it: the JSON parser, the decoder, lint
/// (with the PromQL checker `lint` uses), then the viewer started on it and one frame drawn.
enum DashboardTarget {
    static let path = "fuzz.json"

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let linter = DashboardLinter(expressionChecker: { expr in
            do throws(ParseError) {
                _ = try parsePromQL(expr)
                return nil
            } catch {
                return (error.message, error.positionRange.start)
            }
        })
        let diagnostics = linter.lint(source: bytes, path: path)
        for diagnostic in diagnostics {
            if let position = diagnostic.position {
                try check(position.offset >= 0 && position.offset <= bytes.count && position.line >= 1 && position.column >= 1,
                          "diagnostic outside the file (\(bytes.count) bytes): \(diagnostic)")
            }
        }
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            try check(diagnostics.contains { $0.severity == .error }, "invalid JSON (\(error)) but lint found no error")
            return
        }
        let dashboard = Dashboard(decoding: document.root.value)
        try ViewerHarness(dashboards: [dashboard], size: TerminalSize(width: 100, height: 30)).startAndDraw()
    }
}
