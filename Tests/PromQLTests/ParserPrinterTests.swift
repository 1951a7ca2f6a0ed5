import Foundation
import Testing
import TestSupport

@testable import PromQL

/// Canonical printing: Prometheus's printer_test.go cases plus number/duration formatting.
@Suite("PromQL printer")
struct ParserPrinterTests {
    static func cases() throws -> [(input: String, expected: String)] {
        let text = try String(
            contentsOfFile: repositoryRoot() + "/Tests/PromQLTests/Fixtures/printer_cases.txt", encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("##") }
        return stride(from: 0, to: lines.count - 1, by: 2).map { i in
            (String(lines[i]), String(lines[i + 1].dropFirst(3)))
        }
    }

    @Test("every printer case prints canonically")
    func printerCases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 70)
        for c in cases {
            let printed = try parsePromQL(c.input).description
            #expect(printed == c.expected, "\(c.input)")
        }
    }

    static let numberCases: [(Double, String)] = [
            (1.0, "1"), (-2.5, "-2.5"), (1e6, "1e+06"), (999_999, "999999"), (1.5e-5, "1.5e-05"),
            (0.001, "0.001"), (3.0e21, "3e+21"), (0.1 + 0.2, "0.30000000000000004"), (-0.0, "-0"),
            (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
            (123_456.789, "123456.789"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        ]

    @Test("numbers print like Go's fmt.Sprint(float64)", arguments: numberCases)
    func numbers(value: Double, expected: String) {
        #expect(PromQLFormat.number(value) == expected)
    }

    static let day: Int64 = 86_400_000
    static let durationCases: [(Int64, String)] = [
        (0, "0s"), (1, "1ms"), (1500, "1s500ms"), (5_400_000, "1h30m"), (7 * day, "1w"),
        (8 * day, "8d"), (365 * day, "1y"), (366 * day, "366d"), (3_600_001, "1h1ms"),
    ]

    @Test("durations print like Prometheus's model.Duration", arguments: durationCases)
    func durations(ms: Int64, expected: String) {
        #expect(PromQLFormat.duration(ms) == expected)
    }
}
