/// Quoted and raw strings (lex.go `lexString`, `lexRawString`, `lexEscape`).
extension Lexer {
    mutating func lexString(quote: Unicode.Scalar) -> Token {
        while true {
            let r = nextRune()
            switch r {
            case "\\":
                if let message = lexEscape(quote: quote) { return error(message) }
            case Self.eof, "\n":
                return error("unterminated quoted string")
            case "\u{FFFD}":
                // Go cannot tell U+FFFD from an invalid byte sequence.
                return error("invalid UTF-8 rune")
            case quote:
                return emit(.string)
            default:
                continue
            }
        }
    }

    mutating func lexRawString() -> Token {
        while true {
            let r = nextRune()
            if r == Self.eof { return error("unterminated raw string") }
            if r == "\u{FFFD}" { return error("invalid UTF-8 rune") }
            if r == "`" { return emit(.string) }
        }
    }

    /// Validates one escape sequence after a backslash; returns an error message or nil.
    mutating func lexEscape(quote: Unicode.Scalar) -> String? {
        var ch = nextRune()
        var n = 0
        var base: UInt32 = 0
        var max: UInt32 = 0
        switch ch {
        case "a", "b", "f", "n", "r", "t", "v", "\\", quote: return nil
        case "0", "1", "2", "3", "4", "5", "6", "7": (n, base, max) = (3, 8, 255)
        case "x": ch = nextRune(); (n, base, max) = (2, 16, 255)
        case "u": ch = nextRune(); (n, base, max) = (4, 16, 0x10FFFF)
        case "U": ch = nextRune(); (n, base, max) = (8, 16, 0x10FFFF)
        case Self.eof: return "escape sequence not terminated"
        default: return "unknown escape sequence \(GoQuote.unicode(ch))"
        }
        var x: UInt32 = 0
        while n > 0 {
            let d = Self.digitValue(ch)
            if d >= base {
                if ch == Self.eof { return "escape sequence not terminated" }
                return "illegal character \(GoQuote.unicode(ch)) in escape sequence"
            }
            x = x &* base &+ d
            n -= 1
            if n > 0 { ch = nextRune() }
        }
        if x > max || (0xD800 <= x && x < 0xE000) { return "escape sequence is an invalid Unicode code point" }
        return nil
    }

    static func digitValue(_ ch: Unicode.Scalar) -> UInt32 {
        switch ch {
        case "0"..."9": ch.value - 48
        case "a"..."f": ch.value - 97 + 10
        case "A"..."F": ch.value - 65 + 10
        default: 16
        }
    }
}
