import Bundled
import Foundation
import Testing

/// The embedded copies are the repository's files, byte for byte, and every dashboard is in.
struct BundledFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func embeddedFilesEqualTheRepositorys() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("dashboards").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(Bundled.dashboards.map(\.path) == names.map { "dashboards/" + $0 })
        #expect(names.count == 4)
        let regions = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("dashboards/regions").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(Bundled.regionDashboards.map(\.path) == regions.map { "dashboards/regions/" + $0 })
        #expect(!regions.isEmpty)
        for file in Bundled.dashboards + Bundled.regionDashboards + [Bundled.alertRules].compactMap({ $0 }) {
            let onDisk = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
            #expect(file.text == onDisk, "\(file.path)")
        }
        #expect(Bundled.alertRules?.text.contains("groups:") == true)
    }

    @Test func versionIsSemantic() {
        let parts = Bundled.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(Bundled.version)")
    }
}
