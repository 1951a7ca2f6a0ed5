import Bundled
import Foundation
import Testing
import TestSupport

/// `--version`, `--help` at 80 columns, and the usage a validation error shows.
@Suite("promdeck help and version")
struct HelpAndVersionTests {
    static let subcommands = ["view", "demo", "snapshot", "query", "lint", "datasources", "simulate"]

    func run(_ arguments: [String], columns: Int = 80) throws -> CommandOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = String(columns)
        return try runCommand(try promdeckExecutable(), arguments, environment: environment, timeout: .seconds(60))
    }

    @Test func versionIsTheBundledOne() throws {
        let output = try run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout == Bundled.version + "\n")
    }

    /// The examples fit 80 columns as written: the same at 80 as at 200, so none is wrapped in
    /// the middle of a command; a command that does not fit is continued with a backslash.
    @Test(arguments: [[String]()] + subcommands.map { [$0] })
    func examplesAreNotWrappedAt80Columns(_ subcommand: [String]) throws {
        let narrow = try run(subcommand + ["--help"]), wide = try run(subcommand + ["--help"], columns: 200)
        #expect(narrow.status == 0)
        let examples = { (help: String) -> [String] in
            Array(help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .drop { !$0.contains("Examples:") }.prefix { !$0.isEmpty })
        }
        let block = examples(narrow.stdout)
        #expect(block.count > 1, "no examples in \(subcommand) --help:\n\(narrow.stdout)")
        #expect(block == examples(wide.stdout), "\(narrow.stdout)")
        for line in block { #expect(line.count <= 80, "\(line)") }
    }

    @Test func topLevelHelpListsExamplesAndKeysLiveInViewHelp() throws {
        #expect(try run(["--help"]).stdout.contains("promdeck demo\n"))
        let view = try run(["view", "--help"]).stdout
        #expect(view.contains("Keys:") && view.contains("inspect focused panel"), "\(view)")
    }

    /// A ValidationError thrown while running shows the subcommand's usage, not the top level's.
    @Test func runtimeValidationErrorShowsTheSubcommandsUsage() throws {
        let output = try run(["snapshot", "--demo", "--dashboard", "no-such-dashboard"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("Usage: promdeck snapshot ["), "\(output.stderr)")
        #expect(output.stderr.contains("See 'promdeck snapshot --help'"), "\(output.stderr)")
    }

    /// `demo --regions` out of range is refused before any terminal is needed.
    @Test(arguments: ["0", "5"]) func demoRegionsOutOfRangeIsRefusedBeforeTheScreen(_ count: String) throws {
        let output = try run(["demo", "--regions", count])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--regions expects 1 to 4 regions, got \(count)"), "\(output.stderr)")
    }
}

/// Text written with its own line breaks must not come out of ArgumentParser's 80-column
/// wrap with a word or two stranded on a line of their own (the keys' descriptions wrap
/// under themselves; hand-wrapped paragraphs stay under 80 columns).
@Suite struct HelpWrappingTests {
    @Test(arguments: [[String]()] + HelpAndVersionTests.subcommands.map { [$0] })
    func noWordIsStrandedByTheWrapAt80Columns(_ subcommand: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        let output = try runCommand(try promdeckExecutable(), subcommand + ["--help"], environment: environment, timeout: .seconds(60))
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices.dropFirst().dropLast() {
            let (previous, line, next) = (lines[index - 1], lines[index], lines[index + 1])
            let stranded = !line.isEmpty && line.count < 25 && !line.hasSuffix(":") && !line.hasPrefix(" ")
                && previous.count >= 70 && !next.isEmpty
            #expect(!stranded, "\(subcommand) --help strands \"\(line)\" after \"\(previous)\"")
        }
        // The usage line is ArgumentParser's own, never wrapped.
        for line in lines where !line.hasPrefix("USAGE:") { #expect(line.count <= 80, "\(subcommand) --help: \(line)") }
    }
}
