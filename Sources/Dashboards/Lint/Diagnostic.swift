/// A lint finding, printed as `file:line:col: error: message` (the form compilers use, so
/// editors jump to it).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A note says what promdeck does differently from Grafana without anything being wrong
    /// (a Loki target it does not draw).
    public enum Severity: String, Hashable, Sendable { case error, warning, note }

    public var file: String
    public var position: SourcePosition?
    public var severity: Severity
    public var message: String

    public init(file: String, position: SourcePosition?, severity: Severity, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.message = message
    }

    public var description: String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// The findings of one lint run.
public struct LintReport: Hashable, Sendable {
    public var diagnostics: [Diagnostic]
    /// Files that were checked.
    public var fileCount: Int

    public init(diagnostics: [Diagnostic] = [], fileCount: Int = 0) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// 0 when clean; 1 on errors, and on warnings too when `strict`.
    public func exitCode(strict: Bool) -> Int32 {
        errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
    }
}

/// Checks a PromQL expression: nil when valid, else the parser's message and the UTF-8
/// byte offset of the error in the expression it was given. promdeck wires its own parser
/// in here; tests can use anything (e.g. a check via promtool).
public typealias ExpressionChecker = @Sendable (String) -> (message: String, offset: Int)?

/// The query language a target's datasource speaks: Prometheus's PromQL, or MetricsQL for
/// VictoriaMetrics (Grafana's `victoriametrics-metrics-datasource`, or `flavor:
/// victoriametrics` in the config). `promQL2` is Prometheus 2.42's PromQL, for a datasource
/// the config gives `promql_version: 2`.
public enum QueryLanguage: Hashable, Sendable {
    case promQL, promQL2, metricsQL
}

/// One finding about an expression: an error, or a warning (e.g. syntax a server needs a
/// feature flag for), at a UTF-8 byte offset in the expression it was given.
public struct ExpressionFinding: Hashable, Sendable {
    public var message: String
    public var offset: Int
    public var isError: Bool

    public init(message: String, offset: Int, isError: Bool) {
        self.message = message
        self.offset = offset
        self.isError = isError
    }
}

/// Checks an expression in a language; promdeck wires its parser and lint rules in here.
public typealias ExpressionAnalyzer = @Sendable (String, QueryLanguage) -> [ExpressionFinding]
