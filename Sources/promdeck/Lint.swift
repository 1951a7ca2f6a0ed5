import ArgumentParser
import Dashboards
import Foundation
import PromQL
import PrometheusAPI
import Render

/// `promdeck lint [PATH...] [--strict]`: checks dashboard files and prints
/// `file:line:col: error: message` diagnostics.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check dashboard files: JSON, panels, grid layout, variables, units and PromQL.",
        discussion: """
            Errors exit with status 1. Warnings (unsupported panel types) exit 0 unless --strict.

            Examples:
              promdeck lint
              promdeck lint dashboards/trading-performance.json --strict
            """
    )

    @Argument(help: "Dashboard files or directories of *.json files.")
    var paths: [String] = ["dashboards"]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Config file whose `flavor: victoriametrics` datasources are checked as MetricsQL (default: the usual config, if any).")
    var config: String?

    /// Every expr is parsed by our PromQL parser after variable substitution; the error's
    /// byte offset is mapped back to its line and column in the JSON.
    static let expressionChecker: ExpressionChecker = { expr in
        do throws(ParseError) {
            _ = try PromQLParser.parse(expr)
            return nil
        } catch {
            return (error.message, error.positionRange.start)
        }
    }

    /// Errors and feature-flag warnings from PromQL 3.14 (or a lenient MetricsQL check).
    static let expressionAnalyzer: ExpressionAnalyzer = { expr, language in
        ExpressionLint.check(expr, language: language == .metricsQL ? .metricsQL : .promQL).map {
            ExpressionFinding(message: $0.message, offset: $0.offset, isError: $0.isError)
        }
    }

    func run() throws {
        var linter = DashboardLinter(expressionChecker: Self.expressionChecker)
        linter.expressionAnalyzer = Self.expressionAnalyzer
        linter.metricsQLDatasources = try metricsQLDatasources()
        linter.datasources = try catalog()
        let report = linter.lint(paths: paths)
        for diagnostic in report.diagnostics {
            // Diagnostics quote the files, which may hold escape bytes.
            print(Sanitizer.visible(diagnostic.description))
        }
        let summary = "\(report.fileCount) file\(report.fileCount == 1 ? "" : "s") checked, "
            + "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), "
            + "\(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        let code = report.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }

    /// The datasources of `--config` for the uid check; none without the flag.
    func catalog() throws -> DatasourceCatalog? {
        guard let config else { return nil }
        let loaded = try DatasourceResolver.loadConfig(configPath: config)
        return DatasourceCatalog(entries: loaded.datasources.map { DatasourceIdentity(name: $0.name, uid: $0.uid, type: $0.type) },
                                 defaultName: loaded.defaultDatasource)
    }

    /// Names of the config's VictoriaMetrics datasources. A broken config named with
    /// --config is an error; the default one only matters if present.
    func metricsQLDatasources() throws -> Set<String> {
        do throws(ConfigError) {
            let loaded = try DatasourceResolver.loadConfig(configPath: config)
            // Panels name them by name or (Grafana's) uid.
            let names = loaded.datasources.filter { $0.flavor == .victoriametrics }.flatMap { [$0.name] + ($0.uid.map { [$0] } ?? []) }
            return Set(names)
        } catch {
            if config != nil { throw error }
            FileHandle.standardError.write(Data("warning: \(error.description)\n".utf8))
            return []
        }
    }
}
