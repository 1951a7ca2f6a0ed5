import ArgumentParser
import Dashboards
import Foundation
import PromModel
import Render
import PromQL

/// `promdeck query EXPR`: one PromQL query, printed as a table or as the Prometheus API's JSON.
struct Query: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one PromQL query and print the result.",
        discussion: """
            Instant query at --time (default: now, or the newest sample with --data), or a
            range query with --start, --end and --step. Times: RFC 3339, Unix seconds, now,
            now-1h.

            Examples:
              promdeck query 'up' --demo
              promdeck query 'up' --url http://localhost:9090
              promdeck query 'up' --data metrics.om
              promdeck query 'rate(http_requests_total[5m])' \\
                --data metrics.om --start now-1h --end now --step 1m
              promdeck query 'sum by (job) (up)' --data metrics.om \\
                --format json
              promdeck query '-rate(x[5m + step()]) ^ 2' --demo
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    /// All input no option claims, so an expression may start with `-` (`'-x ^ 2'`)
    /// without `--` first; validate() insists on exactly one.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The PromQL expression (it may start with -).", valueName: "expr"))
    var expressions: [String] = []

    var expr: String { expressions.first ?? "" }

    @OptionGroup var source: SourceOptions

    @Option(help: "Evaluation time of an instant query.")
    var time: String?

    @Option(help: "Start of a range query.")
    var start: String?

    @Option(help: "End of a range query (default: now).")
    var end: String?

    @Option(help: "Step of a range query: a duration (60s, 1m) or seconds.")
    var step: String?

    @Option(help: "table or json (the Prometheus API's data object).")
    var format: OutputFormat = .table

    func validate() throws {
        if let option = expressions.first(where: Self.looksLikeOption) {
            throw ValidationError("Unknown option '\(option)'")
        }
        if expressions.count != 1 {
            throw ValidationError(
                expressions.isEmpty
                    ? "Missing expected argument '<expr>'"
                    : "expected one expression, got \(expressions.count) (quote it: promdeck query 'sum(up) by (job)')")
        }
        if time != nil && (start != nil || end != nil || step != nil) {
            throw ValidationError("--time is for instant queries; use --start/--end/--step for a range query")
        }
        if (start != nil || step != nil) && (start == nil || step == nil) {
            throw ValidationError("a range query needs --start and --step (and optionally --end)")
        }
    }

    /// `--name` or `--name=value`: a mistyped option, not PromQL (which has no `--word`
    /// worth writing; `-- --x` still passes one).
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("--"), let first = argument.dropFirst(2).first, first.isLetter else { return false }
        let name = argument.dropFirst(2).prefix { $0 != "=" }
        return name.allSatisfy { $0.isLetter || $0 == "-" }
    }

    func run() async throws {
        let now = Timestamp((Date().timeIntervalSince1970 * 1000).rounded())
        try await source.resolve(now: now).using { source in try await execute(source, now: now) }
    }

    private func execute(_ source: ResolvedSource, now: Timestamp) async throws {
        do {
            let response: QueryResponse
            if let start, let step {
                let range = QueryRange(
                    start: try TimeExpression.resolve(start, now: now),
                    end: try TimeExpression.resolve(end ?? "now", now: now),
                    step: try TimeArgument.step(step))
                response = try await source.datasource.queryRange(expr, range: range)
            } else {
                let at = try time.map { text throws(TimeExpressionError) in try TimeExpression.resolve(text, now: now) }
                response = try await source.datasource.query(expr, at: at ?? source.defaultTime ?? now)
            }
            switch format {
            case .json: print(PrometheusJSON.data(response.result))
            case .table: print(QueryTable.render(response.result), terminator: "")
            }
            for warning in response.warnings { FileHandle.standardError.write(Data("warning: \(Sanitizer.visible(warning))\n".utf8)) }
        } catch let error as QueryError {
            FileHandle.standardError.write(Data(QueryTable.describe(error, query: expr).utf8))
            throw ExitCode(1)
        } catch let error as TimeArgument.ParseError {
            throw ValidationError(error.description)
        } catch let error as TimeExpressionError {
            throw ValidationError(error.description)
        }
    }
}
