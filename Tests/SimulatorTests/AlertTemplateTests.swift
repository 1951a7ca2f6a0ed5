import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// The demo's alert templates against Prometheus's own: each template is an annotation of one
/// alerting rule, `promtool test rules` prints what Prometheus expanded it to, and ours must
/// print the same for the same series and value.
@Suite struct AlertTemplateTests {
    /// The series `m{job="api",instance="h:9"}` at 0.0731244064577398, as the rule sees it.
    static let labels = Labels(["__name__": "m", "job": "api", "instance": "h:9"])
    static let value = 0.0731244064577398

    static let templates: [String] = [
        "{{ $labels.job }} answers {{ $value | humanizePercentage }} of requests with 5xx",
        "{{ $value }} {{ humanize 1234567 }} {{ humanize1024 1048576.0 }} {{ humanize 0.000123 }} {{ humanize 1e30 }} {{ humanize 0 }}",
        "{{ humanizeDuration 3725.5 }} {{ humanizeDuration 0.0123 }} {{ humanizeDuration 45.678 }} {{ humanizeDuration 200000 }} {{ humanizeDuration -61 }}",
        "{{ humanizeTimestamp 1767276000.5 }} | {{ humanizeTimestamp 0 }}",
        "{{ printf \"%.2f\" $value }}|{{ printf \"%d\" 3 }}|{{ printf \"%d\" $value }}|{{ printf \"%5.1f%%\" 12.345 }}|{{ printf \"%s-%v\" \"x\" 1.5 }}|{{ printf \"%q\" $labels.job }}",
        "{{ printf \"%v %g %e\" 1e7 0.00001 123.456 }} {{ printf \"%x %X %05d %-4d|\" 255 \"hi\" 42 7 }} {{ printf \"%d %d\" 1 }} {{ printf \"%d\" 1 2 }}",
        "{{ title \"hello wORLD-foo\" }} {{ toLower \"ABC\" }} {{ toUpper $labels.job }} [{{ $labels.missing }}]",
        "{{ with $labels.job }}job={{ . }}{{ end }} {{ with $labels.nope }}x{{ else }}none{{ end }}",
        "{{ if gt $value 0.5 }}big{{ else if gt $value 0.01 }}mid{{ else }}small{{ end }}",
        "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }} {{- \" trimmed \" -}} ! {{/* a comment */}}end",
        "{{ $x := 5 }}{{ $x }} {{ $x = 6 }}{{ $x }} {{ print 1 2 \"a\" 3 }} {{ len $labels }} {{ index $labels \"job\" }} {{ .Value }} {{ .Labels.job }}",
        "{{ humanize \"12345\" }} {{ 1e7 }} {{ 12345678.0 }} {{ 42 }} {{ true }} {{ \"a\" | printf \"%s!\" }} {{ (printf \"%.1f\" 2.25) | toUpper }}",
        "{{ if and $labels.job (eq $labels.job \"api\" \"web\") }}yes{{ end }} {{ or $labels.nope \"fallback\" }} {{ not false }} {{ ne 1 2 }} {{ le 2.5 2.5 }}",
        "{{ stripPort $labels.instance }} {{ stripPort \"[::1]:80\" }}",
        "{{ $value | printf \"%.3f\" }} {{ $value | humanize }} {{ 0.25 | humanizePercentage }}",
    ]

    @Test(.tags(.promtool)) func expandsAsPrometheusDoes() async throws {
        let expected = try await offCooperativePool { try Self.promtoolExpansions(Self.templates) }
        for (index, template) in Self.templates.enumerated() {
            let ours = AlertTemplate.expand(template, ruleName: "T", labels: Self.labels, value: Self.value)
            #expect(ours == expected["a\(index)"], "template \(index): \(template)")
        }
    }

    @Test func errorsExpandInPlaceAsPrometheusDoes() {
        let comparison = AlertTemplate.expand("{{ gt $value 1 }}", ruleName: "T", labels: Self.labels, value: 1)
        #expect(comparison.hasPrefix("<error expanding template: error executing template __alert_T: "))
        #expect(comparison.hasSuffix("error calling gt: incompatible types for comparison>"))
        let parse = AlertTemplate.expand("{{ if $value }}no end", ruleName: "T", labels: Self.labels, value: 1)
        #expect(parse.hasPrefix("<error expanding template: error parsing template __alert_T: "))
        #expect(AlertTemplate.expand("{{ nosuch 1 }}", labels: Self.labels, value: 1).contains("function \"nosuch\" not defined"))
    }

    @Test func theDemoNoLongerPrintsRawValues() {
        let summary = AlertTemplate.expand(
            "{{ $labels.job }} answers {{ $value | humanizePercentage }} of requests with 5xx", labels: Self.labels, value: Self.value)
        #expect(summary == "api answers 7.312% of requests with 5xx")
        #expect(AlertTemplate.expand("p95 is {{ $value | humanizeDuration }}", labels: Self.labels, value: 0.734) == "p95 is 734ms")
    }

    /// What Prometheus expands each template to (Debian's promtool is 2.42; the template
    /// functions used here are unchanged up to 3.14's template/template.go): one rule with an annotation per template,
    /// a unit test that expects no alert, and the alert promtool reports it got instead.
    static func promtoolExpansions(_ templates: [String]) throws -> [String: String] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var rules = "groups:\n- name: t\n  rules:\n  - alert: T\n    expr: m > 0\n    annotations:\n"
        for (index, template) in templates.enumerated() { rules += "      a\(index): \(PromtoolRules.yamlQuote(template))\n" }
        try rules.write(toFile: dir.path + "/rules.yml", atomically: true, encoding: .utf8)
        let test = """
            rule_files: [rules.yml]
            evaluation_interval: 1m
            tests:
            - interval: 1m
              input_series:
              - series: 'm{job="api",instance="h:9"}'
                values: '\(value)x5'
              alert_rule_test:
              - eval_time: 2m
                alertname: T
                exp_alerts: []

            """
        try test.write(toFile: dir.path + "/test.yml", atomically: true, encoding: .utf8)
        let output = try runCommand("/usr/bin/promtool", ["test", "rules", "test.yml"], directory: dir.path)
        guard let line = (output.stdout + "\n" + output.stderr).split(separator: "\n").first(where: { $0.contains("Annotations:{") }) else {
            throw TestSupportError("promtool printed no alert:\n\(output.stdout)\n\(output.stderr)")
        }
        return try parseLabels(String(line[line.range(of: "Annotations:{")!.upperBound...].dropLast()))
    }

    /// Go's labels.String(): `a="quoted", b="…"`, values in strconv.Quote's escapes.
    static func parseLabels(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        var characters = Array(text)[...]
        while !characters.isEmpty {
            var name = ""
            while let character = characters.popFirst(), character != "=" { name.append(character) }
            guard characters.popFirst() == "\"" else { throw TestSupportError("bad labels: \(text)") }
            var value = ""
            while let character = characters.popFirst(), character != "\"" {
                guard character == "\\" else { value.append(character); continue }
                switch characters.popFirst() {
                case "n": value += "\n"
                case "t": value += "\t"
                case let escaped?: value.append(escaped)
                case nil: break
                }
            }
            result[name.trimmingCharacters(in: .whitespaces)] = value
            if characters.first == "," { characters.removeFirst() }
        }
        return result
    }
}
