import App
import ArgumentParser
import Dashboards
import Foundation
import PromModel
import PromQL
import Render

/// `promdeck snapshot`: one frame of a dashboard, headless, to stdout.
struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render one frame of a dashboard to stdout (text, ANSI colours or JSON values).",
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

    @Option(help: "The frame's time (the right edge of the range): RFC 3339, Unix seconds, now, now-1h.")
    var time: String?

    @Option(help: "Start of the time range, relative to --time (Grafana syntax).")
    var from: String = "now-1h"

    @Option(help: "Width in columns.")
    var width: Int = 160

    @Option(help: "Height in rows.")
    var height: Int = 45

    @Option(help: "text, ansi or json.")
    var format: SnapshotFormat = .text

    @Flag(help: "ASCII only: no braille, block or box-drawing characters.")
    var ascii = false

    func validate() throws {
        guard width > 0, height > 0, width <= 1000, height <= 1000 else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
    }

    func run() async throws {
        let file = try find()
        let wall = Timestamp((Date().timeIntervalSince1970 * 1000).rounded())
        let requested: Timestamp?
        do {
            requested = try time.map { text throws(TimeArgument.ParseError) in try TimeArgument.time(text, now: wall) }
        } catch {
            throw ValidationError("--time: \(error)")
        }
        try await source.resolve(now: requested ?? wall).using { source in
            let end = requested ?? source.defaultTime ?? wall
            let start: Timestamp
            do {
                start = try TimeExpression.resolve(from, now: end)
            } catch {
                throw ValidationError("--from: \(error)")
            }
            // Repeated panels and rows, once per value of the saved selection.
            var board = file.dashboard
            board.variables = await RepeatVariableOptions.resolve(file.dashboard, datasource: source.datasource, start: start, end: end)
            board = board.expandingRepeats()
            // Colours only matter for ansi; the glyph set follows --ascii alone, so a snapshot
            // does not change with the locale it was taken in.
            let capability = format == .ansi ? ColorCapability.detect(environment: ProcessInfo.processInfo.environment) : .truecolor
            let renderer = DashboardRenderer(options: RenderOptions(capability: capability, asciiOnly: ascii))
            let layout = DashboardLayout.compute(dashboard: board, width: width, availableHeight: height - 2)
            let data = await DashboardAnswers.run(
                board, datasource: source.datasource, from: start, to: end, panelWidths: layout.panelWidths)
            print(try renderer.snapshot(
                dashboard: board, data: data, width: width, height: height, time: end, format: format,
                state: DashboardViewState(timeRangeText: "\(from) → \(time ?? "now")")), terminator: format == .json ? "\n" : "")
        }
    }

    private func find() throws -> DashboardFile {
        let files: [DashboardFile]
        if let dashboards {
            files = try Wiring.loadCatalog(dashboards)
        } else if source.demo {
            files = try Wiring.bundledDashboards()
        } else {
            files = try source.server.dashboardSearch().require()
        }
        do {
            return try DashboardCatalog(files: files).find(dashboard)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension SnapshotFormat: ExpressibleByArgument {}
