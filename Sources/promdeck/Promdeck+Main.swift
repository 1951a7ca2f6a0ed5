import ArgumentParser
import Foundation
import Render

extension Promdeck {
    /// ArgumentParser's own main, except that a ValidationError thrown by a subcommand's
    /// `run()` (a bad --time, an unknown dashboard) shows that subcommand's usage, as one
    /// thrown while parsing does, and that every error text is made inert line by line
    /// (Sanitizer) before it reaches the terminal: errors quote what servers and files said.
    static func main() async {
        reexecWithBacktraceSettings()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            let name = type(of: command)._commandName
            let usage = usageString(for: type(of: command)).replacingOccurrences(of: "\n", with: "\n  ")
            report("Error: \(error.message)\nUsage: \(usage)\n  See 'promdeck \(name) --help' for more information.", code: .validationFailure)
        } catch {
            fail(error)
        }
    }

    private static func fail(_ error: any Error) -> Never {
        report(fullMessage(for: error), code: exitCode(for: error))
    }

    private static func report(_ message: String, code: ExitCode) -> Never {
        if !message.isEmpty {
            let inert = message.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Sanitizer.visible(String($0)) }.joined(separator: "\n")
            if code == .success {
                print(inert)
            } else {
                FileHandle.standardError.write(Data((inert + "\n").utf8))
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// The Swift runtime reads SWIFT_BACKTRACE once, at start. Its defaults on a terminal
    /// (colour, output to stdout, then "press space to interact" for 30 s) would draw a crash
    /// report over the viewer and hold the shell; so, unless the user chose settings, promdeck
    /// starts itself again with the report written plainly to stderr (the log file while the
    /// viewer runs) and fast symbolication. Exec keeps the pid; should it fail, this run goes on.
    static func reexecWithBacktraceSettings(environment: [String: String] = ProcessInfo.processInfo.environment) {
        #if os(Linux)
        guard environment["SWIFT_BACKTRACE"] == nil else { return }
        // The resolved path, not /proc/self/exe, so the process keeps its name in ps.
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no,color=no,output-to=stderr,symbolicate=fast", 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv(executable, arguments)
        for argument in arguments { free(argument) }
        unsetenv("SWIFT_BACKTRACE")
        #endif
    }
}
