import App
import ArgumentParser
import Dashboards
import Foundation
import PrometheusAPI
import PromModel
import Render
import Terminal

/// Options shared by `view` and `demo`.
struct ViewerOptions: ParsableArguments {
    @Option(help: "Dashboard to open first: file name, uid or title (any case).")
    var dashboard: String?

    @Option(help: "Start of the time range: now-1h, epoch seconds or RFC 3339. Default: the dashboard's saved time.")
    var from: String?

    @Option(help: "End of the time range. Default: the dashboard's saved time.")
    var to: String?

    @Option(help: "Refresh interval (5s, 1m; 'off' to disable). Default: the dashboard's own.")
    var refresh: String?

    @Option(name: .customLong("var"), help: "Set a template variable, name=value (repeat for several values).")
    var variables: [String] = []

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "ASCII only: no braille, block or box-drawing characters.")
    var ascii = false

    @Flag(help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Option(help: "Directory where `e` writes CSV exports.")
    var exportDir: String = "."

    @Option(help: ArgumentHelp(
        "Append a JSON line per refresh to this file: its query count, slowest query and wall time to the frame.",
        valueName: "file"))
    var traceRefreshes: String?

    func parsedVariables() throws -> [String: [String]] {
        try Self.parseVariables(variables)
    }

    /// `--var name=value` assignments (`view`, `demo`, `snapshot`): a name given several
    /// times takes several values.
    static func parseVariables(_ variables: [String]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for assignment in variables {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ValidationError("--var expects name=value, got '\(assignment)'")
            }
            out[String(assignment[..<equals]), default: []].append(String(assignment[assignment.index(after: equals)...]))
        }
        return out
    }

    /// The flags win; what they leave out comes from the dashboard's saved `time`, as
    /// Grafana opens a dashboard. A saved range promdeck cannot read (`now/d`) falls back to
    /// the last hour rather than refusing a dashboard Grafana opens.
    static func window(from: String?, to: String?, saved: TimeRange?, now: Timestamp) throws(TimeWindowError) -> TimeWindow {
        if from != nil || to != nil || saved == nil {
            return try TimeWindow(from: from ?? "now-1h", to: to ?? "now", now: now)
        }
        let range = saved ?? TimeRange()
        if let window = try? TimeWindow(from: range.from, to: range.to, now: now) { return window }
        return try TimeWindow(from: "now-1h", to: "now", now: now)
    }

    func refreshMilliseconds() throws -> Int64? {
        guard let refresh else { return nil }
        if ["off", "0", "never"].contains(refresh.lowercased()) { return 0 }
        guard let ms = PrometheusDuration.milliseconds(refresh), ms >= 1000 else {
            throw ValidationError("--refresh expects a duration of at least 1s (5s, 1m) or 'off', got '\(refresh)'")
        }
        return ms
    }

    /// Builds the state, takes over the terminal, runs the viewer, and gives the terminal back.
    func run(command: String, dashboards candidates: [DashboardLookup.Candidate], datasource: any Datasource, alertmanager: (any AlertmanagerSource)? = nil) async throws {
        let now = Viewer.wallClock()
        let dashboards = candidates.map(\.dashboard)
        var index = 0
        if let dashboard {
            do {
                index = try DashboardLookup(candidates).index(of: dashboard)
            } catch {
                throw ValidationError(error.description)
            }
        }
        let window: TimeWindow
        do {
            window = try Self.window(from: from, to: to, saved: dashboards.indices.contains(index) ? dashboards[index].time : nil, now: now)
        } catch {
            throw ValidationError(error.description)
        }
        let trace = try traceSink()
        let screen: CursesScreen
        do {
            screen = try CursesScreen(command: command, options: CursesScreen.Options(mouse: !noMouse))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let state = AppState(
            dashboards: dashboards, window: window, size: screen.size, refreshOverride: try refreshMilliseconds(),
            dashboardIndex: index, variables: try parsedVariables(), exportDirectory: exportDir)
        let options = RenderOptions.detect(environment: ProcessInfo.processInfo.environment, noColor: noColor, ascii: ascii)
        _ = await Viewer.run(
            backend: screen, datasource: datasource, alertmanager: alertmanager, state: state, reducer: Wiring.reducer(), render: Wiring.renderer(options: options),
            refreshTrace: trace)
    }

    /// Opened before the terminal is taken over, so a bad path is a plain error.
    private func traceSink() throws -> (@Sendable (String) -> Void)? {
        guard let traceRefreshes else { return nil }
        if !FileManager.default.fileExists(atPath: traceRefreshes) {
            _ = FileManager.default.createFile(atPath: traceRefreshes, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: traceRefreshes) else {
            throw ValidationError("--trace-refreshes: cannot write to '\(traceRefreshes)'")
        }
        handle.seekToEndOfFile()
        return { line in handle.write(Data((line + "\n").utf8)) }
    }

    /// Refuses early (before slow set-up) when there is no terminal.
    static func requireTerminal(command: String) throws {
        do {
            try CursesScreen.requireTerminal(command: command)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
