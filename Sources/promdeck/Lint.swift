import ArgumentParser
import Dashboards
import Foundation
import PromQL
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

    func run() throws {
        let linter = DashboardLinter(expressionChecker: Self.expressionChecker)
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
}
