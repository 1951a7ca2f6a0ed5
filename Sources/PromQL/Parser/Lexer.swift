/// PromQL lexer: a port of Prometheus's state machine (promql/parser/lex.go), so the same
/// inputs give the same tokens and the same lexical errors at the same offsets.
struct Lexer {
    let bytes: [UInt8]
    private let input: String
    let version: PromQLVersion
    var pos = 0
    var start = 0
    private var parenDepth = 0
    private var braceOpen = false
    private var bracketOpen = false
    private var gotColon = false
    /// After `[`: 2.42 wants a duration next; 3.x enters its duration-expression state
    /// (lex.go `lexDurationExpr`), which it keeps until a number or `]`.
    private var expectDuration = false
    private var inDurationExpr = false
    /// lex.go's `gotDuration`: set by the first number of any duration expression, never reset.
    private var gotDuration = false
    private var finished = false

    init(_ input: String, version: PromQLVersion = .v3) {
        self.input = input
        self.bytes = Array(input.utf8)
        self.version = version
    }

    /// All tokens up to and including EOF or the first error; comments dropped.
    static func tokenize(_ input: String, version: PromQLVersion = .v3) -> [Token] {
        var lexer = Lexer(input, version: version)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            if token.kind == .comment { continue }
            tokens.append(token)
            if token.kind == .eof || token.kind == .error { return tokens }
        }
    }

    // MARK: - Rune access (UTF-8 aware, byte positions)

    static let eof: Unicode.Scalar = "\u{FFFF}"
    private var lastWidth = 0

    mutating func nextRune() -> Unicode.Scalar {
        guard pos < bytes.count else {
            lastWidth = 0
            return Self.eof
        }
        let (scalar, width) = decode(at: pos)
        pos += width
        lastWidth = width
        return scalar
    }

    private func decode(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(index + width, bytes.count)
        let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return (scalar, end - index)
    }

    mutating func backup() { pos -= lastWidth }

    /// Go's `%q` of a rune; end of input is rune -1, which Go prints as U+FFFD.
    func quoteRune(_ r: Unicode.Scalar) -> String {
        r == Self.eof ? "'\u{FFFD}'" : GoQuote.rune(r)
    }

    mutating func peek() -> Unicode.Scalar {
        let r = nextRune()
        backup()
        return r
    }

    mutating func accept(_ valid: String) -> Bool {
        let r = nextRune()
        if r != Self.eof, valid.unicodeScalars.contains(r) { return true }
        backup()
        return false
    }

    mutating func acceptRun(_ valid: String) {
        while accept(valid) {}
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self)
    }

    mutating func emit(_ kind: TokenKind) -> Token {
        let token = Token(kind: kind, start: start, text: text(start, pos))
        start = pos
        return token
    }

    mutating func error(_ message: String) -> Token {
        finished = true
        return Token(kind: .error, start: start, text: message)
    }

    // MARK: - States

    mutating func next() -> Token {
        if finished { return Token(kind: .eof, start: bytes.count, text: "") }
        while true {
            if expectDuration {
                expectDuration = false
                return lexDuration()
            }
            if inDurationExpr {
                if let token = lexDurationExpr() { return token }
                continue
            }
            if braceOpen {
                if let token = lexInsideBraces() { return token }
            } else if let token = lexStatements() {
                return token
            }
        }
    }

    /// Returns nil after skipping whitespace.
    private mutating func lexStatements() -> Token? {
        if bytes[pos...].starts(with: [UInt8(ascii: "#")]) { return lexLineComment() }
        let r = nextRune()
        switch r {
        case Self.eof:
            if parenDepth != 0 { return error("unclosed left parenthesis") }
            if bracketOpen { return error("unclosed left bracket") }
            finished = true
            return emit(.eof)
        case ",": return emit(.comma)
        case " ", "\t", "\n", "\r":
            skipSpaces()
            return nil
        case "*": return emit(.op(.mul))
        case "/": return emit(.op(.div))
        case "%": return emit(.op(.mod))
        case "+": return emit(.op(.add))
        case "-": return emit(.op(.sub))
        case "^": return emit(.op(.pow))
        case "=":
            let t = peek()
            if t == "=" {
                _ = nextRune()
                return emit(.op(.eql))
            }
            if t == "~" { return error("unexpected character after '=': \(quoteRune(t))") }
            return emit(.assign)
        case "!":
            let t = nextRune()
            if t == "=" { return emit(.op(.neq)) }
            return error("unexpected character after '!': \(quoteRune(t))")
        case "<":
            if peek() == "=" {
                _ = nextRune()
                return emit(.op(.lte))
            }
            if version == .v3, peek() == "/" {
                _ = nextRune()
                return emit(.op(.trimUpper))
            }
            return emit(.op(.lss))
        case ">":
            if peek() == "=" {
                _ = nextRune()
                return emit(.op(.gte))
            }
            if version == .v3, peek() == "/" {
                _ = nextRune()
                return emit(.op(.trimLower))
            }
            return emit(.op(.gtr))
        case "\"", "'":
            return lexString(quote: r)
        case "`":
            return lexRawString()
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 {
                // Prometheus reports this just after the parenthesis.
                start = pos
                return error("unexpected right parenthesis ')'")
            }
            return emit(.rightParen)
        case "{":
            braceOpen = true
            return emit(.leftBrace)
        case "[":
            if bracketOpen { return error("unexpected left bracket '['") }
            gotColon = false
            let token = emit(.leftBracket)
            while isSpace(peek()) { _ = nextRune() }
            start = pos
            bracketOpen = true
            if version == .v3 { inDurationExpr = true } else { expectDuration = true }
            return token
        case "]":
            if !bracketOpen { return error("unexpected right bracket ']'") }
            bracketOpen = false
            return emit(.rightBracket)
        case "@":
            return emit(.at)
        default:
            if isDigit(r) || (r == "." && isDigit(peek())) {
                backup()
                return lexNumberOrDuration()
            }
            if isAlpha(r) || r == ":" {
                if !bracketOpen {
                    backup()
                    return lexKeywordOrIdentifier()
                }
                if r == ":" || version == .v2 {
                    if gotColon { return error("unexpected colon \(quoteRune(r))") }
                    gotColon = true
                    return emit(.colon)
                }
                if Self.isDurationKeywordStart(r), let token = scanDurationKeyword() { return token }
                return error("unexpected character: \(quoteRune(r)), expected ':'")
            }
            return error("unexpected character: \(quoteRune(r))")
        }
    }

    /// lex.go `lexDurationExpr` (3.x): what may follow `[`, `(` or an operator inside
    /// brackets. Returns nil after skipping spaces.
    private mutating func lexDurationExpr() -> Token? {
        let r = nextRune()
        switch r {
        case Self.eof: return error("unexpected end of input in duration expression")
        case "]":
            inDurationExpr = false
            bracketOpen = false
            gotColon = false
            return emit(.rightBracket)
        case ":":
            // The colon is emitted, then overwritten by the error at the position after it.
            start = pos
            if !gotDuration { return error("unexpected colon before duration in duration expression") }
            if gotColon { return error("unexpected repeated colon in duration expression") }
            gotColon = true
            return Token(kind: .colon, start: pos - 1, text: ":")
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 {
                start = pos
                return error("unexpected right parenthesis ')'")
            }
            return emit(.rightParen)
        case " ", "\t", "\n", "\r":
            skipSpaces()
            return nil
        case "+": return emit(.op(.add))
        case "-": return emit(.op(.sub))
        case "*": return emit(.op(.mul))
        case "/": return emit(.op(.div))
        case "%": return emit(.op(.mod))
        case "^": return emit(.op(.pow))
        case ",": return emit(.comma)
        default:
            if Self.isDurationKeywordStart(r) {
                if let token = scanDurationKeyword() { return token }
                return error("unexpected character in duration expression: \(quoteRune(r))")
            }
            if isDigit(r) || (r == "." && isDigit(peek())) {
                backup()
                inDurationExpr = false
                gotDuration = true
                return lexNumberOrDuration()
            }
            return error("unexpected character in duration expression: \(quoteRune(r))")
        }
    }

    static func isDurationKeywordStart(_ r: Unicode.Scalar) -> Bool {
        "smrSMR".unicodeScalars.contains(r)
    }

    /// lex.go `scanDurationKeyword`: step, range, max_of, min_of (any case); nil otherwise.
    private mutating func scanDurationKeyword() -> Token? {
        while isAlpha(nextRune()) {}
        backup()
        let word = text(start, pos).lowercased()
        guard let keyword = TokenKind.Keyword(rawValue: word), [.step, .range, .maxOf, .minOf].contains(keyword) else {
            return nil
        }
        return emit(.keyword(keyword))
    }

    private mutating func lexInsideBraces() -> Token? {
        if bytes[pos...].starts(with: [UInt8(ascii: "#")]) { return lexLineComment() }
        let r = nextRune()
        switch r {
        case Self.eof: return error("unexpected end of input inside braces")
        case " ", "\t", "\n", "\r":
            skipSpaces()
            return nil
        case ",": return emit(.comma)
        case "\"", "'": return lexString(quote: r)
        case "`": return lexRawString()
        case "=":
            if nextRune() == "~" { return emit(.eqlRegex) }
            backup()
            return emit(.assign)
        case "!":
            let nr = nextRune()
            if nr == "~" { return emit(.neqRegex) }
            if nr == "=" { return emit(.op(.neq)) }
            return error("unexpected character after '!' inside braces: \(quoteRune(nr))")
        case "{": return error("unexpected left brace '{'")
        case "}":
            braceOpen = false
            return emit(.rightBrace)
        default:
            if isAlpha(r) {
                while isAlphaNumeric(nextRune()) {}
                backup()
                return emit(.identifier)
            }
            return error("unexpected character inside braces: \(quoteRune(r))")
        }
    }

    private mutating func lexLineComment() -> Token {
        pos += 1
        while true {
            let r = nextRune()
            if r == "\r" || r == "\n" || r == Self.eof { break }
        }
        backup()
        return emit(.comment)
    }

    mutating func skipSpaces() {
        while isSpace(peek()) { _ = nextRune() }
        start = pos
    }

    private mutating func lexString(quote: Unicode.Scalar) -> Token {
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

    private mutating func lexRawString() -> Token {
        while true {
            let r = nextRune()
            if r == Self.eof { return error("unterminated raw string") }
            if r == "\u{FFFD}" { return error("invalid UTF-8 rune") }
            if r == "`" { return emit(.string) }
        }
    }

    /// Validates one escape sequence after a backslash; returns an error message or nil.
    private mutating func lexEscape(quote: Unicode.Scalar) -> String? {
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

    func followedByLeftParen() -> Bool {
        var i = pos
        while i < bytes.count, isSpace(Unicode.Scalar(bytes[i])) { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "(")
    }

    private mutating func lexKeywordOrIdentifier() -> Token {
        while true {
            let r = nextRune()
            if isAlphaNumeric(r) || r == ":" { continue }
            backup()
            let word = text(start, pos)
            if let kind = TokenKind.keyword(for: word.lowercased(), version: version) {
                // fill/fill_left/fill_right are keywords only before `(`, so `fill + fill` still
                // selects a metric (lex.go `peekFollowedByLeftParen`).
                if case .keyword(let k) = kind, [.fill, .fillLeft, .fillRight].contains(k), !followedByLeftParen() {
                    return emit(.identifier)
                }
                return emit(kind)
            }
            return emit(word.contains(":") ? .metricIdentifier : .identifier)
        }
    }
}

func isSpace(_ r: Unicode.Scalar) -> Bool { r == " " || r == "\t" || r == "\n" || r == "\r" }
func isDigit(_ r: Unicode.Scalar) -> Bool { ("0"..."9").contains(r) }
func isAlpha(_ r: Unicode.Scalar) -> Bool { r == "_" || ("a"..."z").contains(r) || ("A"..."Z").contains(r) }
func isAlphaNumeric(_ r: Unicode.Scalar) -> Bool { isAlpha(r) || isDigit(r) }
