import App
import ArgumentParser
import Dashboards
import Foundation
import PromModel
import Render
import Terminal

/// `promdeck snapshot`: one frame of a dashboard, headless, to stdout.
struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render one frame of a dashboard to stdout: text, ANSI colours or JSON.",
        discussion: """
            Deterministic for a fixed --time with --demo or --data.

            Examples:
              promdeck snapshot --dashboard 'Service Health Overview' \\
                --demo --time 2026-01-01T14:00:00Z
              promdeck snapshot --dashboard trading-performance \\
                --url http://localhost:9090 --format ansi | less -R
              promdeck snapshot --dashboard infrastructure-metrics \\
                --data metrics.om --format json
            """
    )

    @Option(help: "Dashboard: file name, uid or title (any case).")
    var dashboard: String

    @Option(help: ArgumentHelp(
        "Directory of Grafana dashboard JSON files. Default: the built-in ones with --demo, else the first of $XDG_CONFIG_HOME/promdeck/dashboards, the config's dashboards: list and ./dashboards that has any.",
        valueName: "dir"))
    var dashboards: String?

    @OptionGroup var source: SourceOptions

    @Option(help: "The frame's time (the right edge of the range): RFC 3339, Unix seconds, now, now-1h. Default: the dashboard's saved time.")
    var time: String?

    @Option(help: "Start of the time range, relative to --time (Grafana syntax). Default: the dashboard's saved time.")
    var from: String?

    @Option(help: "Width in columns.")
    var width: Int = 160

    @Option(help: "Height in rows.")
    var height: Int = 45

    @Option(help: "text, ansi or json.")
    var format: SnapshotFormat = .text

    @Flag(help: "ASCII only: no braille, block or box-drawing characters.")
    var ascii = false

    @Flag(help: "Draw every row open (collapsed rows' panels included); without it rows stay as saved.")
    var expandRows = false

    @Option(name: .customLong("var"), help: "Set a template variable, name=value (repeat for several values).")
    var variables: [String] = []

    func validate() throws {
        guard width > 0, height > 0, width <= 1000, height <= 1000 else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
        _ = try ViewerOptions.parseVariables(variables)
    }

    func run() async throws {
        let (file, catalog) = try find()
        let wall = Timestamp((Date().timeIntervalSince1970 * 1000).rounded())
        let requested: Timestamp?
        do {
            requested = try time.map { text throws(TimeExpressionError) in try TimeExpression.resolve(text, now: wall) }
        } catch {
            throw ValidationError("--time: \(error)")
        }
        // The flags win; without them the dashboard's saved range, as Grafana opens it.
        let saved = file.dashboard.time
        let from = self.from ?? saved.from
        try await source.resolve(now: requested ?? wall).using { source in
            let now = source.defaultTime ?? wall
            let end = requested ?? (saved.to == "now" ? nil : try? TimeExpression.resolve(saved.to, now: now)) ?? now
            let window: TimeWindow
            do {
                window = try TimeWindow(from: from, to: "now", now: end)
            } catch {
                // A saved range we cannot read falls back to Grafana's default hour; a flag is an error.
                guard self.from == nil else { throw ValidationError("--from: \(error)") }
                window = .relative(span: 3_600_000, offset: 0)
            }
            // Variables as Grafana fills them on load; the pipeline then repeats panels and rows per value.
            var board = file.dashboard
            let (start, _) = window.resolve(now: end)
            let resolved = await VariableResolver.resolve(
                file.dashboard, datasource: source.datasource, named: source.named, catalog: source.catalog,
                datasourceNames: source.servers?.names ?? [], start: start, end: end,
                overrides: try ViewerOptions.parseVariables(variables))
            board.variables = resolved.variables
            // Colours only matter for ansi; the glyph set follows --ascii alone, so a snapshot
            // does not change with the locale it was taken in.
            let capability = format == .ansi ? ColorCapability.detect(environment: ProcessInfo.processInfo.environment) : .truecolor
            let pipeline = SnapshotPipeline(
                dashboard: board, window: window, time: end, size: TerminalSize(width: width, height: height),
                options: RenderOptions(capability: capability, asciiOnly: ascii), format: format, expandRows: expandRows,
                variableErrors: resolved.errors, knownOptions: resolved.answers, listedDashboards: catalog)
            print(try await pipeline.run(datasource: source.datasource, named: source.named, catalog: source.catalog,
                                         datasourceNames: source.servers?.names ?? []), terminator: format == .json ? "\n" : "")
        }
    }

    /// The dashboard asked for, and every dashboard found (for dashboard list panels).
    private func find() throws -> (file: DashboardFile, catalog: [Dashboard]) {
        let files: [DashboardFile]
        if let dashboards {
            files = try Wiring.loadCatalog(dashboards).files
        } else if source.demo {
            files = try Wiring.bundledDashboards()
        } else {
            files = try source.server.dashboardSearch().require()
        }
        do {
            return (try DashboardCatalog(files: files).find(dashboard), files.map(\.dashboard))
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension SnapshotFormat: ExpressibleByArgument {}
