import Foundation
import Testing
import TestSupport

/// Every `promql/promqltest/testdata/*.test` of Prometheus v3.14.0 (checked in under
/// promqltest/, see SOURCE there) against the embedded engine. Evaluations the embedded
/// store cannot hold (native histograms, start timestamps) are skipped; evaluations of
/// feature-flagged syntax the engine declines fail with its "not supported" error. Both
/// sets are computed and must equal the checked-in SKIPPED and DECLINED lists exactly, so
/// a new failure, or a declined case that starts passing, fails this test.
@Suite("promqltest v3.14.0")
struct PromQLTestSuite {
    static let directory = repositoryRoot() + "/Tests/PromQLTests/promqltest"

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".test") }.sorted()
    }

    @Test("every eval of every file passes, or is listed in SKIPPED or DECLINED")
    func allFiles() throws {
        var passed = 0, skipped: [String] = [], failures: [String] = []
        let files = try Self.files()
        #expect(files.count == 21)
        for file in files {
            let script: PromQLTestScript
            do {
                script = try PromQLTestScript(String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8))
            } catch {
                Issue.record("\(file): \(error)")
                continue
            }
            for result in PromQLTestRunner.run(script) {
                switch result.outcome {
                case .passed: passed += 1
                case .skipped(let reason): skipped.append("\(file):\(result.line) \(reason)")
                case .failed(let why): failures.append("\(file):\(result.line): \(result.expr): \(why)")
                }
            }
        }
        let total = passed + skipped.count + failures.count
        let declined = failures.map { String($0.prefix { $0 != " " }.dropLast()) }
        if ProcessInfo.processInfo.environment["RECORD_PROMQLTEST"] == "1" {
            try Self.write("SKIPPED", skipped, header: "promqltest evaluations the embedded store cannot hold: file:line reason (\(skipped.count) of \(total))")
            try Self.write("DECLINED", failures.map { line in
                let file = String(line.prefix { $0 != ":" })
                return String(line.prefix { $0 != " " }.dropLast()) + " " + Self.declineReason(file: file, failure: line)
            }, header: "promqltest evaluations of syntax behind 3.14 feature flags that the embedded engine declines: file:line flag (\(failures.count) of \(total))")
            return
        }
        #expect(try Self.read("SKIPPED") == skipped, "the skipped evaluations differ from promqltest/SKIPPED")
        let listed = try Self.read("DECLINED").map { String($0.prefix { $0 != " " }) }
        let unexpected = failures.filter { !listed.contains(String($0.prefix { $0 != " " }.dropLast())) }
        print("promqltest v3.14.0: \(files.count) files, \(total) evaluations: \(passed) passed, \(skipped.count) skipped (native histograms, start timestamps), \(failures.count - unexpected.count) declined (feature-flagged syntax), \(unexpected.count) failed")
        #expect(unexpected.isEmpty, "\(unexpected.count) of \(total) evaluations failed:\n\(unexpected.joined(separator: "\n"))")
        let nowPassing = listed.filter { !declined.contains($0) }
        #expect(nowPassing.isEmpty, "listed in promqltest/DECLINED but passing now: \(nowPassing)")
    }

    /// The 3.14 feature flag behind each file's declined evaluations (Prometheus's
    /// promqltest engine enables them all; a default server does not).
    static let featureFlags = [
        "aggregators.test": "limitk/limit_ratio: --enable-feature=promql-experimental-functions",
        "limit.test": "limitk/limit_ratio: --enable-feature=promql-experimental-functions",
        "extended_vectors.test": "anchored/smoothed: --enable-feature=promql-extended-range-selectors",
        "fill-modifier.test": "fill(): --enable-feature=promql-binop-fill-modifiers",
        "info.test": "info(): --enable-feature=promql-experimental-functions",
        "histograms.test": "histogram_quantiles(): --enable-feature=promql-experimental-functions",
        "name_label_dropping.test": "delayed __name__ removal: --enable-feature=promql-delayed-name-removal",
        "type_and_unit.test": "__type__/__unit__ labels: --enable-feature=type-and-unit-labels",
    ]

    /// An annotation that names the metric comes from delayed name removal, which the
    /// promqltest engine turns on (3.14 engine.go resetHistograms, funcHistogramQuantile);
    /// a default server, like the embedded engine, leaves the name out.
    static let annotationNamingTheMetric = "annotation naming the metric: --enable-feature=promql-delayed-name-removal"

    static func declineReason(file: String, failure: String) -> String {
        failure.contains(": annotation: ") ? annotationNamingTheMetric : featureFlags[file] ?? "?"
    }

    static func read(_ name: String) throws -> [String] {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    static func write(_ name: String, _ lines: [String], header: String) throws {
        let text = "# \(header).\n# Computed by PromQLTestSuite; re-record with RECORD_PROMQLTEST=1.\n" + lines.joined(separator: "\n") + "\n"
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
}
