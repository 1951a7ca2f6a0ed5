/// Validates a label-matcher regex with Go's `regexp/syntax` rules (RE2, as Prometheus
/// 2.42 compiles `^(?:pattern)$`) and translates it into equivalent Swift Regex syntax.
///
/// Errors read like Go's (2.42's `missing closing ]: `[)$``, including the wrapping,
/// because the snippets Go quotes come from the wrapped expression; 3.x's from the bare one). Differences handled: `.` excludes
/// only `\n`; `^`/`$` are text anchors unless `(?m)`; `[` inside a class and `{` that is not
/// a repeat are literals; `\pL`, octal escapes, `\Q…\E`; RE2 has no backreferences or
/// lookarounds, and repeat counts stop at 1000.
struct RE2Syntax {
    let s: [Unicode.Scalar]
    var i = 0
    var out = ""
    /// Per open group: the (dotAll, multiline) flags in force.
    private var flagStack: [(dotAll: Bool, multiline: Bool)] = [(false, false)]
    /// Whether the last item can take a repetition, and where its last repeat operator began.
    private var haveAtom = false
    private var lastRepeatStart: Int?
    /// 3.x's Go accepts `(?<name>…)` beside `(?P<name>…)`.
    private var angleNames = false

    private init(_ wrapped: String) { s = Array(wrapped.unicodeScalars) }

    /// Returns the Swift translation of `^(?:pattern)$`, or with `dotAll` of 3.x's
    /// `^(?s:pattern)$`. The errors differ where Go quotes the whole expression or a class
    /// running to its end: 3.x's NewFastRegexMatcher (model/labels/regexp.go at v3.14.0)
    /// runs `syntax.Parse(v, syntax.Perl|syntax.DotNL)` on the bare pattern first
    /// ("missing closing ): `(`"), 2.42's compiled `^(?:v)$` at once ("… `^(?:()$`").
    static func translate(_ pattern: String, dotAll: Bool = false) throws(RegexError) -> String {
        if dotAll { _ = try run(pattern, dotAll: true, reporting: pattern) }
        return try run("^(?:" + pattern + ")$", dotAll: dotAll, reporting: pattern)
    }

    private static func run(_ expression: String, dotAll: Bool, reporting pattern: String) throws(RegexError) -> String {
        var translator = RE2Syntax(expression)
        translator.flagStack = [(dotAll, false)]
        translator.angleNames = dotAll
        do {
            try translator.run()
        } catch let failure {
            throw RegexError(pattern: pattern, reason: failure.reason)
        }
        return translator.out
    }

    struct Failure: Error { let reason: String }

    func fail(_ code: String, _ from: Int, _ to: Int) -> Failure {
        Failure(reason: "\(code): `\(text(from, to))`")
    }

