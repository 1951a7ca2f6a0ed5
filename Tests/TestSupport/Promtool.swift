import Foundation

/// Runs `promtool check rules` over recording rules `record: expr`, written to a rules file
/// in a temp dir: the real Prometheus parser judges the expressions.
public func promtoolCheckRules(_ rules: [(record: String, expr: String)]) throws -> CommandOutput {
    let directory = try TemporaryDirectory("promtool-rules")
    defer { directory.remove() }
    var yaml = "groups:\n  - name: promdeck\n    rules:\n"
    for rule in rules {
        yaml += "      - record: \(rule.record)\n        expr: \(PromtoolRules.yamlQuote(rule.expr))\n"
    }
    let file = try directory.write("rules.yml", yaml)
    return try runCommand("promtool", ["check", "rules", file], timeout: .seconds(60))
}

/// Parses one expression with promtool: nil when valid, else Prometheus's message and the
/// UTF-8 byte offset of the error in `expr` (Prometheus reports line:column in bytes).
public func promtoolParseError(_ expr: String) throws -> (message: String, offset: Int)? {
    let output = try promtoolCheckRules([(record: "promdeck_check", expr: expr)])
    if output.status == 0 { return nil }
    let text = output.stdout + output.stderr
    let pattern = try NSRegularExpression(pattern: #"could not parse expression: (\d+):(\d+): parse error: (.*)"#)
    guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
          let lineRange = Range(match.range(at: 1), in: text), let columnRange = Range(match.range(at: 2), in: text),
          let messageRange = Range(match.range(at: 3), in: text),
          let line = Int(text[lineRange]), let column = Int(text[columnRange]) else {
        return (text.trimmingCharacters(in: .whitespacesAndNewlines), 0)
    }
    let lines = expr.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let lineStart = lines.prefix(line - 1).reduce(0) { $0 + $1.count + 1 }
    return (String(text[messageRange]), lineStart + column - 1)
}
