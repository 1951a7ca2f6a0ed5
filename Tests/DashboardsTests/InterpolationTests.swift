import Testing
@testable import Dashboards

@Suite struct InterpolationTests {
    static let job = Variable(name: "job", kind: .query, current: ["ai-engine", "execution"],
                              options: ["ai-engine", "execution", "risk-safety"], multi: true, includeAll: true)
    static let symbol = Variable(name: "symbol", kind: .query, current: ["ETH.USD", "a|b"], multi: true)
    static let env = Variable(name: "env", kind: .textbox, current: ["o'k\\x"])
    static let builtIns = ["__interval": "30s", "__rate_interval": "1m"]

    static func interpolate(_ text: String, _ variables: [Variable] = [job, symbol, env]) -> String {
        TemplateInterpolator(variables: variables, builtIns: builtIns).interpolate(text)
    }

    @Test(arguments: [
        (#"up{job=~"$job"}"#, #"up{job=~"(ai-engine|execution)"}"#),
        (#"up{job=~"${job}"}"#, #"up{job=~"(ai-engine|execution)"}"#),
        (#"up{job=~"[[job]]"}"#, #"up{job=~"(ai-engine|execution)"}"#),
        ("${job:regex}", "(ai-engine|execution)"),
        ("${job:pipe}", "ai-engine|execution"),
        ("${job:csv}", "ai-engine,execution"),
        ("[[job:csv]]", "ai-engine,execution"),
        ("${job:raw}", "ai-engine,execution"),
        ("${job:text}", "ai-engine + execution"),
        ("${job:json}", #"["ai-engine","execution"]"#),
        ("${job:singlequote}", "'ai-engine','execution'"),
        ("${job:glob}", "{ai-engine,execution}"),
        ("${job:queryparam}", "var-job=ai-engine&var-job=execution"),
        // Prometheus escaping: regex metacharacters get a backslash that survives the string.
        ("$symbol", #"(ETH\\.USD|a\\|b)"#),
        ("${symbol:regex}", #"(ETH\.USD|a\|b)"#),
        // Neither multi nor All: only `\` and `'` are escaped.
        ("$env", #"o\\'k\\x"#),
        ("${env:raw}", #"o'k\x"#),
        ("rate(x[$__rate_interval]) [$__interval]", "rate(x[1m]) [30s]"),
        ("${__interval}", "30s"),
        // Unknown names, other words and broken syntax are left alone.
        ("$nope ${nope:csv} [[nope]]", "$nope ${nope:csv} [[nope]]"),
        ("$jobx ${job}x", "$jobx (ai-engine|execution)x"),
        ("$ ${} [[]] ${job:}", "$ ${} [[]] ${job:}"),
    ])
    func formats(text: String, expected: String) {
        #expect(Self.interpolate(text) == expected)
    }

    /// Every metacharacter of both escapes, a backslash, and text that is not ASCII (left as it is).
    @Test func regexEscapesCoverEveryMetacharacter() {
        let value = #"é\$^*{}[]+?.()|/-"#
        #expect(VariableFormat.promSpecialRegexEscape(value)
            == #"é\\\\\\$\\^\\*\\{\\}\\[\\]\\+\\?\\.\\(\\)\\|/-"#)
        #expect(VariableFormat.regexEscape(value) == #"é\\\$\^\*\{\}\[\]\+\?\.\(\)\|\/-"#)
        #expect(VariableFormat.promSpecialRegexEscape("ai-engine") == "ai-engine")
    }

    @Test func singleValueOfAMultiVariableIsNotGrouped() {
        var one = Self.job
        one.current = ["risk.safety"]
        #expect(Self.interpolate("$job", [one]) == #"risk\\.safety"#)
    }

    @Test func allUsesAllValueVerbatimOrEveryOption() {
        var all = Self.job
        all.current = [Variable.allValueMarker]
        #expect(Self.interpolate("$job|${job:text}", [all]) == "(ai-engine|execution|risk-safety)|All")
        all.allValue = ".*"
        #expect(Self.interpolate(#"{job=~"$job"} ${job:csv} ${job:text}"#, [all]) == #"{job=~".*"} .* All"#)
        var unloaded = Self.job
        unloaded.current = [Variable.allValueMarker]
        unloaded.options = []
        // No options: All is the empty alternation, as in Grafana (scenes' MultiValueVariable).
        #expect(Self.interpolate("$job", [unloaded]) == "()")
    }

    @Test func overridingSelectsAllOrValues() {
        let dashboard = Dashboard(uid: "u", title: "t", variables: [Self.job])
        let all = dashboard.variables(overriding: ["job": ["All"]])
        #expect(all[0].current == [Variable.allValueMarker])
        #expect(dashboard.variables(overriding: ["job": ["x"]])[0].current == ["x"])
    }

    @Test func findsReferencesWithPositions() {
        let refs = VariableReference.scan(#"a $job ${x.f:csv:y} [[z:raw]] µ$__range"#)
        #expect(refs.map(\.name) == ["job", "x", "z", "__range"])
        #expect(refs.map(\.range) == [2..<6, 7..<19, 20..<29, 32..<40])
        #expect(refs[1].fieldPath == "f" && refs[1].format == "csv" && refs[1].formatArguments == ["y"])
        #expect(refs[2].format == "raw" && refs[3].isBuiltIn)
    }

    @Test func mayOccurIsTrueForEveryTextScanFindsAReferenceIn() {
        for text in ["$job", "a [[z]]", "µ$", "[[", "x{a=\"[[b]]\"}"] { #expect(VariableReference.mayOccur(in: text), "\(text)") }
        for text in ["", "sum(rate(x[5m]))", "[ [", "a[b][c]", "€[€["] { #expect(!VariableReference.mayOccur(in: text), "\(text)") }
        // The quick test never hides what scan would find.
        for text in [#"a $job ${x.f:csv:y} [[z:raw]] µ$__range"#, "[[v]]", "plain"] {
            #expect(VariableReference.mayOccur(in: text) || VariableReference.scan(text).isEmpty)
        }
    }

    @Test func substitutionMapPointsBackIntoTheTemplate() {
        let template = #"rate(x{job=~"$job"}[$__rate_interval]) +"#
        let (text, map) = TemplateInterpolator(variables: [Self.job], builtIns: Self.builtIns).interpolateMapped(template)
        #expect(text == #"rate(x{job=~"(ai-engine|execution)"}[1m]) +"#)
        let bytes = Array(text.utf8)
        // Literal text maps one to one, a substituted value to its reference's `$`.
        #expect(map.sourceOffset(forOutputOffset: 0) == 0)
        #expect(map.sourceOffset(forOutputOffset: 15) == 13)
        let bracket = bytes.firstIndex(of: UInt8(ascii: "["))!
        #expect(map.sourceOffset(forOutputOffset: bracket + 1) == 20)
        #expect(map.sourceOffset(forOutputOffset: bytes.count - 1) == template.utf8.count - 1)
        #expect(map.sourceOffset(forOutputOffset: bytes.count) == template.utf8.count)
    }
}
