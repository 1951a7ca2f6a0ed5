import PromQL

/// The PromQL lexer and parser on any text: errors point into the query, and what parses
/// prints to text that parses back and prints the same. Both grammars: 3.x (the default)
/// and 2.42.
enum PromQLTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let query = text(bytes)
        for version in [PromQLVersion.v3, .v2] { try run(query, version: version) }
    }

    private static func run(_ query: String, version: PromQLVersion) throws(FuzzFailure) {
        let expr: Expr
        do {
            expr = try parsePromQL(query, version: version)
        } catch {
            // An error must point into the query (the viewer underlines that position).
            try check(error.positionRange.start >= 0 && error.positionRange.start <= error.positionRange.end
                && error.positionRange.end <= query.utf8.count + 1,
                "error position \(error.positionRange) outside the query (\(query.utf8.count) bytes): \(error)")
            _ = error.description
            return
        }
        let printed = expr.description
        let reparsed: Expr
        do {
            reparsed = try parsePromQL(printed, version: version)
        } catch {
            throw FuzzFailure("\(version): printed form does not parse: \(printed) (from \(query)): \(error)")
        }
        let reprinted = reparsed.description
        try check(reprinted == printed, "\(version): print is not stable: \(printed) → \(reprinted) (from \(query))")
    }
}