    func text(_ from: Int, _ to: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[max(0, from)..<min(to, s.count)])
        return String(v)
    }

    private var whole: String { text(0, s.count) }

    private mutating func run() throws(Failure) {
        while i < s.count {
            let c = s[i]
            switch c {
            case "(": try openGroup()
            case ")":
                if flagStack.count <= 1 { throw fail("unexpected )", 0, s.count) }
                flagStack.removeLast()
                out += ")"
                i += 1
                atom()
            case "|":
                out += "|"
                i += 1
                haveAtom = false
                lastRepeatStart = nil
            case "*", "+", "?": try repetition(length: 1)
            case "{":
                if let length = repeatLength(at: i) {
                    try repetition(length: length)
                } else {
                    literal(c)
                }
            case "[": try characterClass()
            case "\\": try escape()
            case ".":
                out += flagStack.last!.dotAll ? "(?s:.)" : "[^\\n]"
                i += 1
                atom()
            case "^":
                out += flagStack.last!.multiline ? "(?m:^)" : "\\A"
                i += 1
                atom()
            case "$":
                out += flagStack.last!.multiline ? "(?m:$)" : "\\z"
                i += 1
                atom()
            default: literal(c)
            }
        }
        if flagStack.count > 1 { throw fail("missing closing )", 0, s.count) }
    }

    mutating func atom() {
        haveAtom = true
        lastRepeatStart = nil
    }

    private mutating func literal(_ c: Unicode.Scalar) {
        out += Self.escapedLiteral(c)
        i += 1
        atom()
    }

    static func escapedLiteral(_ c: Unicode.Scalar) -> String {
        if c.isASCII, !(c.properties.isAlphabetic || ("0"..."9").contains(c)), c != " ", c != "_" {
            return c.value < 0x20 || c.value == 0x7F ? "\\x{\(String(c.value, radix: 16))}" : "\\" + String(c)
        }
        return String(c)
    }

    private mutating func openGroup() throws(Failure) {
        let start = i
        guard i + 1 < s.count, s[i + 1] == "?" else {
            flagStack.append(flagStack.last!)
            out += "("
            i += 1
            haveAtom = false
            lastRepeatStart = nil
            return
        }
        i += 2
        // Go's parsePerlFlags: `(?P<name>` needs a character after the `<`; the Go 1.22+
        // that builds 3.x also takes `(?<name>` (1.19's 2.42 calls it unsupported Perl).
        // Anything else is flags, where `P` or `<` is unsupported Perl syntax.
        let pythonName = i + 2 < s.count && s[i] == "P" && s[i + 1] == "<"
        let angleName = angleNames && i + 1 < s.count && s[i] == "<"
        if pythonName || angleName {
            let nameStart = pythonName ? i + 2 : i + 1
            guard let close = s[i...].firstIndex(of: ">") else { throw fail("invalid named capture", start, s.count) }
            let name = s[nameStart..<close]
            if name.isEmpty || !name.allSatisfy({ isAlphaNumeric($0) }) {
                throw fail("invalid named capture", start, close + 1)
            }
            flagStack.append(flagStack.last!)
            // Names never affect matching, and Go allows ones Swift rejects (`(?P<0a>`).
            out += "("
            i = close + 1
            haveAtom = false
            return
        }
        var flags = flagStack.last!
        var negate = false
        var sawFlag = false
        var translated = "(?"
        while i < s.count {
            let c = s[i]
            i += 1
            switch c {
            case "i", "U":
                translated.unicodeScalars.append(c)
                sawFlag = true
            case "s", "m":
                if c == "s" { flags.dotAll = !negate } else { flags.multiline = !negate }
                translated.unicodeScalars.append(c)
                sawFlag = true
            case "-":
                if negate { throw fail("invalid or unsupported Perl syntax", start, i) }
                negate = true
                sawFlag = false
                translated += "-"
            case ":" where negate && !sawFlag, ")" where negate && !sawFlag:
                throw fail("invalid or unsupported Perl syntax", start, i)
            case ":":
                flagStack.append(flags)
                out += translated + ":"
                haveAtom = false
                lastRepeatStart = nil
                return
            case ")":
                flagStack[flagStack.count - 1] = flags
                out += translated + ")"
                return
            default:
                throw fail("invalid or unsupported Perl syntax", start, i)
            }
        }
        // The flags ran to the end (only a bare 3.x pattern can): Go quotes them.
        throw fail("invalid or unsupported Perl syntax", start, s.count)
    }

    /// Length of a valid `{n}`, `{n,}` or `{n,m}` at `at`, or nil (then `{` is a literal).
    private func repeatLength(at: Int) -> Int? {
        var j = at + 1
        func digits() -> Bool {
            let begin = j
            while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
            return j > begin
        }
        guard digits() else { return nil }
        if j < s.count, s[j] == "," {
            j += 1
            _ = digits()
        }
        guard j < s.count, s[j] == "}" else { return nil }
        return j + 1 - at
    }

    private mutating func repetition(length: Int) throws(Failure) {
        let start = i
        var end = i + length
        if end < s.count, s[end] == "?" { end += 1 }  // lazy
        if let previous = lastRepeatStart { throw fail("invalid nested repetition operator", previous, end) }
        guard haveAtom else { throw fail("missing argument to repetition operator", start, end) }
        if s[start] == "{" {
            let body = text(start + 1, start + length - 1).split(separator: ",", omittingEmptySubsequences: false)
            let low = Int(body[0]) ?? Int.max
            let high = body.count > 1 ? (body[1].isEmpty ? -1 : Int(body[1]) ?? Int.max) : low
            if low > 1000 || high > 1000 || (high >= 0 && high < low) {
                throw fail("invalid repeat count", start, start + length)
            }
        }
        out += text(start, end)
        i = end
        lastRepeatStart = start
    }

    mutating func escape() throws(Failure) {
        let start = i
        guard i + 1 < s.count else { throw Failure(reason: "trailing backslash at end of expression: ``") }
        let c = s[i + 1]
        i += 2
        switch c {
        case "1"..."7" where !(i < s.count && ("0"..."7").contains(s[i])):
            throw fail("invalid escape sequence", start, i)
        case "8", "9":
            throw fail("invalid escape sequence", start, i)
        case "0"..."7":
            var value = c.value - 48
            var count = 1
            while count < 3, i < s.count, ("0"..."7").contains(s[i]) {
                value = value * 8 + s[i].value - 48
                i += 1
                count += 1
            }
            out += "\\x{\(String(value, radix: 16))}"
        case "A", "z", "b", "B":
            out += "\\" + String(c)
            if c == "A" || c == "z" || c == "b" || c == "B" { haveAtom = true }
            lastRepeatStart = nil
            return
        case "d", "D", "s", "S", "w", "W":
            out += "\\" + String(c)
        case "a": out += "\\x{7}"
        case "f": out += "\\x{c}"
        case "t": out += "\\t"
        case "n": out += "\\n"
        case "r": out += "\\r"
        case "v": out += "\\x{b}"
        case "x": try hexEscape(start)
        case "p", "P":
            var classText = ""
            try unicodeClass(c, start, into: &classText)
            out += classText
        case "Q":
            var j = i
            while j < s.count, !(s[j] == "\\" && j + 1 < s.count && s[j + 1] == "E") {
                out += Self.escapedLiteral(s[j])
                j += 1
            }
            i = min(j + 2, s.count)
        default:
            guard c.isASCII, !(c.properties.isAlphabetic || ("0"..."9").contains(c)) else {
                throw fail("invalid escape sequence", start, i)
            }
            out += Self.escapedLiteral(c)
        }
        atom()
    }

    mutating func hexEscape(_ start: Int) throws(Failure) {
        if i < s.count, s[i] == "{" {
            // Go's loop: hex digits up to `}`, at least one, at most U+10FFFF; the error
            // quotes what was consumed.
            var j = i + 1
            var value: UInt32 = 0
            var count = 0
            while true {
                guard j < s.count else { throw fail("invalid escape sequence", start, j) }
                let c = s[j]
                j += 1
                if c == "}" { break }
                let digit = Lexer.digitValue(c)
                guard digit < 16 else { throw fail("invalid escape sequence", start, j) }
                value = value * 16 + digit
                guard value <= 0x10FFFF else { throw fail("invalid escape sequence", start, j) }
                count += 1
            }
            guard count > 0 else { throw fail("invalid escape sequence", start, j) }
            out += "\\x{\(String(value, radix: 16))}"
            i = j
            return
        }
        guard i + 1 < s.count, Lexer.digitValue(s[i]) < 16, Lexer.digitValue(s[i + 1]) < 16 else {
            throw fail("invalid escape sequence", start, min(s.count, i + 2))
        }
        out += "\\x{" + text(i, i + 2) + "}"
        i += 2
    }

    mutating func unicodeClass(_ c: Unicode.Scalar, _ start: Int, into target: inout String) throws(Failure) {
        guard i < s.count else { throw fail("invalid character class range", start, i) }
        if s[i] == "{" {
            guard let close = s[i...].firstIndex(of: "}") else { throw fail("invalid character class range", start, s.count) }
            let name = text(i + 1, close)
            guard Self.isKnownProperty(name.hasPrefix("^") ? String(name.dropFirst()) : name) else {
                throw fail("invalid character class range", start, close + 1)
            }
            // `\p{^Greek}` is Go's negation; Swift spells it `\P{Greek}`.
            if i + 1 < close, s[i + 1] == "^" {
                target += (c == "p" ? "\\P{" : "\\p{") + text(i + 2, close + 1)
                i = close + 1
                return
            }
            target += "\\" + String(c) + text(i, close + 1)
            i = close + 1
        } else {
            guard Self.isKnownProperty(String(s[i])) else { throw fail("invalid character class range", start, i + 1) }
            target += "\\" + String(c) + "{" + String(s[i]) + "}"
            i += 1
        }
    }

    /// Unicode categories and scripts Go knows; Swift's parser is the judge (it knows a
    /// few more properties than Go, which we then accept).
    static func isKnownProperty(_ name: String) -> Bool {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ isAlphaNumeric($0) }) else { return false }
        return (try? Regex("\\p{" + name + "}")) != nil
    }
}
