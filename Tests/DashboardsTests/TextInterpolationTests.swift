import Testing
@testable import Dashboards

@Suite struct TextInterpolationTests {
    @Test func titlesAndDescriptionsShowTheValues() {
        let job = Variable(name: "job", kind: .custom, current: ["node"], options: ["node", "api"])
        let all = Variable(name: "instance", kind: .custom, current: [Variable.allValueMarker], options: ["a", "b"], includeAll: true)
        let dashboard = Dashboard(uid: "u", title: "t", panels: [
            Panel(id: 1, type: "stat", title: "Uptime ($job)", description: "on [[instance]]"),
            Panel(id: 2, type: "row", title: "Row ${job}", panels: [Panel(id: 3, type: "stat", title: "CPU $instance $unknown")]),
            Panel(id: 4, type: "stat", title: "Plain"),
        ], variables: [job, all])
        #expect(dashboard.hasTextReferences)
        let shown = dashboard.interpolatingTexts()
        #expect(shown.panels.map(\.title) == ["Uptime (node)", "Row node", "Plain"])
        #expect(shown.panels[0].description == "on All")
        // Unknown names stay as written, as in Grafana.
        #expect(shown.panels[1].panels[0].title == "CPU All $unknown")
        var repeated = dashboard.panels[0]
        repeated.scopedVariables = ["job": "api"]
        #expect(Dashboard(uid: "u", title: "t", panels: [repeated], variables: [job]).interpolatingTexts().panels[0].title == "Uptime (api)")
        #expect(!Dashboard(uid: "u", title: "t", panels: [Panel(id: 1, type: "stat", title: "Plain")]).hasTextReferences)
    }
}
