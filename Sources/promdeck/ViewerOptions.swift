import App
import ArgumentParser
import CMallocArenas
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

    @Flag(help: "Start with every row open (collapsed rows' panels queried too); Enter still closes one.")
    var expandRows = false

    /// The embedded engine's PromQL (`demo`; a server answers as the version it is) and
    /// the one the `:` prompt checks queries against (`view` and `demo`).
    @OptionGroup var promql: PromQLVersionOptions

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
            throw ValidationError("--refresh expects a duration with a unit of at least 1s (5s, 1m, 1h30m) or 'off', got '\(refresh)'")
        }
        return ms
    }

    /// Checks every flag, builds the state, takes over the terminal, runs the viewer, and
    /// gives the terminal back. Everything that can fail on bad input happens before the
    /// screen starts; `notices` (skipped dashboards) are warned about and shown in the viewer.
    func run(
        command: String, dashboards candidates: [DashboardLookup.Candidate], datasource: any Datasource,
        named: [String: any Datasource] = [:], catalog: DatasourceCatalog = DatasourceCatalog(),
        alertmanager: (any AlertmanagerSource)? = nil, datasourceNames: [String] = [], notices: [String] = [],
        incremental: IncrementalOptions = IncrementalOptions(),
        health: [DatasourceHealth] = [], urls: [String: String] = [:], configuredPromQLVersion: Int? = nil,
        executor: (any LoopExecutor)? = nil
    ) async throws {
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
        let refresh = try refreshMilliseconds()
        let variables = try parsedVariables()
        try checkExportDirectory()
        let unknown = ViewerOptions.unknownVariables(variables.keys, in: dashboards)
        for line in unknown { FileHandle.standardError.write(Data("warning: \(Sanitizer.visible(line))\n".utf8)) }
        let trace = try traceSink()
        let logFile = ViewerOptions.logFile()
        let screen: CursesScreen
        do {
            screen = try CursesScreen(command: command, options: CursesScreen.Options(mouse: !noMouse, logFile: logFile))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        // From here on nothing throws: Viewer.run gives the terminal back on every way out.
        var state = AppState(
            dashboards: dashboards, window: window, size: screen.size, refreshOverride: refresh,
            dashboardIndex: index, variables: variables, exportDirectory: exportDir,
            datasourceNames: datasourceNames, notices: notices + unknown, datasources: catalog)
        state.header = HeaderState(datasources: health)
        state.allRowsOpen = expandRows
        state.header.urls = urls
        state.userName = ProcessInfo.processInfo.environment["USER"] ?? ""
        state.promQLVersion = promql.version(configured: configuredPromQLVersion)
        let options = RenderOptions.detect(environment: ProcessInfo.processInfo.environment, noColor: noColor, ascii: ascii)
        _ = await Viewer.run(
            backend: screen, datasource: datasource, named: named, alertmanager: alertmanager, state: state, reducer: Wiring.reducer(), render: Wiring.renderer(options: options),
            refreshTrace: trace, incremental: incremental, settled: { promdeck_release_free_memory() }, executor: executor)
    }

    /// `--var` names no dashboard defines: a warning each (a typo would otherwise do nothing).
    static func unknownVariables(_ names: some Sequence<String>, in dashboards: [Dashboard]) -> [String] {
        let defined = Set(dashboards.flatMap { $0.variables.map(\.name) })
        return names.filter { !defined.contains($0) }.sorted().map { name in
            let known = defined.sorted().prefix(12).joined(separator: ", ")
            return "--var \(name): no dashboard has a variable named \(name)" + (known.isEmpty ? " (they have none)" : " (known: \(known))")
        }
    }

    /// `e` writes here: it must be a directory this user can write, checked now rather than at
    /// the first export.
    func checkExportDirectory() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: exportDir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--export-dir: '\(exportDir)' is not a directory")
        }
        guard access(exportDir, W_OK | X_OK) == 0 else {
            throw ValidationError("--export-dir: cannot write to '\(exportDir)' (\(String(cString: strerror(errno))))")
        }
    }

    /// Where stderr goes while the screen is up (a crash report lands there):
    /// $XDG_STATE_HOME/promdeck/promdeck.log, else ~/.local/state/promdeck/promdeck.log.
    /// Nil, with a warning, when neither can be created: stderr then stays on the terminal.
    static func logFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { ($0 as NSString).appendingPathComponent(".local/state") }
        guard let state else { return nil }
        let directory = (state as NSString).appendingPathComponent("promdeck")
        let path = (directory as NSString).appendingPathComponent("promdeck.log")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try CrashRestore.checkLogFile(path)
            return path
        } catch {
            FileHandle.standardError.write(Data("warning: no log file (\(error)); a crash report would go to the terminal\n".utf8))
            return nil
        }
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
