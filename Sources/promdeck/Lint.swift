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
        abstract: "Check dashboard files: JSON, panels, layout, variables, units, PromQL.",
        discussion: """
            Errors exit with status 1. Warnings (unsupported panel types) exit 0 unless
            --strict.

            Examples:
              promdeck lint
              promdeck lint dashboards/trading-performance.json --strict
            """
    )

    @Argument(help: "Dashboard files or directories of *.json files.")
    var paths: [String] = ["dashboards"]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Config file whose `flavor: victoriametrics` datasources are checked as MetricsQL, and `promql_version: 2` ones as PromQL 2.42 (default: the usual config, if any).")
    var config: String?

    @OptionGroup var promql: PromQLVersionOptions

    /// Every expr is parsed by our PromQL parser after variable substitution; the error's
    /// byte offset is mapped back to its line and column in the JSON.
    static func expressionChecker(_ version: PromQLVersion) -> ExpressionChecker {
        { expr in
            do throws(ParseError) {
                _ = try PromQLParser.parse(expr, version: version)
                return nil
            } catch {
                return (error.message, error.positionRange.start)
            }
        }
    }

    /// Errors and feature-flag warnings from PromQL 3.14, errors from 2.42 (the datasource's
    /// `promql_version: 2`, or everywhere with `--promql-version 2`), or a lenient MetricsQL check.
    static func expressionAnalyzer(_ version: PromQLVersion) -> ExpressionAnalyzer {
        { expr, language in
            let checked: ExpressionLint.Language = switch language {
            case .metricsQL: .metricsQL
            case .promQL2: .promQL2
            case .promQL: version == .v2 ? .promQL2 : .promQL
            }
            return ExpressionLint.check(expr, language: checked).map {
                ExpressionFinding(message: $0.message, offset: $0.offset, isError: $0.isError)
            }
        }
    }

    func run() throws {
        let version = promql.version()
        var linter = DashboardLinter(expressionChecker: Self.expressionChecker(version))
        linter.expressionAnalyzer = Self.expressionAnalyzer(version)
        let datasources = try configuredDatasources()
        // Panels name them by name or (Grafana's) uid.
        func references(_ settings: [DatasourceSettings]) -> Set<String> { Set(settings.flatMap { [$0.name] + ($0.uid.map { [$0] } ?? []) }) }
        linter.metricsQLDatasources = references(datasources.filter { $0.flavor == .victoriametrics })
        // The flag wins over the config's promql_version.
        if promql.promqlVersion == nil {
            linter.promQL2Datasources = references(datasources.filter { $0.flavor == .prometheus && $0.promQLVersion == 2 })
        }
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

    /// The config's datasources. A broken config named with --config is an error; the
    /// default one only matters if present.
    func configuredDatasources() throws -> [DatasourceSettings] {
        do throws(ConfigError) {
            return try DatasourceResolver.loadConfig(configPath: config).datasources
        } catch {
            if config != nil { throw error }
            FileHandle.standardError.write(Data("warning: \(error.description)\n".utf8))
            return []
        }
    }
}
