import PromQL

/// The PromQL lexer and parser on any text; what parses must print canonically and parse
/// back to the same canonical text (the printer is what `lint --fix`-style output and error
/// messages rely on).
enum PromQLTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let query = text(bytes)
        let expr: Expr
        do {
            expr = try parsePromQL(query)
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
            reparsed = try parsePromQL(printed)
        } catch {
            throw FuzzFailure("printed form does not parse: \(printed) (from \(query)): \(error)")
        }
        let reprinted = reparsed.description
        try check(reprinted == printed, "print is not stable: \(printed) → \(reprinted) (from \(query))")
    }
}
