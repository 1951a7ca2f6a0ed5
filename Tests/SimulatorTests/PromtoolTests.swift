import Foundation
import PromModel
import Testing
import TestSupport
@testable import Simulator

/// What Prometheus's own tools say about the exposition and deploy/.
@Suite(.tags(.promtool)) struct PromtoolTests {
    let deploy = repositoryRoot() + "/deploy"

    @Test(arguments: Service.all)
    func metricsPassPromtoolLint(service: Service) throws {
        let text = Simulation(seed: 5).exposition(service: service, at: 1_767_621_600_000)
        let output = try runCommand("promtool", ["check", "metrics"], stdin: text)
        #expect(output.status == 0, "\(service.name): \(output.stdout)\(output.stderr)")
        #expect(output.stdout.isEmpty && output.stderr.isEmpty, "\(service.name): \(output.stdout)\(output.stderr)")
    }

    @Test func prometheusConfigIsValid() throws {
        let output = try runCommand("promtool", ["check", "config", "\(deploy)/prometheus.yml"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("1 rule files found"))
    }

    @Test func alertRulesAreValid() throws {
        let output = try runCommand("promtool", ["check", "rules", "\(deploy)/alerts.yml"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("SUCCESS: 7 rules found"))
    }

    @Test func alertUnitTestsPass() throws {
        let output = try runCommand("promtool", ["test", "rules", "\(deploy)/alerts.test.yml"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }

    @Test func everyAlertHasSeverityForAndAnnotationsAndATest() throws {
        let rules = try String(contentsOfFile: "\(deploy)/alerts.yml", encoding: .utf8)
        let tests = try String(contentsOfFile: "\(deploy)/alerts.test.yml", encoding: .utf8)
        let names = ["HighHttp5xxRate", "HighP95Latency", "EventBusQueueLagHigh", "EmergencyStopTriggered",
                     "ServiceDown", "DependencyDown", "PortfolioDrawdown"]
        let blocks = rules.components(separatedBy: "- alert: ").dropFirst()
        #expect(blocks.map { String($0.prefix { !$0.isNewline }) } == names)
        for block in blocks {
            #expect(block.contains("\n        for: "))
            #expect(block.range(of: #"severity: (critical|warning|info)"#, options: .regularExpression) != nil)
            #expect(block.contains("summary: ") && block.contains("description: "))
        }
        for name in names { #expect(tests.contains("alertname: \(name)"), "\(name) has no promtool test") }
    }

    @Test func alertmanagerConfigIsValid() throws {
        let output = try runCommand("amtool", ["check-config", "\(deploy)/alertmanager.yml"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("3 receivers") && output.stdout.contains("1 inhibit rules"))
    }
}
