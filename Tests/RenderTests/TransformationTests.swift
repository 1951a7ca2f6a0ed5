import Foundation
import Testing
import PromModel
import Dashboards
@testable import Render

/// Each transformation on data frames built here, against what Grafana's transformer gives.
@Suite struct TransformationTests {
    static func options(_ json: String) throws -> JSONValue { try JSONDocument.parse(json).root.value }

    static func series(_ refId: String, _ name: String, _ labels: Labels, _ points: [(Double, Double?)]) -> DataFrame {
        DataFrame(refId: refId, fields: [
            DataField(name: "Time", kind: .time, values: points.map { .number($0.0) }),
            DataField(name: "Value", kind: .number, values: points.map { $0.1.map(FieldValue.number) ?? .null }, labels: labels, displayName: name),
        ])
    }

    static let a = series("A", "api", Labels(["job": "api", "instance": "h1"]), [(1000, 1), (2000, 3), (3000, 2)])
    static let b = series("B", "db", Labels(["job": "db", "instance": "h2"]), [(2000, 10), (4000, nil)])

    static func table(_ refId: String, _ columns: [(String, DataField.Kind, [FieldValue])]) -> DataFrame {
        DataFrame(refId: refId, fields: columns.map { DataField(name: $0.0, kind: $0.1, values: $0.2) })
    }

