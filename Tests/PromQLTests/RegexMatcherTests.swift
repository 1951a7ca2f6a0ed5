import PromModel
import Testing

@testable import PromQL

/// Label-matcher regexes behave like Prometheus's (Go RE2, fully anchored), fast paths
/// included: 2.42's `.` does not match `\n`, 3.x's does.
@Suite("Label matcher regexes")
struct RegexMatcherTests {
    @Test(
        "matching semantics",
        arguments: [
            ("a|b|c", "b", true), ("a|b|c", "ab", false), ("a|b|c", "", false), ("a||b", "", true),
            (".*", "", true), (".*", "anything", true), (".*", "two\nlines", false), (".+", "", false),
            ("foo.*", "foobar", true), ("foo.*", "xfoo", false), ("foo.*", "foo\n", false),
            ("(?s).*", "two\nlines", true), ("(?i)abc", "AbC", true), ("abc", "ABC", false),
            ("\\d+", "123", true), ("\\d+", "١٢٣", false), ("\\w+", "héllo", false), ("[[:alpha:]]+", "abc", true),
            ("[[:alpha:]]+", "é", false), ("\\pL+", "héllo", true), ("\\p{^L}", "1", true),
            ("a.c", "abc", true), ("a.c", "a\nc", false), ("a\\.c", "abc", false), ("[a[]+", "a[a", true),
            ("[a-c]{2}", "cb", true), ("[^a]", "\n", true), ("a{,2}", "a{,2}", true), ("a{2}", "aa", true),
            ("x*", "xxx", true), ("(foo|bar)baz", "barbaz", true), ("^foo$", "foo", true), ("foo$", "foo\n", false),
            ("\\Qa.b\\E", "a.b", true), ("\\Qa.b\\E", "axb", false), ("\\x41\\x{42}", "AB", true),
            ("[&&]", "&", true), ("a\\b", "a", true), ("é", "é", true), ("😀|x", "😀", true),
            ("status_(2|3)..", "status_200", true), ("status_(2|3)..", "status_404", false),
        ])
    func matches(pattern: String, value: String, expected: Bool) throws {
        let regex = try AnchoredRegex(pattern, dotMatchesNewline: false)
        #expect(regex.matches(value) == expected, "\(pattern) ~ \(value)")
        let matcher = try LabelMatcher(.regexNoMatch, "l", pattern, dotMatchesNewline: false)
        #expect(matcher.matches(value) == !expected)
    }

    @Test(
        "3.x: `.` matches a newline (`^(?s:…)$`), fast paths included",
        arguments: [
            (".*", "two\nlines", true), (".+", "\n", true), ("foo.*", "foo\n", true), ("a.c", "a\nc", true),
            ("(?-s)a.c", "a\nc", false), ("[^a]", "\n", true), ("a|b", "a\n", false), ("foo$", "foo\n", false),
        ])
    func matches3(pattern: String, value: String, expected: Bool) throws {
        #expect(try AnchoredRegex(pattern).matches(value) == expected, "\(pattern) ~ \(value)")
        #expect(try LabelMatcher(.regexMatch, "l", pattern).matches(value) == expected)
    }

    @Test("fast paths are taken for the common shapes")
    func fastPaths() throws {
        if case .literals(let set) = try AnchoredRegex("GET|POST|PUT").strategy {
            #expect(set == ["GET", "POST", "PUT"])
        } else {
            Issue.record("literal alternation should not compile a regex")
        }
        if case .anyWithoutNewline = try AnchoredRegex(".*", dotMatchesNewline: false).strategy {} else { Issue.record(".* fast path") }
        if case .prefixThenAny("api_") = try AnchoredRegex("api_.*", dotMatchesNewline: false).strategy {} else { Issue.record("prefix") }
        if case .any = try AnchoredRegex(".*").strategy {} else { Issue.record("3.x .* fast path") }
        if case .prefix("api_") = try AnchoredRegex("api_.*").strategy {} else { Issue.record("3.x prefix") }
        if case .compiled = try AnchoredRegex("a+b").strategy {} else { Issue.record("a+b needs the engine") }
    }

    /// Go's regexp/syntax messages. 3.x parses the bare pattern (model/labels/regexp.go at
    /// v3.14.0, NewFastRegexMatcher: syntax.Parse(v, …)), 2.42 compiled `^(?:v)$`, so where
    /// Go quotes the whole expression (or a class running to its end) the two differ; the
    /// 2.42 texts are promtool 2.42's (`check rules`), the 3.x ones Go's for the bare pattern.
    @Test(
        "RE2-incompatible syntax is rejected with Go's message, as 3.x and as 2.42 give it",
        arguments: [
            ("(?=x)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`", nil),
            ("(?<!x)", "error parsing regexp: invalid named capture: `(?<!x)`", "error parsing regexp: invalid or unsupported Perl syntax: `(?<`"),
            ("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`", nil),
            ("a++", "error parsing regexp: invalid nested repetition operator: `++`", nil),
            ("[", "error parsing regexp: missing closing ]: `[`", "error parsing regexp: missing closing ]: `[)$`"),
            ("(", "error parsing regexp: missing closing ): `(`", "error parsing regexp: missing closing ): `^(?:()$`"),
            ("(a", "error parsing regexp: missing closing ): `(a`", "error parsing regexp: missing closing ): `^(?:(a)$`"),
            ("a)", "error parsing regexp: unexpected ): `a)`", "error parsing regexp: unexpected ): `^(?:a))$`"),
            ("(?i", "error parsing regexp: invalid or unsupported Perl syntax: `(?i`", "error parsing regexp: missing closing ): `^(?:(?i)$`"),
            ("\\", "error parsing regexp: trailing backslash at end of expression: ``", "error parsing regexp: missing closing ): `^(?:\\)$`"),
            ("(?<>x)", "error parsing regexp: invalid named capture: `(?<>`", "error parsing regexp: invalid or unsupported Perl syntax: `(?<`"),
            ("*", "error parsing regexp: missing argument to repetition operator: `*`", nil),
            ("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`", nil),
            ("[z-a]", "error parsing regexp: invalid character class range: `z-a`", nil),
            ("\\Z", "error parsing regexp: invalid escape sequence: `\\Z`", nil),
        ] as [(String, String, String?)])
    func rejects(pattern: String, message: String, message2: String?) {
        #expect(throws: RegexError.self) { try AnchoredRegex(pattern) }
        #expect(throws: RegexError.self) { try AnchoredRegex(pattern, dotMatchesNewline: false) }
        for (dotAll, expected) in [(true, message), (false, message2 ?? message)] {
            do {
                _ = try LabelMatcher(.regexMatch, "l", pattern, dotMatchesNewline: dotAll)
                Issue.record("\(pattern) accepted")
            } catch {
                #expect(error.message == expected, "dotMatchesNewline: \(dotAll)")
                #expect(error.kind == .badData)
            }
        }
    }

    @Test("3.x's Go takes (?<name>…) named groups; 2.42's does not")
    func angleNamedGroups() throws {
        #expect(try LabelMatcher(.regexMatch, "l", "(?<x>a)b").matches("ab"))
        #expect(throws: QueryError.self) { try LabelMatcher(.regexMatch, "l", "(?<x>a)b", dotMatchesNewline: false) }
        #expect(try LabelMatcher(.regexMatch, "l", "(?P<x>a)b", dotMatchesNewline: false).matches("ab"))
    }
}
