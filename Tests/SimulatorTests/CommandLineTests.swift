import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

@Suite struct CommandLineTests {
    @Test func badArgumentsFailWithAMessage() throws {
        let cases: [([String], String)] = [
            (["--openmetrics", "/dev/null"], "--openmetrics needs --start and --duration"),
            (["--openmetrics", "/dev/null", "--start", "soon", "--duration", "1h"], "--start soon"),
            (["--openmetrics", "/dev/null", "--start", "0", "--duration", "forever"], "--duration forever"),
            (["--speed", "0"], "--speed must be a positive number"),
            (["--start", "0"], "only go with --openmetrics"),
        ]
        for (arguments, message) in cases {
            let output = try runCommand(SimulatorProcess.executable, ["simulate"] + arguments, timeout: .seconds(30))
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
    }

    @Test func backfillToStandardOutputEndsWithEOF() throws {
        let output = try runCommand(SimulatorProcess.executable, [
            "simulate", "--openmetrics", "-", "--start", "1767621600", "--duration", "1m", "--interval", "30s", "--seed", "4",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == Simulation(seed: 4).openMetrics(start: 1_767_621_600_000, end: 1_767_621_660_000, interval: 30_000))
        let families = try parseTextFormat(output.stdout)
        #expect(families.first { $0.name == "http_requests" }?.type == "counter")
        #expect(families.allSatisfy { family in family.samples.allSatisfy { $0.timestamp != nil } })
    }
}
