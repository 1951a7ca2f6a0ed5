import Foundation
import Testing
import TestSupport
@testable import Dashboards

/// docs/grafana-compatibility.md stays true: every JSON key the decoders read, every panel
/// type lint counts as drawn, every variable kind and format is in its tables, and every
/// table row names something the code knows.
@Suite struct CompatibilityDocTests {
    static let root = repositoryRoot()

    /// `value["key"]` literals in Sources/Dashboards/Decode.
    static func decodedKeys() throws -> Set<String> {
        let directory = root + "/Sources/Dashboards/Decode"
        let pattern = try NSRegularExpression(pattern: #"\["([A-Za-z_.]+)"\]"#)
        var keys: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { keys.insert(String(text[range])) }
            }
        }
        return keys
    }

    /// The first column of every table row: `` | `name` | ``.
    static func documented() throws -> Set<String> {
        let text = try String(contentsOfFile: root + "/docs/grafana-compatibility.md", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?m)^\| `([^`]+)` \|"#)
        return Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test func everythingTheCodeReadsIsDocumentedAndNothingElse() throws {
        let code = try Self.decodedKeys()
            .union(DashboardLinter.supportedPanelTypes)
            .union(Variable.Kind.allCases.map(\.rawValue))
            .union(VariableFormat.knownFormats)
        let doc = try Self.documented()
        #expect(code.count > 50)
        #expect(code.subtracting(doc).isEmpty, "read by the code, missing from the doc: \(code.subtracting(doc).sorted())")
        #expect(doc.subtracting(code).isEmpty, "in the doc, not read by the code: \(doc.subtracting(code).sorted())")
    }
}
