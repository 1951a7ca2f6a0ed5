import Testing
@testable import Dashboards

/// `fieldConfig.overrides`: decoding, Grafana's property semantics, and lint.
@Suite struct FieldOverrideTests {
    static let panelJSON = #"""
    {"uid": "u", "title": "t", "panels": [{"id": 1, "type": "timeseries", "title": "p",
      "fieldConfig": {"defaults": {"unit": "short", "decimals": 1, "custom": {"lineWidth": 1}},
        "overrides": [
          {"matcher": {"id": "byName", "options": "p99"},
           "properties": [{"id": "unit", "value": "ms"}, {"id": "displayName", "value": "P99 latency"},
                          {"id": "color", "value": {"mode": "fixed", "fixedColor": "red"}}]},
          {"matcher": {"id": "byRegexp", "options": "/err.*/i"},
           "properties": [{"id": "decimals", "value": null}, {"id": "custom.hideFrom", "value": {"legend": true, "viz": false}},
                          {"id": "thresholds", "value": {"mode": "percentage", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 90}]}}]},
          {"matcher": {"id": "byValue", "options": {"reducer": "max", "op": "gte", "value": "80"}},
           "properties": [{"id": "mappings", "value": [{"type": "value", "options": {"1": {"text": "UP"}}}]}, {"id": "noValue", "value": 0}]},
          {"matcher": {"id": "byNames", "options": {"mode": "exclude", "names": ["a", "b"]}}, "properties": []},
          {"matcher": {"id": "byFrameRefID", "options": "B"}, "properties": [{"id": "min", "value": 0}, {"id": "max", "value": "100"}]},
          {"matcher": {"id": "byType", "options": "number"}, "properties": [{"id": "custom.lineWidth", "value": 3}]}
        ]}}]}
    """#

    @Test func decodesEveryMatcherAndItsProperties() throws {
        let dashboard = try Dashboard(json: Self.panelJSON)
        let overrides = try #require(dashboard.panels.first).fieldConfig.overrides
        #expect(overrides.map(\.matcher) == [
            .byName("p99"), .byRegexp("/err.*/i"), .byValue(reducer: "max", op: .gte, value: 80),
            .byNames(["a", "b"], exclude: true), .byFrameRefID("B"), .byType("number"),
        ])
        #expect(overrides[0].properties.map(\.id) == ["unit", "displayName", "color"])
        #expect(overrides[1].properties[0].value == .null)
    }

    @Test func laterPropertiesReplaceWholeValuesAndNullRemoves() throws {
        let dashboard = try Dashboard(json: Self.panelJSON)
        let config = try #require(dashboard.panels.first).fieldConfig
        let all = config.defaults.applying(config.overrides) { _ in true }
        #expect(all.unit == "ms")
        #expect(all.displayName == "P99 latency")
        #expect(all.colorMode == "fixed" && all.fixedColor == "red")
        #expect(all.decimals == nil)
        #expect(all.thresholds?.mode == .percentage && all.thresholds?.steps.count == 2)
        #expect(all.mappings == [.value(["1": MappingResult(text: "UP")])])
        #expect(all.noValue == "0")
        #expect(all.min == 0 && all.max == 100)
        #expect(all.custom["lineWidth"] == .number(3))
        #expect(all.custom["hideFrom"]?["legend"] == .bool(true))
        // Only the overrides that match apply, in order.
        let firstOnly = config.defaults.applying(config.overrides) { $0.matcherID == "byName" }
        #expect(firstOnly.unit == "ms" && firstOnly.decimals == 1 && firstOnly.custom["lineWidth"] == .number(1))
    }

    @Test func customPathsNestAndNullRemovesTheMember() {
        var config = FieldDefaults(custom: .object([("hideFrom", .object([("viz", .bool(true))]))]))
        config.apply(property: "custom.hideFrom.legend", value: .bool(true))
        #expect(config.custom["hideFrom"]?["viz"] == .bool(true))
        #expect(config.custom["hideFrom"]?["legend"] == .bool(true))
        config.apply(property: "custom.hideFrom", value: .null)
        #expect(config.custom["hideFrom"] == nil)
        config.apply(property: "links", value: .array([]))
        #expect(config == FieldDefaults(custom: .object([])))
    }

    @Test func matcherOptionsOfTheWrongShapeAreProblems() {
        #expect(throws: FieldMatcher.Problem.unknownID("byMagic")) { try FieldMatcher.decode(id: "byMagic", options: .string("x")).get() }
        #expect(throws: FieldMatcher.Problem.self) { try FieldMatcher.decode(id: "byName", options: .object([])).get() }
        #expect(throws: FieldMatcher.Problem.self) {
            try FieldMatcher.decode(id: "byValue", options: .object([("reducer", .string("max")), ("op", .string(">=")), ("value", .number(1))])).get()
        }
        #expect(throws: FieldMatcher.Problem.self) { try FieldMatcher.decode(id: "byNames", options: .string("a")).get() }
        #expect(FieldMatcher.ComparisonOperator.neq.compare(1, 2) && !FieldMatcher.ComparisonOperator.lt.compare(2, 2))
    }

    static func overridePanel(_ overrides: String) -> String {
        "{\"id\": 1, \"type\": \"timeseries\", \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8},\n"
            + "\"targets\": [{\"refId\": \"A\", \"expr\": \"up\"}],\n\"fieldConfig\": {\"defaults\": {}, \"overrides\": \(overrides)}}"
    }

    @Test func lintPointsAtUnknownMatchersAndMalformedOverrides() {
        let panel = Self.overridePanel("""
        [{"matcher": {"id": "byMagic", "options": "x"}, "properties": []},
        {"matcher": {"id": "byValue", "options": {"op": "gte"}}, "properties": []},
        {"matcher": {"id": "byRegexp", "options": "(unclosed"}, "properties": [{"id": "decimals", "value": "two"}, {"value": 1}]},
        {"properties": "nope"},
        {"matcher": {"id": "byName", "options": "ok"}, "properties": [{"id": "decimals", "value": 2}, {"id": "thresholds", "value": null}]}]
        """)
        let found = LintRulesTests.lint(panel)
        let at = { (needle: String) in "d.json:" + LintRulesTests.at(needle, in: panel) }
        #expect(found.contains("\(at("\"byMagic\"")): error: unknown field override matcher \"byMagic\" (promdeck knows byName, byNames, byRegexp, byRegexpOrNames, byFrameRefID, byType, byValue)"))
        #expect(found.contains { $0.hasPrefix("\(at("{\"op\"")): error: matcher \"byValue\" needs options") })
        #expect(found.contains("\(at("\"(unclosed\"")): error: matcher \"byRegexp\": invalid regular expression \"(unclosed\""))
        #expect(found.contains("\(at("\"two\"")): error: override property \"decimals\" must be a number, found a string"))
        #expect(found.contains("\(at("{\"value\": 1}")): error: override property needs an \"id\" string"))
        #expect(found.contains("\(at("{\"properties\"")): error: override has no \"matcher\""))
        #expect(found.contains("\(at("\"nope\"")): error: \"properties\" must be an array, found a string"))
        #expect(found.count == 7, "\(found)")
    }

    @Test func wellFormedOverridesAreClean() {
        let clean = LintRulesTests.lint(Self.overridePanel(
            "[{\"matcher\": {\"id\": \"byRegexpOrNames\", \"options\": {\"pattern\": \"/p9.*/\", \"names\": [\"x\"]}}, \"properties\": [{\"id\": \"custom.fillOpacity\", \"value\": 20}]}]"))
        #expect(clean.isEmpty, "\(clean)")
    }
}
