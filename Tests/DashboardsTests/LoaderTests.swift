import Testing
import TestSupport
@testable import Dashboards

@Suite struct LoaderTests {
    static let catalog = Result { try DashboardLoader().load(repositoryRoot() + "/dashboards") }

    @Test(arguments: [
        ("trading-performance", "Trading Performance"),
        ("Trading-Performance.JSON", "Trading Performance"),
        ("promdeck-eventbus", "EventBus Monitoring"),
        ("PROMDECK-INFRASTRUCTURE", "Infrastructure Metrics"),
        ("service health overview", "Service Health Overview"),
    ])
    func findsByFileNameUIDOrTitle(name: String, title: String) throws {
        #expect(try Self.catalog.get().find(name).dashboard.title == title)
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let catalog = try Self.catalog.get()
        #expect(throws: DashboardLoadError(path: nil, message: "no dashboard named \"nope\"; available: "
            + "eventbus-monitoring (uid promdeck-eventbus, \"EventBus Monitoring\"), "
            + "infrastructure-metrics (uid promdeck-infrastructure, \"Infrastructure Metrics\"), "
            + "service-health-overview (uid promdeck-service-health, \"Service Health Overview\"), "
            + "trading-performance (uid promdeck-trading-performance, \"Trading Performance\")")) {
            _ = try catalog.find("nope")
        }
    }

    @Test func badFilesAreReportedNotFatal() throws {
        let dir = try TemporaryDirectory("loader")
        defer { dir.remove() }
        _ = try dir.write("good.json", #"{"uid": "g", "title": "Good", "panels": []}"#)
        _ = try dir.write("bad.json", "{\n  \"uid\": ,\n}")
        _ = try dir.write("notes.txt", "ignored")
        let catalog = try DashboardLoader().load(dir.path)
        #expect(catalog.files.map(\.name) == ["good"])
        #expect(catalog.failures.map(\.description) == ["\(dir.path)/bad.json:2:10: invalid JSON: unexpected ',': expected a value"])
        #expect(try catalog.find("g").dashboard.title == "Good")
        #expect(throws: DashboardLoadError.self) { _ = try DashboardLoader().load(dir.file("missing")) }
    }

    @Test func ambiguousNamesAreAnError() throws {
        let a = DashboardFile(path: "/x/a.json", document: try JSONDocument.parse(#"{"uid": "same", "title": "A"}"#))
        let b = DashboardFile(path: "/x/b.json", document: try JSONDocument.parse(#"{"uid": "same", "title": "B"}"#))
        #expect(throws: DashboardLoadError(path: nil, message: "\"same\" matches several dashboards: /x/a.json, /x/b.json")) {
            _ = try DashboardCatalog(files: [a, b]).find("same")
        }
    }

    @Test("without file names (the viewer's list), titles typed with dashes still match")
    func lookupWithoutFileNames() throws {
        let dashboards = try Self.catalog.get().files.map(\.dashboard)
        let lookup = DashboardLookup(dashboards: dashboards)
        #expect(try dashboards[lookup.index(of: "service-health-overview")].title == "Service Health Overview")
        #expect(try dashboards[lookup.index(of: "EVENTBUS monitoring")].title == "EventBus Monitoring")
        #expect(throws: DashboardLoadError.self) { _ = try lookup.index(of: "trading") }
    }
}
