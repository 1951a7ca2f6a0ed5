import PromModel

/// A PromQL parse (or static type) error, formatted like Prometheus's
/// `1:14: parse error: unexpected <op:*>`.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bare message ("unexpected end of input").
    public var message: String
    /// Byte offsets into `query` of the offending part.
    public var positionRange: PositionRange
    public var query: String

    public init(_ message: String, at positionRange: PositionRange, in query: String) {
        self.message = message
        self.positionRange = positionRange
        self.query = query
    }

    /// 1-based line of `positionRange.start`.
    public var line: Int { lineAndColumn.line }
    /// 1-based column (in bytes, as Prometheus counts) of `positionRange.start`.
    public var column: Int { lineAndColumn.column }

    private var lineAndColumn: (line: Int, column: Int) {
        let bytes = Array(query.utf8)
        let pos = max(0, min(positionRange.start, bytes.count))
        var line = 1
        var lastBreak = -1
        for i in 0..<pos where bytes[i] == 10 {
            line += 1
            lastBreak = i
        }
        return (line, pos - lastBreak)
    }

    /// Exactly Prometheus's text: `line:col: parse error: message`.
    public var description: String {
        if positionRange.start < 0 || positionRange.start > query.utf8.count {
            return "invalid position: parse error: \(message)"
        }
        return "\(line):\(column): parse error: \(message)"
    }

    /// The error as the API reports it (`bad_data`), with the byte offset for carets.
    public var queryError: QueryError {
        QueryError(.badData, description, summary: "parse error", position: positionRange.start)
    }
}
