/// `[...]` with Go's rules: `[` and `&&`/`--`/`~~` are literals (Swift would nest or
/// combine sets), POSIX classes are ASCII-only, ranges must be ordered.
extension RE2Syntax {
    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7f}", "blank": "\\t ",
        "cntrl": "\\x{0}-\\x{1f}\\x{7f}", "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~",
        "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x{b}\\x{c}\\r ", "upper": "A-Z", "word": "0-9A-Za-z_",
        "xdigit": "0-9A-Fa-f",
    ]

    mutating func characterClass() throws(Failure) {
        let classStart = i
        var body = "["
        i += 1
        if i < s.count, s[i] == "^" {
            body += "^"
            i += 1
        }
        var first = true
        while i >= s.count || s[i] != "]" || first {
            guard i < s.count else { throw fail("missing closing ]", classStart, s.count) }
            first = false
            if s[i] == "[", i + 1 < s.count, s[i + 1] == ":", let close = posixClassEnd(from: i) {
                var name = text(i + 2, close)
                let negated = name.hasPrefix("^")
                if negated { name.removeFirst() }
                guard let ranges = Self.posixClasses[name] else {
                    throw fail("invalid character class range", i, close + 2)
                }
                body += negated ? "[:^\(name):]" : ranges
                i = close + 2
                continue
            }
            if s[i] == "\\", i + 1 < s.count {
                let e = s[i + 1]
                if "dDsSwW".unicodeScalars.contains(e) {
                    body += "\\" + String(e)
                    i += 2
                    continue
                }
                if e == "p" || e == "P" {
                    let start = i
                    i += 2
                    try unicodeClass(e, start, into: &body)
                    continue
                }
            }
            let rangeStart = i
            let low = try classChar(classStart)
            var high = low
            if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                i += 1
                high = try classChar(classStart)
                if high.value < low.value { throw fail("invalid character class range", rangeStart, i) }
            }
            body += Self.escapedLiteral(low)
            if high != low { body += "-" + Self.escapedLiteral(high) }
        }
        i += 1
        out += body + "]"
        atom()
    }

    private func posixClassEnd(from start: Int) -> Int? {
        var j = start + 2
        while j + 1 < s.count {
            if s[j] == ":" && s[j + 1] == "]" { return j }
            j += 1
        }
        return nil
    }

    /// One (possibly escaped) character inside a class.
    private mutating func classChar(_ classStart: Int) throws(Failure) -> Unicode.Scalar {
        guard i < s.count else { throw fail("missing closing ]", classStart, s.count) }
        let c = s[i]
        guard c == "\\" else {
            i += 1
            return c
        }
        let start = i
        guard i + 1 < s.count else { throw Failure(reason: "trailing backslash at end of expression: ``") }
        let e = s[i + 1]
        i += 2
        switch e {
        case "a": return "\u{07}"
        case "f": return "\u{0C}"
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "v": return "\u{0B}"
        case "0"..."7":
            if e != "0", !(i < s.count && ("0"..."7").contains(s[i])) { throw fail("invalid escape sequence", start, i) }
            var value = e.value - 48
            var count = 1
            while count < 3, i < s.count, ("0"..."7").contains(s[i]) {
                value = value * 8 + s[i].value - 48
                i += 1
                count += 1
            }
            return Unicode.Scalar(value) ?? "\u{0}"
        case "x":
            var scratch = ""
            swap(&scratch, &out)
            defer { swap(&scratch, &out) }
            try hexEscape(start)
            let hex = out.dropFirst(3).dropLast()
            return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{0}"
        default:
            guard e.isASCII, !(e.properties.isAlphabetic || ("0"..."9").contains(e)) else {
                throw fail("invalid escape sequence", start, i)
            }
            return e
        }
    }
}
