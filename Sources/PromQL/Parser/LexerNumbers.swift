/// Numbers and durations (lex.go `lexNumberOrDuration`, `scanNumber`).
extension Lexer {
    /// 2.42 only: the token after `[` must be a duration.
    mutating func lexDuration() -> Token {
        if scanNumber() { return error("missing unit character in duration") }
        if !acceptRemainingDuration() { return error("bad duration syntax: \(GoQuote.string(text(start, pos)))") }
        backup()
        return emit(.duration)
    }

    mutating func lexNumberOrDuration() -> Token {
        if scanNumber() { return emit(.number) }
        if acceptRemainingDuration() {
            backup()
            return emit(.duration)
        }
        return error("bad number or duration syntax: \(GoQuote.string(text(start, pos)))")
    }

    mutating func acceptRemainingDuration() -> Bool {
        if !accept("smhdwy") { return false }
        _ = accept("s")
        while accept("0123456789") {
            while accept("0123456789") {}
            if !accept("smhdw") { return false }
            _ = accept("s")
        }
        return !isAlphaNumeric(nextRune())
    }

    mutating func scanNumber() -> Bool {
        version == .v2 ? scanNumber242() : scanNumber3()
    }

    private mutating func scanNumber242() -> Bool {
        var digits = "0123456789"
        if accept("0") && accept("xX") { digits = "0123456789abcdefABCDEF" }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789")
        }
        return !isAlphaNumeric(peek())
    }

    private mutating func isNext(_ valid: String) -> Bool {
        let r = peek()
        return r != Self.eof && valid.unicodeScalars.contains(r)
    }

    /// 3.x: underscores between digits (`1_000_000`), with lex.go's anti-patterns.
    private mutating func scanNumber3() -> Bool {
        let initial = pos
        var digits = "0123456789"
        if accept("0") && accept("xX") {
            _ = accept("_")
            digits = "0123456789abcdefABCDEF"
        }
        _ = accept(".")
        _ = accept(digits)
        var dotConsumed = false
        var exponentConsumed = false
        while isNext(digits + "._eE") {
            if isNext("."), dotConsumed {
                _ = accept(".")
                return false
            }
            if isNext("eE"), exponentConsumed {
                _ = accept("eE")
                return false
            }
            if accept(".") {
                dotConsumed = true
                if accept("_.") { return false }
                if digits.count > 10 { return false }
                continue
            }
            if accept("eE") {
                exponentConsumed = true
                _ = accept("+-")
                if accept("._eE") || peek() == Self.eof { return false }
                continue
            }
            if accept("_") {
                if accept("._eE") || peek() == Self.eof { return false }
                continue
            }
            acceptRun(digits)
        }
        if pos == initial { return false }
        return !isAlphaNumeric(peek())
    }
}