    @Test func organizeExcludesOrdersAndRenames() throws {
        let frame = Self.table("A", [("Time", .time, [.number(1)]), ("job", .string, [.string("api")]), ("Value", .number, [.number(5)])])
        let out = Transformations.apply("organize", options: try Self.options(#"""
            {"excludeByName": {"Time": true}, "indexByName": {"Value": 0, "job": 1}, "renameByName": {"Value": "Requests"}}
            """#), to: [frame])
        #expect(out[0].fields.map(\.shownName) == ["Requests", "job"])
    }

    @Test func mergeJoinsTableRowsOnTheirCommonFields() throws {
        let up = Self.table("A", [("Time", .time, [.number(1), .number(1)]), ("job", .string, [.string("api"), .string("db")]),
                                  ("Value #A", .number, [.number(1), .number(0)])])
        let latency = Self.table("B", [("Time", .time, [.number(1), .number(1)]), ("job", .string, [.string("db"), .string("api")]),
                                       ("Value #B", .number, [.number(0.5), .number(0.2)])])
        let out = Transformations.apply("merge", options: .object([]), to: [up, latency])
        #expect(out.count == 1)
        #expect(out[0].fields.map(\.name) == ["Time", "job", "Value #A", "Value #B"])
        #expect(out[0].fields[1].values == [.string("api"), .string("db")])
        #expect(out[0].fields[2].values == [.number(1), .number(0)])
        #expect(out[0].fields[3].values == [.number(0.2), .number(0.5)])
    }

    @Test func mergeWithoutCommonFieldsLeavesTheFrames() {
        let x = Self.table("A", [("x", .number, [.number(1)])]), y = Self.table("B", [("y", .number, [.number(2)])])
        #expect(Transformations.apply("merge", options: .object([]), to: [x, y]) == [x, y])
    }

    @Test func joinByFieldIsAnOuterJoinOnTime() throws {
        let out = Transformations.apply("joinByField", options: .object([]), to: [Self.a, Self.b])
        #expect(out.count == 1)
        #expect(out[0].fields.map(\.shownName) == ["Time", "api", "db"])
        #expect(out[0].fields[0].values == [1000, 2000, 3000, 4000].map { .number($0) })
        #expect(out[0].fields[1].values == [.number(1), .number(3), .number(2), .null])
        #expect(out[0].fields[2].values == [.null, .number(10), .null, .null])
        let inner = Transformations.apply("joinByField", options: try Self.options(#"{"mode": "inner"}"#), to: [Self.a, Self.b])
        #expect(inner[0].fields[0].values == [.number(2000)])
    }

    @Test func reduceSeriesToRows() throws {
        let out = Transformations.apply("reduce", options: try Self.options(#"{"reducers": ["max", "lastNotNull"]}"#), to: [Self.a, Self.b])
        #expect(out[0].fields.map(\.name) == ["Field", "Max", "Last *"])
        #expect(out[0].fields[0].values == [.string("api"), .string("db")])
        #expect(out[0].fields[1].values == [.number(3), .number(10)])
        #expect(out[0].fields[2].values == [.number(2), .number(10)])
        let labelled = Transformations.apply("reduce", options: try Self.options(#"{"reducers": ["mean"], "labelsToFields": true}"#), to: [Self.a])
        #expect(labelled[0].fields.map(\.name) == ["Field", "instance", "job", "Mean"])
        #expect(labelled[0].fields[3].values == [.number(2)])
    }

    @Test func reduceFieldsKeepsFramesAndReducesEachField() throws {
        let out = Transformations.apply("reduce", options: try Self.options(#"{"mode": "reduceFields", "reducers": ["sum"]}"#), to: [Self.a])
        #expect(out[0].fields.map(\.shownName) == ["api"] && out[0].fields[0].values == [.number(6)])
    }

    @Test func filterFieldsByNameIncludesAndExcludes() throws {
        let frame = Self.table("A", [("Time", .time, []), ("cpu_user", .number, []), ("cpu_sys", .number, []), ("mem", .number, [])])
        let names = Transformations.apply("filterFieldsByName", options: try Self.options(#"{"include": {"names": ["Time", "mem"]}}"#), to: [frame])
        #expect(names[0].fields.map(\.name) == ["Time", "mem"])
        let pattern = Transformations.apply("filterFieldsByName", options: try Self.options(#"{"include": {"pattern": "cpu_.*"}}"#), to: [frame])
        #expect(pattern[0].fields.map(\.name) == ["cpu_user", "cpu_sys"])
        let excluded = Transformations.apply("filterFieldsByName", options: try Self.options(#"{"exclude": {"pattern": "/^cpu/"}}"#), to: [frame])
        #expect(excluded[0].fields.map(\.name) == ["Time", "mem"])
    }

    @Test func renameByRegexUsesCaptureGroups() throws {
        let frame = Self.series("A", "node_cpu{mode=\"idle\"}", Labels(), [(1, 1)])
        let out = Transformations.apply("renameByRegex", options: try Self.options(#"{"regex": ".*mode=\"(.*)\".*", "renamePattern": "cpu $1"}"#), to: [frame])
        #expect(out[0].fields.map(\.shownName) == ["Time", "cpu idle"])
    }

    @Test func labelsToFieldsAddsAColumnPerLabel() throws {
        let out = Transformations.apply("labelsToFields", options: .object([]), to: [Self.a])
        #expect(out[0].fields.map(\.shownName) == ["Time", "Value", "instance", "job"])
        #expect(out[0].fields[3].values == Array(repeating: .string("api"), count: 3))
        let kept = Transformations.apply("labelsToFields", options: try Self.options(#"{"keepLabels": ["job"], "valueLabel": "instance"}"#), to: [Self.a])
        #expect(kept[0].fields.map(\.shownName) == ["Time", "h1", "job"])
        let rows = Transformations.apply("labelsToFields", options: try Self.options(#"{"mode": "rows"}"#), to: [Self.a])
        #expect(rows[0].fields[0].values == [.string("instance"), .string("job")])
    }

    @Test func sortByOrdersRowsNullsLast() throws {
        let frame = Self.table("A", [("name", .string, [.string("b"), .string("a"), .string("c")]), ("v", .number, [.number(2), .null, .number(9)])])
        let desc = Transformations.apply("sortBy", options: try Self.options(#"{"sort": [{"field": "v", "desc": true}]}"#), to: [frame])
        #expect(desc[0].fields[0].values == [.string("c"), .string("b"), .string("a")])
        let asc = Transformations.apply("sortBy", options: try Self.options(#"{"sort": [{"field": "name"}]}"#), to: [frame])
        #expect(asc[0].fields[0].values == [.string("a"), .string("b"), .string("c")])
    }

    @Test func calculateFieldReducesRowsOrAppliesAnOperator() throws {
        let frame = Self.table("A", [("Time", .time, [.number(1), .number(2)]), ("used", .number, [.number(3), .number(5)]), ("free", .number, [.number(1), .null])])
        let total = Transformations.apply("calculateField", options: .object([]), to: [frame])
        #expect(total[0].fields.map(\.name) == ["Time", "used", "free", "Total"])
        #expect(total[0].fields[3].values == [.number(4), .number(5)])
        let ratio = Transformations.apply("calculateField", options: try Self.options(#"""
            {"mode": "binary", "binary": {"left": "used", "operator": "*", "right": "100"}, "alias": "pct", "replaceFields": true}
            """#), to: [frame])
        #expect(ratio[0].fields.map(\.name) == ["Time", "pct"] && ratio[0].fields[1].values == [.number(300), .number(500)])
    }

    @Test func seriesToRowsListsPointsNewestFirst() {
        let out = Transformations.apply("seriesToRows", options: .object([]), to: [Self.a, Self.b])
        #expect(out[0].fields.map(\.name) == ["Time", "Metric", "Value"])
        #expect(out[0].fields[0].values == [4000, 3000, 2000, 2000, 1000].map { .number($0) })
        #expect(out[0].fields[1].values == ["db", "api", "api", "db", "api"].map { .string($0) })
    }

    @Test func unknownTransformationsAreNamedAsIgnored() throws {
        let panel = Panel(id: 1, type: "table", raw: try Self.options(#"""
            {"transformations": [{"id": "groupBy", "options": {}}, {"id": "merge"}, {"id": "prepareTimeSeries"}, {"id": "groupBy"},
                                 {"id": "filterByValue", "disabled": true}]}
            """#))
        #expect(Transformations.ignored(panel) == ["groupBy", "prepareTimeSeries"])
        #expect(Transformations.applies(to: panel))
    }

    @Test func tablePanelDrawsTheTransformedFrame() throws {
        let json = #"""
        {"panels": [{"id": 1, "type": "table", "title": "Targets",
          "targets": [{"refId": "A", "expr": "up", "format": "table", "instant": true}, {"refId": "B", "expr": "scrape_duration_seconds", "format": "table", "instant": true}],
          "transformations": [{"id": "merge", "options": {}},
                              {"id": "organize", "options": {"excludeByName": {"Time": true}, "renameByName": {"Value #A": "Up", "Value #B": "Scrape"}}}],
          "fieldConfig": {"defaults": {}, "overrides": [{"matcher": {"id": "byName", "options": "Scrape"}, "properties": [{"id": "unit", "value": "s"}]}]}}]}
        """#
        let panel = try #require(try Dashboard(json: json).panels.first)
        func vector(_ refId: String, _ rows: [(String, Double)]) -> TargetResult {
            TargetResult(refId: refId, result: .vector(rows.map { InstantSample(labels: Labels(["job": $0.0]), sample: Sample(Fixture.end, $0.1)) }))
        }
        let data = PanelData(results: [vector("A", [("api", 1), ("db", 0)]), vector("B", [("db", 0.25), ("api", 0.5)])], time: Fixture.end)
        let model = PanelViewModelBuilder().build(panel: panel, data: data)
        guard case .table(let table) = model.content else { Issue.record("not a table: \(model.content)"); return }
        #expect(table.columns.map(\.name) == ["job", "Up", "Scrape"])
        #expect(table.rows.map { $0.map(\.text) } == [["api", "1", "500 ms"], ["db", "0", "250 ms"]])
        var buffer = Buffer(width: 40, height: 5)
        TableWidget(model: table).render(into: &buffer, area: buffer.area, theme: Theme())
        Golden.check(buffer, "table-transformed-40x5")
    }
}
