/// Rejects the constructs Swift's regex engine accepts but RE2 (Go's regexp) does not,
/// with Go's wording, so we refuse exactly what Prometheus refuses.
enum RE2Syntax {
    static func validate(_ pattern: String) throws(RegexError) {
        let chars = Array(pattern.unicodeScalars)
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else {
                    throw RegexError(pattern: pattern, reason: "trailing backslash at end of expression: ``")
                }
                let n = chars[i + 1]
                if !inClass, ("1"..."9").contains(n) || n == "k" || n == "g" {
                    throw RegexError(pattern: pattern, reason: "invalid escape sequence: `\\\(n)`")
                }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                i += 1
                // A leading `]` or `^]` is literal inside a class.
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                continue
            }
            if c == "(", i + 1 < chars.count, chars[i + 1] == "?" {
                let rest = String(String.UnicodeScalarView(chars[(i + 2)...].prefix(2)))
                if rest.hasPrefix("=") || rest.hasPrefix("!") || rest.hasPrefix("<=") || rest.hasPrefix("<!")
                    || rest.hasPrefix(">") || rest.hasPrefix("#") || rest.hasPrefix("|")
                {
                    let shown = String(String.UnicodeScalarView(chars[i...].prefix(rest.hasPrefix("<") ? 4 : 3)))
                    throw RegexError(pattern: pattern, reason: "invalid or unsupported Perl syntax: `\(shown)`")
                }
            }
            if (c == "*" || c == "+" || c == "?" || c == "}"), i + 1 < chars.count,
                chars[i + 1] == "+" || ((chars[i + 1] == "*") && c != "}")
            {
                let shown = String(String.UnicodeScalarView([c, chars[i + 1]]))
                throw RegexError(pattern: pattern, reason: "invalid nested repetition operator: `\(shown)`")
            }
            i += 1
        }
    }
}
